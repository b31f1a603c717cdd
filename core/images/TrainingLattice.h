#pragma once
// The image pixels a model is trained on: the symmetrised (D+1)² Hartley lattice inside
// the circle |k| ≤ ½ cycles/px, split into the half-plane H = {ky > 0} ∪ {ky = 0, kx ≥ 0}
// that the decoder evaluates, and its mirror −H that Hermitian symmetry fills
// (HT(k) = a − b, HT(−k) = a + b for the decoder's two outputs (a, b) at k).
// Per-image training vectors are laid out [half values (Ph) | mirror values (Ph)].
#include <cstdint>
#include <vector>

namespace cryo {

struct TrainingLattice {
    int D = 0;
    std::vector<std::int32_t> half;     // Ph flat indices into the (D+1)² lattice ([y][x])
    std::vector<std::int32_t> mirror;   // Ph: flat index of −k for each half point
    std::vector<float> halfCoords;      // Ph × 2: (kx, ky) in cycles/px

    std::size_t halfCount() const { return half.size(); }
    std::size_t pixelCount() const { return 2 * half.size(); }

    static TrainingLattice make(int D);
};

} // namespace cryo
