#pragma once
// Small synthetic maps for tests: shapes whose isosurfaces and enclosed volumes are known.
#include "io/Volume.h"

#include <cmath>

namespace testmaps {

// A solid ball of value 1 (0 outside) of `radius` voxels, centred at (cx, cy, cz) voxels,
// smoothed over one voxel so the surface is well defined at level 0.5.
inline cryo::Volume ball(int box, double radius, double cx, double cy, double cz, float apix = 2.0f)
{
    cryo::Volume v(box, box, box, apix);
    for (int z = 0; z < box; ++z)
        for (int y = 0; y < box; ++y)
            for (int x = 0; x < box; ++x) {
                const double r = std::sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz));
                v.at(x, y, z) = float(0.5 - 0.5 * std::tanh((r - radius) / 1.0));
            }
    return v;
}

} // namespace testmaps
