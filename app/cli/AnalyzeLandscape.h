#pragma once
// The landscape part of `cryoscape analyze` (AnalyzeCommand.cpp): runs LandscapeAnalysis on
// a run's maps, writes DIR/landscape/ and stores the per-particle results in run.h5.
#include "analysis/LandscapeAnalysis.h"
#include "io/ChimeraXScript.h"
#include "io/Volume.h"
#include "run/RunFile.h"

#include <filesystem>
#include <fstream>
#include <stop_token>
#include <vector>

namespace cryo {
class VolumeGenerator;
}

namespace cli {

// Maps for the landscape are the generator's half-size previews unless fullMaps: clustering
// and PCA need the low-resolution shape differences between maps, and previews cost 8×
// fewer decoder evaluations and 8× less memory for the ~500 sketch volumes (D = 64: 33 MB
// instead of 0.5 GB); --full is there for fine differences at high resolution.
struct LandscapeRequest {
    cryo::LandscapeOptions options;
    bool fullMaps = false;             // full maps instead of previews
    cryo::ChimeraXSeriesStyle style;   // for every .cxc written
    bool levelSet = false;             // else each script's level is seriesLevel() of its maps
};

// A .cxc for a written series, at the requested level or the series' own.
void writeSeriesScript(const std::filesystem::path& script, const std::vector<std::filesystem::path>& maps,
                       const std::vector<cryo::Volume>& volumes, const LandscapeRequest& request);

// DIR/cluster_mean_00.mrc …, cluster_means.cxc, vpc1/ … vpc3/ (volumes along the volume
// PCs), eigenvolume_1.mrc …, clusters.txt; appends to summary; updates run.h5.
void runLandscape(const LandscapeRequest& request, const std::filesystem::path& runFile,
                  cryo::VolumeGenerator& generator, const cryo::LatentTable& z, const std::filesystem::path& dir,
                  std::ofstream& summary, std::stop_token stop);

} // namespace cli
