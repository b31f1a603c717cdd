#pragma once
// PCA of latent coordinates: fitted on N × d float rows (row-major), components sorted by
// decreasing variance. Used for the PCA scatter panel, click-to-volume on it (inverse
// projection) and PC trajectories.
//
// Conventions: components are unit vectors (P × d, row-major); each one's sign is chosen so
// that its largest-magnitude entry is positive (deterministic output); explained variance
// uses the unbiased (N − 1) estimator, as scikit-learn does.
#include "analysis/AnalysisContext.h"

#include <cstddef>
#include <vector>

namespace cryo {

class LatentPca {
public:
    LatentPca() = default;
    // From stored parameters (run.h5): mean (d), components (P × d), explained variance (P).
    // Throws UsageError when the sizes disagree.
    LatentPca(std::vector<float> mean, std::vector<float> components, std::vector<float> explainedVariance);

    // Fits on `count` rows of `dim` floats. componentCount 0 = all d components.
    // Throws UsageError for count < 2 or componentCount > dim; AnalysisCancelled on stop.
    static LatentPca fit(const float* rows, std::size_t count, int dim, int componentCount = 0,
                         const AnalysisContext& context = {});

    int dim() const { return int(m_mean.size()); }
    int componentCount() const { return int(m_explained.size()); }
    const std::vector<float>& mean() const { return m_mean; }
    const std::vector<float>& components() const { return m_components; }        // P × d
    const std::vector<float>& explainedVariance() const { return m_explained; }  // P
    double totalVariance() const { return m_totalVariance; }   // sum over all d (0 if unknown)

    // Rows (count × d) → projections (count × P).
    std::vector<float> project(const float* rows, std::size_t count, const AnalysisContext& context = {}) const;
    // A point in PC space (P values; fewer are padded with zeros) → z (d values).
    std::vector<float> inverseProject(const std::vector<float>& pcs) const;

    // A PC trajectory (cryoDRGN's pc traversal): `points` z's (points × d, row-major) evenly
    // spaced along `component` between the given percentiles of that PC's projections
    // (count × P, from project()), every other PC at 0 (the mean). Throws UsageError for a
    // bad component, points < 2 or no rows.
    std::vector<float> trajectory(const std::vector<float>& projections, int component, int points,
                                  double lowPercentile = 5, double highPercentile = 95) const;

private:
    std::vector<float> m_mean, m_components, m_explained;
    double m_totalVariance = 0;
};

} // namespace cryo
