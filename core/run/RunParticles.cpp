#include "run/RunParticles.h"

#include "particles/CryodrgnPickles.h"
#include "particles/MetadataOverride.h"
#include "util/Error.h"

#include <string>

namespace cryo {

void applyRunParticleFiles(ParticleDataset& dataset, const RunConfig& config)
{
    // Poses and CTF files cover the whole particle file; the index then picks the run's rows.
    const auto checkCount = [&](const std::filesystem::path& file, std::size_t count) {
        if (count != dataset.size())
            throw FileError(file, "has " + std::to_string(count) + " rows, but " + config.particles.string() + " has " +
                                      std::to_string(dataset.size()) + " particles");
    };
    if (!config.posesFile.empty()) {
        std::vector<ParticlePose> poses = readPoseOverride(config.posesFile, dataset.boxSize(), dataset.pixelSize());
        checkCount(config.posesFile, poses.size());
        dataset.setPoses(std::move(poses));
    }
    if (!config.ctfFile.empty()) {
        const std::vector<CtfParams> ctf = readCtfOverride(config.ctfFile);
        checkCount(config.ctfFile, ctf.size());
        dataset.setCtf(ctf);
    }
    if (!config.particleIndices.empty())
        dataset.selectParticles(readIndexList(config.particleIndices, dataset.size()));
}

ParticleDataset openRunParticles(const RunConfig& config, const std::filesystem::path& dataDirectory)
{
    if (config.particles.empty())
        throw FileError(config.particles, "the run does not name its particle file");
    ParticleDatasetOptions options;
    options.requireImages = false;   // metadata only
    options.dataDirectory = dataDirectory.empty() ? config.dataDirectory : dataDirectory;
    ParticleDataset dataset = ParticleDataset::open(config.particles, options);
    applyRunParticleFiles(dataset, config);
    if (config.particleCount > 0 && dataset.size() != config.particleCount)
        throw FileError(config.particles, "has " + std::to_string(dataset.size()) +
                                              (config.particleIndices.empty() ? "" : " selected") +
                                              " particles, but the run was trained on " +
                                              std::to_string(config.particleCount));
    return dataset;
}

} // namespace cryo
