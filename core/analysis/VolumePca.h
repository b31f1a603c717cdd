#pragma once
// PCA of masked volumes (n volumes × p voxels, n ≪ p) through the n × n Gram matrix of the
// centred rows: with Gram = U Λ Uᵀ, eigenvolume k = Xcᵀ u_k / √λ_k, the projection of
// volume i on it is √λ_k u_ik and its explained variance λ_k / (n − 1) (unbiased, as
// scikit-learn). Each eigenvolume's sign makes its largest-magnitude voxel positive.
#include "analysis/AnalysisContext.h"

#include <cstddef>
#include <vector>

namespace cryo {

// Gram matrix (n × n, double, row-major) of the rows after subtracting their mean (p values,
// returned in `mean`). Computed in column chunks, so memory stays O(n² + n·chunk).
std::vector<double> centredGram(const float* rows, std::size_t n, std::size_t p, std::vector<float>& mean,
                                const AnalysisContext& context = {});
// Pairwise squared Euclidean distances (n × n) from a Gram matrix (centred or not).
std::vector<double> squaredDistancesFromGram(const std::vector<double>& gram, std::size_t n);

class VolumePca {
public:
    // Rows n × p. components: how many to keep (capped at the rank, ≤ n − 1). Throws
    // UsageError for n < 2 or components < 1.
    static VolumePca fit(const float* rows, std::size_t n, std::size_t p, int components,
                         const AnalysisContext& context = {});
    // The same from a Gram matrix already computed by centredGram (and its mean).
    static VolumePca fitGram(const float* rows, std::size_t n, std::size_t p, const std::vector<double>& gram,
                             std::vector<float> mean, int components);

    std::size_t voxels() const { return m_mean.size(); }
    int componentCount() const { return int(m_explained.size()); }
    const std::vector<float>& mean() const { return m_mean; }                    // p
    const std::vector<float>& components() const { return m_components; }        // P × p, unit rows
    const std::vector<float>& explainedVariance() const { return m_explained; }  // P
    double totalVariance() const { return m_totalVariance; }                     // over all components
    const std::vector<float>& projections() const { return m_projections; }      // n × P, of the fitted rows

    std::vector<float> project(const float* row) const;                          // p values → P
    // mean + coordinate × eigenvolume `component` (p values): volumes along a volume PC.
    std::vector<float> along(int component, double coordinate) const;

private:
    std::vector<float> m_mean, m_components, m_explained, m_projections;
    double m_totalVariance = 0;
};

} // namespace cryo
