#include "analysis/AgglomerativeClustering.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace cryo {
namespace {

// Union–find over items, for relabelling and cutting.
struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t(0)); }
    std::size_t find(std::size_t x)
    {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
};

// A merge as found by the chain: two clusters named by their slot (an item they contain).
struct SlotMerge {
    std::size_t x, y;
    double height;
};

// Lance–Williams update of the distance from cluster k to the union of i and j. For Ward
// the matrix holds squared distances.
double updatedDistance(Linkage linkage, double dki, double dkj, double dij, double ni, double nj, double nk)
{
    switch (linkage) {
    case Linkage::Average:
        return (ni * dki + nj * dkj) / (ni + nj);
    case Linkage::Complete:
        return std::max(dki, dkj);
    case Linkage::Ward:
        return ((ni + nk) * dki + (nj + nk) * dkj - nk * dij) / (ni + nj + nk);
    }
    return 0;
}

std::vector<SlotMerge> nearestNeighbourChain(std::vector<double>& d, std::size_t n, Linkage linkage,
                                             const AnalysisContext& context)
{
    std::vector<double> size(n, 1.0);
    std::vector<bool> active(n, true);
    std::vector<std::size_t> chain;
    std::vector<SlotMerge> merges;
    merges.reserve(n - 1);
    while (merges.size() + 1 < n) {
        if (chain.empty())
            chain.push_back(std::size_t(std::find(active.begin(), active.end(), true) - active.begin()));
        for (;;) {
            const std::size_t a = chain.back();
            // Nearest active cluster to a; the previous chain element wins ties (needed for
            // termination), otherwise the lowest slot.
            std::size_t best = n;
            double bestDistance = std::numeric_limits<double>::infinity();
            if (chain.size() >= 2) {
                best = chain[chain.size() - 2];
                bestDistance = d[a * n + best];
            }
            for (std::size_t c = 0; c < n; ++c)
                if (active[c] && c != a && d[a * n + c] < bestDistance) {
                    bestDistance = d[a * n + c];
                    best = c;
                }
            if (chain.size() >= 2 && best == chain[chain.size() - 2])
                break;
            chain.push_back(best);
        }
        const std::size_t j = chain.back();
        chain.pop_back();
        const std::size_t i = chain.back();
        chain.pop_back();
        // The union lives in slot i; j is retired.
        const double dij = d[i * n + j];
        merges.push_back({i, j, dij});
        for (std::size_t k = 0; k < n; ++k) {
            if (!active[k] || k == i || k == j)
                continue;
            const double value = updatedDistance(linkage, d[k * n + i], d[k * n + j], dij, size[i], size[j], size[k]);
            d[k * n + i] = d[i * n + k] = value;
        }
        size[i] += size[j];
        active[j] = false;
        if (merges.size() % 64 == 0) {
            context.checkCancelled();
            context.report(double(merges.size()) / double(n - 1));
        }
    }
    return merges;
}

} // namespace

Linkage parseLinkage(const std::string& name)
{
    if (name == "average")
        return Linkage::Average;
    if (name == "ward")
        return Linkage::Ward;
    if (name == "complete")
        return Linkage::Complete;
    throw UsageError("unknown linkage '" + name + "' (average, ward or complete)");
}

const char* linkageName(Linkage linkage)
{
    switch (linkage) {
    case Linkage::Average:
        return "average";
    case Linkage::Ward:
        return "ward";
    case Linkage::Complete:
        return "complete";
    }
    return "?";
}

Dendrogram AgglomerativeClustering::fitSquaredDistances(std::vector<double> d, std::size_t n, Linkage linkage,
                                                        const AnalysisContext& context)
{
    if (n < 1 || d.size() != n * n)
        throw UsageError("agglomerative clustering: needs n ≥ 1 items and an n × n distance matrix");
    for (std::size_t i = 0; i < n; ++i) {
        d[i * n + i] = 0;
        for (std::size_t j = i + 1; j < n; ++j) {
            const double v = std::max(0.0, d[i * n + j]);   // rounding can make tiny negatives
            d[i * n + j] = d[j * n + i] = linkage == Linkage::Ward ? v : std::sqrt(v);
        }
    }
    std::vector<SlotMerge> merges = nearestNeighbourChain(d, n, linkage, context);
    // Ward's matrix holds squared distances: report sqrt of them.
    if (linkage == Linkage::Ward)
        for (SlotMerge& m : merges)
            m.height = std::sqrt(std::max(0.0, m.height));
    // By height; stable, so a merge never comes before one it builds on.
    std::stable_sort(merges.begin(), merges.end(), [](const SlotMerge& a, const SlotMerge& b) { return a.height < b.height; });

    Dendrogram result;
    result.count = n;
    UnionFind sets(n);
    std::vector<std::int32_t> id(n), members(n, 1);
    std::iota(id.begin(), id.end(), 0);
    for (std::size_t m = 0; m < merges.size(); ++m) {
        const std::size_t rx = sets.find(merges[m].x), ry = sets.find(merges[m].y);
        DendrogramMerge out;
        out.a = std::min(id[rx], id[ry]);
        out.b = std::max(id[rx], id[ry]);
        out.height = merges[m].height;
        out.size = members[rx] + members[ry];
        result.merges.push_back(out);
        sets.parent[ry] = rx;
        id[rx] = std::int32_t(n + m);
        members[rx] = out.size;
    }
    context.report(1);
    return result;
}

Dendrogram AgglomerativeClustering::fit(const float* rows, std::size_t n, std::size_t dim, Linkage linkage,
                                        const AnalysisContext& context)
{
    std::vector<double> d(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            double sum = 0;
            for (std::size_t c = 0; c < dim; ++c) {
                const double diff = double(rows[i * dim + c]) - double(rows[j * dim + c]);
                sum += diff * diff;
            }
            d[i * n + j] = d[j * n + i] = sum;
        }
    return fitSquaredDistances(std::move(d), n, linkage, context);
}

std::vector<std::int32_t> Dendrogram::cut(int clusters) const
{
    if (clusters < 1 || std::size_t(clusters) > count)
        throw UsageError("dendrogram cut: " + std::to_string(clusters) + " clusters for " + std::to_string(count) +
                         " items");
    // Replay the merges on items: cluster ids ≥ count name merges, so keep one item per id.
    std::vector<std::size_t> itemOf(count + merges.size());
    std::iota(itemOf.begin(), itemOf.begin() + std::ptrdiff_t(count), std::size_t(0));
    UnionFind sets(count);
    for (std::size_t m = 0; m < merges.size(); ++m) {
        const std::size_t x = itemOf[std::size_t(merges[m].a)], y = itemOf[std::size_t(merges[m].b)];
        itemOf[count + m] = x;
        if (m < count - std::size_t(clusters))
            sets.parent[sets.find(y)] = sets.find(x);
    }
    std::vector<std::int32_t> labels(count, -1), labelOfRoot(count, -1);
    std::int32_t next = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t root = sets.find(i);
        if (labelOfRoot[root] < 0)
            labelOfRoot[root] = next++;
        labels[i] = labelOfRoot[root];
    }
    return labels;
}

} // namespace cryo
