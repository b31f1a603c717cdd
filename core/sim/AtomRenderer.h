#pragma once
// Renders Gaussian pseudo-atoms analytically: into a D³ map, or projected with a pose R
// into a D×D image (an isotropic 3D Gaussian projects to a 2D Gaussian of the same σ).
// Conventions (geometry/PoseConventions.h): pixel/voxel index i ↔ (i − D/2)·apix Å; the
// projection with pose R places an atom at p on (R·p)_xy and equals the sum over z of the
// map rendered from the rotated atoms (projection amplitude = ∫dz / apix).
#include "geometry/PoseConventions.h"
#include "io/Volume.h"
#include "sim/PseudoAtomComplex.h"

#include <vector>

namespace cryo {

// out: D×D, [y][x]; overwritten.
void renderProjection(const std::vector<PseudoAtom>& atoms, const Mat3& R, int D, double apix, float* out);
std::vector<float> renderProjection(const std::vector<PseudoAtom>& atoms, const Mat3& R, int D, double apix);

// A D³ map with voxel size apix, origin 0.
Volume renderVolume(const std::vector<PseudoAtom>& atoms, int D, double apix);

} // namespace cryo
