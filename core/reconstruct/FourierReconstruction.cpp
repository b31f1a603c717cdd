#include "reconstruct/FourierReconstruction.h"

#include "fourier/CentredFft.h"
#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace cryo {
namespace {

constexpr double kStabiliser = 0.01;   // ε: the fraction of the shell's mean weight added to each voxel's

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

// ε × the mean weight of each shell (0 … G/2; the corners beyond hold no samples).
std::vector<double> shellStabilisers(const FourierSums& sums)
{
    const std::size_t shells = std::size_t(sums.gridSize / 2 + 1);
    std::vector<double> total(shells, 0.0), count(shells, 0.0);
    forEachGridVoxel(sums.gridSize, [&](std::size_t i, std::size_t shell) {
        if (shell < shells) {
            total[shell] += sums.weight[i];
            count[shell] += 1;
        }
    });
    for (std::size_t s = 0; s < shells; ++s)
        total[s] = count[s] > 0 ? kStabiliser * total[s] / count[s] : 0.0;
    return total;
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

Volume reconstructMap(const FourierSums& sums, int boxSize, double voxelSize)
{
    const int G = sums.gridSize, D = boxSize;
    if (G < D || (G - D) % 2 != 0)
        throw UsageError("backprojection: a grid of " + std::to_string(G) + " cannot hold a box of " + std::to_string(D));
    const std::vector<double> stabiliser = shellStabilisers(sums);
    std::vector<float> transform(sums.numerator.size(), 0.0f);
    forEachGridVoxel(G, [&](std::size_t i, std::size_t shell) {
        const float w = sums.weight[i];
        if (w > 0 && shell < stabiliser.size())
            transform[i] = float(double(sums.numerator[i]) / (double(w) + stabiliser[shell]));
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
