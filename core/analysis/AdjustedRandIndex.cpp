#include "analysis/AdjustedRandIndex.h"

#include "util/Error.h"

#include <map>
#include <string>
#include <unordered_map>

namespace cryo {
namespace {

double pairs(double n) { return n * (n - 1) / 2; }

// Maps arbitrary labels to 0..m−1.
std::vector<int> compact(const std::vector<std::int32_t>& labels, int& distinct)
{
    std::unordered_map<std::int32_t, int> index;
    std::vector<int> out(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i)
        out[i] = index.try_emplace(labels[i], int(index.size())).first->second;
    distinct = int(index.size());
    return out;
}

} // namespace

double adjustedRandIndex(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b)
{
    if (a.size() != b.size())
        throw UsageError("adjusted Rand index: " + std::to_string(a.size()) + " and " + std::to_string(b.size()) +
                         " labels");
    int ka = 0, kb = 0;
    const std::vector<int> la = compact(a, ka), lb = compact(b, kb);
    std::map<std::pair<int, int>, double> table;   // contingency table, sparse
    std::vector<double> rowSums(ka, 0), columnSums(kb, 0);
    for (std::size_t i = 0; i < la.size(); ++i) {
        table[{la[i], lb[i]}] += 1;
        rowSums[la[i]] += 1;
        columnSums[lb[i]] += 1;
    }
    double index = 0, sumRows = 0, sumColumns = 0;
    for (const auto& entry : table)
        index += pairs(entry.second);
    for (double r : rowSums)
        sumRows += pairs(r);
    for (double c : columnSums)
        sumColumns += pairs(c);
    const double total = pairs(double(a.size()));
    const double expected = total > 0 ? sumRows * sumColumns / total : 0;
    const double maximum = 0.5 * (sumRows + sumColumns);
    if (maximum == expected)
        return 1.0;
    return (index - expected) / (maximum - expected);
}

} // namespace cryo
