// Linked into every test that trains or searches (labels torch and slow, CryoscapeTesting.cmake):
// the allocator settings that the app's main() makes (util/AllocatorSettings.h), so that these
// tests run as the app does. Without them each training step faults its activations in again:
// tst_abinitioconvergence took 54 s, 21.6 s of it in the kernel; with them 34 s.
#include "util/AllocatorSettings.h"

namespace {
[[maybe_unused]] const bool kLargeBlocksReused = cryo::keepLargeFreedBlocksForReuse();
}
