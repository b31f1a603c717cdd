#include "analysis/VolumePca.h"

#include "util/Error.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <string>

namespace cryo {
namespace {

constexpr std::size_t kChunk = 2048;   // voxel columns per block

// Rows n × [begin, end) minus the mean, as doubles.
Eigen::MatrixXd centredBlock(const float* rows, std::size_t n, std::size_t p, const std::vector<float>& mean,
                             std::size_t begin, std::size_t end)
{
    Eigen::MatrixXd block(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(end - begin));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t c = begin; c < end; ++c)
            block(Eigen::Index(i), Eigen::Index(c - begin)) = double(rows[i * p + c]) - double(mean[c]);
    return block;
}

} // namespace

std::vector<double> centredGram(const float* rows, std::size_t n, std::size_t p, std::vector<float>& mean,
                                const AnalysisContext& context)
{
    mean.assign(p, 0.0f);
    for (std::size_t c = 0; c < p; ++c) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            sum += rows[i * p + c];
        mean[c] = float(sum / double(std::max<std::size_t>(n, 1)));
    }
    Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(Eigen::Index(n), Eigen::Index(n));
    for (std::size_t begin = 0; begin < p; begin += kChunk) {
        context.checkCancelled();
        const Eigen::MatrixXd block = centredBlock(rows, n, p, mean, begin, std::min(p, begin + kChunk));
        gram.noalias() += block * block.transpose();
        context.report(double(std::min(p, begin + kChunk)) / double(p));
    }
    return std::vector<double>(gram.data(), gram.data() + gram.size());   // symmetric: order irrelevant
}

std::vector<double> squaredDistancesFromGram(const std::vector<double>& gram, std::size_t n)
{
    std::vector<double> d(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            d[i * n + j] = std::max(0.0, gram[i * n + i] + gram[j * n + j] - 2 * gram[i * n + j]);
    return d;
}

VolumePca VolumePca::fit(const float* rows, std::size_t n, std::size_t p, int components, const AnalysisContext& context)
{
    std::vector<float> mean;
    const std::vector<double> gram = centredGram(rows, n, p, mean, context);
    return fitGram(rows, n, p, gram, std::move(mean), components);
}

VolumePca VolumePca::fitGram(const float* rows, std::size_t n, std::size_t p, const std::vector<double>& gram,
                             std::vector<float> mean, int components)
{
    if (n < 2 || components < 1 || gram.size() != n * n || mean.size() != p)
        throw UsageError("volume PCA: needs ≥ 2 volumes, ≥ 1 component and an n × n Gram matrix");
    const Eigen::Map<const Eigen::MatrixXd> g(gram.data(), Eigen::Index(n), Eigen::Index(n));
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(g);   // ascending eigenvalues
    const Eigen::VectorXd& values = solver.eigenvalues();
    const double largest = std::max(values(Eigen::Index(n - 1)), 0.0);
    VolumePca pca;
    pca.m_mean = std::move(mean);
    pca.m_totalVariance = std::max(0.0, g.trace()) / double(n - 1);
    std::vector<Eigen::Index> kept;   // eigenvector columns, by decreasing eigenvalue
    for (Eigen::Index c = Eigen::Index(n) - 1; c >= 0 && int(kept.size()) < std::min<int>(components, int(n) - 1); --c)
        if (values(c) > 1e-10 * largest && largest > 0)
            kept.push_back(c);
    const std::size_t P = kept.size();
    Eigen::MatrixXd u(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(P));
    for (std::size_t k = 0; k < P; ++k)
        u.col(Eigen::Index(k)) = solver.eigenvectors().col(kept[k]) / std::sqrt(values(kept[k]));
    // Eigenvolumes, block by block: V = Xcᵀ U Λ^(−1/2).
    Eigen::MatrixXd volumes(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(P));
    for (std::size_t begin = 0; begin < p; begin += kChunk) {
        const std::size_t end = std::min(p, begin + kChunk);
        volumes.middleRows(Eigen::Index(begin), Eigen::Index(end - begin)) =
            centredBlock(rows, n, p, pca.m_mean, begin, end).transpose() * u;
    }
    pca.m_components.resize(P * p);
    pca.m_explained.resize(P);
    pca.m_projections.resize(n * P);
    for (std::size_t k = 0; k < P; ++k) {
        Eigen::Index peak = 0;
        volumes.col(Eigen::Index(k)).cwiseAbs().maxCoeff(&peak);
        const double sign = volumes(peak, Eigen::Index(k)) < 0 ? -1.0 : 1.0;
        const double lambda = values(kept[k]);
        for (std::size_t c = 0; c < p; ++c)
            pca.m_components[k * p + c] = float(sign * volumes(Eigen::Index(c), Eigen::Index(k)));
        pca.m_explained[k] = float(lambda / double(n - 1));
        for (std::size_t i = 0; i < n; ++i)
            pca.m_projections[i * P + k] = float(sign * solver.eigenvectors()(Eigen::Index(i), kept[k]) * std::sqrt(lambda));
    }
    return pca;
}

std::vector<float> VolumePca::project(const float* row) const
{
    const std::size_t p = voxels(), P = std::size_t(componentCount());
    std::vector<float> out(P, 0.0f);
    for (std::size_t k = 0; k < P; ++k) {
        double sum = 0;
        for (std::size_t c = 0; c < p; ++c)
            sum += double(m_components[k * p + c]) * (double(row[c]) - double(m_mean[c]));
        out[k] = float(sum);
    }
    return out;
}

std::vector<float> VolumePca::along(int component, double coordinate) const
{
    if (component < 0 || component >= componentCount())
        throw UsageError("volume PCA: component " + std::to_string(component + 1) + " outside 1.." +
                         std::to_string(componentCount()));
    const std::size_t p = voxels();
    std::vector<float> out(p);
    for (std::size_t c = 0; c < p; ++c)
        out[c] = float(double(m_mean[c]) + coordinate * double(m_components[std::size_t(component) * p + c]));
    return out;
}

} // namespace cryo
