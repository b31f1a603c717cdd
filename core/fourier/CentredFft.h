#pragma once
// Centred FFT and Hartley transforms of square images (rank 2) and cubic volumes (rank 3),
// the cryoDRGN layout:
//   - real-space origin at index D/2 along every axis (numpy fftshift before the FFT),
//   - DC at index D/2 in the transform (fftshift after), index i ↔ frequency (i − D/2)/D
//     cycles/px, arrays [y][x] or [z][y][x], x fastest,
//   - forward = Σ f(x)·e^{−2πik·x} (unnormalised), inverse divides by D^rank,
//   - Hartley transform HT = Re − Im of the centred FFT; it is its own inverse up to
//     1/D^rank, so inverseHartley(h) = hartley(h) / D^rank.
// D must be even. Plans are made once per object; an object is NOT thread-safe (it owns
// scratch buffers) -- use one per thread. Construction is cheap after the first one.
#include "fourier/FftwPlan.h"

#include <vector>

namespace cryo {

class CentredFft {
public:
    CentredFft(int D, int rank);   // rank 2 (images) or 3 (volumes)

    int size() const { return m_D; }
    int rank() const { return m_rank; }
    std::size_t count() const { return m_count; }   // D^rank

    // image: D^rank reals → out: D^rank complex, centred.
    void forward(const float* image, Complex* out);
    // centred: D^rank complex (assumed Hermitian: centred[−k] = conj centred[k], as the
    // transform of a real array is) → image: D^rank reals, normalised.
    void inverse(const Complex* centred, float* image);
    // image → Hartley transform (D^rank reals, centred).
    void hartley(const float* image, float* ht);
    // Hartley transform → image (normalised).
    void inverseHartley(const float* ht, float* image);

private:
    void expandHalfSpectrum(Complex* out) const;

    int m_D, m_rank;
    std::size_t m_count, m_halfCount;
    FftwPlan m_forwardPlan, m_inversePlan;
    FftwBuffer<float> m_real;
    FftwBuffer<Complex> m_half;
    std::vector<Complex> m_full;
};

} // namespace cryo
