#pragma once
// Overflow-safe size arithmetic for readers. A header that claims 2^30 × 2^30 × 2^30 values
// must be refused, not wrap around to a small byte count that passes the file-size check.
// Each function returns std::nullopt when the exact result does not fit in 64 bits.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <type_traits>

namespace cryo {

inline std::optional<std::uint64_t> checkedMultiply(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t product = 0;
    if (__builtin_mul_overflow(a, b, &product))
        return std::nullopt;
    return product;
}

inline std::optional<std::uint64_t> checkedAdd(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return std::nullopt;
    return sum;
}

// The product of all factors (1 for none).
inline std::optional<std::uint64_t> checkedProduct(std::initializer_list<std::uint64_t> factors)
{
    std::uint64_t product = 1;
    for (std::uint64_t f : factors)
        if (__builtin_mul_overflow(product, f, &product))
            return std::nullopt;
    return product;
}

template <typename Range>
std::optional<std::uint64_t> checkedProductOf(const Range& factors)
{
    std::uint64_t product = 1;
    for (const auto f : factors) {
        if constexpr (std::is_signed_v<std::decay_t<decltype(f)>>)
            if (f < 0)
                return std::nullopt;
        if (__builtin_mul_overflow(product, std::uint64_t(f), &product))
            return std::nullopt;
    }
    return product;
}

} // namespace cryo
