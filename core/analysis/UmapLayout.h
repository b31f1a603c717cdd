#pragma once
// UMAP's stochastic layout (umap-learn's optimize_layout_euclidean with move_other = true,
// reorganised so that it runs in parallel and is still deterministic): each epoch, edge e is
// sampled when its next-sample epoch is due (every max(w)/w_e epochs); the head is pulled
// toward the tail with gradient −2ab d^(2b−2)/(1 + a d^2b)·(y_i − y_j) and pushed from
// negativeSampleRate random points per sample with 2γb/((0.001 + d²)(1 + a d^2b))·(y_i − y_k);
// gradients clipped to ±4, step α(1 − epoch/epochs).
//
// umap-learn moves both ends of a sampled edge. The fuzzy graph holds every edge in both
// directions, sampled in the same epochs (equal weights), so here an edge moves only its
// head, by twice the clipped pull: each point receives the same pulls and pushes per epoch.
// That makes every point written by exactly one block of edges (the edges are grouped by
// head), and the other ends are read as they were at the start of the epoch. Random draws
// come from one stream per (seed, epoch, block), the blocks being fixed by the graph: the
// result is the same for a seed whatever the thread count, with no write races.
#include "analysis/AnalysisContext.h"
#include "analysis/FuzzySimplicialSet.h"

#include <cstdint>
#include <vector>

namespace cryo {

struct UmapLayoutOptions {
    double a = 1.577, b = 0.895;
    int epochs = 200;
    double learningRate = 1.0;
    int negativeSampleRate = 5;
    double repulsionStrength = 1.0;
    std::uint64_t seed = 0;
    int threads = 2;
};

// Optimises `embedding` (N × 2, row-major) in place. `graph` must list its edges grouped
// by head (as fuzzySimplicialSet does). AnalysisCancelled on stop (per block of edges).
void optimizeUmapLayout(const FuzzyGraph& graph, std::vector<float>& embedding, const UmapLayoutOptions& options,
                        const AnalysisContext& context = {});

} // namespace cryo
