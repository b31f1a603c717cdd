#pragma once
// The maps of a landscape analysis kept in the run directory, so that reopening a run shows
// the cluster gallery and the volumes along volume PCs without decoding anything
// (docs/run-directory.md):
//   RUN/landscape/cluster_NN.mrc      mean of the sketch volumes of cluster NN (00 … M−1)
//   RUN/landscape/mean.mrc            mean of all sketch volumes
//   RUN/landscape/eigenvolume_P.mrc   volume PC P (1-based, at most 3), zero outside the mask
// All with the decoded maps' voxel size and origin. The folder is replaced as a whole
// (written as RUN/landscape.part, then renamed), so it never mixes two analyses.
#include "analysis/LandscapeAnalysis.h"
#include "io/Volume.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace cryo {

struct LandscapeMaps {
    std::vector<Volume> clusterMeans;   // M
    Volume mean;
    std::vector<Volume> eigenvolumes;   // ≤ 3, same size as mean

    // mean + coordinate × eigenvolume `component` (0-based): LandscapeResult::volumeAlongPc
    // rebuilt from the files. Throws UsageError for a component not stored.
    Volume alongPc(int component, double coordinate) const;
};

// The maps to keep from a finished analysis (eigenvolumes: the first min(3, P)).
LandscapeMaps landscapeMaps(const LandscapeResult& result);

std::filesystem::path landscapeMapsDir(const std::filesystem::path& runDir);
// Throws FileError when the folder or a map cannot be written (the old folder is then kept).
void writeLandscapeMaps(const std::filesystem::path& runDir, const LandscapeMaps& maps);
// nullopt when the folder is absent. FileError when it does not hold `clusters` cluster
// maps, a map is unreadable or the maps' sizes differ.
std::optional<LandscapeMaps> readLandscapeMaps(const std::filesystem::path& runDir, int clusters);

} // namespace cryo
