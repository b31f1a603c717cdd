#include "images/ImageMemory.h"

#include <unistd.h>

namespace cryo {

std::size_t defaultImageMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return std::size_t(4) << 30;
    return std::size_t(pages) * std::size_t(pageSize) / 4;
}

} // namespace cryo
