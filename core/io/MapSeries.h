#pragma once
// A series of maps on disk (a trajectory, cluster means, volumes along a PC):
// DIR/<prefix>000.mrc, <prefix>001.mrc, … (or 00, 01 …) with each volume's pixel size and origin, plus an
// optional ChimeraX script DIR/<prefix>series.cxc opening them as a volume series.
#include "io/ChimeraXScript.h"
#include "io/Volume.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

// Writes the maps (the folder is created); returns their paths in order. Numbers have
// `digits` digits, more when needed. Throws FileError, UsageError (no volumes).
std::vector<std::filesystem::path> writeMapSeries(const std::filesystem::path& dir, const std::string& prefix,
                                                  const std::vector<Volume>& volumes, int digits = 3);

// A contour level that shows the series' molecule: half the largest maximum over the
// maps (the landscape mask's rule), or 0 for no maps.
double seriesLevel(const std::vector<Volume>& volumes);

} // namespace cryo
