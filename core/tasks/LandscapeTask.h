#pragma once
// Landscape analysis of a run as a use case (`cryoscape analyze --landscape` and the
// window's Analysis → Landscape…): decode a sketch of volumes along z, cluster them, PCA
// of the volumes (analysis/LandscapeAnalysis.h), and store what the landscape panel reads
// in the run directory: RUN/landscape/ maps and the /landscape table in run.h5.
// Progress and cancellation: analysis/AnalysisContext.h.
#include "analysis/AnalysisContext.h"
#include "analysis/LandscapeAnalysis.h"
#include "run/LandscapeMaps.h"
#include "run/RunFile.h"
#include "run/RunLandscape.h"

#include <filesystem>
#include <memory>

namespace cryo {

struct LandscapeOutcome {
    std::shared_ptr<const LandscapeResult> result;
    LandscapeTable table;   // what run.h5 stores
    LandscapeMaps maps;     // what RUN/landscape/ stores
};

// `decode` gives the volume at a latent point (the run's decoder, preview or full maps).
LandscapeOutcome analyseLandscape(const LatentTable& z, const LandscapeOptions& options, bool fullMaps,
                                  const VolumeDecoder& decode, const AnalysisContext& context = {});

// The maps first, then the table: a stored table always has its maps. On failure no maps are
// left beside an older table they do not belong to, and the error (FileError) is rethrown.
void storeLandscape(const std::filesystem::path& runDir, const LandscapeOutcome& outcome);

} // namespace cryo
