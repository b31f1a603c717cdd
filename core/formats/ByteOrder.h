#pragma once
// Unaligned loads/stores with optional byte swapping, for binary formats (.npy).
#include <algorithm>
#include <bit>
#include <cstring>

static_assert(std::endian::native == std::endian::little, "the binary readers assume a little-endian host");

namespace cryo::byteorder {

// Reads a T stored at p; swap = the stored byte order differs from the host's.
template <class T>
T load(const char* p, bool swap)
{
    char buffer[sizeof(T)];
    std::memcpy(buffer, p, sizeof(T));
    if (swap)
        std::reverse(buffer, buffer + sizeof(T));
    T value;
    std::memcpy(&value, buffer, sizeof(T));
    return value;
}

template <class T>
void store(char* p, T value, bool swap)
{
    char buffer[sizeof(T)];
    std::memcpy(buffer, &value, sizeof(T));
    if (swap)
        std::reverse(buffer, buffer + sizeof(T));
    std::memcpy(p, buffer, sizeof(T));
}

} // namespace cryo::byteorder
