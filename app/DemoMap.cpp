#include "DemoMap.h"

#include <cmath>

namespace {
struct Lobe {
    double x, y, z, sigma, weight;   // centre and width as fractions of the box
};
} // namespace

cryo::Volume makeDemoMap(int box)
{
    const Lobe lobes[] = {
        {-0.15, 0.00, 0.00, 0.10, 1.0},   // body
        {0.16, 0.06, 0.02, 0.07, 0.9},    // head
        {0.02, -0.18, 0.05, 0.05, 0.8},   // arm: breaks the symmetry so handedness shows
        {0.00, 0.02, 0.00, 0.05, 0.6},    // bridge
    };
    cryo::Volume v(box, box, box, 2.0f);
    for (int z = 0; z < box; ++z)
        for (int y = 0; y < box; ++y)
            for (int x = 0; x < box; ++x) {
                const double fx = (x + 0.5) / box - 0.5, fy = (y + 0.5) / box - 0.5, fz = (z + 0.5) / box - 0.5;
                double value = 0;
                for (const Lobe& l : lobes) {
                    const double d2 = (fx - l.x) * (fx - l.x) + (fy - l.y) * (fy - l.y) + (fz - l.z) * (fz - l.z);
                    value += l.weight * std::exp(-d2 / (2 * l.sigma * l.sigma));
                }
                v.at(x, y, z) = float(value);
            }
    return v;
}
