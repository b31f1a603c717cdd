#pragma once
// Contrast transfer function (the cryoDRGN / RELION form, see design/science.md):
//   λ = 12.2639 / sqrt(V + 0.97845e-6·V²) Å (V in volts)
//   df(θ) = ½[dfU + dfV + (dfU − dfV)·cos 2(θ − θ_ast)],  θ = atan2(ky, kx)
//   γ = 2π(−½·df·λ·s² + ¼·Cs·λ³·s⁴) − φ,  s = |k| in 1/Å, Cs in Å
//   CTF = sqrt(1 − w²)·sin γ − w·cos γ
// No envelope (B-factor) term.
#include <cstddef>
#include <vector>

namespace cryo {

// The CTF parameters of one particle, in RELION's units. This is THE CtfParams of the
// project: the particle dataset (particles/ParticleTypes.h) stores one per particle. The
// pixel size belongs to the optics group and is passed to the evaluation separately.
struct CtfParams {
    float defocusU = 0;                 // Å (underfocus positive), _rlnDefocusU
    float defocusV = 0;                 // Å, _rlnDefocusV
    float defocusAngle = 0;             // degrees, astigmatism angle, _rlnDefocusAngle
    float voltage = 300;                // kV
    float sphericalAberration = 2.7f;   // mm
    float amplitudeContrast = 0.1f;     // w, fraction 0..1
    float phaseShift = 0;               // degrees, _rlnPhaseShift
};

// Electron wavelength (Å) at an acceleration voltage in kV.
double electronWavelength(double voltageKv);

// CTF at a frequency given in cycles/px; pixelSize (Å/px) converts it to 1/Å.
float evaluateCtf(const CtfParams& p, double pixelSize, double kx, double ky);

// CTF over a centred square lattice, out is [y][x], kx = (x − D/2)/D cycles/px.
//  symmetric = false: D×D values (the FFT layout, x = 0 … D−1).
//  symmetric = true : (D+1)×(D+1) values spanning [−0.5, 0.5] (cryoDRGN's lattice).
// D must be even; pixelSize in Å/px.
void evaluateCtfLattice(const CtfParams& p, double pixelSize, int D, bool symmetric, float* out);
std::vector<float> ctfLattice(const CtfParams& p, double pixelSize, int D, bool symmetric);

// Phase flipping: values[i] *= sign(ctf[i]) (0 keeps the value).
void phaseFlip(float* values, const float* ctf, std::size_t count);

} // namespace cryo
