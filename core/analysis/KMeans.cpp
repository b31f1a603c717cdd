#include "analysis/KMeans.h"

#include "analysis/KMeansLloyd.h"
#include "analysis/ParallelChunks.h"
#include "util/Error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace cryo {
namespace {

struct Data {
    const float* rows;
    std::size_t count;
    int dim;
    const float* row(std::size_t i) const { return rows + i * std::size_t(dim); }
};

// Σ_i f(i) over rows, summed per chunk of rows and the chunk sums added in chunk order, so
// the result does not depend on the thread count. chunkSums (optional) receives them.
template <typename RowTerm>
double chunkedSum(std::size_t count, int threads, RowTerm&& term, std::vector<double>* chunkSums = nullptr)
{
    std::vector<double> sums(kMeansChunkCount(count), 0.0);
    parallelChunks(sums.size(), threads, {}, [&](std::size_t chunk) {
        double sum = 0;
        for (std::size_t i = chunk * kKMeansChunkRows; i < std::min(count, (chunk + 1) * kKMeansChunkRows); ++i)
            sum += term(i);
        sums[chunk] = sum;
    });
    double total = 0;
    for (double s : sums)
        total += s;
    if (chunkSums)
        *chunkSums = std::move(sums);
    return total;
}

// A row drawn with probability ∝ weights[i] (uniformly when they are all 0): the chunk from
// the chunk sums, then the row within it.
std::size_t sampleProportional(const std::vector<float>& weights, const std::vector<double>& chunkSums, double total,
                               std::mt19937_64& rng)
{
    if (!(total > 0))
        return std::uniform_int_distribution<std::size_t>(0, weights.size() - 1)(rng);
    double u = std::uniform_real_distribution<double>(0.0, total)(rng);
    std::size_t chunk = 0;
    while (chunk + 1 < chunkSums.size() && (u >= chunkSums[chunk] || chunkSums[chunk] == 0)) {
        u -= chunkSums[chunk];
        ++chunk;
    }
    const std::size_t begin = chunk * kKMeansChunkRows, end = std::min(weights.size(), begin + kKMeansChunkRows);
    std::size_t last = begin;
    for (std::size_t i = begin; i < end; ++i) {
        if (weights[i] <= 0)
            continue;
        last = i;
        if (u < weights[i])
            return i;
        u -= weights[i];
    }
    return last;   // rounding left u just above the chunk's sum
}

// Greedy k-means++: each step draws 2 + ln k candidates ∝ D² and keeps the one that lowers
// the potential Σ D² the most. Every pass over the rows runs on `threads` threads.
std::vector<float> seedCentres(const Data& data, int k, int threads, std::mt19937_64& rng,
                               const AnalysisContext& context)
{
    const int d = data.dim;
    const std::size_t n = data.count;
    std::vector<float> centres;
    centres.reserve(std::size_t(k) * d);
    const std::size_t first = std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    centres.insert(centres.end(), data.row(first), data.row(first) + d);
    std::vector<float> closest(n);
    std::vector<double> chunkSums;
    double potential = chunkedSum(n, threads, [&](std::size_t i) {
        return double(closest[i] = squaredDistance(data.row(i), data.row(first), d));
    }, &chunkSums);
    const int trials = 2 + int(std::log(double(k)));
    std::vector<std::size_t> candidates(trials);
    for (int c = 1; c < k; ++c) {
        context.checkCancelled();
        for (std::size_t& candidate : candidates)
            candidate = sampleProportional(closest, chunkSums, potential, rng);
        std::size_t best = candidates[0];
        double bestPotential = std::numeric_limits<double>::infinity();
        for (const std::size_t candidate : candidates) {
            const double p = chunkedSum(n, threads, [&](std::size_t i) {
                return double(std::min(closest[i], squaredDistance(data.row(i), data.row(candidate), d)));
            });
            if (p < bestPotential) {
                bestPotential = p;
                best = candidate;
            }
        }
        centres.insert(centres.end(), data.row(best), data.row(best) + d);
        potential = chunkedSum(n, threads, [&](std::size_t i) {
            return double(closest[i] = std::min(closest[i], squaredDistance(data.row(i), data.row(best), d)));
        }, &chunkSums);
        context.report(double(c) / double(k));
    }
    return centres;
}

double meanVariance(const Data& data)
{
    double total = 0;
    for (int j = 0; j < data.dim; ++j) {
        double mean = 0, square = 0;
        for (std::size_t i = 0; i < data.count; ++i)
            mean += data.row(i)[j];
        mean /= double(data.count);
        for (std::size_t i = 0; i < data.count; ++i)
            square += (data.row(i)[j] - mean) * (data.row(i)[j] - mean);
        total += square / double(data.count);
    }
    return total / data.dim;
}

} // namespace

