#include "LatentGraphJob.h"

#include <QMetaObject>

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
    : QObject(parent), m_tables(std::move(tables))
{
}

LatentGraphJob::~LatentGraphJob()
{
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();   // before `this` goes: the thread posts to it
    }
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
    if (m_thread.joinable())
        m_thread.join();   // the previous build has posted its result
    m_running = true;
    m_thread = std::jthread([this, tables = m_tables, options = m_options](std::stop_token stop) {
        try {
            cryo::AnalysisContext context;
            context.stop = stop;
            auto graph = std::make_shared<const cryo::LatentGraph>(
                cryo::LatentGraph::build(tables->latents.mu.data(), tables->count(), tables->zdim(), options, context));
            Parts parts = connectedParts(*graph);
            QMetaObject::invokeMethod(
                this, [this, graph, parts = std::move(parts)] { finished(graph, parts); }, Qt::QueuedConnection);
        } catch (const cryo::AnalysisCancelled&) {
        } catch (const std::exception& e) {
            QMetaObject::invokeMethod(this, [this, message = QString::fromUtf8(e.what())] {
                m_running = false;
                Q_EMIT failed(message);
            }, Qt::QueuedConnection);
        }
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
