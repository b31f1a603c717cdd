#pragma once
// The memory bound of training (`cryoscape train --max-memory`, the training dialog's
// "Memory"): on the resident memory of the whole process. The particle images get what is
// left of it when they are loaded (TrainingImages, after the model and the particle metadata
// and a first forward and backward pass have run): held in memory when they fit in that, else
// read from the stacks window by window within it.
#include <cstddef>

namespace cryo {

// A quarter of the machine's physical memory (4 GiB when it cannot be read).
std::size_t defaultMemoryBoundBytes();

// This process's resident set now (/proc/self/statm); 0 when it cannot be read.
std::size_t processResidentBytes();
// The most it has held so far (VmHWM of /proc/self/status; transient peaks such as a training
// step's activations included); 0 when it cannot be read.
std::size_t processPeakResidentBytes();

// The images' share of the bound.
struct ImageMemoryBudget {
    std::size_t boundBytes = 0;      // the whole process
    std::size_t baselineBytes = 0;   // peak resident before the images: libraries, model, metadata, a step
    std::size_t imageBytes() const { return boundBytes > baselineBytes ? boundBytes - baselineBytes : 0; }
};

} // namespace cryo
