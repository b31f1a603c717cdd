// trainModel (TrainingJob.h): the TrainingEngine with the pose stage the options ask for, in
// one process or as one rank of a data-parallel job.
#include "train/TrainingJob.h"

#include "train/DataParallel.h"
#include "train/GivenPoses.h"
#include "train/SearchedPoses.h"
#include "train/TrainingEngine.h"

namespace cryo {

TrainingResult trainModel(const TrainingOptions& options, const TrainingCallbacks& callbacks, std::stop_token stop)
{
    std::unique_ptr<PoseStage> stage;
    if (options.abInitio)
        stage = std::make_unique<SearchedPoses>(options);
    else
        stage = std::make_unique<GivenPoses>();
    if (!options.distributed.enabled())
        return TrainingEngine(options, callbacks, std::move(stop), *stage).run();
    DataParallel replicas(options.distributed);
    TrainingResult result = TrainingEngine(options, callbacks, std::move(stop), *stage, &replicas).run();
    const GradientSyncStats& sync = replicas.gradientStats();
    result.gradientBytesPerStep = sync.bytesPerStep;
    result.gradientSteps = sync.steps;
    result.gradientSyncSeconds = sync.blockedSeconds;
    return result;
}

} // namespace cryo
