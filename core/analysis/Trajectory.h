#pragma once
// Trajectories through latent space whose maps are decoded as a series: along a principal
// component of z (cryoDRGN's pc traversal), through k-means centres, or straight between
// chosen anchor points. Graph-snapped paths are in LatentGraph.h. All z's are row-major
// (points × dim).
#include <cstddef>
#include <vector>

namespace cryo {

// `points` z's along PC `component` (0-based) of z between the given percentiles of the
// projections, the other PCs at 0. Throws UsageError (count < 2, bad component, points < 2).
std::vector<float> pcTrajectory(const float* z, std::size_t count, int dim, int component, int points,
                                double lowPercentile = 5, double highPercentile = 95);

// An order of `k` centres forming a short chain: it starts at the centre with the lowest
// PC1 coordinate (of the centres) and goes on to the nearest unvisited centre each time.
std::vector<int> chainCentres(const float* centres, int k, int dim);

// Straight lines between consecutive anchors (anchorCount × dim): `stepsPerLeg` points per
// leg starting at its first anchor, then the last anchor: (anchorCount − 1)·stepsPerLeg + 1
// points. Throws UsageError for anchorCount < 1 or stepsPerLeg < 1.
std::vector<float> interpolateAnchors(const float* anchors, int anchorCount, int dim, int stepsPerLeg);

} // namespace cryo
