#pragma once
// checkpoints/epoch_NNNN.pt in a run directory: one LibTorch archive with the model
// weights ("model"), the Adam state ("optimizer"), the RNG state ("rng") and the epoch
// ("epoch"). Written to a .part file and renamed, so a checkpoint on disk is always whole.
#include "model/CryoModel.h"

#include <filesystem>

namespace cryo {

std::filesystem::path checkpointPath(const std::filesystem::path& runDir, int epoch);
// The checkpoint with the highest epoch, or "" when there is none.
std::filesystem::path newestCheckpoint(const std::filesystem::path& runDir);

void saveCheckpoint(const std::filesystem::path& path, CryoModel& model, torch::optim::Optimizer& optimizer,
                    const at::Generator& generator, int epoch);
// Restores what is asked for (optimizer and generator may be null); returns the epoch.
// Throws FileError for a missing or unreadable file, or weights that do not fit the model.
int loadCheckpoint(const std::filesystem::path& path, CryoModel& model, torch::optim::Optimizer* optimizer,
                   at::Generator* generator);

} // namespace cryo
