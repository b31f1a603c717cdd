#pragma once
// The particle order of an epoch when the images are read from disk. A full shuffle would
// read them one by one at random offsets; instead the particles are cut into blocks of
// consecutive particles (one sequential read each), the blocks are shuffled, the shuffled
// sequence is cut into windows of windowParticles positions, and the particles of each
// window are shuffled among themselves. Every particle comes exactly once per epoch; a
// window is read with about windowParticles / blockParticles sequential reads, and only it
// and the next one (ImageReadAhead) are held in memory. A batch mixes the particles of
// windowParticles / blockParticles places in the stacks (128 at D = 64 by default).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cryo {

struct ShuffleWindows {
    std::size_t blockParticles = 256;      // ≥ 1
    std::size_t windowParticles = 32768;   // ≥ blockParticles
};

// The order of 0 … count−1 for an epoch. With windowParticles ≥ count: the plain shuffle
// (std::shuffle with std::mt19937_64(seed)), as for images held in memory.
std::vector<std::size_t> windowedShuffle(std::size_t count, const ShuffleWindows& windows, std::uint64_t seed);

} // namespace cryo
