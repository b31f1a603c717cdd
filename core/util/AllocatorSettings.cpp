#include "AllocatorSettings.h"

#include <malloc.h>

#include <climits>
#include <cstdlib>
#include <cstring>

namespace cryo {

bool keepLargeFreedBlocksForReuse(std::size_t mmapAbove, std::size_t keepFree)
{
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if ((tunables && std::strstr(tunables, "glibc.malloc.")) || std::getenv("MALLOC_MMAP_THRESHOLD_") ||
        std::getenv("MALLOC_TRIM_THRESHOLD_"))
        return false;
    auto asInt = [](std::size_t bytes) { return bytes > std::size_t(INT_MAX) ? INT_MAX : int(bytes); };
    const bool mmapSet = mallopt(M_MMAP_THRESHOLD, asInt(mmapAbove)) == 1;
    const bool trimSet = mallopt(M_TRIM_THRESHOLD, asInt(keepFree)) == 1;
    return mmapSet && trimSet;
}

} // namespace cryo
