#pragma once
// Precompiled header of the LibTorch translation units (core/model, core/train). Only
// .cpp files and torch-internal headers include torch; the public headers that the GUI,
// the CLI and the widgets include (TrainingJob.h, VolumeGenerator.h) stay torch-free.
#include <torch/torch.h>
#include <ATen/autocast_mode.h>
