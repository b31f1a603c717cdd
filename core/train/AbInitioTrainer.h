#pragma once
// The ab initio epoch loop (cryoDRGN2, thesis §5.3): trainModel dispatches here when
// TrainingOptions::abInitio is set. Same contract as trainModel (TrainingJob.h).
#include "train/TrainingJob.h"

namespace cryo {

TrainingResult trainAbInitio(const TrainingOptions& options, const TrainingCallbacks& callbacks, std::stop_token stop);

} // namespace cryo
