#include "train/GivenPoses.h"

#include "particles/MetadataOverride.h"
#include "particles/ParticleDataset.h"
#include "train/TrainingEngine.h"

namespace cryo {

void GivenPoses::configureImages(const ParticleDataset& dataset, TrainingImagesOptions& options)
{
    if (!m_options.posesFile.empty())
        options.poses = readPoseOverride(m_options.posesFile, dataset.boxSize(), dataset.pixelSize());
}

bool GivenPoses::runEpoch(TrainingEngine& engine, int epoch, EpochTally& tally)
{
    return engine.trainOn(engine.epochOrder(epoch), epoch, tally,
                          [&] { engine.report("training", epoch, tally.images, tally); });
}

} // namespace cryo
