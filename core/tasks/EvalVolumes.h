#pragma once
// Decoding a run's maps at latent points and writing them (`cryoscape eval-vol`), as
// `cryodrgn eval_vol` does: DIR/vol_000.mrc, vol_001.mrc, … at the run's pixel size.
// Progress and cancellation: analysis/AnalysisContext.h (a cancel leaves the maps written
// so far).
#include "analysis/AnalysisContext.h"

#include <filesystem>
#include <vector>

namespace cryo {

class VolumeGenerator;

struct EvalVolumesRequest {
    std::vector<std::vector<float>> points;   // one z per map (one empty z for a homogeneous run)
    int box = 0;                 // decoded box, even, at most the run's D (0: D)
    bool cryodrgnCrop = false;   // a box below D as cryodrgn eval_vol -d: intensities × (D/box)³
    bool flip = false;           // mirror along z (cryodrgn eval_vol --flip)
    bool invert = false;         // invert the contrast (--invert)
    double apix = 0;             // pixel size of the run's box in Å (0: the run's)
    std::filesystem::path outDir;
};

// Returns the maps written. Throws UsageError for a bad box, FileError naming a map it
// cannot write.
std::vector<std::filesystem::path> evalVolumes(VolumeGenerator& generator, const EvalVolumesRequest& request,
                                               const AnalysisContext& context = {});

} // namespace cryo
