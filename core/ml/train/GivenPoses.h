#pragma once
// The pose stage of training on known poses: those of the particle file, or of --poses
// (cryoDRGN pose.pkl, another .star/.cs, applied to the dataset by the engine). Each image is
// centred by its shift once, at load time; every epoch trains on the shuffled particles.
#include "train/PoseStage.h"

namespace cryo {

class GivenPoses : public PoseStage {
public:
    bool runEpoch(TrainingEngine& engine, int epoch, EpochTally& tally) override;
};

} // namespace cryo
