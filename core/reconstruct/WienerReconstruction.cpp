#include "reconstruct/WienerReconstruction.h"

#include "fourier/CentredFft.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cryo {
namespace {

constexpr double kMinimumFsc = 1e-3;
constexpr double kMaximumFsc = 1.0 - 1e-4;

// Calls visit(index, shell) for every voxel of a centred G³ grid, shell = round(|K|).
template <typename Visit>
void forEachGridVoxel(int G, Visit&& visit)
{
    std::vector<int> squares(static_cast<std::size_t>(G));
    for (int i = 0; i < G; ++i)
        squares[std::size_t(i)] = (i - G / 2) * (i - G / 2);
    std::size_t index = 0;
    for (int z = 0; z < G; ++z)
        for (int y = 0; y < G; ++y)
            for (int x = 0; x < G; ++x, ++index) {
                const int r2 = squares[std::size_t(z)] + squares[std::size_t(y)] + squares[std::size_t(x)];
                visit(index, std::size_t(std::lround(std::sqrt(double(r2)))));
            }
}

// sinc²(π·(i − G/2)/G): the transform of the trilinear kernel along one axis.
std::vector<double> griddingKernel(int G)
{
    std::vector<double> kernel(static_cast<std::size_t>(G));
    for (int i = 0; i < G; ++i) {
        const double x = std::numbers::pi * double(i - G / 2) / double(G);
        const double sinc = x == 0 ? 1.0 : std::sin(x) / x;
        kernel[std::size_t(i)] = sinc * sinc;
    }
    return kernel;
}

} // namespace

ShellRegularisation estimateRegularisation(const FourierSums& a, const FourierSums& b)
{
    if (a.gridSize != b.gridSize)
        throw UsageError("backprojection: the two halves were summed on different grids");
    const int G = a.gridSize;
    const std::size_t shells = std::size_t(G / 2 + 1);
    // Per shell: Σ Na·Nb, Σ Na², Σ Nb², Σ W², Σ W (both halves' weights).
    std::vector<double> cross(shells), powerA(shells), powerB(shells), weightSq(shells), weightSum(shells);
    forEachGridVoxel(G, [&](std::size_t i, std::size_t shell) {
        if (shell >= shells)
            return;
        const double na = a.numerator[i], nb = b.numerator[i], wa = a.weight[i], wb = b.weight[i];
        cross[shell] += na * nb;
        powerA[shell] += na * na;
        powerB[shell] += nb * nb;
        weightSq[shell] += wa * wa + wb * wb;
        weightSum[shell] += wa + wb;
    });
    ShellRegularisation out;
    out.lambda.assign(shells, 1.0);
    out.numeratorFsc.assign(shells, 0.0);
    for (std::size_t s = 0; s < shells; ++s) {
        const std::size_t lo = s == 0 ? 0 : s - 1, hi = std::min(shells - 1, s + 1);
        double c = 0, pa = 0, pb = 0, w2 = 0, w = 0;
        for (std::size_t t = lo; t <= hi; ++t) {
            c += cross[t], pa += powerA[t], pb += powerB[t], w2 += weightSq[t], w += weightSum[t];
        }
        const double norm = std::sqrt(pa * pb);
        const double fsc = norm > 0 ? c / norm : 0.0;
        out.numeratorFsc[s] = fsc;
        if (w <= 0)
            continue;   // no data in this shell: the map is 0 there whatever λ is
        const double f = std::clamp(fsc, kMinimumFsc, kMaximumFsc);
        out.lambda[s] = (w2 / w) * (1.0 - f) / f;
    }
    return out;
}

Volume reconstructMap(const FourierSums& sums, const ShellRegularisation& regularisation, int boxSize,
                      double voxelSize)
{
    const int G = sums.gridSize, D = boxSize;
    if (G < D || (G - D) % 2 != 0)
        throw UsageError("backprojection: a grid of " + std::to_string(G) + " cannot hold a box of " + std::to_string(D));
    std::vector<float> transform(sums.numerator.size(), 0.0f);
    forEachGridVoxel(G, [&](std::size_t i, std::size_t shell) {
        const float w = sums.weight[i];
        if (w > 0 && shell < regularisation.lambda.size())
            transform[i] = float(double(sums.numerator[i]) / (double(w) + regularisation.lambda[shell]));
    });
    std::vector<float> real(transform.size());
    CentredFft(G, 3).inverseHartley(transform.data(), real.data());
    const std::vector<double> kernel = griddingKernel(G);
    Volume map(D, D, D, float(voxelSize));
    const int offset = (G - D) / 2;
    for (int z = 0; z < D; ++z)
        for (int y = 0; y < D; ++y)
            for (int x = 0; x < D; ++x) {
                const int gx = x + offset, gy = y + offset, gz = z + offset;
                const double k = kernel[std::size_t(gx)] * kernel[std::size_t(gy)] * kernel[std::size_t(gz)];
                map.at(x, y, z) = float(real[(std::size_t(gz) * G + gy) * G + gx] / k);
            }
    return map;
}

FourierSums combinedSums(const FourierSums& a, const FourierSums& b)
{
    if (a.gridSize != b.gridSize)
        throw UsageError("backprojection: the two halves were summed on different grids");
    FourierSums out = a;
    for (std::size_t i = 0; i < out.numerator.size(); ++i) {
        out.numerator[i] += b.numerator[i];
        out.weight[i] += b.weight[i];
    }
    return out;
}

} // namespace cryo
