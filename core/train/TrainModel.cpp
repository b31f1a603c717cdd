// trainModel (TrainingJob.h): the TrainingEngine with the pose stage the options ask for.
#include "train/TrainingJob.h"

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
    return TrainingEngine(options, callbacks, std::move(stop), *stage).run();
}

} // namespace cryo
