#include "session/SessionFile.h"

#include "io/H5File.h"
#include "util/Error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace cryo {

namespace {

constexpr const char* kFormat = "cryoscape-session";

bool isColour(const std::string& c)
{
    if (c.size() != 7 || c[0] != '#')
        return false;
    for (std::size_t i = 1; i < 7; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(c[i])))
            return false;
    return true;
}

// "" when the indices are sorted, unique and non-negative, else what is wrong.
std::string indexProblem(const std::vector<std::int64_t>& indices)
{
    for (std::size_t i = 0; i < indices.size(); ++i) {
        if (indices[i] < 0)
            return "negative index " + std::to_string(indices[i]);
        if (i > 0 && indices[i] <= indices[i - 1])
            return "indices not sorted and unique at position " + std::to_string(i);
    }
    return {};
}

std::string itemName(const char* group, std::size_t i)
{
    char name[64];
    std::snprintf(name, sizeof name, "/%s/%04zu", group, i);   // zero-padded: listing order = session order
    return name;
}

void validate(const SessionState& s)
{
    for (const NamedSelection& sel : s.selections) {
        if (sel.name.empty())
            throw UsageError("session: a selection has no name");
        if (!isColour(sel.colour))
            throw UsageError("session: selection '" + sel.name + "' colour '" + sel.colour + "' is not #RRGGBB");
        if (const std::string p = indexProblem(sel.indices); !p.empty())
            throw UsageError("session: selection '" + sel.name + "': " + p);
    }
    if (s.activeSelection < -1 || s.activeSelection >= int(s.selections.size()))
        throw UsageError("session: active selection " + std::to_string(s.activeSelection) + " out of range");
    if (!isColour(s.viewer.background))
        throw UsageError("session: background colour '" + s.viewer.background + "' is not #RRGGBB");
}

void writeRun(H5File& f, const std::filesystem::path& sessionPath, const std::filesystem::path& run)
{
    f.setAttribute("/", "run", run.string());
    // Also relative to the session's folder, so a moved project (session + run together) reopens.
    const std::filesystem::path base = std::filesystem::absolute(sessionPath).parent_path();
    const std::filesystem::path relative = std::filesystem::absolute(run).lexically_normal().lexically_relative(base);
    f.setAttribute("/", "run_relative", relative.string());
}

std::string needString(const H5File& f, const std::string& object, const char* attribute)
{
    if (!f.hasAttribute(object, attribute))
        throw FileError(f.path(), object + ": missing attribute '" + attribute + "'");
    return f.stringAttribute(object, attribute);
}

double needNumber(const H5File& f, const std::string& object, const char* attribute)
{
    if (!f.hasAttribute(object, attribute))
        throw FileError(f.path(), object + ": missing attribute '" + attribute + "'");
    return f.numberAttribute(object, attribute);
}

std::size_t countOf(const H5File& f, const char* group)
{
    const std::string name = std::string("/") + group;
    if (!f.exists(name))
        return 0;
    const double n = needNumber(f, name, "count");
    if (!(n >= 0 && n < 1e7))
        throw FileError(f.path(), name + ": bad count attribute");
    return std::size_t(n);
}

std::filesystem::path readRun(const H5File& f, const std::filesystem::path& sessionPath)
{
    const std::filesystem::path stored = needString(f, "/", "run");
    std::error_code ec;
    if (std::filesystem::exists(stored, ec) || !f.hasAttribute("/", "run_relative"))
        return stored;
    const std::filesystem::path moved =
        std::filesystem::absolute(sessionPath).parent_path() / f.stringAttribute("/", "run_relative");
    return std::filesystem::exists(moved, ec) ? moved.lexically_normal() : stored;
}

void writeViewer(H5File& f, const ViewerSettings& v)
{
    f.createGroup("/viewer");
    f.setAttribute("/viewer", "iso_level", v.isoLevel);
    f.setAttribute("/viewer", "has_iso_level", v.hasIsoLevel ? 1.0 : 0.0);
    f.setAttribute("/viewer", "background", v.background);
    f.setAttribute("/viewer", "has_camera", v.hasCamera ? 1.0 : 0.0);
    f.setAttribute("/viewer", "show_outline", v.showOutline ? 1.0 : 0.0);
    f.setAttribute("/viewer", "show_axes", v.showAxes ? 1.0 : 0.0);
    f.write<double>("/viewer/camera", v.camera.data(), {3, 3});
}

ViewerSettings readViewer(const H5File& f)
{
    ViewerSettings v;
    v.isoLevel = needNumber(f, "/viewer", "iso_level");
    v.hasIsoLevel = needNumber(f, "/viewer", "has_iso_level") != 0;
    v.background = needString(f, "/viewer", "background");
    if (!isColour(v.background))
        throw FileError(f.path(), "/viewer: background '" + v.background + "' is not a #RRGGBB colour");
    v.hasCamera = needNumber(f, "/viewer", "has_camera") != 0;
    v.showOutline = needNumber(f, "/viewer", "show_outline") != 0;
    v.showAxes = needNumber(f, "/viewer", "show_axes") != 0;
    if (!f.exists("/viewer/camera"))
        throw FileError(f.path(), "/viewer/camera is missing");
    const std::vector<double> camera = f.read<double>("/viewer/camera");
    if (camera.size() != 9)
        throw FileError(f.path(), "/viewer/camera has " + std::to_string(camera.size()) + " values, expected 9 (3 × 3)");
    std::copy(camera.begin(), camera.end(), v.camera.begin());
    return v;
}

