#pragma once
// Volumes ⇄ their centred 3D Hartley transforms (see CentredFft for the layout). The
// decoder produces Hartley values on the symmetrised (D+1)³ lattice; a real-space map is
// the inverse Hartley transform of its first D³ entries (cryoDRGN: ihtn_center(vol[:-1,:-1,:-1])).
#include "io/Volume.h"

#include <vector>

namespace cryo {

// ht: D³ (symmetric = false) or (D+1)³ (symmetric = true) values, [z][y][x].
// Returns a D³ map with the given voxel size, origin 0. D must be even.
Volume volumeFromHartley(const float* ht, int D, bool symmetric, float voxelSize);

// The D³ centred Hartley transform of a cubic volume (symmetric: the (D+1)³ lattice).
std::vector<float> hartleyOfVolume(const Volume& volume, bool symmetric);

// D³ → (D+1)³ (first plane/row/column repeated at the end).
std::vector<float> symmetrized3D(const float* ht, int D);

} // namespace cryo
