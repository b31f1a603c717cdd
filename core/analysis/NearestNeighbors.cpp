#include "analysis/NearestNeighbors.h"

#include "analysis/ParallelChunks.h"
#include "util/Error.h"

#include <nanoflann.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace cryo {
namespace {

// nanoflann's dataset interface over our row-major floats.
struct RowSource {
    const float* rows;
    std::size_t count;
    int dim;
    std::size_t kdtree_get_point_count() const { return count; }
    float kdtree_get_pt(std::uint32_t index, std::size_t k) const { return rows[std::size_t(index) * dim + k]; }
    template <class BoundingBox>
    bool kdtree_get_bbox(BoundingBox&) const { return false; }
};

using KdTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<float, RowSource>, RowSource, -1,
                                                   std::uint32_t>;

constexpr std::size_t kChunkRows = 4096;

} // namespace

struct NearestNeighbors::Tree {
    RowSource source;
    KdTree index;
    Tree(const float* rows, std::size_t count, int dim)
        : source{rows, count, dim}, index(dim, source, nanoflann::KDTreeSingleIndexAdaptorParams(16))
    {
    }
};

NearestNeighbors::NearestNeighbors(const float* rows, std::size_t count, int dim)
    : m_rows(rows), m_count(count), m_dim(dim)
{
    if (dim < 1 || count >= std::size_t(std::numeric_limits<std::int32_t>::max()))
        throw UsageError("nearest neighbours: need 1 ≤ dim and fewer than 2³¹ rows");
    m_tree = std::make_unique<Tree>(rows, count, dim);
}

NearestNeighbors::~NearestNeighbors() = default;

NeighborGraph NearestNeighbors::allNeighbors(int k, const NeighborSearchOptions& options,
                                             const AnalysisContext& context) const
{
    if (k < 1 || std::size_t(k) >= m_count)
        throw UsageError("nearest neighbours: k = " + std::to_string(k) + " for " + std::to_string(m_count) +
                         " rows (need 1 ≤ k < rows)");
    if (!(options.epsilon >= 0))
        throw UsageError("nearest neighbours: the approximation ε must be ≥ 0");
    NeighborGraph graph;
    graph.count = m_count;
    graph.k = k;
    graph.indices.resize(m_count * k);
    graph.distances.resize(m_count * k);
    const nanoflann::SearchParams search(32, float(options.epsilon));
    const std::vector<std::uint32_t>& treeOrder = m_tree->index.vAcc;   // rows leaf by leaf
    const std::size_t chunks = (m_count + kChunkRows - 1) / kChunkRows;
    parallelChunks(chunks, options.threads, context, [&](std::size_t chunk) {
        std::vector<std::uint32_t> found(k + 1);
        std::vector<float> found2(k + 1);
        const std::size_t end = std::min(m_count, (chunk + 1) * kChunkRows);
        for (std::size_t position = chunk * kChunkRows; position < end; ++position) {
            const std::size_t i = treeOrder[position];
            nanoflann::KNNResultSet<float, std::uint32_t> result(k + 1);
            result.init(found.data(), found2.data());
            m_tree->index.findNeighbors(result, m_rows + i * m_dim, search);
            const std::size_t n = result.size();
            // Drop the row itself; if duplicates pushed it out of the list, drop the farthest.
            std::size_t self = std::find(found.begin(), found.begin() + n, std::uint32_t(i)) - found.begin();
            if (self >= n)
                self = n - 1;
            int out = 0;
            for (std::size_t j = 0; j < n && out < k; ++j) {
                if (j == self)
                    continue;
                graph.indices[i * k + out] = std::int32_t(found[j]);
                graph.distances[i * k + out] = std::sqrt(std::max(0.f, found2[j]));
                ++out;
            }
        }
    });
    return graph;
}

std::vector<std::pair<std::int64_t, float>> NearestNeighbors::nearest(const float* point, int k) const
{
    k = std::clamp(k, 0, int(m_count));
    std::vector<std::uint32_t> found(k);
    std::vector<float> found2(k);
    const std::size_t n = k > 0 ? m_tree->index.knnSearch(point, k, found.data(), found2.data()) : 0;
    std::vector<std::pair<std::int64_t, float>> out(n);
    for (std::size_t j = 0; j < n; ++j)
        out[j] = {std::int64_t(found[j]), std::sqrt(std::max(0.f, found2[j]))};
    return out;
}

} // namespace cryo

namespace cryo {

double neighborRecall(const NeighborGraph& approximate, const NeighborGraph& exact)
{
    if (approximate.count != exact.count || approximate.k != exact.k)
        throw UsageError("neighbour recall: the two graphs differ in rows or k");
    const int k = exact.k;
    std::size_t found = 0;
    for (std::size_t i = 0; i < exact.count; ++i) {
        const auto row = approximate.indices.begin() + std::ptrdiff_t(i * k);
        for (int m = 0; m < k; ++m)
            found += std::find(row, row + k, exact.indices[i * k + m]) != row + k;
    }
    return exact.count > 0 ? double(found) / double(exact.count * k) : 1.0;
}

} // namespace cryo
