#pragma once
// The landscape analysis stored in run.h5 (`cryoscape analyze --landscape`; layout in
// docs/run-directory.md):
//   /particles/landscape_cluster  int32 N      cluster of each particle, in [0, M)
//   /particles/volume_pc          float32 N×P  each particle's volume-PC coordinates
//   /analysis/landscape/sketch_particles  int64 k    particle of each sketch centre
//   /analysis/landscape/sketch_clusters   int32 k    cluster of each sketch volume
//   /analysis/landscape/sketch_volume_pc  float32 k×P
//   /analysis/landscape/explained_variance float32 P (of the masked volumes)
//   attributes on /analysis/landscape: clusters, sketch, linkage, mask_voxels,
//   regression_r2, quality ("preview" or "full"), seed, total_variance
#include "analysis/LandscapeAnalysis.h"
#include "io/H5File.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cryo {

struct LandscapeTable {
    std::size_t count = 0;
    int clusters = 0, components = 0;
    std::vector<std::int32_t> labels;           // count
    std::vector<float> volumePc;                // count × components
    std::vector<std::int64_t> sketchParticles;  // k
    std::vector<std::int32_t> sketchClusters;   // k
    std::vector<float> sketchVolumePc;          // k × components
    std::vector<float> explainedVariance;       // components
    std::string linkage = "average", quality = "preview";
    double maskVoxels = 0, regressionR2 = 0;
    double totalVariance = 0;   // of the masked volumes, all PCs (0: not stored, older files)
    std::uint64_t seed = 0;
};

// The table to store for a finished analysis of `count` particles (fullMaps: the sketch
// volumes were decoded at full size, else as previews); volume PCs padded with 0 when the
// regression was skipped.
LandscapeTable landscapeTable(const LandscapeResult& result, std::size_t count, const LandscapeOptions& options,
                              bool fullMaps);

// Throws UsageError when the table's sizes disagree.
void writeLandscape(H5File& file, const LandscapeTable& table);
// nullopt when absent; FileError when inconsistent (shapes, labels or particles out of range).
std::optional<LandscapeTable> readLandscape(const H5File& file);

} // namespace cryo
