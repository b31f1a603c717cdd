#include "reconstruct/FourierAccumulator.h"

#include "util/Error.h"

#include <string>

namespace cryo {

FourierAccumulator::FourierAccumulator(int D, int padding)
    : m_D(D), m_padding(padding), m_G(D * padding), m_stride(std::size_t(D * padding) + 1)
{
    if (D < 4 || D % 2 != 0)
        throw UsageError("backprojection: the box size must be even and at least 4, got " + std::to_string(D));
    if (padding < 1 || padding > 4)
        throw UsageError("backprojection: the oversampling factor must be 1 to 4, got " + std::to_string(padding));
    const int half = D / 2;
    for (int y = 0; y < D; ++y) {
        for (int x = 0; x < D; ++x) {
            const int kx = x - half, ky = y - half;
            if (kx * kx + ky * ky >= half * half)
                continue;
            m_pixels.push_back(y * D + x);
            m_kx.push_back(float(kx));
            m_ky.push_back(float(ky));
        }
    }
    m_sums.assign(2 * m_stride * m_stride * m_stride, 0.0f);
}

void FourierAccumulator::insert(const float* ctfTimesValues, const float* ctfSquared, const Mat3& R)
{
    // Rᵀ·(kx, ky, 0) = kx·(row 0 of R) + ky·(row 1 of R), in grid voxels (× padding), shifted
    // so that the DC term lands on index G/2. |K| < G/2, so every coordinate lies in (0, G).
    const float p = float(m_padding), centre = float(m_G / 2);
    const float ax = p * float(R(0, 0)), ay = p * float(R(0, 1)), az = p * float(R(0, 2));
    const float bx = p * float(R(1, 0)), by = p * float(R(1, 1)), bz = p * float(R(1, 2));
    const std::size_t sx = 2, sy = 2 * m_stride, sz = 2 * m_stride * m_stride;
    float* sums = m_sums.data();
    for (std::size_t i = 0; i < m_pixels.size(); ++i) {
        const float kx = m_kx[i], ky = m_ky[i];
        const float X = kx * ax + ky * bx + centre, Y = kx * ay + ky * by + centre, Z = kx * az + ky * bz + centre;
        const int x0 = int(X), y0 = int(Y), z0 = int(Z);   // truncation = floor: all positive
        const float fx = X - float(x0), fy = Y - float(y0), fz = Z - float(z0);
        const float value = ctfTimesValues[m_pixels[i]], weight = ctfSquared[m_pixels[i]];
        float* corner = sums + std::size_t(z0) * sz + std::size_t(y0) * sy + std::size_t(x0) * sx;
        const float wz[2] = {1.0f - fz, fz}, wy[2] = {1.0f - fy, fy}, wx[2] = {1.0f - fx, fx};
        for (int dz = 0; dz < 2; ++dz) {
            for (int dy = 0; dy < 2; ++dy) {
                float* row = corner + std::size_t(dz) * sz + std::size_t(dy) * sy;
                const float wzy = wz[dz] * wy[dy];
                for (int dx = 0; dx < 2; ++dx) {
                    const float w = wzy * wx[dx];
                    row[dx * sx] += w * value;
                    row[dx * sx + 1] += w * weight;
                }
            }
        }
    }
}

void FourierAccumulator::add(const FourierAccumulator& other)
{
    if (other.m_G != m_G)
        throw UsageError("backprojection: cannot add Fourier sums of different grids");
    for (std::size_t i = 0; i < m_sums.size(); ++i)
        m_sums[i] += other.m_sums[i];
}

FourierSums FourierAccumulator::folded() const
{
    const std::size_t G = std::size_t(m_G), S = m_stride;
    FourierSums out;
    out.gridSize = m_G;
    out.numerator.assign(G * G * G, 0.0f);
    out.weight.assign(G * G * G, 0.0f);
    for (std::size_t z = 0; z < S; ++z) {
        for (std::size_t y = 0; y < S; ++y) {
            for (std::size_t x = 0; x < S; ++x) {
                const std::size_t from = 2 * ((z * S + y) * S + x);
                const std::size_t to = ((z % G) * G + y % G) * G + x % G;
                out.numerator[to] += m_sums[from];
                out.weight[to] += m_sums[from + 1];
            }
        }
    }
    return out;
}

} // namespace cryo
