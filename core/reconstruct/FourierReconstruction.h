#pragma once
// From the Fourier sums of a backprojection (FourierAccumulator.h) to a real-space map.
//
// Per voxel: V(K) = numerator / (weight + ε·⟨weight⟩_shell), ε = 1 %. The sums are N = W·V + n
// (n noise of variance ∝ W), so N/W is the CTF-weighted least-squares estimate of the volume's
// transform; the small term proportional to the mean weight of the voxel's Fourier shell only
// keeps voxels that few slices pass through from blowing up. It deliberately is no Wiener
// filter: one that shrinks the noisy outer shells far more than the inner ones (λ = σ²/τ²
// growing with frequency) would, once the map is masked in real space (SolventMask.h), let the
// mask's edge carry inner-shell signal into the outer shells, which lowers the FSC against
// the truth and inflates the half-map FSC (measured: 5.61 instead of 5.27 Å at FSC = 0.143 vs
// the truth, D = 128). The signal-to-noise filtering is done per shell on the masked map
// instead (wienerFiltered in FourierShellCorrelation.h, from the half-map FSC).
//
// Gridding correction: N/W is a local average of the samples around each voxel, i.e. the
// transform convolved with the trilinear kernel, which multiplies the map by the kernel's
// transform sinc²(π·x/G) along each axis (x voxels from the centre of the G-voxel box); the
// map is divided by it, then the central D³ of the G³ box is kept. (cryoDRGN's backproject_voxel
// leaves this out: its maps fade towards the box edge, signal and noise alike.)
#include "io/Volume.h"
#include "reconstruct/FourierAccumulator.h"

namespace cryo {

// Throws UsageError when the grid cannot hold the box.
Volume reconstructMap(const FourierSums& sums, int boxSize, double voxelSize);

// The sum of two halves' sums (the full data set).
FourierSums combinedSums(const FourierSums& a, const FourierSums& b);

} // namespace cryo
