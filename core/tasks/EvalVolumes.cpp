#include "tasks/EvalVolumes.h"

#include "io/MrcFile.h"
#include "model/VolumeGenerator.h"
#include "util/Error.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace cryo {

std::vector<std::filesystem::path> evalVolumes(VolumeGenerator& generator, const EvalVolumesRequest& request,
                                               const AnalysisContext& context)
{
    const int D = generator.config().boxSize;
    const int box = request.box > 0 ? request.box : D;
    if (box % 2 || box > D)
        throw UsageError("eval-vol: the box must be even and at most the run's " + std::to_string(D) + ", got " +
                         std::to_string(box));
    // cryoDRGN's -d leaves the crop (D/d)³ brighter than the full map; our maps keep one scale.
    const double brighter = request.cryodrgnCrop ? std::pow(double(D) / box, 3) : 1.0;
    std::filesystem::create_directories(request.outDir);
    std::vector<std::filesystem::path> written;
    for (std::size_t i = 0; i < request.points.size(); ++i) {
        context.checkCancelled();
        Volume volume = generator.generate(request.points[i], box);
        for (float& v : volume.data)
            v = float(v * brighter);
        if (request.flip)
            flipHandedness(volume);
        if (request.invert)
            invertContrast(volume);
        if (request.apix > 0)
            volume.voxelSize = float(request.apix * D / box);
        char name[32];
        std::snprintf(name, sizeof name, "vol_%03zu.mrc", i);
        writeMrc(request.outDir / name, volume);
        written.push_back(request.outDir / name);
        context.report(double(i + 1) / double(request.points.size()));
    }
    return written;
}

} // namespace cryo
