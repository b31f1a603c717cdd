#include "TrainingController.h"

#include <QMetaObject>

TrainingController::TrainingController(cryo::TrainingFunction function, QObject* parent)
    : QObject(parent), m_function(std::move(function))
{
    qRegisterMetaType<cryo::TrainingProgress>();
    qRegisterMetaType<cryo::EpochSummary>();
    qRegisterMetaType<cryo::TrainingResult>();
    m_deliveryTimer.setSingleShot(true);
    connect(&m_deliveryTimer, &QTimer::timeout, this, &TrainingController::deliverProgress);
}

TrainingController::~TrainingController()
{
    // Joined here, while this object is still whole: the worker may still post to it.
    // Events it posted are discarded with the object.
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
}

bool TrainingController::start(const cryo::TrainingOptions& options)
{
    if (isRunning())
        return false;
    if (m_thread.joinable())
        m_thread.join();
    {
        std::lock_guard lock(m_progressMutex);
        m_latest.reset();
        m_deliveryPosted = false;
    }
    m_deliveryTimer.stop();
    m_sinceEmit.invalidate();
    m_options = options;
    m_lastError.clear();
    setState(State::Running);
    Q_EMIT started(options);
    m_thread = std::jthread([this, options](std::stop_token stop) { run(options, stop); });
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
    m_thread.request_stop();
    setState(State::Cancelling);
}

void TrainingController::run(cryo::TrainingOptions options, std::stop_token stop)
{
    cryo::TrainingCallbacks callbacks;
    callbacks.progress = [this](const cryo::TrainingProgress& p) { postProgress(p); };
    callbacks.epochFinished = [this](const cryo::EpochSummary& summary) {
        QMetaObject::invokeMethod(
            this,
            [this, summary] {
                flushProgress();   // the running values before the epoch's final ones
                Q_EMIT epochFinished(summary);
            },
            Qt::QueuedConnection);
    };
    std::optional<cryo::TrainingResult> result;
    QString error;
    // The one place where the job's exceptions end: they become failed(message).
    try {
        result = m_function(options, callbacks, stop);
    } catch (const cryo::TrainingDiverged& e) {
        error = tr("Training diverged (the last good checkpoint is kept): %1").arg(QString::fromUtf8(e.what()));
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    } catch (...) {
        error = tr("Training stopped with an unknown error.");
    }
    if (!result && error.isEmpty())
        error = tr("Training stopped with an unknown error.");
    QMetaObject::invokeMethod(this, [this, result, error] { complete(result, error); }, Qt::QueuedConnection);
}

void TrainingController::postProgress(const cryo::TrainingProgress& progress)
{
    {
        std::lock_guard lock(m_progressMutex);
        m_latest = progress;
        if (m_deliveryPosted)
            return;   // the pending delivery will pick up this newer value
        m_deliveryPosted = true;
    }
    QMetaObject::invokeMethod(this, &TrainingController::deliverProgress, Qt::QueuedConnection);
}

void TrainingController::deliverProgress()
{
    if (m_sinceEmit.isValid() && m_sinceEmit.elapsed() < m_intervalMs) {
        m_deliveryTimer.start(int(m_intervalMs - m_sinceEmit.elapsed()));
        return;
    }
    flushProgress();
}

void TrainingController::flushProgress()
{
    std::optional<cryo::TrainingProgress> latest;
    {
        std::lock_guard lock(m_progressMutex);
        latest.swap(m_latest);
        m_deliveryPosted = false;
    }
    m_deliveryTimer.stop();
    if (!latest)
        return;
    m_sinceEmit.start();
    Q_EMIT progress(*latest);
}

void TrainingController::complete(const std::optional<cryo::TrainingResult>& result, const QString& error)
{
    if (m_thread.joinable())
        m_thread.join();   // the worker has posted its last event and is returning
    flushProgress();
    if (!result) {
        m_lastError = error;
        setState(State::Failed);
        Q_EMIT failed(error);
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
