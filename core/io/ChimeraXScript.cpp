#include "io/ChimeraXScript.h"

#include "util/Error.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace cryo {
namespace {

std::string quoted(const std::string& name)
{
    if (name.find_first_of(" \t;#'\"") == std::string::npos)
        return name;
    return "\"" + name + "\"";
}

} // namespace

std::string chimeraXSeriesScript(const std::vector<std::string>& maps, const ChimeraXSeriesStyle& style)
{
    if (maps.empty())
        throw UsageError("ChimeraX script: no maps");
    if (style.color.empty() || style.color.find_first_of(" \t\n;'\"") != std::string::npos)
        throw UsageError("ChimeraX script: bad colour '" + style.color + "'");
    std::ostringstream out;
    out << "# Written by Cryoscape: " << maps.size() << " maps as a volume series (model #1).\n";
    out << "# Open in ChimeraX (File > Open, or `open script.cxc`); paths are relative to this file.\n";
    out << "open";
    for (const std::string& map : maps)
        out << ' ' << quoted(map);
    out << " vseries true\n";
    char level[64];
    std::snprintf(level, sizeof level, "%.6g", style.level);
    out << "volume #1 style surface level " << level << " color " << style.color << "\n";
    out << "view\n";
    if (style.play && maps.size() > 1)
        out << "vseries play #1 loop true direction oscillate\n";
    return out.str();
}

void writeChimeraXSeriesScript(const std::filesystem::path& script, const std::vector<std::filesystem::path>& maps,
                               const ChimeraXSeriesStyle& style)
{
    const std::filesystem::path folder = script.parent_path().empty() ? "." : script.parent_path();
    std::vector<std::string> names;
    for (const auto& map : maps) {
        std::error_code ec;
        const auto relative = std::filesystem::relative(map, folder, ec);
        names.push_back(!ec && !relative.empty() && relative.native().rfind("..", 0) != 0 ? relative.generic_string()
                                                                                        : map.generic_string());
    }
    const std::string text = chimeraXSeriesScript(names, style);
    std::ofstream file(script, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file)
        throw FileError(script, "cannot write the ChimeraX script");
}

} // namespace cryo
