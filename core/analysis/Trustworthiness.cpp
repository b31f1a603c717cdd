#include "analysis/Trustworthiness.h"

#include "analysis/ParallelChunks.h"
#include "util/Error.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <string>

namespace cryo {
namespace {

void squaredDistances(const float* rows, int dim, const std::vector<std::size_t>& sample, std::size_t i,
                      std::vector<float>& out)
{
    const float* x = rows + sample[i] * dim;
    for (std::size_t j = 0; j < sample.size(); ++j) {
        const float* y = rows + sample[j] * dim;
        float sum = 0;
        for (int k = 0; k < dim; ++k)
            sum += (x[k] - y[k]) * (x[k] - y[k]);
        out[j] = sum;
    }
}

// Σ over i's embedded k nearest neighbours of max(0, original rank − k).
double penalty(const float* original, int originalDim, const float* embedded, int embeddedDim,
               const std::vector<std::size_t>& sample, std::size_t i, int k)
{
    const std::size_t m = sample.size();
    std::vector<float> high(m), low(m);
    squaredDistances(original, originalDim, sample, i, high);
    squaredDistances(embedded, embeddedDim, sample, i, low);
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), 0);
    order.erase(order.begin() + std::ptrdiff_t(i));
    std::partial_sort(order.begin(), order.begin() + k, order.end(),
                      [&](std::size_t a, std::size_t b) { return low[a] < low[b] || (low[a] == low[b] && a < b); });
    double sum = 0;
    for (int n = 0; n < k; ++n) {
        const std::size_t j = order[n];
        std::size_t rank = 1;   // 1 + the number of other points strictly nearer than j in the original space
        for (std::size_t l = 0; l < m; ++l)
            rank += (l != i && high[l] < high[j]) ? 1 : 0;
        if (rank > std::size_t(k))
            sum += double(rank - k);
    }
    return sum;
}

} // namespace

double trustworthiness(const float* original, int originalDim, const float* embedded, int embeddedDim,
                       std::size_t count, const TrustworthinessOptions& options)
{
    std::vector<std::size_t> sample(count);
    std::iota(sample.begin(), sample.end(), 0);
    if (options.maxPoints > 0 && count > options.maxPoints) {
        std::mt19937_64 rng(options.seed);
        std::shuffle(sample.begin(), sample.end(), rng);
        sample.resize(options.maxPoints);
        std::sort(sample.begin(), sample.end());
    }
    const double n = double(sample.size());
    const int k = options.neighbors;
    if (k < 1 || 3.0 * k + 1 >= 2 * n)
        throw UsageError("trustworthiness: k = " + std::to_string(k) + " is too large for " +
                         std::to_string(sample.size()) + " points");
    constexpr std::size_t kChunk = 64;
    const std::size_t chunks = (sample.size() + kChunk - 1) / kChunk;
    std::vector<double> chunkSums(chunks, 0.0);
    parallelChunks(chunks, options.threads, {}, [&](std::size_t chunk) {
        const std::size_t end = std::min(sample.size(), (chunk + 1) * kChunk);
        for (std::size_t i = chunk * kChunk; i < end; ++i)
            chunkSums[chunk] += penalty(original, originalDim, embedded, embeddedDim, sample, i, k);
    });
    const double total = std::accumulate(chunkSums.begin(), chunkSums.end(), 0.0);
    return 1.0 - 2.0 / (n * k * (2 * n - 3.0 * k - 1)) * total;
}

} // namespace cryo
