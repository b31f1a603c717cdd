#include "LatentGraphJob.h"

#include <QMetaObject>

#include <algorithm>

namespace {

bool sameOptions(const cryo::LatentGraphOptions& a, const cryo::LatentGraphOptions& b)
{
    return a.maxNeighbors == b.maxNeighbors && a.meanDegree == b.meanDegree;
}

// Particles in the largest connected part of the graph (breadth-first search).
std::size_t largestPart(const cryo::LatentGraph& graph)
{
    std::vector<char> seen(graph.count(), 0);
    std::vector<std::int32_t> todo;
    std::size_t largest = 0;
    for (std::size_t start = 0; start < graph.count(); ++start) {
        if (seen[start])
            continue;
        std::size_t size = 0;
        todo.assign(1, std::int32_t(start));
        seen[start] = 1;
        while (!todo.empty()) {
            const std::int32_t node = todo.back();
            todo.pop_back();
            ++size;
            for (const cryo::LatentGraph::Edge& e : graph.edges(std::size_t(node)))
                if (!seen[std::size_t(e.to)])
                    seen[std::size_t(e.to)] = 1, todo.push_back(e.to);
        }
        largest = std::max(largest, size);
    }
    return largest;
}

} // namespace

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
            const std::size_t largest = largestPart(*graph);
            QMetaObject::invokeMethod(this, [this, graph, largest] { finished(graph, largest); }, Qt::QueuedConnection);
        } catch (const cryo::AnalysisCancelled&) {
        } catch (const std::exception& e) {
            QMetaObject::invokeMethod(this, [this, message = QString::fromUtf8(e.what())] {
                m_running = false;
                Q_EMIT failed(message);
            }, Qt::QueuedConnection);
        }
    });
}

void LatentGraphJob::finished(std::shared_ptr<const cryo::LatentGraph> graph, std::size_t largest)
{
    m_running = false;
    if (m_next) {   // the user changed the options meanwhile: build again
        m_options = *std::exchange(m_next, std::nullopt);
        launch();
        return;
    }
    m_graph = std::move(graph);
    m_largest = largest;
    Q_EMIT ready();
}
