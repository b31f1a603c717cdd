#pragma once
// Opening a cryoDRGN run in Cryoscape. One epoch of a cryoDRGN output directory becomes a
// run directory of ours, <cryoDRGN dir>/cryoscape/epoch_N/, holding a run.h5 (the config, z
// from z.N.pkl, PCA, and the UMAP and k-means of analyze.N/ when `cryodrgn analyze` made them)
// and, later, whatever our analyses, landscapes and sessions add. Every command and panel opens
// it like a run we trained; the decoder reads weights.N.pkl in place (model/VolumeGenerator.h).
// cryoDRGN's own files are never written. When the cryoDRGN directory is read-only, our
// folder is kept under $XDG_DATA_HOME/cryoscape/cryodrgn-runs/ (~/.local/share/...) instead.
//
// The import is made once and reused while the source files (weights, z) keep their size and
// modification time; the particle file it found, or the one the user named, is remembered in
// <our folder>/particles.txt for every epoch.
#include "cryodrgn/CryodrgnRun.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cryo {

struct CryodrgnImportOptions {
    std::optional<int> epoch;                   // N of weights.N.pkl; default: the newest
    std::filesystem::path particles;            // the particle file, when the config's path does not resolve
    std::filesystem::path dataDirectory;        // where its stacks are (RELION --datadir)
    double pixelSize = 0;                       // Å/px; 0: from ctf.pkl, else the particle file, else 1
    bool reimport = false;                      // rebuild run.h5 even when it is current
};

struct CryodrgnImport {
    std::filesystem::path runDirectory;         // <our folder>/epoch_N
    CryodrgnRun run;
    CryodrgnEpoch epoch;
    bool reused = false;                        // run.h5 was current: nothing was read but it
    std::vector<std::string> notes;             // what was assumed or not found, for the user
};

// Throws FileError (not a cryoDRGN run, unreadable config, weights or z, z of another width
// than the config's zdim) or UsageError (no such epoch).
CryodrgnImport importCryodrgnRun(const std::filesystem::path& directory, const CryodrgnImportOptions& options = {});

// Where our files for a cryoDRGN directory go (not created): <dir>/cryoscape when writable.
std::filesystem::path cryoscapeFolderFor(const std::filesystem::path& cryodrgnDirectory);

// For the commands that accept "a run": a cryoDRGN directory is imported (epoch as given,
// the newest otherwise) and its run directory returned; anything else is returned unchanged.
std::filesystem::path resolveRunDirectory(const std::filesystem::path& path, std::optional<int> epoch = std::nullopt);

} // namespace cryo
