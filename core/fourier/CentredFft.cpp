#include "fourier/CentredFft.h"

#include "util/Error.h"

#include <string>

namespace cryo {
namespace {

// Parity of the row part (y, or y + z) of row r of a D^rank array. Modulating by
// (−1)^(x+y[+z]) in one domain shifts the other domain by D/2, which is how fftshift is
// done here (D even).
inline std::size_t rowParity(std::size_t r, std::size_t D) { return (r % D + r / D) & 1; }
inline float sign(std::size_t parity) { return parity & 1 ? -1.0f : 1.0f; }

} // namespace

CentredFft::CentredFft(int D, int rank)
    : m_D(D), m_rank(rank)
{
    if (D <= 0 || D % 2 != 0)
        throw UsageError("Fourier transform: box size must be even and positive, got " + std::to_string(D));
    if (rank != 2 && rank != 3)
        throw UsageError("Fourier transform: rank must be 2 or 3");
    const int dims[3] = {D, D, D};
    m_count = rank == 2 ? std::size_t(D) * D : std::size_t(D) * D * D;
    m_halfCount = m_count / D * (D / 2 + 1);
    m_forwardPlan = makeRealForwardPlan(rank, dims);
    m_inversePlan = makeRealInversePlan(rank, dims);
    m_real = FftwBuffer<float>(m_count);
    m_half = FftwBuffer<Complex>(m_halfCount);
    m_full.resize(m_count);
}

void CentredFft::expandHalfSpectrum(Complex* out) const
{
    // m_half holds G[..][kx] for kx ≤ D/2; the rest follows from G[−k] = conj G[k].
    const std::size_t D = m_D, hx = D / 2 + 1;
    const std::size_t rows = m_count / D;   // (z, y) pairs flattened
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t y = r % D, z = r / D;
        const std::size_t mirrorRow = (m_rank == 3 ? ((D - z) % D) * D : 0) + (D - y) % D;
        const std::size_t p = rowParity(r, D);
        for (std::size_t x = 0; x < D; ++x) {
            const Complex g = x < hx ? m_half[r * hx + x] : std::conj(m_half[mirrorRow * hx + (D - x)]);
            out[r * D + x] = sign(p + x) * g;
        }
    }
}

void CentredFft::forward(const float* image, Complex* out)
{
    const std::size_t D = m_D;
    for (std::size_t r = 0; r < m_count / D; ++r) {
        const std::size_t p = rowParity(r, D);
        for (std::size_t x = 0; x < D; ++x)
            m_real[r * D + x] = sign(p + x) * image[r * D + x];
    }
    fftwf_execute_dft_r2c(m_forwardPlan.get(), m_real.data(), asFftw(m_half.data()));
    expandHalfSpectrum(out);
}

void CentredFft::inverse(const Complex* centred, float* image)
{
    const std::size_t D = m_D, hx = D / 2 + 1;
    const std::size_t rows = m_count / D;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t p = rowParity(r, D);
        for (std::size_t x = 0; x < hx; ++x)
            m_half[r * hx + x] = sign(p + x) * centred[r * D + x];
    }
    fftwf_execute_dft_c2r(m_inversePlan.get(), asFftw(m_half.data()), m_real.data());
    const float scale = 1.0f / float(m_count);
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t p = rowParity(r, D);
        for (std::size_t x = 0; x < D; ++x)
            image[r * D + x] = sign(p + x) * scale * m_real[r * D + x];
    }
}

void CentredFft::hartley(const float* image, float* ht)
{
    forward(image, m_full.data());
    for (std::size_t i = 0; i < m_count; ++i)
        ht[i] = m_full[i].real() - m_full[i].imag();
}

void CentredFft::inverseHartley(const float* ht, float* image)
{
    hartley(ht, image);
    const float scale = 1.0f / float(m_count);
    for (std::size_t i = 0; i < m_count; ++i)
        image[i] *= scale;
}

} // namespace cryo
