#pragma once
// How the C library's allocator treats the large blocks that training allocates and frees
// every step (a batch's activations: 8 images × 64² coordinates × 256 features × 4 B = 32 MB
// per layer at the defaults, 64 MB for a 64-wide model at batch 64). By default glibc serves
// blocks from 32 MB up with a fresh mmap() and unmaps them on free, and trims the heap's top
// when 128 kB or more of it is free, so each step faults in and zeroes its pages again: perf
// on `cryoscape train` of the 1M × 64² stack (64×2 model, batch 64) showed half of the CPU
// time in the kernel (clear_page, page faults); the default model on 1 thread spent 13 % of
// its CPU time in the kernel (5.8 of 44.4 s).
#include <cstddef>

namespace cryo {

// Blocks below `mmapAbove` come from the heap, and up to `keepFree` bytes free at its top
// stay there for the next step (they remain part of the resident memory, which the memory
// bound of training measures after a first step: images/ImageMemory.h). Nothing is changed
// when the user tuned the allocator (GLIBC_TUNABLES naming glibc.malloc, or MALLOC_*_ set):
// theirs wins, and `GLIBC_TUNABLES=glibc.malloc.trim_threshold=131072` gives the C library's
// own behaviour back for a comparison. Returns whether the settings were made.
bool keepLargeFreedBlocksForReuse(std::size_t mmapAbove = std::size_t(512) << 20,
                                  std::size_t keepFree = std::size_t(1) << 30);

} // namespace cryo
