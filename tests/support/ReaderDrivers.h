#pragma once
// Opens a file the way Cryoscape's commands and windows do, for the fuzz and hostile-input
// tests: every reader a user's file reaches is exercised, not only the parser. Each returns
// normally when the file is accepted and throws (a FileError, we expect) when refused.
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "particles/CryodrgnPickles.h"
#include "particles/DatasetSummary.h"
#include "particles/ParticleDataset.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"
#include "run/RunLandscape.h"
#include "session/SessionFile.h"

#include <filesystem>
#include <vector>

namespace drivers {

// File → Open Map / `cryoscape info MAP`: the header, then every voxel.
inline void openMap(const std::filesystem::path& file)
{
    const cryo::Volume volume = cryo::readMrc(file);
    cryo::computeStats(volume);
}

// File → Open Particles / `cryoscape info` / training: open, summarise (text and JSON) and
// read every image (the files are small). requireImages = false is the metadata-only mode
// of `cryoscape info` and of reopening a run.
inline void openParticlesWith(const std::filesystem::path& file, bool requireImages)
{
    cryo::ParticleDatasetOptions options;
    options.requireImages = requireImages;
    const cryo::ParticleDataset dataset = cryo::ParticleDataset::open(file, options);
    cryo::describeDataset(dataset, false);
    cryo::describeDataset(dataset, true);
    if (!dataset.imagesAvailable())
        return;
    std::vector<float> image(std::size_t(dataset.boxSize()) * std::size_t(dataset.boxSize()));
    for (std::size_t i = 0; i < dataset.size(); ++i)
        dataset.readImages(i, 1, image.data());
}

inline void openParticles(const std::filesystem::path& file) { openParticlesWith(file, true); }
inline void openParticleMetadata(const std::filesystem::path& file) { openParticlesWith(file, false); }

// `cryoscape export --index FILE` (for 1000 particles).
inline void openIndex(const std::filesystem::path& file) { cryo::readIndexFile(file, 1000); }

// File → Open Run: the summary, the explorer's tables, the landscape tab, ab initio poses.
inline void openRun(const std::filesystem::path& file)
{
    const cryo::H5File run(file, cryo::H5File::Mode::ReadOnly);
    cryo::checkRunFile(run);
    cryo::readRunConfig(run);
    cryo::readHistory(run);
    cryo::readLatents(run);
    cryo::readPca(run);
    cryo::readUmap(run);
    cryo::readKMeans(run);
    cryo::readLandscape(run);
    if (run.exists("/particles/rotations"))
        cryo::readPoses(run);
}

// File → Open Session.
inline void openSession(const std::filesystem::path& file) { cryo::readSession(file); }

} // namespace drivers
