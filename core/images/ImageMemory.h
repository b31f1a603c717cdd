#pragma once
// How much memory the particle images may take by default (TrainingImagesOptions,
// `cryoscape train --max-memory`, the training dialog): more than that and they are read
// from the stacks window by window instead of being held in memory.
#include <cstddef>

namespace cryo {

// A quarter of the machine's physical memory (4 GiB when it cannot be read).
std::size_t defaultImageMemoryBytes();

} // namespace cryo