NamedSelection readSelection(const H5File& f, std::size_t i)
{
    const std::string group = itemName("selections", i);
    if (!f.exists(group))
        throw FileError(f.path(), group + " is missing");
    NamedSelection s;
    s.name = needString(f, group, "name");
    s.colour = needString(f, group, "colour");
    if (!isColour(s.colour))
        throw FileError(f.path(), group + ": colour '" + s.colour + "' is not #RRGGBB");
    if (!f.exists(group + "/indices"))
        throw FileError(f.path(), group + "/indices is missing");
    std::vector<std::size_t> shape;
    s.indices = f.read<std::int64_t>(group + "/indices", &shape);
    if (shape.size() != 1)
        throw FileError(f.path(), group + "/indices must be 1-D");
    if (const std::string p = indexProblem(s.indices); !p.empty())
        throw FileError(f.path(), group + "/indices: " + p);
    return s;
}

} // namespace

void writeSession(const std::filesystem::path& path, const SessionState& s)
{
    validate(s);
    H5File f(path, H5File::Mode::CreateAtomic);
    f.setAttribute("/", "format", std::string(kFormat));
    f.setAttribute("/", "version", double(kSessionVersion));
    writeRun(f, path, s.run);
    f.setAttribute("/", "active_selection", double(s.activeSelection));
    f.setAttribute("/", "kmeans_clusters", double(s.kmeansClusters));
    const std::vector<std::int32_t> highlighted(s.highlightedClusters.begin(), s.highlightedClusters.end());
    f.write<std::int32_t>("/highlighted_clusters", highlighted, {highlighted.size()});
    f.createGroup("/selections");
    f.setAttribute("/selections", "count", double(s.selections.size()));
    for (std::size_t i = 0; i < s.selections.size(); ++i) {
        const std::string group = itemName("selections", i);
        f.createGroup(group);
        f.setAttribute(group, "name", s.selections[i].name);
        f.setAttribute(group, "colour", s.selections[i].colour);
        f.write<std::int64_t>(group + "/indices", s.selections[i].indices, {s.selections[i].indices.size()});
    }
    f.createGroup("/panels");
    f.setAttribute("/panels", "count", double(s.panels.size()));
    for (std::size_t i = 0; i < s.panels.size(); ++i) {
        const std::string group = itemName("panels", i);
        f.createGroup(group);
        f.setAttribute(group, "embedding", s.panels[i].embedding);
        f.setAttribute(group, "colour_mode", s.panels[i].colourMode);
    }
    writeViewer(f, s.viewer);
    f.close();
}

SessionState readSession(const std::filesystem::path& path)
{
    const H5File f(path, H5File::Mode::ReadOnly);
    if (!f.hasAttribute("/", "format") || f.stringAttribute("/", "format") != kFormat)
        throw FileError(path, "not a Cryoscape session file (no format = \"cryoscape-session\" attribute)");
    const double version = needNumber(f, "/", "version");
    if (!(version <= kSessionVersion))
        throw FileError(path, "session version " + (std::ostringstream() << version).str() +
                                  " is newer than this Cryoscape understands (" + std::to_string(kSessionVersion) + ")");
    SessionState s;
    s.run = readRun(f, path);
    const std::size_t selections = countOf(f, "selections");
    for (std::size_t i = 0; i < selections; ++i)
        s.selections.push_back(readSelection(f, i));
    const double active = needNumber(f, "/", "active_selection");
    if (!(active >= -1 && active < double(s.selections.size())) || active != std::floor(active))
        throw FileError(path, "active_selection " + (std::ostringstream() << active).str() + " is out of range (" +
                                  std::to_string(s.selections.size()) + " selections)");
    s.activeSelection = int(active);
    const double clusters = needNumber(f, "/", "kmeans_clusters");
    if (!(clusters >= 0 && clusters <= 1e6))
        throw FileError(path, "kmeans_clusters " + (std::ostringstream() << clusters).str() + " is out of range");
    s.kmeansClusters = int(clusters);
    if (f.exists("/highlighted_clusters"))
        for (std::int32_t c : f.read<std::int32_t>("/highlighted_clusters"))
            s.highlightedClusters.push_back(c);
    const std::size_t panels = countOf(f, "panels");
    for (std::size_t i = 0; i < panels; ++i) {
        const std::string group = itemName("panels", i);
        s.panels.push_back({needString(f, group, "embedding"), needString(f, group, "colour_mode")});
    }
    if (!f.exists("/viewer"))
        throw FileError(path, "/viewer is missing");
    s.viewer = readViewer(f);
    return s;
}

std::filesystem::path autosavePath(const std::filesystem::path& sessionPath)
{
    std::filesystem::path p = sessionPath;
    p += ".autosave";
    return p;
}

std::filesystem::path autosavePathForRun(const std::filesystem::path& runDirectory)
{
    return runDirectory / "session.autosave.h5";
}

} // namespace cryo
