#include "analysis/EnclosedLevel.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

namespace cryo {

std::size_t voxelsAbove(const Volume& volume, double level)
{
    return std::size_t(std::count_if(volume.data.begin(), volume.data.end(),
                                     [level](float v) { return double(v) > level; }));
}

double levelForEnclosedVoxels(const Volume& volume, std::size_t count)
{
    if (volume.data.empty())
        throw UsageError("levelForEnclosedVoxels: the map is empty");
    const std::size_t n = volume.data.size();
    if (count == 0)
        return double(*std::max_element(volume.data.begin(), volume.data.end()));
    if (count >= n) {
        const double lowest = double(*std::min_element(volume.data.begin(), volume.data.end()));
        return std::nextafter(lowest, -std::numeric_limits<double>::infinity());
    }
    // Descending: values[count-1] is the count-th largest, values[count] the next one.
    std::vector<float> values(volume.data);
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(count), values.end(), std::greater<float>());
    const double next = double(values[count]);
    const double inside = double(*std::min_element(values.begin(), values.begin() + std::ptrdiff_t(count)));
    // Halfway between them. With ties (inside == next) no level gives exactly `count`: the
    // tied value itself is returned and fewer voxels lie above it.
    return 0.5 * (inside + next);
}

} // namespace cryo
