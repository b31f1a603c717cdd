#pragma once
// Agreement of two clusterings of the same items (Hubert & Arabie 1985): 1 for identical
// partitions (whatever the label values), about 0 for independent ones, negative when
// worse than chance. Labels are arbitrary integers.
#include <cstdint>
#include <vector>

namespace cryo {

// Throws UsageError when the sizes differ. Two trivial partitions (both one cluster, or both
// all singletons) agree perfectly: 1.
double adjustedRandIndex(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b);

} // namespace cryo
