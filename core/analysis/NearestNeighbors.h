#pragma once
// Exact k nearest neighbours (Euclidean) of latent rows, by a kd-tree (nanoflann): good for
// the low dimensions of z (d ≤ ~10). Used by UMAP, trustworthiness, graph traversal and
// click-to-nearest-particle.
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
    // 0). Throws UsageError for k < 1 or k ≥ count; AnalysisCancelled on stop.
    NeighborGraph allNeighbors(int k, int threads = 2, const AnalysisContext& context = {}) const;

    // The k rows nearest an arbitrary point (dim floats): (index, distance), nearest first.
    std::vector<std::pair<std::int64_t, float>> nearest(const float* point, int k) const;

private:
    struct Tree;
    const float* m_rows;
    std::size_t m_count;
    int m_dim;
    std::unique_ptr<Tree> m_tree;
};

} // namespace cryo
