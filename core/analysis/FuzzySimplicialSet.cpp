#include "analysis/FuzzySimplicialSet.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cryo {
namespace {

constexpr double kTolerance = 1e-5;      // umap-learn's SMOOTH_K_TOLERANCE
constexpr double kMinDistScale = 1e-3;   // umap-learn's MIN_K_DIST_SCALE: sigma ≥ this × mean distance
constexpr int kIterations = 64;

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

SmoothKnnDistances smoothKnnDistances(const NeighborGraph& neighbors)
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
    for (std::size_t i = 0; i < n; ++i) {
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
    return out;
}

FuzzyGraph fuzzySimplicialSet(const NeighborGraph& neighbors)
{
    const SmoothKnnDistances local = smoothKnnDistances(neighbors);
    const std::size_t n = neighbors.count;
    const int k = neighbors.k;
    // Directed memberships, each listed as (i, j) from A and (j, i) from Aᵀ.
    struct Entry {
        std::int32_t head, tail;
        float weight;
        bool transposed;
    };
    std::vector<Entry> entries;
    entries.reserve(2 * n * k);
    for (std::size_t i = 0; i < n; ++i)
        for (int m = 0; m < k; ++m) {
            const std::int32_t j = neighbors.indices[i * k + m];
            if (j == std::int32_t(i))
                continue;
            const double excess = neighbors.distances[i * k + m] - local.rho[i];
            const float w = excess <= 0 || local.sigma[i] == 0 ? 1.f : float(std::exp(-excess / local.sigma[i]));
            entries.push_back({std::int32_t(i), j, w, false});
            entries.push_back({j, std::int32_t(i), w, true});
        }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.head != b.head ? a.head < b.head : a.tail < b.tail;
    });
    FuzzyGraph graph;
    graph.count = n;
    for (std::size_t e = 0; e < entries.size();) {
        float direct = 0, transposed = 0;
        std::size_t f = e;
        for (; f < entries.size() && entries[f].head == entries[e].head && entries[f].tail == entries[e].tail; ++f)
            (entries[f].transposed ? transposed : direct) = entries[f].weight;
        const float w = direct + transposed - direct * transposed;
        if (w > 0) {
            graph.heads.push_back(entries[e].head);
            graph.tails.push_back(entries[e].tail);
            graph.weights.push_back(w);
        }
        e = f;
    }
    return graph;
}

} // namespace cryo
