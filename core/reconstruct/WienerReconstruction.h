#pragma once
// From the Fourier sums of a backprojection (FourierAccumulator.h) to real-space maps.
//
// Regularisation -- a Wiener filter whose signal-to-noise ratio is measured on the data:
// per voxel the sums are N = W·V + n, with V the volume's transform, W = Σ w·CTF² and n noise
// of variance α·σ²·W (α a constant of the interpolation weights). The estimate minimising the
// expected error for a signal of power τ² is V̂ = N / (W + λ), λ = α·σ²/τ² (a property of the
// particles, not of how many were summed, so one λ serves the half maps and the full map).
// λ is estimated per Fourier shell from the two independent halves a, b: the correlation of
// their numerators over a shell is F = Σ W²·τ² / (Σ W²·τ² + α·σ²·Σ W), hence
//   λ(shell) = (Σ W² / Σ W) · (1 − F) / F
// with F clamped to [1e-3, 1 − 1e-4] (no signal → λ ≈ 1000 mean weights; noise-free → a
// negligible λ) and pooled over the shell and its two neighbours (the lowest shells hold few
// voxels). This is the same SSNR argument as RELION's τ²-based regularisation; cryoDRGN's
// backproject_voxel instead adds one constant (the mean weight) at every frequency.
//
// Gridding correction: N/W is a local average of the samples around each voxel, i.e. the
// transform convolved with the trilinear kernel, which multiplies the map by the kernel's
// transform sinc²(π·x/G) along each axis (x voxels from the centre of the G-voxel box); the
// map is divided by it, then the central D³ of the G³ box is kept.
#include "io/Volume.h"
#include "reconstruct/FourierAccumulator.h"

#include <vector>

namespace cryo {

struct ShellRegularisation {
    std::vector<double> lambda;          // per grid shell round(|K|), 0 … G/2
    std::vector<double> numeratorFsc;    // F per grid shell (pooled, before clamping)
};

// a, b: the two halves (same grid). Throws UsageError for different grids.
ShellRegularisation estimateRegularisation(const FourierSums& a, const FourierSums& b);

// numerator / (weight + λ(shell)), inverse Hartley, gridding correction, central D³ crop.
Volume reconstructMap(const FourierSums& sums, const ShellRegularisation& regularisation, int boxSize,
                      double voxelSize);

// The sum of two halves' sums (the full data set).
FourierSums combinedSums(const FourierSums& a, const FourierSums& b);

} // namespace cryo
