#include "analysis/LatentGraph.h"

#include "analysis/NearestNeighbors.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <string>

namespace cryo {

LatentGraph LatentGraph::build(const float* rows, std::size_t count, int dim, const LatentGraphOptions& options,
                               const AnalysisContext& context)
{
    if (count < 2)
        throw UsageError("latent graph: needs at least 2 particles");
    if (options.maxNeighbors < 1 || !(options.meanDegree > 0) || options.meanDegree > options.maxNeighbors)
        throw UsageError("latent graph: needs maxNeighbors ≥ 1 and 0 < meanDegree ≤ maxNeighbors");
    LatentGraph graph;
    graph.m_dim = dim;
    graph.m_rows.assign(rows, rows + count * std::size_t(dim));
    const int k = int(std::min<std::size_t>(std::size_t(options.maxNeighbors), count - 1));
    const NearestNeighbors tree(graph.m_rows.data(), count, dim);
    const NeighborGraph knn = tree.allNeighbors(k, {.threads = options.threads}, context.sub(0, 0.8));

    // The cutoff keeps the N·meanDegree shortest kNN edges (ties at the cutoff all kept).
    std::vector<float> sorted = knn.distances;
    const std::size_t keep = std::clamp<std::size_t>(std::size_t(double(count) * options.meanDegree + 0.5), 1, sorted.size());
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(keep - 1), sorted.end());
    graph.m_cutoff = sorted[keep - 1];
    context.checkCancelled();

    graph.m_adjacency.assign(count, {});
    std::size_t kept = 0;
    for (std::size_t i = 0; i < count; ++i)
        for (int j = 0; j < k; ++j) {
            const float d = knn.distances[i * std::size_t(k) + std::size_t(j)];
            if (d > graph.m_cutoff)
                break;   // ascending per row
            const std::int32_t to = knn.indices[i * std::size_t(k) + std::size_t(j)];
            graph.m_adjacency[i].push_back({to, d});
            graph.m_adjacency[std::size_t(to)].push_back({std::int32_t(i), d});
            ++kept;
        }
    graph.m_meanKept = double(kept) / double(count);
    for (auto& list : graph.m_adjacency) {   // drop the duplicates of mutual neighbours
        std::sort(list.begin(), list.end(), [](const Edge& a, const Edge& b) { return a.to < b.to; });
        list.erase(std::unique(list.begin(), list.end(), [](const Edge& a, const Edge& b) { return a.to == b.to; }),
                   list.end());
    }
    context.report(1);
    return graph;
}

double LatentGraph::meanDegree() const
{
    std::size_t total = 0;
    for (const auto& list : m_adjacency)
        total += list.size();
    return m_adjacency.empty() ? 0 : double(total) / double(m_adjacency.size());
}

std::vector<std::int64_t> LatentGraph::shortestPath(std::int64_t from, std::int64_t to, double& length) const
{
    const std::size_t n = count();
    std::vector<double> distance(n, std::numeric_limits<double>::infinity());
    std::vector<std::int64_t> previous(n, -1);
    using Item = std::pair<double, std::int64_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    distance[std::size_t(from)] = 0;
    queue.push({0, from});
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        if (d > distance[std::size_t(node)])
            continue;   // stale entry
        if (node == to)
            break;
        for (const Edge& e : m_adjacency[std::size_t(node)]) {
            const double candidate = d + double(e.length);
            if (candidate < distance[std::size_t(e.to)]) {
                distance[std::size_t(e.to)] = candidate;
                previous[std::size_t(e.to)] = node;
                queue.push({candidate, e.to});
            }
        }
    }
    if (!std::isfinite(distance[std::size_t(to)]))
        throw UsageError("latent graph: particles " + std::to_string(from) + " and " + std::to_string(to) +
                         " are not connected (the cutoff splits the graph; choose other anchors)");
    length = distance[std::size_t(to)];
    std::vector<std::int64_t> nodes;
    for (std::int64_t node = to; node != -1; node = previous[std::size_t(node)])
        nodes.push_back(node);
    std::reverse(nodes.begin(), nodes.end());
    return nodes;
}

LatentPath LatentGraph::path(const std::vector<std::int64_t>& anchors) const
{
    if (anchors.empty())
        throw UsageError("latent graph: a path needs at least one anchor");
    for (std::int64_t a : anchors)
        if (a < 0 || std::size_t(a) >= count())
            throw UsageError("latent graph: anchor " + std::to_string(a) + " outside [0, " + std::to_string(count()) + ")");
    LatentPath result;
    result.nodes.push_back(anchors.front());
    for (std::size_t i = 1; i < anchors.size(); ++i) {
        double length = 0;
        const auto leg = shortestPath(anchors[i - 1], anchors[i], length);
        result.nodes.insert(result.nodes.end(), leg.begin() + 1, leg.end());
        result.length += length;
    }
    for (std::int64_t node : result.nodes) {
        const float* row = m_rows.data() + std::size_t(node) * std::size_t(m_dim);
        result.z.insert(result.z.end(), row, row + m_dim);
    }
    return result;
}

std::int64_t LatentGraph::nearestNode(const float* point) const
{
    std::int64_t best = 0;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < count(); ++i) {
        double d = 0;
        for (int c = 0; c < m_dim; ++c) {
            const double diff = double(m_rows[i * std::size_t(m_dim) + std::size_t(c)]) - point[c];
            d += diff * diff;
        }
        if (d < bestDistance) {
            bestDistance = d;
            best = std::int64_t(i);
        }
    }
    return best;
}

} // namespace cryo
