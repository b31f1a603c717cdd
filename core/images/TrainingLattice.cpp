#include "images/TrainingLattice.h"

#include "fourier/HartleyLattice.h"

namespace cryo {

TrainingLattice TrainingLattice::make(int D)
{
    TrainingLattice lattice;
    lattice.D = D;
    const int n = D + 1;
    const int c = D / 2;   // index of k = 0
    for (int y = c; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            if (y == c && x < c)
                continue;   // the other half of the ky = 0 row
            const double kx = latticeFrequency(x, D), ky = latticeFrequency(y, D);
            if (kx * kx + ky * ky > 0.25 + 1e-12)
                continue;
            lattice.half.push_back(y * n + x);
            lattice.mirror.push_back((D - y) * n + (D - x));   // i ↔ D − i is k ↔ −k
            lattice.halfCoords.push_back(float(kx));
            lattice.halfCoords.push_back(float(ky));
        }
    }
    return lattice;
}

} // namespace cryo
