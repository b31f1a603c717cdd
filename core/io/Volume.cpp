#include "io/Volume.h"

#include <algorithm>
#include <cmath>

namespace cryo {

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
