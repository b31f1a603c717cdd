#include "analysis/FuzzySimplicialSet.h"

#include "analysis/ParallelChunks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cryo {
namespace {

constexpr double kTolerance = 1e-5;      // umap-learn's SMOOTH_K_TOLERANCE
constexpr double kMinDistScale = 1e-3;   // umap-learn's MIN_K_DIST_SCALE: sigma ≥ this × mean distance
constexpr int kIterations = 64;
constexpr std::size_t kChunkRows = 16384;

std::size_t chunkCount(std::size_t rows) { return (rows + kChunkRows - 1) / kChunkRows; }

// Binary search for sigma with Σ_j exp(−max(0, d_j − rho)/sigma) = target.
double searchSigma(const float* distances, int k, double rho, double target)
{
    double lo = 0, hi = std::numeric_limits<double>::infinity(), mid = 1;
    for (int iteration = 0; iteration < kIterations; ++iteration) {
        double sum = 0;
        for (int j = 0; j < k; ++j) {
            const double d = distances[j] - rho;
            sum += d > 0 ? std::exp(-d / mid) : 1.0;
        }
        if (std::abs(sum - target) < kTolerance)
            break;
        if (sum > target) {
            hi = mid;
            mid = (lo + hi) / 2;
        } else {
            lo = mid;
            mid = std::isinf(hi) ? mid * 2 : (lo + hi) / 2;
        }
    }
    return mid;
}

} // namespace

SmoothKnnDistances smoothKnnDistances(const NeighborGraph& neighbors, int threads, const AnalysisContext& context)
{
    const std::size_t n = neighbors.count;
    const int k = neighbors.k;
    const double target = std::log2(double(k + 1));
    const double meanAll = n > 0 ? std::accumulate(neighbors.distances.begin(), neighbors.distances.end(), 0.0) /
                                       double(neighbors.distances.size())
                                 : 0.0;
    SmoothKnnDistances out;
    out.sigma.resize(n);
    out.rho.resize(n);
    parallelChunks(chunkCount(n), threads, {context.stop, {}}, [&](std::size_t chunk) {
        for (std::size_t i = chunk * kChunkRows; i < std::min(n, (chunk + 1) * kChunkRows); ++i) {
            const float* d = neighbors.distances.data() + i * k;
            // rho: the first non-zero distance (local connectivity 1).
            const float* firstNonZero = std::find_if(d, d + k, [](float x) { return x > 0; });
            const double rho = firstNonZero != d + k ? *firstNonZero : 0.0;
            double sigma = searchSigma(d, k, rho, target);
            const double meanRow = std::accumulate(d, d + k, 0.0) / k;
            sigma = std::max(sigma, kMinDistScale * (rho > 0 ? meanRow : meanAll));
            out.rho[i] = float(rho);
            out.sigma[i] = float(sigma);
        }
    });
    return out;
}

