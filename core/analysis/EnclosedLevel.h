#pragma once
// Isosurface levels chosen by enclosed volume: for movies whose maps change in scale along a
// trajectory, a level per frame that keeps the number of voxels above it constant keeps the
// shown volume (in Å³) constant, so the surface does not swell or shrink with the scale.
#include "io/Volume.h"

#include <cstddef>

namespace cryo {

// Number of voxels strictly above `level`.
std::size_t voxelsAbove(const Volume& volume, double level);

// A level with exactly `count` voxels strictly above it when the values are distinct: the
// midpoint between the count-th and (count+1)-th largest value. count = 0 gives the
// maximum; count ≥ voxelCount() a level just below the minimum. Throws UsageError for an
// empty volume.
double levelForEnclosedVoxels(const Volume& volume, std::size_t count);

} // namespace cryo
