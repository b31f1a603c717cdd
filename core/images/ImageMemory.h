#pragma once
// The memory bound of training (`cryoscape train --max-memory`, the training dialog's
// "Memory"): on the resident memory of the whole process. The particle images get what is
// left of it when they are loaded (TrainingImages, after the model and the particle metadata
// exist): held in memory when they fit in that, else read from the stacks window by window
// within it. What grows after that (a training step's activations) is not counted.
#include <cstddef>

namespace cryo {

// A quarter of the machine's physical memory (4 GiB when it cannot be read).
std::size_t defaultMemoryBoundBytes();

// This process's resident set now (/proc/self/statm); 0 when it cannot be read.
std::size_t processResidentBytes();

// The images' share of the bound.
struct ImageMemoryBudget {
    std::size_t boundBytes = 0;      // the whole process
    std::size_t baselineBytes = 0;   // resident when the images are loaded: libraries, model, metadata
    std::size_t imageBytes() const { return boundBytes > baselineBytes ? boundBytes - baselineBytes : 0; }
};

} // namespace cryo
