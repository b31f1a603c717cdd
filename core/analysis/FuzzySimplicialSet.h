#pragma once
// UMAP's fuzzy simplicial set (McInnes, Healy & Melville 2018, §3; as umap-learn computes it):
// from each row's k nearest neighbours, a local metric — rho_i (distance to the nearest
// neighbour, local connectivity 1) and sigma_i (binary search so that
// Σ_j exp(−max(0, d_ij − rho_i)/sigma_i) = log2(k + 1), the +1 being the row itself that
// umap-learn counts among its n_neighbors) — gives directed memberships
// w_ij = exp(−max(0, d_ij − rho_i)/sigma_i), symmetrised by the fuzzy union
// w = w_ij + w_ji − w_ij·w_ji.
#include "analysis/NearestNeighbors.h"

#include <cstdint>
#include <vector>

namespace cryo {

struct SmoothKnnDistances {
    std::vector<float> sigma, rho;   // per row
};

// Symmetric weighted graph: every undirected edge appears twice, (i, j) and (j, i); edges
// sorted by (head, tail).
struct FuzzyGraph {
    std::size_t count = 0;
    std::vector<std::int32_t> heads, tails;
    std::vector<float> weights;   // in (0, 1]
};

// Both are computed per row on `threads` threads; the results do not depend on their number.
// AnalysisCancelled on stop (checked per chunk of rows).
SmoothKnnDistances smoothKnnDistances(const NeighborGraph& neighbors, int threads = 2,
                                      const AnalysisContext& context = {});
FuzzyGraph fuzzySimplicialSet(const NeighborGraph& neighbors, int threads = 2, const AnalysisContext& context = {});

} // namespace cryo
