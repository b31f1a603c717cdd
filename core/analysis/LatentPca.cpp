#include "analysis/LatentPca.h"

#include "util/Error.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <string>

namespace cryo {
namespace {

constexpr std::size_t kChunkRows = 65536;

// Mean and scatter matrix Σ (x − mean)(x − mean)ᵀ in double, in two passes over the rows
// (no cancellation-prone E[xxᵀ] − mean meanᵀ).
void accumulateMoments(const float* rows, std::size_t count, int dim, const AnalysisContext& context,
                       Eigen::VectorXd& mean, Eigen::MatrixXd& scatter)
{
    mean = Eigen::VectorXd::Zero(dim);
    for (std::size_t first = 0; first < count; first += kChunkRows) {
        context.checkCancelled();
        const std::size_t last = std::min(count, first + kChunkRows);
        for (std::size_t i = first; i < last; ++i)
            for (int k = 0; k < dim; ++k)
                mean[k] += rows[i * dim + k];
        context.report(0.5 * double(last) / double(count));
    }
    mean /= double(count);
    scatter = Eigen::MatrixXd::Zero(dim, dim);
    Eigen::MatrixXd block(dim, kChunkRows);
    for (std::size_t first = 0; first < count; first += kChunkRows) {
        context.checkCancelled();
        const std::size_t last = std::min(count, first + kChunkRows);
        const Eigen::Index n = Eigen::Index(last - first);
        for (Eigen::Index c = 0; c < n; ++c)
            for (int k = 0; k < dim; ++k)
                block(k, c) = rows[(first + c) * dim + k] - mean[k];
        scatter.noalias() += block.leftCols(n) * block.leftCols(n).transpose();
        context.report(0.5 + 0.5 * double(last) / double(count));
    }
}

} // namespace

LatentPca::LatentPca(std::vector<float> mean, std::vector<float> components, std::vector<float> explainedVariance)
    : m_mean(std::move(mean)), m_components(std::move(components)), m_explained(std::move(explainedVariance))
{
    if (m_mean.empty() || m_components.size() != m_explained.size() * m_mean.size())
        throw UsageError("PCA: components must be P × d for a mean of d and P explained variances");
}

LatentPca LatentPca::fit(const float* rows, std::size_t count, int dim, int componentCount,
                         const AnalysisContext& context)
{
    if (dim < 1 || count < 2)
        throw UsageError("PCA needs at least 2 rows of at least 1 dimension");
    if (componentCount < 0 || componentCount > dim)
        throw UsageError("PCA: " + std::to_string(componentCount) + " components requested for " +
                         std::to_string(dim) + " dimensions");
    const int p = componentCount == 0 ? dim : componentCount;
    Eigen::VectorXd mean;
    Eigen::MatrixXd scatter;
    accumulateMoments(rows, count, dim, context, mean, scatter);
    const Eigen::MatrixXd covariance = scatter / double(count - 1);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);   // ascending eigenvalues
    LatentPca pca;
    pca.m_mean.assign(mean.data(), mean.data() + dim);
    pca.m_totalVariance = covariance.trace();
    for (int c = 0; c < p; ++c) {
        const int source = dim - 1 - c;
        Eigen::VectorXd v = solver.eigenvectors().col(source);
        Eigen::Index largest = 0;
        v.cwiseAbs().maxCoeff(&largest);
        if (v[largest] < 0)
            v = -v;
        for (int k = 0; k < dim; ++k)
            pca.m_components.push_back(float(v[k]));
        pca.m_explained.push_back(float(std::max(0.0, solver.eigenvalues()[source])));
    }
    context.report(1.0);
    return pca;
}

std::vector<float> LatentPca::project(const float* rows, std::size_t count, const AnalysisContext& context) const
{
    const int d = dim(), p = componentCount();
    std::vector<float> out(count * std::size_t(p));
    for (std::size_t first = 0; first < count; first += kChunkRows) {
        context.checkCancelled();
        const std::size_t last = std::min(count, first + kChunkRows);
        for (std::size_t i = first; i < last; ++i) {
            const float* x = rows + i * d;
            for (int c = 0; c < p; ++c) {
                const float* v = m_components.data() + std::size_t(c) * d;
                double sum = 0;
                for (int k = 0; k < d; ++k)
                    sum += double(x[k] - m_mean[k]) * v[k];
                out[i * p + c] = float(sum);
            }
        }
        context.report(double(last) / double(count));
    }
    return out;
}

std::vector<float> LatentPca::inverseProject(const std::vector<float>& pcs) const
{
    const int d = dim(), p = componentCount();
    if (int(pcs.size()) > p)
        throw UsageError("PCA inverse projection: " + std::to_string(pcs.size()) + " coordinates for " +
                         std::to_string(p) + " components");
    std::vector<float> z(m_mean);
    for (std::size_t c = 0; c < pcs.size(); ++c)
        for (int k = 0; k < d; ++k)
            z[k] += pcs[c] * m_components[c * d + k];
    return z;
}

std::vector<float> LatentPca::trajectory(const std::vector<float>& projections, int component, int points,
                                         double lowPercentile, double highPercentile) const
{
    const int p = componentCount();
    if (component < 0 || component >= p || points < 2 || projections.empty() || projections.size() % p != 0)
        throw UsageError("PCA trajectory: component " + std::to_string(component) + " of " + std::to_string(p) +
                         ", " + std::to_string(points) + " points, " + std::to_string(projections.size()) +
                         " projection values");
    std::vector<float> values;
    values.reserve(projections.size() / p);
    for (std::size_t i = std::size_t(component); i < projections.size(); i += p)
        values.push_back(projections[i]);
    std::sort(values.begin(), values.end());
    // Linear interpolation between order statistics (NumPy's default percentile).
    const auto percentile = [&](double q) {
        const double position = std::clamp(q, 0.0, 100.0) / 100.0 * double(values.size() - 1);
        const std::size_t below = std::size_t(position);
        const std::size_t above = std::min(values.size() - 1, below + 1);
        return values[below] + (position - double(below)) * (values[above] - values[below]);
    };
    const double start = percentile(lowPercentile), end = percentile(highPercentile);
    std::vector<float> out;
    out.reserve(std::size_t(points) * dim());
    std::vector<float> pcs(component + 1, 0.f);
    for (int k = 0; k < points; ++k) {
        pcs[component] = float(start + (end - start) * k / (points - 1));
        const std::vector<float> z = inverseProject(pcs);
        out.insert(out.end(), z.begin(), z.end());
    }
    return out;
}

} // namespace cryo
