#include "TrainingBackend.h"

#include "util/Error.h"

cryo::TrainingFunction defaultTrainingFunction()
{
    // TODO(#4 merge): return cryo::trainModel; once core/train implements it (the job is
    // being written on another branch; referencing it here before then breaks the link).
    return [](const cryo::TrainingOptions&, const cryo::TrainingCallbacks&, std::stop_token) -> cryo::TrainingResult {
        throw cryo::UsageError("Training is not available in this build yet (cryo::trainModel is not linked in).");
    };
}
