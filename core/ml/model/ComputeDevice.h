#pragma once
// Where the tensors live, decided once per job: the first CUDA device when LibTorch has one,
// otherwise the CPU with a deliberate number of threads (torch's intra-op pool and the
// OpenMP BLAS share it).
#include "model/TorchPch.h"

#include <string>

namespace cryo {

// threads ≤ 0: all cores. Sets torch's thread count (process-wide) and returns the device.
torch::Device chooseComputeDevice(int threads);
// "CPU, 2 threads, OpenBLAS core SkylakeX, …" or "CUDA device 0".
std::string describeComputeDevice(const torch::Device& device);

} // namespace cryo
