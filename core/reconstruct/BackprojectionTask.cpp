#include "reconstruct/BackprojectionTask.h"

#include "formats/AtomicFile.h"
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "particles/CryodrgnPickles.h"
#include "particles/MetadataOverride.h"
#include "particles/ParticleDataset.h"
#include "run/RunFile.h"
#include "run/RunPoses.h"
#include "util/Error.h"

#include <algorithm>
#include <cstdio>

namespace cryo {
namespace {

void checkRequest(const BackprojectionRequest& r)
{
    if (r.particles.empty())
        throw UsageError("backproject: no particle file given");
    if (!r.poses.empty() && !r.posesFromRun.empty())
        throw UsageError("backproject: give poses either from a file or from a run, not both");
    if (!r.index.empty() && r.selection)
        throw UsageError("backproject: give the selection either as an index file or as indices, not both");
}

std::vector<ParticlePose> posesOfRun(const std::filesystem::path& runDirOrFile, const ParticleDataset& dataset)
{
    const H5File run(runFilePath(runDirOrFile), H5File::Mode::ReadOnly);
    const PoseTable table = readPoses(run);   // FileError "not an ab initio run" when absent
    if (table.count != dataset.size())
        throw FileError(run.path(), "has poses for " + std::to_string(table.count) + " particles, but " +
                                        dataset.sourcePath().string() + " holds " + std::to_string(dataset.size()));
    return particlePoses(table, dataset);
}

// The selection as ascending unique dataset indices, cut to maxParticles; unset: everything.
std::optional<std::vector<std::size_t>> selectionOf(const BackprojectionRequest& r, const ParticleDataset& dataset)
{
    std::optional<std::vector<std::size_t>> selection;
    if (!r.index.empty()) {
        selection = readIndexFile(r.index, dataset.size());
        if (selection->empty())
            throw FileError(r.index, "selects no particles");
    } else if (r.selection) {
        selection = *r.selection;
        std::sort(selection->begin(), selection->end());
        selection->erase(std::unique(selection->begin(), selection->end()), selection->end());
        if (!selection->empty() && selection->back() >= dataset.size())
            throw UsageError("backproject: particle index " + std::to_string(selection->back()) + " is beyond the " +
                             std::to_string(dataset.size()) + " particles of " + dataset.sourcePath().string());
    }
    if (r.maxParticles > 0) {
        if (!selection) {
            selection.emplace(std::min(r.maxParticles, dataset.size()));
            for (std::size_t i = 0; i < selection->size(); ++i)
                (*selection)[i] = i;
        } else if (selection->size() > r.maxParticles) {
            selection->resize(r.maxParticles);
        }
    }
    return selection;
}

} // namespace

BackprojectionResult runBackprojection(const BackprojectionRequest& request, const AnalysisContext& context)
{
    checkRequest(request);
    ParticleDatasetOptions datasetOptions;
    datasetOptions.dataDirectory = request.dataDirectory;
    datasetOptions.pixelSize = request.pixelSize;
    const ParticleDataset dataset = ParticleDataset::open(request.particles, datasetOptions);
    BackprojectionInput input;
    input.dataset = &dataset;
    if (!request.poses.empty())
        input.poses = readPoseOverride(request.poses, dataset.boxSize(), dataset.pixelSize());
    else if (!request.posesFromRun.empty())
        input.poses = posesOfRun(request.posesFromRun, dataset);
    if (!input.poses.empty() && input.poses.size() != dataset.size())
        throw FileError(request.poses, "has " + std::to_string(input.poses.size()) + " poses, but " +
                                           request.particles.string() + " holds " + std::to_string(dataset.size()) +
                                           " particles");
    if (!request.ctf.empty()) {
        input.ctf = readCtfOverride(request.ctf);
        if (input.ctf.size() != dataset.size())
            throw FileError(request.ctf, "has " + std::to_string(input.ctf.size()) + " CTF entries, but " +
                                             request.particles.string() + " holds " + std::to_string(dataset.size()) +
                                             " particles");
    }
    input.selection = selectionOf(request, dataset);
    if (request.opened)
        request.opened(input.selection ? input.selection->size() : dataset.size());
    BackprojectionResult result = backproject(input, request.options, context);
    if (!request.outDir.empty())
        writeBackprojection(result, request.outDir);
    return result;
}

void writeBackprojection(const BackprojectionResult& result, const std::filesystem::path& dir)
{
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error)
        throw FileError(dir, "cannot create the output directory: " + error.message());
    writeMrc(dir / "backprojection.mrc", result.filteredMap);
    writeMrc(dir / "backprojection_unfiltered.mrc", result.map);
    writeMrc(dir / "half_a.mrc", result.halfA);
    writeMrc(dir / "half_b.mrc", result.halfB);
    writeFscTable(result.halfMapFsc, dir / "fsc.txt");
}

void writeFscTable(const FscCurve& curve, const std::filesystem::path& path)
{
    std::string text = "# frequency_1/A fsc\n";
    char line[64];
    for (std::size_t s = 0; s < curve.shellCount(); ++s) {
        std::snprintf(line, sizeof line, "%.6f %.6f\n", curve.frequency(s), curve.values[s]);
        text += line;
    }
    writeFileAtomically(path, text);
}

} // namespace cryo
