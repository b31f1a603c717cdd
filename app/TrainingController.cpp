#include "TrainingController.h"

#include <QSignalBlocker>

#include <stdexcept>

TrainingController::TrainingController(cryo::TrainingFunction function, QObject* parent)
    : QObject(parent), m_function(std::move(function)), m_runner(new JobRunner(this))
{
    qRegisterMetaType<cryo::TrainingProgress>();
    qRegisterMetaType<cryo::EpochSummary>();
    qRegisterMetaType<cryo::TrainingResult>();
    connect(m_runner, &JobRunner::ended, this, &TrainingController::ended);
}

TrainingController::~TrainingController()
{
    // The runner joins the worker before this object's members go; nothing is emitted then.
    const QSignalBlocker quiet(this);
    m_runner->cancelAndWait();
}

bool TrainingController::start(const cryo::TrainingOptions& options)
{
    if (isRunning())
        return false;
    m_options = options;
    m_lastError.clear();
    m_result.reset();
    setState(State::Running);
    Q_EMIT started(options);
    m_runner->start([this, options](const JobContext& context) { run(options, context); });
    return true;
}

bool TrainingController::resume()
{
    if (isRunning() || !m_options)
        return false;
    cryo::TrainingOptions options = *m_options;
    options.resume = true;
    return start(options);
}

void TrainingController::cancel()
{
    if (m_state != State::Running)
        return;
    m_runner->cancel();
    setState(State::Cancelling);
}

void TrainingController::run(const cryo::TrainingOptions& options, const JobContext& context)
{
    cryo::TrainingCallbacks callbacks;
    callbacks.progress = [this, context](const cryo::TrainingProgress& p) {
        context.report([this, p] { Q_EMIT progress(p); });
    };
    callbacks.epochFinished = [this, context](const cryo::EpochSummary& summary) {
        context.deliver([this, summary] { Q_EMIT epochFinished(summary); });   // after the running values
    };
    try {
        const cryo::TrainingResult result = m_function(options, callbacks, context.stop());
        context.deliver([this, result] { m_result = result; });
    } catch (const cryo::TrainingDiverged& e) {   // the runner's catch names the failure
        throw std::runtime_error(
            tr("Training diverged (the last good checkpoint is kept): %1").arg(QString::fromUtf8(e.what())).toStdString());
    }
}

void TrainingController::ended(JobRunner::State state)
{
    const std::optional<cryo::TrainingResult> result = std::exchange(m_result, std::nullopt);
    if (state == JobRunner::State::Failed || !result) {
        m_lastError = state == JobRunner::State::Failed ? m_runner->lastError() : tr("Training stopped with an unknown error.");
        setState(State::Failed);
        Q_EMIT failed(m_lastError);
        return;
    }
    setState(result->cancelled ? State::Cancelled : State::Completed);
    Q_EMIT finished(*result);
}

void TrainingController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
