#include "fourier/HartleyLattice.h"

#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace cryo {

std::vector<float> latticeFrequencies2D(int D, bool symmetric)
{
    if (D <= 0 || D % 2 != 0)
        throw UsageError("lattice: box size must be even and positive");
    const int n = symmetric ? D + 1 : D;
    std::vector<float> k(std::size_t(n) * n * 2);
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            const std::size_t i = (std::size_t(y) * n + x) * 2;
            k[i] = float(latticeFrequency(x, D));
            k[i + 1] = float(latticeFrequency(y, D));
        }
    }
    return k;
}

void symmetrize2D(const float* ht, int D, float* out)
{
    const int n = D + 1;
    for (int y = 0; y < n; ++y) {
        const float* row = ht + std::size_t(y % D) * D;
        for (int x = 0; x < n; ++x)
            out[std::size_t(y) * n + x] = row[x % D];
    }
}

std::vector<float> symmetrized2D(const float* ht, int D)
{
    std::vector<float> out(std::size_t(D + 1) * (D + 1));
    symmetrize2D(ht, D, out.data());
    return out;
}

void unsymmetrize2D(const float* symmetric, int D, float* out)
{
    const int n = D + 1;
    for (int y = 0; y < D; ++y) {
        for (int x = 0; x < D; ++x)
            out[std::size_t(y) * D + x] = symmetric[std::size_t(y) * n + x];
    }
}

void unsymmetrize3D(const float* symmetric, int D, float* out)
{
    const std::size_t n = D + 1;
    for (int z = 0; z < D; ++z) {
        for (int y = 0; y < D; ++y) {
            for (int x = 0; x < D; ++x)
                out[(std::size_t(z) * D + y) * D + x] = symmetric[(z * n + y) * n + x];
        }
    }
}

void translateHartley(const float* ht, int D, bool symmetric, double tx, double ty, float* out)
{
    if (D <= 0 || D % 2 != 0)
        throw UsageError("Hartley shift: box size must be even and positive");
    const int n = symmetric ? D + 1 : D;
    const double twoPi = 2.0 * std::numbers::pi;
    // Separable phases: 2πk·t = 2π(kx·tx + ky·ty).
    std::vector<double> phaseX(n), phaseY(n);
    for (int i = 0; i < n; ++i) {
        phaseX[i] = twoPi * latticeFrequency(i, D) * tx;
        phaseY[i] = twoPi * latticeFrequency(i, D) * ty;
    }
    auto mirror = [&](int i) { return symmetric ? D - i : (D - i) % D; };
    for (int y = 0; y < n; ++y) {
        const int my = mirror(y);
        for (int x = 0; x < n; ++x) {
            const double phase = phaseX[x] + phaseY[y];
            const float h = ht[std::size_t(y) * n + x];
            const float hm = ht[std::size_t(my) * n + mirror(x)];
            out[std::size_t(y) * n + x] = float(std::cos(phase) * h + std::sin(phase) * hm);
        }
    }
}

} // namespace cryo
