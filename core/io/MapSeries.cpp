#include "io/MapSeries.h"

#include "io/MrcFile.h"
#include "util/Error.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace cryo {

std::vector<std::filesystem::path> writeMapSeries(const std::filesystem::path& dir, const std::string& prefix,
                                                  const std::vector<Volume>& volumes, int digits)
{
    if (volumes.empty())
        throw UsageError("map series: no volumes");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw FileError(dir, "cannot create the folder: " + ec.message());
    digits = std::max(digits, int(std::to_string(volumes.size() - 1).size()));
    std::vector<std::filesystem::path> paths;
    for (std::size_t i = 0; i < volumes.size(); ++i) {
        char number[32];
        std::snprintf(number, sizeof number, "%0*zu", digits, i);
        paths.push_back(dir / (prefix + number + ".mrc"));
        writeMrc(paths.back(), volumes[i]);
    }
    return paths;
}

double seriesLevel(const std::vector<Volume>& volumes)
{
    double level = 0;
    bool any = false;
    for (const Volume& v : volumes)
        if (!v.data.empty()) {
            const double top = *std::max_element(v.data.begin(), v.data.end());
            level = any ? std::max(level, top) : top;
            any = true;
        }
    return 0.5 * level;
}

} // namespace cryo
