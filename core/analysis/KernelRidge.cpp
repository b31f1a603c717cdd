#include "analysis/KernelRidge.h"

#include "analysis/ParallelChunks.h"
#include "util/Error.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace cryo {
namespace {

double squaredDistance(const float* a, const float* b, int dim)
{
    double sum = 0;
    for (int c = 0; c < dim; ++c) {
        const double d = double(a[c]) - double(b[c]);
        sum += d * d;
    }
    return sum;
}

} // namespace

KernelRidge KernelRidge::fit(const float* x, std::size_t n, int dim, const float* y, int outputs, double lambda,
                             double bandwidth)
{
    if (n < 1 || outputs < 1 || !(lambda > 0))
        throw UsageError("kernel ridge: needs ≥ 1 sample, ≥ 1 output and λ > 0");
    KernelRidge model;
    model.m_dim = dim;
    model.m_outputs = outputs;
    model.m_x.assign(x, x + n * std::size_t(dim));
    Eigen::MatrixXd d2(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    std::vector<double> pairwise;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            d2(Eigen::Index(i), Eigen::Index(j)) = squaredDistance(x + i * std::size_t(dim), x + j * std::size_t(dim), dim);
            if (j > i)
                pairwise.push_back(std::sqrt(d2(Eigen::Index(i), Eigen::Index(j))));
        }
    if (bandwidth <= 0 && !pairwise.empty()) {
        std::nth_element(pairwise.begin(), pairwise.begin() + std::ptrdiff_t(pairwise.size() / 2), pairwise.end());
        bandwidth = pairwise[pairwise.size() / 2];
    }
    model.m_sigma = bandwidth > 0 ? bandwidth : 1.0;
    const Eigen::MatrixXd kernel = (-d2.array() / (2 * model.m_sigma * model.m_sigma)).exp().matrix();

    Eigen::MatrixXd targets(static_cast<Eigen::Index>(n), outputs);
    model.m_mean.assign(std::size_t(outputs), 0.0);
    for (int o = 0; o < outputs; ++o) {
        for (std::size_t i = 0; i < n; ++i)
            targets(Eigen::Index(i), o) = y[i * std::size_t(outputs) + std::size_t(o)];
        model.m_mean[std::size_t(o)] = targets.col(o).mean();
        targets.col(o).array() -= model.m_mean[std::size_t(o)];
    }
    const Eigen::MatrixXd system = kernel + lambda * Eigen::MatrixXd::Identity(Eigen::Index(n), Eigen::Index(n));
    const Eigen::LDLT<Eigen::MatrixXd> solver(system);
    const Eigen::MatrixXd alpha = solver.solve(targets);
    model.m_alpha.resize(n * std::size_t(outputs));
    for (std::size_t i = 0; i < n; ++i)
        for (int o = 0; o < outputs; ++o)
            model.m_alpha[i * std::size_t(outputs) + std::size_t(o)] = alpha(Eigen::Index(i), o);
    // LOO residual of sample i: α_i / (A⁻¹)_ii.
    const Eigen::MatrixXd inverse = solver.solve(Eigen::MatrixXd::Identity(Eigen::Index(n), Eigen::Index(n)));
    double residual = 0, total = targets.squaredNorm();
    for (std::size_t i = 0; i < n; ++i)
        residual += (alpha.row(Eigen::Index(i)) / inverse(Eigen::Index(i), Eigen::Index(i))).squaredNorm();
    model.m_looR2 = total > 0 ? 1.0 - residual / total : 0.0;
    return model;
}

std::vector<float> KernelRidge::predict(const float* x, std::size_t count, int threads) const
{
    const std::size_t n = m_x.size() / std::size_t(std::max(m_dim, 1)), outputs = std::size_t(m_outputs);
    std::vector<float> out(count * outputs);
    const double scale = -1.0 / (2 * m_sigma * m_sigma);
    constexpr std::size_t kRows = 1024;
    parallelChunks((count + kRows - 1) / kRows, threads, AnalysisContext{}, [&](std::size_t chunk) {
        const std::size_t begin = chunk * kRows, end = std::min(count, begin + kRows);
        std::vector<double> sum(outputs);
        for (std::size_t r = begin; r < end; ++r) {
            std::copy(m_mean.begin(), m_mean.end(), sum.begin());
            for (std::size_t i = 0; i < n; ++i) {
                const double k = std::exp(scale * squaredDistance(x + r * std::size_t(m_dim), m_x.data() + i * std::size_t(m_dim), m_dim));
                for (std::size_t o = 0; o < outputs; ++o)
                    sum[o] += k * m_alpha[i * outputs + o];
            }
            for (std::size_t o = 0; o < outputs; ++o)
                out[r * outputs + o] = float(sum[o]);
        }
    });
    return out;
}

} // namespace cryo
