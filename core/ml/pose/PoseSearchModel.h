#pragma once
// PoseSearch on a live model (the ab initio trainer): torch callers only.
#include "model/CryoModel.h"
#include "pose/PoseSearch.h"

namespace cryo {

// The search keeps a handle on model (shared weights); call modelChanged() after updates.
std::unique_ptr<PoseSearch> makePoseSearch(CryoModel model, int boxSize, const PoseSearchOptions& options,
                                           const torch::Device& device);

} // namespace cryo
