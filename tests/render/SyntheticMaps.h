#pragma once
// Synthetic density maps with a known geometry for the render tests.
#include "io/Volume.h"

#include <array>
#include <cmath>
#include <vector>

namespace cryo::test {

struct Blob {
    double x, y, z;   // centre, Å (world)
    double sigma;     // Å
};

// Sum of Gaussian blobs exp(-r²/2σ²) sampled on an n³ grid (apix Å/voxel, origin Å).
inline Volume makeBlobMap(int n, float apix, std::array<float, 3> origin, const std::vector<Blob>& blobs)
{
    Volume v(n, n, n, apix);
    v.origin = origin;
    for (int z = 0; z < n; ++z)
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) {
                const double wx = origin[0] + x * apix, wy = origin[1] + y * apix,
                             wz = origin[2] + z * apix;
                double sum = 0;
                for (const Blob& b : blobs) {
                    const double r2 = (wx - b.x) * (wx - b.x) + (wy - b.y) * (wy - b.y)
                        + (wz - b.z) * (wz - b.z);
                    sum += std::exp(-r2 / (2 * b.sigma * b.sigma));
                }
                v.at(x, y, z) = float(sum);
            }
    return v;
}

// Radius of the isosurface of one blob at `level` (0 < level < 1): σ·sqrt(-2 ln level).
inline double isoRadius(double sigma, double level) { return sigma * std::sqrt(-2.0 * std::log(level)); }

} // namespace cryo::test
