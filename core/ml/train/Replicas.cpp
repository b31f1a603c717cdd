#include "train/Replicas.h"

#include "util/Error.h"

#include <algorithm>

namespace cryo {

namespace {

// Replica r's part of a batch of b images among `size`: [⌊r·b/size⌋, ⌊(r+1)·b/size⌋).
std::size_t partStart(std::size_t b, int rank, int size) { return b * std::size_t(rank) / std::size_t(size); }

} // namespace

std::size_t EpochShare::batchImages(std::size_t step) const
{
    return std::min(batchSize, total - step * batchSize);
}

std::size_t EpochShare::firstInBatch(std::size_t step) const { return partStart(batchImages(step), rank, size); }

std::size_t EpochShare::localImages(std::size_t step) const
{
    const std::size_t b = batchImages(step);
    return partStart(b, rank + 1, size) - partStart(b, rank, size);
}

EpochShare shareEpoch(const std::vector<std::size_t>& order, std::size_t batchSize, int rank, int size)
{
    if (batchSize < std::size_t(size))
        throw UsageError("a batch of " + std::to_string(batchSize) + " images cannot be shared by " +
                         std::to_string(size) + " processes: give at least one image per process");
    EpochShare share;
    share.total = order.size();
    share.batchSize = batchSize;
    share.rank = rank;
    share.size = size;
    share.steps = (order.size() + batchSize - 1) / batchSize;
    share.localBatch = partStart(batchSize, rank + 1, size) - partStart(batchSize, rank, size);
    share.particles.reserve(order.size() / std::size_t(size) + batchSize);
    for (std::size_t step = 0; step < share.steps; ++step) {
        const auto first = order.begin() + std::ptrdiff_t(step * batchSize + share.firstInBatch(step));
        share.particles.insert(share.particles.end(), first, first + std::ptrdiff_t(share.localImages(step)));
    }
    return share;
}

std::pair<std::size_t, std::size_t> Replicas::rowRange(std::size_t count) const
{
    return {partStart(count, rank(), size()), partStart(count, rank() + 1, size())};
}

} // namespace cryo
