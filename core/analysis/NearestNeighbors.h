#pragma once
// k nearest neighbours (Euclidean) of latent rows, by a kd-tree (nanoflann): good for the low
// dimensions of z (d ≤ ~10). Used by UMAP, trustworthiness, graph traversal and
// click-to-nearest-particle.
//
// All-neighbour searches can be (1 + ε)-approximate: a branch of the tree is skipped unless
// it may hold a point nearer than the current k-th distance / (1 + ε). At ε = 1 on 1,000,000
// × 8 rows this keeps 99 % of the true neighbours and costs 2.5× less than the exact search
// on isotropic Gaussian rows, about 1.8× less on rows near a 2-D manifold (bench_scale). The
// rows are queried in the tree's own order (nearby rows one after the other), which is
// another 1.5–2.7× faster than index order because each query walks the cached paths of the
// previous one. Results do not depend on the thread count. Chosen over hnswlib by
// `bench_scale knn --hnswlib` at 1,000,000 × 8, k = 14, 2 threads: building hnswlib's graph
// (M 16, ef_construction 100) alone costs 188–216 CPU-s; with its search at ef 20 (recall
// 0.995) the whole graph took 238 CPU-s against the kd-tree's 41 (recall 0.990) on rows near
// a manifold, and 271 against 116 on isotropic Gaussian rows.
#include "analysis/AnalysisContext.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace cryo {

// Each row's k nearest *other* rows, nearest first.
struct NeighborGraph {
    std::size_t count = 0;
    int k = 0;
    std::vector<std::int32_t> indices;   // count × k
    std::vector<float> distances;        // count × k, Euclidean, ascending per row
};

struct NeighborSearchOptions {
    double epsilon = 0;   // 0: exact; ε > 0: (1 + ε)-approximate (see above)
    int threads = 2;
};

class NearestNeighbors {
public:
    // Builds the tree over `count` rows of `dim` floats (row-major). The rows are not
    // copied: they must outlive this object. Throws UsageError for count ≥ 2³¹ or dim < 1.
    NearestNeighbors(const float* rows, std::size_t count, int dim);
    ~NearestNeighbors();
    NearestNeighbors(const NearestNeighbors&) = delete;
    NearestNeighbors& operator=(const NearestNeighbors&) = delete;

    std::size_t count() const { return m_count; }
    int dim() const { return m_dim; }

    // Every row's k nearest other rows (a row's duplicates count as neighbours at distance
    // 0). Throws UsageError for k < 1, k ≥ count or ε < 0; AnalysisCancelled on stop.
    NeighborGraph allNeighbors(int k, const NeighborSearchOptions& options = {},
                               const AnalysisContext& context = {}) const;

    // The k rows nearest an arbitrary point (dim floats): (index, distance), nearest first.
    std::vector<std::pair<std::int64_t, float>> nearest(const float* point, int k) const;

private:
    struct Tree;
    const float* m_rows;
    std::size_t m_count;
    int m_dim;
    std::unique_ptr<Tree> m_tree;
};

// Fraction of `exact`'s neighbours that `approximate` also lists, over all rows (same
// count and k; otherwise UsageError).
double neighborRecall(const NeighborGraph& approximate, const NeighborGraph& exact);

} // namespace cryo
