#include "analysis/LatentValidation.h"

#include "analysis/RankCorrelation.h"
#include "util/Error.h"

#include <Eigen/Eigenvalues>

#include <cmath>

namespace cryo {

std::vector<double> firstPrincipalComponent(std::span<const float> z, int zdim)
{
    if (zdim < 1 || z.size() % std::size_t(zdim) != 0)
        throw UsageError("z is not an N × zdim table");
    const auto n = Eigen::Index(z.size() / std::size_t(zdim));
    const Eigen::MatrixXd rows =
        Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(z.data(), n, zdim)
            .cast<double>();
    const Eigen::MatrixXd centred = rows.rowwise() - rows.colwise().mean();
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(centred.transpose() * centred);
    const Eigen::VectorXd axis = solver.eigenvectors().col(zdim - 1);   // largest eigenvalue last
    const Eigen::VectorXd projection = centred * axis;
    return {projection.data(), projection.data() + projection.size()};
}

double latentTruthSpearman(std::span<const float> z, int zdim, std::span<const double> truth)
{
    const auto pc1 = firstPrincipalComponent(z, zdim);
    return std::abs(spearmanCorrelation(pc1, truth));
}

} // namespace cryo
