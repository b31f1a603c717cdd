#pragma once
// The exploration session: what the user was looking at, so that reopening shows the same
// thing. HDF5 (layout: docs/session-file.md), written atomically (.part + rename).
// Per-particle data (z, embeddings, k-means labels) stay in the run's run.h5; the session
// only refers to the run and records the user's own state.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

inline constexpr int kSessionVersion = 1;

struct NamedSelection {
    std::string name;                    // non-empty
    std::string colour = "#e4572e";      // "#RRGGBB"
    std::vector<std::int64_t> indices;   // sorted, unique, >= 0: particles in input order
};

// One scatter panel of the latent-space view.
struct ScatterPanelState {
    std::string embedding = "pca:0,1";   // "pca:I,J", "umap", "z:I,J" (0-based components)
    std::string colourMode = "density";  // "density", "kmeans", "selection", "z:I", "defocus", ...
};

struct ViewerSettings {
    double isoLevel = 0;                 // map units; meaningful when hasIsoLevel
    bool hasIsoLevel = false;            // false: the viewer picks its automatic level
    std::string background = "#000000";  // "#RRGGBB"
    // Camera in world coordinates (Å): position, focal point, view-up (3 × 3, row by row).
    std::array<double, 9> camera{0, 0, 1, 0, 0, 0, 0, 1, 0};
    bool hasCamera = false;              // false: reset the camera to fit the map
    bool showOutline = true;
    bool showAxes = false;
};

struct SessionState {
    std::filesystem::path run;           // the run directory (or its run.h5)
    std::vector<NamedSelection> selections;
    int activeSelection = -1;            // index into selections, -1 = none
    std::vector<ScatterPanelState> panels;
    int kmeansClusters = 0;              // K of the clustering shown (labels in run.h5), 0 = none
    std::vector<int> highlightedClusters;   // cluster labels picked by the user
    ViewerSettings viewer;
};

// Throws UsageError for an invalid state (colour not #RRGGBB, unsorted/duplicate/negative
// indices, empty selection name, activeSelection out of range), FileError when the file
// cannot be written. Writes <path>.part and renames it onto path.
void writeSession(const std::filesystem::path& path, const SessionState& state);
// Throws FileError naming the file and the object for anything missing, malformed, or
// written by a newer version. A relative run path is resolved against the session's folder.
SessionState readSession(const std::filesystem::path& path);

// Where autosaves go: "<session>.autosave" next to a saved session (a.session.h5 →
// a.session.h5.autosave); "RUN/session.autosave.h5" for a session not yet saved.
std::filesystem::path autosavePath(const std::filesystem::path& sessionPath);
std::filesystem::path autosavePathForRun(const std::filesystem::path& runDirectory);

} // namespace cryo
