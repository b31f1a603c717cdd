#include "sim/TruthPoses.h"

#include "io/H5File.h"
#include "util/Error.h"

#include <string>

namespace cryo {

TruthPoses readTruthPoses(const std::filesystem::path& truthH5)
{
    const H5File file(truthH5, H5File::Mode::ReadOnly);
    const auto rotations = file.read<double>("/particles/rotations");
    const auto shifts = file.read<double>("/particles/shifts_px");
    const std::size_t count = rotations.size() / 9;
    if (rotations.size() != 9 * count || shifts.size() != 2 * count)
        throw FileError(truthH5, "/particles/rotations and /particles/shifts_px describe different particle counts");
    TruthPoses truth;
    truth.rotations.reserve(count);
    truth.shifts.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        truth.rotations.push_back(Eigen::Map<const Eigen::Matrix<double, 3, 3, Eigen::RowMajor>>(&rotations[9 * i]));
        truth.shifts.push_back({shifts[2 * i], shifts[2 * i + 1]});
    }
    return truth;
}

std::vector<double> readTruthCoordinate(const std::filesystem::path& truthH5, std::size_t count)
{
    const H5File file(truthH5, H5File::Mode::ReadOnly);
    if (!file.exists("/particles/coordinates"))
        return {};
    const auto all = file.read<double>("/particles/coordinates");
    const std::size_t k = count > 0 ? all.size() / count : 0;
    if (k == 0 || k * count != all.size())
        throw FileError(truthH5, "/particles/coordinates does not hold one row per particle (" +
                                     std::to_string(count) + ")");
    std::vector<double> first(count);
    for (std::size_t i = 0; i < count; ++i)
        first[i] = all[i * k];
    return first;
}

} // namespace cryo
