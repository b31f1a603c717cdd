#pragma once
// k-means of latent coordinates: greedy k-means++ seeding (as scikit-learn: 2 + ln k
// candidate centres per step, the one lowering the potential most is kept), Lloyd
// iterations (sped up by Hamerly's bounds: KMeansLloyd.h), and "on-data" centres (the row nearest each centre, so a real particle's z
// can be decoded to a volume). Deterministic for a seed, whatever the thread count (sums
// are combined per fixed chunk of rows, in chunk order).
#include "analysis/AnalysisContext.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cryo {

struct KMeansOptions {
    int clusters = 20;           // k
    std::uint64_t seed = 0;
    int maxIterations = 300;     // Lloyd iterations per restart
    double tolerance = 1e-4;     // stop when Σ‖Δcentre‖² ≤ tolerance × mean per-dimension variance
    int restarts = 1;            // independent seedings; the lowest inertia wins
    int threads = 2;
};

struct KMeansResult {
    int clusters = 0, dim = 0;
    std::vector<std::int32_t> labels;          // N, in [0, k)
    std::vector<float> centers;                // k × d, row-major
    std::vector<std::int64_t> centerRows;      // k: index of the row nearest each centre
    double inertia = 0;                        // Σ squared distance of each row to its centre
    int iterations = 0;                        // Lloyd iterations of the kept restart
    double seedingSeconds = 0, iterationSeconds = 0;   // of the kept restart: k-means++, Lloyd
};

class KMeans {
public:
    explicit KMeans(KMeansOptions options);

    // Clusters `count` rows of `dim` floats. Throws UsageError for k < 1 or k > count,
    // AnalysisCancelled on stop.
    KMeansResult fit(const float* rows, std::size_t count, int dim, const AnalysisContext& context = {}) const;

    // Index of the row nearest each of `centerCount` centres (ties: the lowest index).
    static std::vector<std::int64_t> nearestRows(const float* rows, std::size_t count, int dim,
                                                 const float* centers, int centerCount, int threads = 2);

private:
    KMeansResult fitOnce(const float* rows, std::size_t count, int dim, std::uint64_t seed,
                         const AnalysisContext& context) const;

    KMeansOptions m_options;
};

} // namespace cryo
