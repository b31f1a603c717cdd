#include "run/RunParticles.h"

#include "util/Error.h"

#include <string>

namespace cryo {

ParticleDataset openRunParticles(const RunConfig& config, const std::filesystem::path& dataDirectory)
{
    if (config.particles.empty())
        throw FileError(config.particles, "the run does not name its particle file");
    ParticleDatasetOptions options;
    options.requireImages = false;   // metadata only
    options.dataDirectory = dataDirectory.empty() ? config.dataDirectory : dataDirectory;
    ParticleDataset dataset = ParticleDataset::open(config.particles, options);
    if (config.particleCount > 0 && dataset.size() != config.particleCount)
        throw FileError(config.particles, "has " + std::to_string(dataset.size()) +
                                              " particles, but the run was trained on " +
                                              std::to_string(config.particleCount));
    return dataset;
}

} // namespace cryo
