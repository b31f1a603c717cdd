#pragma once
// UMAP's stochastic layout (umap-learn's optimize_layout_euclidean, move_other = true):
// each epoch, edge e is sampled when its next-sample epoch is due (every max(w)/w_e
// epochs); the two ends attract with gradient −2ab d^(2b−2)/(1 + a d^2b)·(y_i − y_j), and the
// head is pushed from negativeSampleRate random points per sample with
// 2γb/((0.001 + d²)(1 + a d^2b))·(y_i − y_k); gradients clipped to ±4, step α(1 − epoch/epochs).
// Random draws come from one stream per block of edges and epoch, so a single-threaded run
// is deterministic for a seed.
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
    int threads = 1;
};

// Optimises `embedding` (N × 2, row-major) in place. AnalysisCancelled on stop (per epoch).
void optimizeUmapLayout(const FuzzyGraph& graph, std::vector<float>& embedding, const UmapLayoutOptions& options,
                        const AnalysisContext& context = {});

} // namespace cryo
