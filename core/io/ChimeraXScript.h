#pragma once
// ChimeraX command scripts (.cxc) for map series written by Cryoscape: `open` of all maps
// as one volume series (vseries true → model #1 with one frame per map), one contour level
// and colour for the whole series, and a looping playback. Map names are written relative
// to the script (ChimeraX resolves them from the script's folder), quoted when needed.
#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

struct ChimeraXSeriesStyle {
    double level = 0;                 // contour level, in the maps' units
    std::string color = "#b4b4ff";    // any ChimeraX colour (name or #rrggbb)
    bool play = true;                 // start playback (oscillating) after opening
};

// The script text for `maps` (file names relative to the script). Throws UsageError for no
// maps or a colour with characters ChimeraX would misread (whitespace, ';', quotes).
std::string chimeraXSeriesScript(const std::vector<std::string>& maps, const ChimeraXSeriesStyle& style);

// Writes the script next to the maps (paths anywhere; written relative to the script's
// folder when inside it). Throws FileError when it cannot be written.
void writeChimeraXSeriesScript(const std::filesystem::path& script, const std::vector<std::filesystem::path>& maps,
                               const ChimeraXSeriesStyle& style);

} // namespace cryo
