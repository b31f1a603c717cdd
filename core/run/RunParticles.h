#pragma once
// The particle file a run was trained on, opened for its metadata (CTF, poses, stack
// references), as the exports and the explorer need it: the stacks may be missing.
#include "particles/ParticleDataset.h"
#include "run/RunConfig.h"

#include <filesystem>

namespace cryo {

// config.particles with the run's data directory, or `dataDirectory` when not empty, with the
// run's poses / CTF files applied and only its rows (config.particleIndices) kept. Throws
// FileError when the file cannot be read, or holds another number of particles than the run
// was trained on (config.particleCount, when recorded).
ParticleDataset openRunParticles(const RunConfig& config, const std::filesystem::path& dataDirectory = {});

} // namespace cryo
