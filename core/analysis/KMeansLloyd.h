#pragma once
// Lloyd iterations of k-means from given centres, with Hamerly's bounds (G. Hamerly, "Making
// k-means even faster", SDM 2010). Each row keeps an upper bound on the distance to its own
// centre and a lower bound on the distance to every other centre; after the centres move the
// bounds are loosened by how far they moved. A row whose upper bound is below both its lower
// bound and half the distance from its centre to the nearest other centre cannot change
// cluster and skips the k distances. The labels are those of testing all k centres, so the
// iterations are plain Lloyd's, only cheaper once the centres settle: on 1,000,000 × 8 rows
// with no cluster structure (as real latents often are) k-means takes ~200 iterations, and
// late ones test few rows.
//
// Deterministic whatever the thread count: the work is per row, and the sums of the M-step
// are combined per chunk of rows in chunk order. An empty cluster takes the row farthest
// from its centre.
#include "analysis/AnalysisContext.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cryo {

// Shared with the k-means++ seeding (KMeans.cpp): the rows are processed in chunks of this
// many, and sums are combined per chunk in chunk order.
inline constexpr std::size_t kKMeansChunkRows = 16384;
inline std::size_t kMeansChunkCount(std::size_t count) { return (count + kKMeansChunkRows - 1) / kKMeansChunkRows; }

inline float squaredDistance(const float* a, const float* b, int dim)
{
    float sum = 0;
    for (int j = 0; j < dim; ++j) {
        const float diff = a[j] - b[j];
        sum += diff * diff;
    }
    return sum;
}

struct LloydOptions {
    int maxIterations = 300;
    double tolerance = 0;   // stop when Σ‖Δcentre‖² ≤ this (absolute)
    int threads = 2;
};

struct LloydResult {
    std::vector<std::int32_t> labels;   // N: the nearest of the final centres
    std::vector<float> centres;         // k × d
    double inertia = 0;                 // Σ squared distance of each row to its centre
    int iterations = 0;                 // M-steps done
};

// `centres` (k × d) are the starting centres. Progress is reported per iteration (as a
// fraction of maxIterations); AnalysisCancelled on stop.
LloydResult lloydIterations(const float* rows, std::size_t count, int dim, std::vector<float> centres,
                            const LloydOptions& options, const AnalysisContext& context = {});

} // namespace cryo
