#pragma once
// UMAP of latent coordinates into 2D, written from the paper (McInnes, Healy & Melville 2018)
// and following umap-learn's defaults:
//   1. kNN (NearestNeighbors, (1 + ε)-approximate with ε = 1 by default: ~99 % of the true
//      neighbours; n_neighbors counts the row itself, as in umap-learn)
//   2. fuzzy simplicial set (FuzzySimplicialSet.h); edges lighter than max/epochs dropped
//   3. a, b of the low-dimensional kernel 1/(1 + a d^2b) fitted to min_dist and spread
//      (least squares on 300 points of [0, 3·spread], as umap-learn does)
//   4. initialisation: the first two principal components of the data, scaled to ±10 with
//      a little noise, then rescaled to [0, 10] per axis (umap-learn's "pca" init; chosen
//      over spectral init because it is robust for disconnected graphs and cheap)
//   5. SGD (UmapLayout.h): attraction along sampled edges, negative sampling for repulsion,
//      learning rate decaying linearly to 0; epochs 500 for N ≤ 10,000, else 200.
// Deterministic for a seed, whatever the thread count (UmapLayout.h says how the layout
// runs in parallel without races).
#include "analysis/AnalysisContext.h"
#include "analysis/NearestNeighbors.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace cryo {

struct UmapOptions {
    int neighbors = 15;              // n_neighbors, including the row itself
    double minDist = 0.1;
    double spread = 1.0;
    int epochs = 0;                  // 0: 500 for N ≤ 10,000, else 200
    double learningRate = 1.0;
    int negativeSampleRate = 5;
    double repulsionStrength = 1.0;  // gamma
    std::uint64_t seed = 0;
    double neighborEpsilon = 1.0;    // kNN approximation ε (0: exact)
    int threads = 2;                 // for the kNN, the graph and the layout; the result does not depend on it
};

struct UmapResult {
    std::vector<float> embedding;    // N × 2, row-major
    double a = 0, b = 0;
    int epochs = 0;
    std::size_t edges = 0;           // directed edges of the symmetric graph used
    double neighborSeconds = 0;      // kNN
    double layoutSeconds = 0;        // fuzzy graph, initialisation and SGD
    double graphSeconds = 0;         // of which fuzzy graph and initialisation
};

class Umap {
public:
    explicit Umap(UmapOptions options);

    // Embeds `count` rows of `dim` floats. Throws UsageError for count < 3 or bad options,
    // AnalysisCancelled on stop (checked per kNN chunk and per epoch).
    UmapResult fit(const float* rows, std::size_t count, int dim, const AnalysisContext& context = {}) const;
    // Same with a precomputed graph of neighbors − 1 nearest other rows per row.
    UmapResult fit(const float* rows, std::size_t count, int dim, const NeighborGraph& graph,
                   const AnalysisContext& context = {}) const;

    // The (a, b) of 1/(1 + a x^2b) that best fits 1 for x < minDist, exp(−(x − minDist)/spread) beyond.
    static std::pair<double, double> curveParameters(double minDist, double spread);

private:
    UmapOptions m_options;
};

} // namespace cryo
