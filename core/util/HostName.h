#pragma once
// This machine's host name, as ranks and the training status marker record it.
#include <string>

#include <unistd.h>

namespace cryo {

inline std::string thisHostName()
{
    char name[256] = {};
    ::gethostname(name, sizeof name - 1);
    return name;
}

} // namespace cryo
