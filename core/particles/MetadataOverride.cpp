#include "particles/MetadataOverride.h"

#include "particles/CryodrgnPickles.h"
#include "particles/ParticleDataset.h"
#include "util/Error.h"

namespace cryo {

namespace {

bool isPickle(const std::filesystem::path& path) { return path.extension() == ".pkl"; }

ParticleDataset openMetadata(const std::filesystem::path& path)
{
    ParticleDatasetOptions options;
    options.requireImages = false;   // only the columns are needed
    return ParticleDataset::open(path, options);
}

} // namespace

std::vector<ParticlePose> readPoseOverride(const std::filesystem::path& path, int imageSize, double pixelSize)
{
    if (isPickle(path))
        return readCryodrgnPoses(path, imageSize, pixelSize);
    const ParticleDataset dataset = openMetadata(path);
    if (!dataset.hasPoses())
        throw FileError(path, "has no poses (angles and origin shifts)");
    return dataset.poses();
}

std::vector<CtfParams> readCtfOverride(const std::filesystem::path& path)
{
    if (isPickle(path))
        return readCryodrgnCtf(path).params;
    const ParticleDataset dataset = openMetadata(path);
    if (!dataset.hasCtf())
        throw FileError(path, "has no CTF parameters (defocus columns)");
    std::vector<CtfParams> ctf;
    ctf.reserve(dataset.size());
    for (const ParticleRecord& record : dataset.particles())
        ctf.push_back(record.ctf);
    return ctf;
}

} // namespace cryo
