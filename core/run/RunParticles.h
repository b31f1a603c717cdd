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

// The run's poses / CTF files (config.posesFile, config.ctfFile) applied to `dataset`, opened
// from config.particles, then only its rows kept (config.particleIndices): training and the
// reopened run see the same particles. Throws FileError when a file is unreadable or its row
// count differs from the particle file's, UsageError for an index out of range.
void applyRunParticleFiles(ParticleDataset& dataset, const RunConfig& config);

} // namespace cryo
