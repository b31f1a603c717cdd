#pragma once
// A soft spherical mask around the particle: outside it a backprojection holds only noise,
// which the gridding correction amplifies towards the box edge (up to 1/sinc²(π/2)³ ≈ 15× in
// the corners at oversampling 1) and which would show in the map and lower every FSC.
//
// The radius is found in the data: per spherical shell of the box (1 voxel thick), the power
// of the half maps' mean S = (A + B)/2 against that of their half difference N = (A − B)/2,
// which is pure noise of the same level; both low-pass filtered to the half-map resolution.
// The particle reaches the largest radius where the signal power P(S) − P(N) exceeds both the
// noise power P(N) and a thousandth of its peak over the shells; the mask keeps one resolution
// element (at least 2 voxels) beyond that and falls to 0 by a raised cosine over 10 % of the
// half box (at least 3 voxels), never past the box's inscribed sphere.
#include "io/Volume.h"

namespace cryo {

struct SphericalMask {
    double radius = 0;   // voxels from the box centre (voxel D/2) where the edge starts
    double edge = 0;     // voxels over which it falls from 1 to 0
};

// halfA, halfB: the half maps (cubic, same size); resolution in Å (the half-map FSC = 0.143).
SphericalMask particleMask(const Volume& halfA, const Volume& halfB, double resolution);
// The largest mask the box holds (edge as above), for when no particle radius is wanted.
SphericalMask boxMask(int boxSize);
// A mask of a given radius in Å (edge as above), shrunk to fit the box.
SphericalMask maskOfRadius(int boxSize, double voxelSize, double radiusAngstrom);

void applyMask(Volume& map, const SphericalMask& mask);

} // namespace cryo
