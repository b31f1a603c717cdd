#include "sim/ParticleImager.h"

#include "fourier/HartleyLattice.h"
#include "sim/AtomRenderer.h"

#include <cmath>
#include <numbers>

namespace cryo {

ParticleImager::ParticleImager(int D, double apix)
    : m_D(D), m_apix(apix), m_fft(D, 2)
{
    const std::size_t n = std::size_t(D) * D;
    m_projection.resize(n);
    m_ctf.resize(n);
    m_spectrum.resize(n);
    m_phaseX.resize(D);
    m_phaseY.resize(D);
}

void ParticleImager::image(const std::vector<PseudoAtom>& atoms, const Mat3& R, const std::array<double, 2>& shift,
                           const CtfParams* ctf, float* out)
{
    const int D = m_D;
    renderProjection(atoms, R, D, m_apix, m_projection.data());
    m_fft.forward(m_projection.data(), m_spectrum.data());
    // e^{+2πik·t} is separable: one phase factor per column and per row.
    const double twoPi = 2 * std::numbers::pi;
    for (int i = 0; i < D; ++i) {
        m_phaseX[i] = std::polar(1.0f, float(twoPi * latticeFrequency(i, D) * shift[0]));
        m_phaseY[i] = std::polar(1.0f, float(twoPi * latticeFrequency(i, D) * shift[1]));
    }
    if (ctf)
        evaluateCtfLattice(*ctf, m_apix, D, false, m_ctf.data());
    for (int y = 0; y < D; ++y) {
        for (int x = 0; x < D; ++x) {
            const std::size_t i = std::size_t(y) * D + x;
            // The Nyquist row/column (index 0) has no Hermitian partner on a D×D lattice, so
            // a phase-shifted value there would not be the transform of a real image: drop it.
            const float c = (x == 0 || y == 0) ? 0.0f : (ctf ? m_ctf[i] : 1.0f);
            m_spectrum[i] *= c * m_phaseX[x] * m_phaseY[y];
        }
    }
    m_fft.inverse(m_spectrum.data(), out);
}

} // namespace cryo
