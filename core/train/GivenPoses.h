#pragma once
// The pose stage of training on known poses: those of the particle file, or of --poses
// (cryoDRGN pose.pkl, another .star/.cs). Each image is centred by its shift once, at load
// time; every epoch trains on the shuffled particles.
#include "train/PoseStage.h"

namespace cryo {

class GivenPoses : public PoseStage {
public:
    explicit GivenPoses(const TrainingOptions& options) : m_options(options) {}

    void configureImages(const ParticleDataset& dataset, TrainingImagesOptions& options) override;
    bool runEpoch(TrainingEngine& engine, int epoch, EpochTally& tally) override;

private:
    const TrainingOptions& m_options;
};

} // namespace cryo
