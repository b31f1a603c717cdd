#include "AnalysisJob.h"

#include "analysis/AnalysisContext.h"

AnalysisJob::AnalysisJob(QObject* parent) : QObject(parent) {}

AnalysisJob::~AnalysisJob()
{
    stopAndJoin();
}

void AnalysisJob::stopAndJoin()
{
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();   // before `this` (the target of its queued signals) goes away
    }
}

void AnalysisJob::cancel()
{
    if (m_thread.joinable())
        m_thread.request_stop();
}

bool AnalysisJob::launch(std::function<void(std::stop_token)> work)
{
    if (m_running)
        return false;
    if (m_thread.joinable())
        m_thread.join();
    m_running = true;
    m_thread = std::jthread([this, work = std::move(work)](std::stop_token stop) {
        try {
            work(stop);
        } catch (const cryo::AnalysisCancelled&) {
            finish([this] { Q_EMIT failed(tr("cancelled")); });
        } catch (const std::exception& e) {
            finish([this, message = QString::fromUtf8(e.what())] { Q_EMIT failed(message); });
        }
    });
    return true;
}