namespace {

// Directed memberships w_ij as lists per row: the kNN lists (outgoing, sorted by j here) and
// their transpose (incoming, sorted by i by construction).
struct DirectedMemberships {
    std::vector<std::size_t> inStart;      // count + 1
    std::vector<std::int32_t> inFrom;      // i of each incoming w_ij, grouped by j
    std::vector<float> inWeight;
    std::vector<float> outWeight;          // count × k, w_ij in the kNN lists' order (0: self)
};

DirectedMemberships directedMemberships(const NeighborGraph& neighbors, const SmoothKnnDistances& local, int threads,
                                        const AnalysisContext& context)
{
    const std::size_t n = neighbors.count;
    const int k = neighbors.k;
    DirectedMemberships m;
    m.outWeight.resize(n * k);
    parallelChunks(chunkCount(n), threads, {context.stop, {}}, [&](std::size_t chunk) {
        for (std::size_t i = chunk * kChunkRows; i < std::min(n, (chunk + 1) * kChunkRows); ++i)
            for (int e = 0; e < k; ++e) {
                const double excess = neighbors.distances[i * k + e] - local.rho[i];
                m.outWeight[i * k + e] = neighbors.indices[i * k + e] == std::int32_t(i) ? 0.f
                                         : excess <= 0 || local.sigma[i] == 0
                                             ? 1.f
                                             : float(std::exp(-excess / local.sigma[i]));
            }
    });
    m.inStart.assign(n + 1, 0);
    for (std::size_t e = 0; e < n * k; ++e)
        ++m.inStart[std::size_t(neighbors.indices[e]) + 1];
    std::partial_sum(m.inStart.begin(), m.inStart.end(), m.inStart.begin());
    m.inFrom.resize(n * k);
    m.inWeight.resize(n * k);
    std::vector<std::size_t> fill(m.inStart.begin(), m.inStart.end() - 1);
    for (std::size_t e = 0; e < n * k; ++e) {
        const std::size_t slot = fill[neighbors.indices[e]]++;
        m.inFrom[slot] = std::int32_t(e / k);
        m.inWeight[slot] = m.outWeight[e];
    }
    return m;
}

// Row i of the fuzzy union: its outgoing and incoming memberships merged by the other end,
// w = w_ij + w_ji − w_ij·w_ji; calls emit(j, w) in increasing j for every w > 0.
template <typename Emit>
void unionRow(const NeighborGraph& neighbors, const DirectedMemberships& m, std::size_t i,
              std::vector<std::pair<std::int32_t, float>>& out, Emit&& emit)
{
    const int k = neighbors.k;
    out.clear();
    for (int e = 0; e < k; ++e)
        if (m.outWeight[i * k + e] > 0)
            out.push_back({neighbors.indices[i * k + e], m.outWeight[i * k + e]});
    std::sort(out.begin(), out.end());
    std::size_t a = 0, b = m.inStart[i];
    const std::size_t bEnd = m.inStart[i + 1];
    while (a < out.size() || b < bEnd) {
        while (b < bEnd && m.inWeight[b] <= 0)
            ++b;
        const std::int32_t ja = a < out.size() ? out[a].first : std::numeric_limits<std::int32_t>::max();
        const std::int32_t jb = b < bEnd ? m.inFrom[b] : std::numeric_limits<std::int32_t>::max();
        if (ja == std::numeric_limits<std::int32_t>::max() && jb == ja)
            break;
        const float direct = ja <= jb ? out[a].second : 0.f;
        const float transposed = jb <= ja ? m.inWeight[b] : 0.f;
        emit(std::min(ja, jb), direct + transposed - direct * transposed);
        a += ja <= jb;
        b += jb <= ja;
    }
}

} // namespace

FuzzyGraph fuzzySimplicialSet(const NeighborGraph& neighbors, int threads, const AnalysisContext& context)
{
    const std::size_t n = neighbors.count;
    const DirectedMemberships m =
        directedMemberships(neighbors, smoothKnnDistances(neighbors, threads, context), threads, context);
    // Two passes over the rows: count each row's edges, then write them at their offsets.
    std::vector<std::size_t> rowStart(n + 1, 0);
    parallelChunks(chunkCount(n), threads, {context.stop, {}}, [&](std::size_t chunk) {
        std::vector<std::pair<std::int32_t, float>> scratch;
        for (std::size_t i = chunk * kChunkRows; i < std::min(n, (chunk + 1) * kChunkRows); ++i)
            unionRow(neighbors, m, i, scratch, [&](std::int32_t, float w) { rowStart[i + 1] += w > 0; });
    });
    std::partial_sum(rowStart.begin(), rowStart.end(), rowStart.begin());
    FuzzyGraph graph;
    graph.count = n;
    graph.heads.resize(rowStart[n]);
    graph.tails.resize(rowStart[n]);
    graph.weights.resize(rowStart[n]);
    parallelChunks(chunkCount(n), threads, {context.stop, {}}, [&](std::size_t chunk) {
        std::vector<std::pair<std::int32_t, float>> scratch;
        for (std::size_t i = chunk * kChunkRows; i < std::min(n, (chunk + 1) * kChunkRows); ++i) {
            std::size_t slot = rowStart[i];
            unionRow(neighbors, m, i, scratch, [&](std::int32_t j, float w) {
                if (w <= 0)
                    return;
                graph.heads[slot] = std::int32_t(i);
                graph.tails[slot] = j;
                graph.weights[slot++] = w;
            });
        }
    });
    return graph;
}

} // namespace cryo
