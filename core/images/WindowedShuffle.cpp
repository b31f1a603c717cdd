#include "images/WindowedShuffle.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace cryo {

std::vector<std::size_t> windowedShuffle(std::size_t count, const ShuffleWindows& windows, std::uint64_t seed)
{
    std::vector<std::size_t> order(count);
    std::mt19937_64 rng(seed);
    if (windows.windowParticles >= count) {
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::shuffle(order.begin(), order.end(), rng);
        return order;
    }
    const std::size_t block = std::max<std::size_t>(1, windows.blockParticles);
    const std::size_t window = std::max(block, windows.windowParticles);
    std::vector<std::size_t> blocks((count + block - 1) / block);
    std::iota(blocks.begin(), blocks.end(), std::size_t(0));
    std::shuffle(blocks.begin(), blocks.end(), rng);
    std::size_t position = 0;
    for (const std::size_t b : blocks)
        for (std::size_t i = b * block; i < std::min(count, (b + 1) * block); ++i)
            order[position++] = i;
    for (std::size_t first = 0; first < count; first += window)
        std::shuffle(order.begin() + std::ptrdiff_t(first), order.begin() + std::ptrdiff_t(std::min(count, first + window)),
                     rng);
    return order;
}

} // namespace cryo
