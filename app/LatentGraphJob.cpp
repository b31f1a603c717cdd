#include "LatentGraphJob.h"

#include <QSignalBlocker>

#include <algorithm>
#include <cmath>

namespace {

bool sameOptions(const cryo::LatentGraphOptions& a, const cryo::LatentGraphOptions& b)
{
    return a.maxNeighbors == b.maxNeighbors && a.meanDegree == b.meanDegree;
}

} // namespace

// Breadth-first search from each particle not yet labelled.
LatentGraphJob::Parts LatentGraphJob::connectedParts(const cryo::LatentGraph& graph)
{
    LatentGraphJob::Parts parts;
    parts.of.assign(graph.count(), -1);
    std::vector<std::int32_t> todo;
    std::int32_t label = 0;
    for (std::size_t start = 0; start < graph.count(); ++start, ++label) {
        if (parts.of[start] >= 0)
            continue;
        std::size_t size = 0;
        todo.assign(1, std::int32_t(start));
        parts.of[start] = label;
        while (!todo.empty()) {
            const std::int32_t node = todo.back();
            todo.pop_back();
            ++size;
            for (const cryo::LatentGraph::Edge& e : graph.edges(std::size_t(node)))
                if (parts.of[std::size_t(e.to)] < 0)
                    parts.of[std::size_t(e.to)] = label, todo.push_back(e.to);
        }
        if (size > parts.largestSize)
            parts.largestSize = size, parts.largest = label;
    }
    return parts;
}

LatentGraphJob::LatentGraphJob(std::shared_ptr<const RunTables> tables, QObject* parent)
    : QObject(parent), m_tables(std::move(tables)), m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::ended, this, [this](JobRunner::State state) {
        auto built = std::exchange(m_built, nullptr);
        if (state == JobRunner::State::Completed && built)
            finished(built->first, std::move(built->second));
        else
            m_running = false;
    });
    connect(m_runner, &JobRunner::failed, this, [this](const QString& message) { Q_EMIT failed(message); });
}

LatentGraphJob::~LatentGraphJob()
{
    const QSignalBlocker quiet(this);   // the receivers may be going away too
    m_runner->cancelAndWait();
}

void LatentGraphJob::start(const cryo::LatentGraphOptions& options)
{
    if (m_running) {
        if (!sameOptions(options, m_options))
            m_next = options;
        return;
    }
    if (m_graph && sameOptions(options, m_options))
        return;
    m_options = options;
    m_graph.reset();
    launch();
}

void LatentGraphJob::launch()
{
    m_running = true;
    m_runner->start([this, tables = m_tables, options = m_options](const JobContext& context) {
        auto graph = std::make_shared<const cryo::LatentGraph>(cryo::LatentGraph::build(
            tables->latents.mu.data(), tables->count(), tables->zdim(), options, context.analysis(0, 1, {})));
        auto built = std::make_shared<std::pair<std::shared_ptr<const cryo::LatentGraph>, Parts>>(graph, connectedParts(*graph));
        context.deliver([this, built] { m_built = built; });
    });
}

void LatentGraphJob::finished(std::shared_ptr<const cryo::LatentGraph> graph, Parts parts)
{
    m_running = false;
    if (m_next) {   // the user changed the options meanwhile: build again
        m_options = *std::exchange(m_next, std::nullopt);
        launch();
        return;
    }
    m_graph = std::move(graph);
    m_largest = parts.largestSize;
    m_partOf = std::move(parts.of);
    m_largestPart = parts.largest;
    Q_EMIT ready();
}

bool LatentGraphJob::connected(const std::vector<std::int64_t>& particles) const
{
    if (!m_graph || particles.empty())
        return false;
    for (std::int64_t p : particles)
        if (p < 0 || std::size_t(p) >= m_partOf.size() || m_partOf[std::size_t(p)] != m_partOf[std::size_t(particles[0])])
            return false;
    return true;
}

bool LatentGraphJob::inLargestComponent(std::int64_t particle) const
{
    return m_graph && particle >= 0 && std::size_t(particle) < m_partOf.size() &&
           m_partOf[std::size_t(particle)] == m_largestPart;
}

std::int64_t LatentGraphJob::nearestInLargest(std::int64_t particle) const
{
    if (!m_graph || inLargestComponent(particle) || particle < 0 || std::size_t(particle) >= m_partOf.size())
        return particle;
    const std::size_t d = std::size_t(m_tables->zdim());
    const float* z = m_tables->latents.mu.data();
    const float* from = z + std::size_t(particle) * d;
    double best = INFINITY;
    std::int64_t out = particle;
    for (std::size_t i = 0; i < m_partOf.size(); ++i) {
        if (m_partOf[i] != m_largestPart)
            continue;
        double dist = 0;
        for (std::size_t c = 0; c < d; ++c)
            dist += double(z[i * d + c] - from[c]) * double(z[i * d + c] - from[c]);
        if (dist < best)
            best = dist, out = std::int64_t(i);
    }
    return out;
}
