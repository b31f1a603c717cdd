#include "images/ImageMemory.h"

#include <fstream>
#include <string>

#include <unistd.h>

namespace cryo {

std::size_t defaultMemoryBoundBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return std::size_t(4) << 30;
    return std::size_t(pages) * std::size_t(pageSize) / 4;
}

std::size_t processResidentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::size_t totalPages = 0, residentPages = 0;
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (!(statm >> totalPages >> residentPages) || pageSize <= 0)
        return 0;
    return residentPages * std::size_t(pageSize);
}

std::size_t processPeakResidentBytes()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return std::size_t(std::stoull(line.substr(6))) * 1024;   // "VmHWM:   123456 kB"
    return 0;
}

} // namespace cryo
