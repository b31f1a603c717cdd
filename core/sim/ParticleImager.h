#pragma once
// The image formation model of the simulator, for one particle (noise-free):
//   image = F⁻¹[ CTF(k) · e^{+2πik·t} · F[ project_R(atoms) ] ]
// i.e. the projection with pose R (AtomRenderer), shifted by −t in real space (so the
// particle centre lands at image centre − t, the RELION/cryoSPARC origin convention of
// geometry/PoseConventions.h) and multiplied by the CTF. Plans are reused; one object per
// thread.
#include "ctf/Ctf.h"
#include "fourier/CentredFft.h"
#include "sim/PseudoAtomComplex.h"

#include <array>
#include <vector>

namespace cryo {

class ParticleImager {
public:
    ParticleImager(int D, double apix);

    int boxSize() const { return m_D; }
    double pixelSize() const { return m_apix; }

    // out: D×D. ctf == nullptr leaves the CTF out. shift in pixels.
    void image(const std::vector<PseudoAtom>& atoms, const Mat3& R, const std::array<double, 2>& shift,
               const CtfParams* ctf, float* out);

private:
    int m_D;
    double m_apix;
    CentredFft m_fft;
    std::vector<float> m_projection, m_ctf;
    std::vector<Complex> m_spectrum;
    std::vector<Complex> m_phaseX, m_phaseY;
};

} // namespace cryo
