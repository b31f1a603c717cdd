#include "run/RunPoses.h"

#include "io/H5File.h"
#include "particles/ParticleDataset.h"
#include "particles/PoseConversion.h"
#include "util/Error.h"

#include <algorithm>
#include <string>

namespace cryo {

std::vector<ParticlePose> particlePoses(const PoseTable& poses, const ParticleDataset& dataset)
{
    if (poses.count != dataset.size())
        throw UsageError("the run has poses for " + std::to_string(poses.count) + " particles, the particle file " +
                         std::to_string(dataset.size()));
    std::vector<ParticlePose> out(poses.count);
    for (std::size_t i = 0; i < poses.count; ++i) {
        ParticlePose& pose = out[i];
        std::copy_n(poses.rotations.begin() + std::ptrdiff_t(9 * i), 9, pose.rotation.begin());
        const auto euler = matrixToRelionEuler(pose.rotation);
        pose.angles = {float(euler[0]), float(euler[1]), float(euler[2])};
        const ParticleRecord& particle = dataset.particles()[i];
        const double pixelSize = dataset.opticsGroups()[std::size_t(particle.opticsGroup)].pixelSize;
        pose.shiftX = float(poses.shifts[2 * i] * pixelSize);
        pose.shiftY = float(poses.shifts[2 * i + 1] * pixelSize);
    }
    return out;
}

std::vector<ParticlePose> exportPoses(const H5File& run, const ParticleDataset& dataset)
{
    if (!run.exists("/particles/rotations"))
        return {};
    return particlePoses(readPoses(run), dataset);
}

} // namespace cryo
