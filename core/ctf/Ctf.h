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

struct CtfParams {
    double defocusU = 15000;          // Å
    double defocusV = 15000;          // Å
    double astigmatismAngle = 0;      // degrees (RELION _rlnDefocusAngle)
    double voltage = 300;             // kV
    double sphericalAberration = 2.7; // mm
    double amplitudeContrast = 0.1;   // w
    double phaseShift = 0;            // degrees
    double pixelSize = 1.0;           // Å/px; converts lattice cycles/px to 1/Å
};

// Electron wavelength (Å) at an acceleration voltage in kV.
double electronWavelength(double voltageKv);

// CTF at a frequency given in cycles/px (divided by pixelSize inside).
float evaluateCtf(const CtfParams& p, double kx, double ky);

// CTF over a centred square lattice, out is [y][x], kx = (x − D/2)/D cycles/px.
//  symmetric = false: D×D values (the FFT layout, x = 0 … D−1).
//  symmetric = true : (D+1)×(D+1) values spanning [−0.5, 0.5] (cryoDRGN's lattice).
// D must be even.
void evaluateCtfLattice(const CtfParams& p, int D, bool symmetric, float* out);
std::vector<float> ctfLattice(const CtfParams& p, int D, bool symmetric);

// Phase flipping: values[i] *= sign(ctf[i]) (0 keeps the value).
void phaseFlip(float* values, const float* ctf, std::size_t count);

} // namespace cryo
