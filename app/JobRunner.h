#pragma once
// The one way the GUI runs background work: a job (an injected function, so tests use
// fakes) on a worker thread, with the usual life cycle
//   Idle → Running → (Cancelling →) Completed | Cancelled | Failed
// cancel() only requests a stop (the work checks its stop token once per chunk, and throws
// cryo::AnalysisCancelled or returns early). The work talks to the GUI thread through its
// JobContext only:
//   - report(f): progress; f runs on the GUI thread, at most once per progressInterval, and
//     only the newest pending report runs (coalesced, the last one is never lost);
//   - deliver(f): a result or a part of one (tables, then the particles...); every delivery
//     runs, in order, after the reports made before it.
// The one catch at the boundary turns an exception into failed(message); a
// cryo::AnalysisCancelled, or a normal return after cancel(), ends as Cancelled, never as a
// failure. Destroying the runner while it runs requests a stop and joins.
#include <QElapsedTimer>
#include <QtGlobal>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace cryo {
struct AnalysisContext;
}

class JobRunner;

// What a running job sees: its stop token and the two ways to reach the GUI thread.
class JobContext {
public:
    JobContext(JobRunner* runner, std::stop_token stop, quint64 generation)
        : m_runner(runner), m_stop(std::move(stop)), m_generation(generation)
    {
    }
    const std::stop_token& stop() const { return m_stop; }
    bool stopRequested() const { return m_stop.stop_requested(); }
    void checkCancelled() const;   // throws cryo::AnalysisCancelled after cancel()
    void report(std::function<void()> onGui) const;
    void deliver(std::function<void()> onGui) const;
    // Progress of the runner (progress(fraction, stage) signal), coalesced like report().
    void progress(double fraction, const QString& stage) const;
    // A core context (stop token; progress mapped onto [begin, end] under `stage`).
    cryo::AnalysisContext analysis(double begin, double end, const QString& stage) const;

private:
    JobRunner* m_runner;
    std::stop_token m_stop;
    quint64 m_generation;
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Cancelling, Completed, Cancelled, Failed };
    Q_ENUM(State)
    using Work = std::function<void(const JobContext& context)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    // Starts `work`; false (and nothing happens) while a job is running.
    bool start(Work work);
    // Asks the job to stop; ended(Cancelled) follows once it has.
    void cancel();
    // Requests a stop and waits for the worker (its pending deliveries are dropped).
    void cancelAndWait();

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running || m_state == State::Cancelling; }
    QString lastError() const { return m_lastError; }
    // Minimum time between two reports reaching the GUI (default 100 ms, ~10 Hz).
    void setProgressInterval(int milliseconds) { m_intervalMs = milliseconds; }
    int progressInterval() const { return m_intervalMs; }

Q_SIGNALS:
    void stateChanged(JobRunner::State state);
    void progress(double fraction, const QString& stage);
    // Exactly one per start: Completed, Cancelled or Failed (then also failed(message) first).
    void failed(const QString& message);
    void ended(JobRunner::State state);

private:
    friend class JobContext;
    // Worker side.
    void run(const Work& work, std::stop_token stop, quint64 generation);
    void postReport(quint64 generation, std::function<void()> onGui);
    void postDelivery(quint64 generation, std::function<void()> onGui);
    // GUI side.
    void deliverReport();
    void flushReport();
    void complete(quint64 generation, bool cancelled, const QString& error);
    void setState(State state);

    State m_state = State::Idle;
    QString m_lastError;
    int m_intervalMs = 100;
    quint64 m_generation = 0;   // GUI thread: the job whose deliveries still count

    std::mutex m_reportMutex;                   // guards the two members below
    std::function<void()> m_latestReport;       // newest report not yet run
    bool m_reportPosted = false;                // a deliverReport() call is on its way
    QElapsedTimer m_sinceReport;                // GUI thread: since the last report ran
    QTimer m_reportTimer;                       // GUI thread: delays a too-early report

    std::jthread m_thread;                      // last member: joined first on destruction
};
