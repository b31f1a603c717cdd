#include "tasks/LandscapeTask.h"

#include "run/RunAnalyses.h"

#include <system_error>

namespace cryo {

LandscapeOutcome analyseLandscape(const LatentTable& z, const LandscapeOptions& options, bool fullMaps,
                                  const VolumeDecoder& decode, const AnalysisContext& context)
{
    auto result = std::make_shared<const LandscapeResult>(
        LandscapeAnalysis(options).run(z.mu.data(), z.count, z.zdim, decode, context));
    LandscapeOutcome out;
    out.table = landscapeTable(*result, z.count, options, fullMaps);
    out.maps = landscapeMaps(*result);
    out.result = std::move(result);
    return out;
}

void storeLandscape(const std::filesystem::path& runDir, const LandscapeOutcome& outcome)
{
    try {
        writeLandscapeMaps(runDir, outcome.maps);
        RunAnalysesUpdate update;
        update.landscape = outcome.table;
        updateRunAnalyses(runFilePath(runDir), update);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove_all(landscapeMapsDir(runDir), ignored);
        throw;
    }
}

} // namespace cryo
