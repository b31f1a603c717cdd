#pragma once
// The latent kNN graph used for trajectories along drawn paths (cryoDRGN's graph
// traversal): every particle is joined to those of its `maxNeighbors` nearest neighbours
// that lie within a distance cutoff, and the cutoff is chosen so that on average
// `meanDegree` of the kNN edges survive (the cutoff is the (N·meanDegree)-th smallest of
// all N·maxNeighbors kNN distances). Edges are then made symmetric (i–j if either kept the
// other), so undirected degrees can be slightly above the target. Paths between anchors
// are shortest paths (Dijkstra, Euclidean edge lengths) chained anchor to anchor.
#include "analysis/AnalysisContext.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cryo {

struct LatentGraphOptions {
    int maxNeighbors = 10;       // at most this many kNN edges per particle
    double meanDegree = 5;       // target mean number of kept kNN edges per particle
    int threads = 2;
};

struct LatentPath {
    std::vector<std::int64_t> nodes;   // particle indices, first anchor to last
    std::vector<float> z;              // nodes.size() × dim, the particles' z
    double length = 0;                 // sum of Euclidean edge lengths
};

class LatentGraph {
public:
    // Builds the graph over `count` rows of `dim` floats (copied). Throws UsageError for
    // count < 2, maxNeighbors < 1 or meanDegree outside (0, maxNeighbors];
    // AnalysisCancelled on stop.
    static LatentGraph build(const float* rows, std::size_t count, int dim, const LatentGraphOptions& options = {},
                             const AnalysisContext& context = {});

    std::size_t count() const { return m_adjacency.size(); }
    int dim() const { return m_dim; }
    double cutoff() const { return m_cutoff; }
    // Mean number of kNN edges kept per particle (before symmetrising): ≈ meanDegree.
    double meanKeptNeighbors() const { return m_meanKept; }
    // Mean undirected degree after symmetrising.
    double meanDegree() const;

    struct Edge {
        std::int32_t to;
        float length;
    };
    const std::vector<Edge>& edges(std::size_t node) const { return m_adjacency[node]; }

    // Shortest path through all anchors in order (≥ 1 anchor, each in [0, count)). Throws
    // UsageError for bad anchors and when two consecutive anchors are not connected.
    LatentPath path(const std::vector<std::int64_t>& anchors) const;
    // The particle nearest an arbitrary point (dim floats): to snap a drawn point to the graph.
    std::int64_t nearestNode(const float* point) const;

private:
    std::vector<std::int64_t> shortestPath(std::int64_t from, std::int64_t to, double& length) const;

    int m_dim = 0;
    double m_cutoff = 0, m_meanKept = 0;
    std::vector<float> m_rows;                  // count × dim
    std::vector<std::vector<Edge>> m_adjacency;  // sorted by target
};

} // namespace cryo
