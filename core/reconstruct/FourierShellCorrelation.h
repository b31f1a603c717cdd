#pragma once
// Fourier shell correlation (FSC) between two maps, the resolution where it crosses a
// threshold, its area under the curve (CryoBench's per-conformation score), and the two
// filters a reconstruction gets from its half-map FSC: the SNR (Wiener) weighting and a
// low-pass filter to a resolution.
//
// Shells: the voxel at frequency k (voxels from the DC term of the D³ transform) belongs to
// shell s = round(|k|), s = 0 … D/2 (the corners beyond Nyquist are left out). Shell s is
// the spatial frequency s / (D · voxel size) in 1/Å.
//   FSC(s) = Σ_s Re(A·B*) / sqrt(Σ_s |A|² · Σ_s |B|²)      (0 when a shell has no power)
// Translating both maps alike, or scaling either, leaves the FSC unchanged.
#include "io/Volume.h"

#include <vector>

namespace cryo {

struct FscCurve {
    int boxSize = 0;             // D
    double voxelSize = 0;        // Å
    std::vector<double> values;  // D/2 + 1 shells

    std::size_t shellCount() const { return values.size(); }
    // Spatial frequency of shell s, 1/Å.
    double frequency(std::size_t shell) const { return double(shell) / (double(boxSize) * voxelSize); }
};

// Throws UsageError when the maps are not cubic, of an even size, and alike in size.
FscCurve fourierShellCorrelation(const Volume& a, const Volume& b);

struct FscResolution {
    double frequency = 0;   // 1/Å where the curve first drops below the threshold (linear between shells)
    bool reached = false;   // false: it stays above up to Nyquist (frequency is then Nyquist's)
    double angstrom() const { return frequency > 0 ? 1.0 / frequency : 0.0; }
};

// The first crossing below `threshold` after the DC shell (0.143: half maps, 0.5: a map
// against the truth or a reference).
FscResolution resolutionAt(const FscCurve& curve, double threshold);

// Area under the FSC over frequency in cycles/pixel, shells 0 … D/2 − 1 (trapezoids), as
// CryoBench scores a map against its ground truth (sklearn's auc of FSC over "pixres"; the
// signed FSC, so anti-correlation counts against). 0.5 is a perfect map, ~0 an unrelated one.
double fscAreaUnderCurve(const FscCurve& curve);

// The map low-pass filtered to `resolution` Å: frequencies up to 1/resolution pass, above it
// a raised-cosine edge `edgeShells` Fourier shells wide falls to zero. A resolution at or below
// Nyquist (2 × voxel size) returns the map unchanged.
Volume lowPassFiltered(const Volume& map, double resolution, double edgeShells = 2.0);

// The map of ALL particles weighted per shell by the Wiener factor SSNR/(1 + SSNR) = 2F/(1 + F),
// F = halfMapFsc (clamped to [0, 1]): the full map has twice a half map's signal-to-noise
// ratio SSNR_half = F/(1 − F). halfMapFsc must be of the map's box size (UsageError otherwise).
Volume wienerFiltered(const Volume& map, const FscCurve& halfMapFsc);

} // namespace cryo
