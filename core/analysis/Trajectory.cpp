#include "analysis/Trajectory.h"

#include "analysis/LatentPca.h"
#include "util/Error.h"

#include <limits>
#include <string>

namespace cryo {

std::vector<float> pcTrajectory(const float* z, std::size_t count, int dim, int component, int points,
                                double lowPercentile, double highPercentile)
{
    if (component < 0 || component >= dim)
        throw UsageError("PC trajectory: component " + std::to_string(component + 1) + " outside 1.." +
                         std::to_string(dim));
    const LatentPca pca = LatentPca::fit(z, count, dim, component + 1);
    return pca.trajectory(pca.project(z, count), component, points, lowPercentile, highPercentile);
}

std::vector<int> chainCentres(const float* centres, int k, int dim)
{
    if (k <= 0)
        return {};
    int start = 0;
    if (k >= 2) {
        const LatentPca pca = LatentPca::fit(centres, std::size_t(k), dim, 1);
        const std::vector<float> pc1 = pca.project(centres, std::size_t(k));
        for (int i = 1; i < k; ++i)
            if (pc1[std::size_t(i)] < pc1[std::size_t(start)])
                start = i;
    }
    std::vector<int> order{start};
    std::vector<bool> used(std::size_t(k), false);
    used[std::size_t(start)] = true;
    while (int(order.size()) < k) {
        const float* last = centres + std::size_t(order.back()) * std::size_t(dim);
        int best = -1;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (int i = 0; i < k; ++i) {
            if (used[std::size_t(i)])
                continue;
            double d = 0;
            for (int c = 0; c < dim; ++c) {
                const double diff = double(centres[std::size_t(i) * std::size_t(dim) + std::size_t(c)]) - last[c];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        used[std::size_t(best)] = true;
        order.push_back(best);
    }
    return order;
}

std::vector<float> interpolateAnchors(const float* anchors, int anchorCount, int dim, int stepsPerLeg)
{
    if (anchorCount < 1 || stepsPerLeg < 1)
        throw UsageError("trajectory: needs at least one anchor and one step per leg");
    std::vector<float> out;
    for (int a = 0; a + 1 < anchorCount; ++a) {
        const float* from = anchors + std::size_t(a) * std::size_t(dim);
        const float* to = from + dim;
        for (int s = 0; s < stepsPerLeg; ++s) {
            const float t = float(s) / float(stepsPerLeg);
            for (int c = 0; c < dim; ++c)
                out.push_back(from[c] + t * (to[c] - from[c]));
        }
    }
    const float* last = anchors + std::size_t(anchorCount - 1) * std::size_t(dim);
    out.insert(out.end(), last, last + dim);
    return out;
}

} // namespace cryo
