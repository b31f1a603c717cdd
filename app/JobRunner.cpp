#include "JobRunner.h"

#include "analysis/AnalysisContext.h"

#include <QMetaObject>

#include <algorithm>
#include <cerrno>

#include <sys/resource.h>
#include <unistd.h>

namespace {

// A job's thread (and the threads it starts) yields to the GUI thread: nice + 5. Desktop
// Linux schedules each session's processes as one group, where nice ranks only the app's
// own threads, so a job loses nothing against other programs, while the window gets the
// larger share of a contested core (bench_cryodrgn_open, our 10^6-particle run, three opens
// each: longest wall-clock gaps 57–75 ms against 67–85 ms before; GUI-thread CPU unchanged).
void yieldToGuiThread()
{
    const pid_t thread = gettid();
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, id_t(thread));
    if (errno == 0)
        setpriority(PRIO_PROCESS, id_t(thread), std::min(nice + 5, 19));
}

} // namespace

void JobContext::checkCancelled() const
{
    if (m_stop.stop_requested())
        throw cryo::AnalysisCancelled();
}

void JobContext::report(std::function<void()> onGui) const
{
    m_runner->postReport(m_generation, std::move(onGui));
}

void JobContext::deliver(std::function<void()> onGui) const
{
    m_runner->postDelivery(m_generation, std::move(onGui));
}

void JobContext::progress(double fraction, const QString& stage) const
{
    JobRunner* runner = m_runner;
    report([runner, fraction, stage] { Q_EMIT runner->progress(fraction, stage); });
}

cryo::AnalysisContext JobContext::analysis(double begin, double end, const QString& stage) const
{
    const JobContext self = *this;
    return {m_stop, [self, begin, end, stage](double f) { self.progress(begin + (end - begin) * f, stage); }};
}

JobRunner::JobRunner(QObject* parent) : QObject(parent)
{
    m_reportTimer.setSingleShot(true);
    connect(&m_reportTimer, &QTimer::timeout, this, &JobRunner::deliverReport);
}

JobRunner::~JobRunner()
{
    // Joined here, while this object is still whole: the worker may still post to it.
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
}

bool JobRunner::start(Work work)
{
    if (isRunning())
        return false;
    if (m_thread.joinable())
        m_thread.join();
    const quint64 generation = ++m_generation;
    {
        std::lock_guard lock(m_reportMutex);
        m_latestReport = nullptr;
        m_reportPosted = false;
    }
    m_reportTimer.stop();
    m_sinceReport.invalidate();
    m_lastError.clear();
    setState(State::Running);
    m_thread = std::jthread([this, work = std::move(work), generation](std::stop_token stop) { run(work, stop, generation); });
    return true;
}

void JobRunner::cancel()
{
    if (m_state != State::Running)
        return;
    m_thread.request_stop();
    setState(State::Cancelling);
}

void JobRunner::cancelAndWait()
{
    if (!isRunning())
        return;
    m_thread.request_stop();
    m_thread.join();
    ++m_generation;   // what the old job queued is dropped
    {
        std::lock_guard lock(m_reportMutex);
        m_latestReport = nullptr;
    }
    m_reportTimer.stop();
    setState(State::Cancelled);
    Q_EMIT ended(State::Cancelled);
}

void JobRunner::run(const Work& work, std::stop_token stop, quint64 generation)
{
    yieldToGuiThread();
    QString error;
    bool cancelled = false;
    // The one place where a job's exceptions end.
    try {
        work(JobContext(this, stop, generation));
        cancelled = stop.stop_requested();
    } catch (const cryo::AnalysisCancelled&) {
        cancelled = true;
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
        if (error.isEmpty())
            error = tr("The job stopped with an error that has no description.");
    } catch (...) {
        error = tr("The job stopped with an unknown error.");
    }
    QMetaObject::invokeMethod(
        this, [this, generation, cancelled, error] { complete(generation, cancelled, error); }, Qt::QueuedConnection);
}

void JobRunner::postReport(quint64 generation, std::function<void()> onGui)
{
    {
        std::lock_guard lock(m_reportMutex);
        m_latestReport = [this, generation, onGui = std::move(onGui)] {
            if (generation == m_generation)
                onGui();
        };
        if (m_reportPosted)
            return;   // the pending delivery will run this newer report
        m_reportPosted = true;
    }
    QMetaObject::invokeMethod(this, &JobRunner::deliverReport, Qt::QueuedConnection);
}

void JobRunner::postDelivery(quint64 generation, std::function<void()> onGui)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, onGui = std::move(onGui)] {
            if (generation != m_generation)
                return;
            flushReport();   // the reports made before this delivery come first
            onGui();
        },
        Qt::QueuedConnection);
}

void JobRunner::deliverReport()
{
    if (m_sinceReport.isValid() && m_sinceReport.elapsed() < m_intervalMs) {
        m_reportTimer.start(int(m_intervalMs - m_sinceReport.elapsed()));
        return;
    }
    flushReport();
}

void JobRunner::flushReport()
{
    std::function<void()> latest;
    {
        std::lock_guard lock(m_reportMutex);
        latest.swap(m_latestReport);
        m_reportPosted = false;
    }
    m_reportTimer.stop();
    if (!latest)
        return;
    m_sinceReport.start();
    latest();
}

void JobRunner::complete(quint64 generation, bool cancelled, const QString& error)
{
    if (generation != m_generation)
        return;   // cancelAndWait() has ended that job already
    if (m_thread.joinable())
        m_thread.join();   // the worker has posted its last event and is returning
    flushReport();
    if (!error.isEmpty()) {
        m_lastError = error;
        setState(State::Failed);
        Q_EMIT failed(error);
    } else {
        setState(cancelled ? State::Cancelled : State::Completed);
    }
    Q_EMIT ended(m_state);
}

void JobRunner::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
