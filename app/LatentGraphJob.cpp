#include "LatentGraphJob.h"

#include "analysis/LatentGraph.h"

#include <QMetaObject>

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

void LatentGraphJob::start()
{
    if (m_running || m_graph)
        return;
    if (m_thread.joinable())
        m_thread.join();   // a failed earlier build
    m_running = true;
    m_thread = std::jthread([this, tables = m_tables](std::stop_token stop) {
        try {
            cryo::AnalysisContext context;
            context.stop = stop;
            auto graph = std::make_shared<const cryo::LatentGraph>(
                cryo::LatentGraph::build(tables->latents.mu.data(), tables->count(), tables->zdim(), {}, context));
            QMetaObject::invokeMethod(this, [this, graph] {
                m_graph = graph;
                m_running = false;
                Q_EMIT ready();
            }, Qt::QueuedConnection);
        } catch (const cryo::AnalysisCancelled&) {
        } catch (const std::exception& e) {
            QMetaObject::invokeMethod(this, [this, message = QString::fromUtf8(e.what())] {
                m_running = false;
                Q_EMIT failed(message);
            }, Qt::QueuedConnection);
        }
    });
}
