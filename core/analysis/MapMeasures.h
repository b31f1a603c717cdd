#pragma once
// Measures of a density map used by the viewer: value histogram and the volume enclosed
// by an isosurface level.
#include "io/Volume.h"

#include <vector>

namespace cryo {

struct Histogram {
    float low = 0, high = 0;          // value range covered by the bins
    std::vector<std::size_t> counts;  // equal-width bins over [low, high]
    float binWidth() const { return counts.empty() ? 0.0f : (high - low) / float(counts.size()); }
};

Histogram computeHistogram(const Volume& volume, int bins);

// Volume inside the contour at `level` (voxels with value >= level) in Å^3.
double enclosedVolume(const Volume& volume, double level);

// A starting contour level: mean + 2 standard deviations, kept inside the value range.
double defaultContourLevel(const VolumeStats& stats);

} // namespace cryo
