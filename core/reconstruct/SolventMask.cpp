#include "reconstruct/SolventMask.h"

#include "reconstruct/FourierShellCorrelation.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace cryo {
namespace {

double edgeWidth(int boxSize) { return std::max(3.0, 0.1 * boxSize / 2.0); }

// Mean of v² over each 1-voxel spherical shell around voxel D/2 (shells up to D/2).
std::vector<double> radialPower(const Volume& v)
{
    const int D = v.nx;
    std::vector<double> sum(std::size_t(D / 2 + 1), 0.0), count(sum.size(), 0.0);
    for (int z = 0; z < D; ++z)
        for (int y = 0; y < D; ++y)
            for (int x = 0; x < D; ++x) {
                const double r = std::sqrt(double((x - D / 2) * (x - D / 2) + (y - D / 2) * (y - D / 2) +
                                                  (z - D / 2) * (z - D / 2)));
                const auto shell = std::size_t(std::lround(r));
                if (shell >= sum.size())
                    continue;
                const double value = v.at(x, y, z);
                sum[shell] += value * value;
                count[shell] += 1;
            }
    for (std::size_t s = 0; s < sum.size(); ++s)
        sum[s] = count[s] > 0 ? sum[s] / count[s] : 0.0;
    return sum;
}

SphericalMask fitted(int boxSize, double radius)
{
    SphericalMask mask;
    mask.edge = edgeWidth(boxSize);
    mask.radius = std::clamp(radius, 1.0, boxSize / 2.0 - mask.edge);
    return mask;
}

} // namespace

SphericalMask boxMask(int boxSize) { return fitted(boxSize, boxSize / 2.0); }

SphericalMask maskOfRadius(int boxSize, double voxelSize, double radiusAngstrom)
{
    return fitted(boxSize, radiusAngstrom / voxelSize);
}

SphericalMask particleMask(const Volume& halfA, const Volume& halfB, double resolution)
{
    if (halfA.nx != halfB.nx || halfA.voxelCount() != halfB.voxelCount())
        throw UsageError("solvent mask: the half maps differ in size");
    Volume mean = halfA, difference = halfA;
    for (std::size_t i = 0; i < mean.data.size(); ++i) {
        mean.data[i] = 0.5f * (halfA.data[i] + halfB.data[i]);
        difference.data[i] = 0.5f * (halfA.data[i] - halfB.data[i]);
    }
    const std::vector<double> total = radialPower(lowPassFiltered(mean, resolution));
    const std::vector<double> noise = radialPower(lowPassFiltered(difference, resolution));
    double peak = 0;
    for (std::size_t s = 0; s < total.size(); ++s)
        peak = std::max(peak, total[s] - noise[s]);
    if (!(peak > 0))
        return boxMask(halfA.nx);
    std::size_t outer = 0;
    for (std::size_t s = 0; s < total.size(); ++s) {
        const double signal = total[s] - noise[s];
        if (signal > noise[s] && signal > 1e-3 * peak)
            outer = s;
    }
    const double margin = std::max(2.0, resolution / halfA.voxelSize);
    return fitted(halfA.nx, double(outer) + margin);
}

void applyMask(Volume& map, const SphericalMask& mask)
{
    const int D = map.nx;
    for (int z = 0; z < map.nz; ++z)
        for (int y = 0; y < map.ny; ++y)
            for (int x = 0; x < map.nx; ++x) {
                const double r = std::sqrt(double((x - D / 2) * (x - D / 2) + (y - D / 2) * (y - D / 2) +
                                                  (z - D / 2) * (z - D / 2)));
                double gain = 1.0;
                if (r >= mask.radius + mask.edge)
                    gain = 0.0;
                else if (r > mask.radius)
                    gain = 0.5 * (1.0 + std::cos(std::numbers::pi * (r - mask.radius) / mask.edge));
                map.at(x, y, z) *= float(gain);
            }
}

} // namespace cryo
