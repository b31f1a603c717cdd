#include "reconstruct/ParticleSlice.h"

#include "fourier/HartleyLattice.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cryo {

ParticleSlice::ParticleSlice(int D, const PreprocessOptions& options)
    : m_D(D), m_invert(options.invertContrast), m_fft(D, 2)
{
    const std::size_t n = std::size_t(D) * D;
    if (options.window) {
        m_window = softCircularWindow(D, options.windowInner, options.windowOuter);
        m_image.resize(n);
    }
    m_spectrum.resize(n);
    m_phaseX.resize(std::size_t(D));
    m_phaseY.resize(std::size_t(D));
    m_values.resize(n);
    m_ctfSquared.resize(n);
}

void ParticleSlice::prepare(const float* image, double shiftX, double shiftY, const CtfParams* ctf, double pixelSize)
{
    const int D = m_D;
    if (!m_window.empty()) {
        for (std::size_t i = 0; i < m_window.size(); ++i)
            m_image[i] = image[i] * m_window[i];
        image = m_image.data();
    }
    m_fft.forward(image, m_spectrum.data());
    // e^{−2πik·t} is separable: one factor per column and one per row.
    const double twoPi = 2 * std::numbers::pi;
    const float sign = m_invert ? -1.0f : 1.0f;
    for (int i = 0; i < D; ++i) {
        m_phaseX[std::size_t(i)] = std::polar(sign, float(-twoPi * latticeFrequency(i, D) * shiftX));
        m_phaseY[std::size_t(i)] = std::polar(1.0f, float(-twoPi * latticeFrequency(i, D) * shiftY));
    }
    if (ctf)
        evaluateCtfLattice(*ctf, pixelSize, D, false, m_ctfSquared.data());   // the CTF for now, squared below
    else
        std::fill(m_ctfSquared.begin(), m_ctfSquared.end(), 1.0f);
    for (int y = 0; y < D; ++y) {
        const Complex rowPhase = m_phaseY[std::size_t(y)];
        for (int x = 0; x < D; ++x) {
            const std::size_t i = std::size_t(y) * D + x;
            const Complex centred = m_spectrum[i] * (rowPhase * m_phaseX[std::size_t(x)]);
            const float c = m_ctfSquared[i];
            m_values[i] = c * (centred.real() - centred.imag());
            m_ctfSquared[i] = c * c;
        }
    }
}

} // namespace cryo
