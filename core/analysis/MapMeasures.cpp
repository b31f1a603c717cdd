#include "analysis/MapMeasures.h"

#include <algorithm>

namespace cryo {

Histogram computeHistogram(const Volume& volume, int bins)
{
    Histogram h;
    h.counts.assign(std::size_t(std::max(1, bins)), 0);
    if (volume.data.empty())
        return h;
    const auto [lo, hi] = std::minmax_element(volume.data.begin(), volume.data.end());
    h.low = *lo;
    h.high = *hi > *lo ? *hi : *lo + 1.0f;   // a constant map still gets a valid range
    const double scale = double(h.counts.size()) / (double(h.high) - h.low);
    const std::size_t last = h.counts.size() - 1;
    for (float v : volume.data)
        ++h.counts[std::min(last, std::size_t((double(v) - h.low) * scale))];
    return h;
}

double enclosedVolume(const Volume& volume, double level)
{
    const auto inside = std::count_if(volume.data.begin(), volume.data.end(),
                                      [level](float v) { return v >= level; });
    const double voxel = double(volume.voxelSize) * volume.voxelSize * volume.voxelSize;
    return double(inside) * voxel;
}

double defaultContourLevel(const VolumeStats& stats)
{
    return std::clamp(stats.mean + 2.0 * stats.rms, double(stats.min), double(stats.max));
}

} // namespace cryo
