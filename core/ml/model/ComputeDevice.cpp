#include "model/ComputeDevice.h"

#include "util/BlasEnvironment.h"

#include <thread>

namespace cryo {

torch::Device chooseComputeDevice(int threads)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    if (torch::cuda::is_available())
        return torch::Device(torch::kCUDA, 0);
    return torch::Device(torch::kCPU);
}

std::string describeComputeDevice(const torch::Device& device)
{
    if (device.is_cuda())
        return "CUDA device " + std::to_string(device.index());
    return "CPU, " + std::to_string(torch::get_num_threads()) + " threads, " + describeBlasEnvironment();
}

} // namespace cryo
