#include "train/GivenPoses.h"

#include "train/TrainingEngine.h"

namespace cryo {

bool GivenPoses::runEpoch(TrainingEngine& engine, int epoch, EpochTally& tally)
{
    return engine.trainOn(engine.epochOrder(epoch), epoch, tally,
                          [&] { engine.report("training", epoch, tally.images, tally); });
}

} // namespace cryo
