#include "analysis/RankCorrelation.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace cryo {

namespace {

template <typename T>
void checkSizes(std::span<const T> a, std::span<const T> b)
{
    if (a.size() != b.size() || a.size() < 2)
        throw UsageError("correlation needs two series of equal length ≥ 2");
}

std::vector<double> ranks(std::span<const double> values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
    std::vector<double> rank(values.size());
    for (std::size_t first = 0; first < order.size();) {
        std::size_t last = first;
        while (last + 1 < order.size() && values[order[last + 1]] == values[order[first]])
            ++last;
        const double average = 0.5 * double(first + last);
        for (std::size_t k = first; k <= last; ++k)
            rank[order[k]] = average;
        first = last + 1;
    }
    return rank;
}

} // namespace

namespace {

template <typename T>
double pearson(std::span<const T> a, std::span<const T> b)
{
    checkSizes(a, b);
    const double n = double(a.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += (a[i] - ma) * (b[i] - mb);
        aa += (a[i] - ma) * (a[i] - ma);
        bb += (b[i] - mb) * (b[i] - mb);
    }
    return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0.0;
}

} // namespace

double pearsonCorrelation(std::span<const double> a, std::span<const double> b) { return pearson(a, b); }
double pearsonCorrelation(std::span<const float> a, std::span<const float> b) { return pearson(a, b); }

double spearmanCorrelation(std::span<const double> a, std::span<const double> b)
{
    checkSizes(a, b);
    const auto ra = ranks(a), rb = ranks(b);
    return pearsonCorrelation(ra, rb);
}

} // namespace cryo