KMeans::KMeans(KMeansOptions options) : m_options(options) {}

KMeansResult KMeans::fitOnce(const float* rows, std::size_t count, int dim, std::uint64_t seed,
                             const AnalysisContext& context) const
{
    const Data data{rows, count, dim};
    const int k = m_options.clusters;
    std::mt19937_64 rng(seed);
    const auto start = std::chrono::steady_clock::now();
    std::vector<float> centres = seedCentres(data, k, m_options.threads, rng, context.sub(0.0, 0.2));
    const auto seeded = std::chrono::steady_clock::now();
    LloydOptions lloyd;
    lloyd.maxIterations = m_options.maxIterations;
    lloyd.tolerance = m_options.tolerance * meanVariance(data);
    lloyd.threads = m_options.threads;
    LloydResult iterated = lloydIterations(rows, count, dim, std::move(centres), lloyd, context.sub(0.2, 1.0));
    KMeansResult result;
    result.clusters = k;
    result.dim = dim;
    result.labels = std::move(iterated.labels);
    result.centers = std::move(iterated.centres);
    result.iterations = iterated.iterations;
    result.inertia = iterated.inertia;
    result.seedingSeconds = std::chrono::duration<double>(seeded - start).count();
    result.iterationSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - seeded).count();
    return result;
}

KMeansResult KMeans::fit(const float* rows, std::size_t count, int dim, const AnalysisContext& context) const
{
    const int k = m_options.clusters;
    if (k < 1 || std::size_t(k) > count || dim < 1)
        throw UsageError("k-means: " + std::to_string(k) + " clusters for " + std::to_string(count) +
                         " rows: need 1 ≤ k ≤ rows");
    const int restarts = std::max(1, m_options.restarts);
    std::seed_seq seeds{std::uint32_t(m_options.seed), std::uint32_t(m_options.seed >> 32)};
    std::vector<std::uint64_t> runSeeds(restarts);
    {
        std::vector<std::uint32_t> words(2 * restarts);
        seeds.generate(words.begin(), words.end());
        for (int r = 0; r < restarts; ++r)
            runSeeds[r] = (std::uint64_t(words[2 * r]) << 32) | words[2 * r + 1];
    }
    KMeansResult best;
    for (int r = 0; r < restarts; ++r) {
        const double share = 0.95 / restarts;
        KMeansResult run = fitOnce(rows, count, dim, runSeeds[r], context.sub(r * share, (r + 1) * share));
        if (r == 0 || run.inertia < best.inertia)
            best = std::move(run);
    }
    best.centerRows = nearestRows(rows, count, dim, best.centers.data(), k, m_options.threads);
    context.report(1.0);
    return best;
}

std::vector<std::int64_t> KMeans::nearestRows(const float* rows, std::size_t count, int dim, const float* centers,
                                              int centerCount, int threads)
{
    const Data data{rows, count, dim};
    const std::size_t chunks = kMeansChunkCount(count);
    std::vector<float> bestDist(chunks * centerCount, std::numeric_limits<float>::infinity());
    std::vector<std::int64_t> bestRow(chunks * centerCount, -1);
    parallelChunks(chunks, threads, {}, [&](std::size_t chunk) {
        const std::size_t begin = chunk * kKMeansChunkRows, end = std::min(count, begin + kKMeansChunkRows);
        for (std::size_t i = begin; i < end; ++i)
            for (int c = 0; c < centerCount; ++c) {
                const float dist = squaredDistance(data.row(i), centers + std::size_t(c) * dim, dim);
                if (dist < bestDist[chunk * centerCount + c]) {
                    bestDist[chunk * centerCount + c] = dist;
                    bestRow[chunk * centerCount + c] = std::int64_t(i);
                }
            }
    });
    std::vector<std::int64_t> nearest(centerCount, -1);
    std::vector<float> nearestDist(centerCount, std::numeric_limits<float>::infinity());
    for (std::size_t chunk = 0; chunk < chunks; ++chunk)
        for (int c = 0; c < centerCount; ++c)
            if (bestDist[chunk * centerCount + c] < nearestDist[c]) {
                nearestDist[c] = bestDist[chunk * centerCount + c];
                nearest[c] = bestRow[chunk * centerCount + c];
            }
    return nearest;
}

} // namespace cryo
