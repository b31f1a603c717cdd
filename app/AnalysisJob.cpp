#include "AnalysisJob.h"

AnalysisJob::AnalysisJob(QObject* parent) : QObject(parent), m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::failed, this, [this](const QString& message) { Q_EMIT failed(message); });
    connect(m_runner, &JobRunner::ended, this, &AnalysisJob::ended);
}

bool AnalysisJob::launch(std::function<void(std::stop_token)> work)
{
    m_result = nullptr;
    return m_runner->start([work = std::move(work)](const JobContext& context) { work(context.stop()); });
}

void AnalysisJob::ended(JobRunner::State state)
{
    const std::function<void()> result = std::exchange(m_result, nullptr);
    if (state == JobRunner::State::Cancelled)
        Q_EMIT cancelled();
    else if (state == JobRunner::State::Completed && result)
        result();
}
