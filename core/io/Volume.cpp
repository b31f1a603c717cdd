#include "io/Volume.h"

#include <algorithm>
#include <cmath>

namespace cryo {

void flipHandedness(Volume& volume)
{
    const std::size_t plane = std::size_t(volume.nx) * volume.ny;
    for (int z = 0; z < volume.nz / 2; ++z)
        std::swap_ranges(volume.data.begin() + std::ptrdiff_t(plane * z), volume.data.begin() + std::ptrdiff_t(plane * (z + 1)),
                         volume.data.begin() + std::ptrdiff_t(plane * (volume.nz - 1 - z)));
}

void invertContrast(Volume& volume)
{
    for (float& v : volume.data)
        v = -v;
}

VolumeStats computeStats(const float* values, std::size_t count)
{
    VolumeStats s;
    if (count == 0)
        return s;
    s.min = s.max = values[0];
    double sum = 0, sumSq = 0;   // double: a 512^3 map overflows float precision
    for (std::size_t i = 0; i < count; ++i) {
        const float v = values[i];
        s.min = std::min(s.min, v);
        s.max = std::max(s.max, v);
        sum += v;
        sumSq += double(v) * v;
    }
    s.mean = sum / double(count);
    s.rms = std::sqrt(std::max(0.0, sumSq / double(count) - s.mean * s.mean));
    return s;
}

} // namespace cryo
