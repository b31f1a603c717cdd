#pragma once
// One particle image as the backprojection inserts it (FourierAccumulator):
//   image D×D → soft circular window and contrast inversion as for training
//   (fourier/ImagePreprocessor.h: the window keeps the corners' noise out of the map) →
//   centred FFT X(k) → translated by the particle's
//   shift t (× e^{−2πik·t}: the particle centre, at image centre − t, moves to the centre;
//   PoseConventions.h) → Hartley value H = Re − Im → CTF(k)·H(k), and CTF(k)².
// Without CTF parameters the CTF is 1. Plans and scratch are reused: one object per thread.
#include "ctf/Ctf.h"
#include "fourier/CentredFft.h"
#include "fourier/ImagePreprocessor.h"

#include <vector>

namespace cryo {

class ParticleSlice {
public:
    // options.window / windowInner / windowOuter / invertContrast as in training (extracted
    // particles are light, the CTF model images positive density dark: invert).
    ParticleSlice(int D, const PreprocessOptions& options);

    int boxSize() const { return m_D; }

    // image: D×D [y][x]; shift in pixels; pixelSize in Å/px (for the CTF).
    void prepare(const float* image, double shiftX, double shiftY, const CtfParams* ctf, double pixelSize);
    // D×D, centred like CentredFft's output.
    const float* ctfTimesValues() const { return m_values.data(); }
    const float* ctfSquared() const { return m_ctfSquared.data(); }

private:
    int m_D;
    bool m_invert;
    CentredFft m_fft;
    std::vector<float> m_window, m_image;   // D×D; the window is empty when off
    std::vector<Complex> m_spectrum, m_phaseX, m_phaseY;
    std::vector<float> m_values, m_ctfSquared;
};

} // namespace cryo
