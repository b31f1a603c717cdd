#pragma once
// Runs one training job (a cryo::TrainingFunction: cryo::trainModel in the app, a fake in
// tests) on the GUI's JobRunner and re-emits what it reports as signals on the GUI thread:
// progress coalesced to at most one signal per progressInterval (the latest value wins,
// none is lost at the end), every epochFinished, then exactly one finished() or failed().
// States follow the usual job life cycle; cancel() only requests a stop (the job checks
// once per batch). Destroying the controller while it runs requests a stop and joins.
#include "train/TrainingJob.h"

#include "JobRunner.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

Q_DECLARE_METATYPE(cryo::TrainingProgress)
Q_DECLARE_METATYPE(cryo::EpochSummary)
Q_DECLARE_METATYPE(cryo::TrainingResult)

class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Cancelling, Completed, Cancelled, Failed };
    Q_ENUM(State)

    explicit TrainingController(cryo::TrainingFunction function, QObject* parent = nullptr);
    ~TrainingController() override;

    // Starts the job; false (and nothing happens) while one is running.
    bool start(const cryo::TrainingOptions& options);
    // Starts again with the options of the last start, resume = true (same outDir).
    // False while running or before any start.
    bool resume();
    // Asks the job to stop after its current batch; finished(result.cancelled) follows.
    void cancel();

    bool isRunning() const { return m_state == State::Running || m_state == State::Cancelling; }
    State state() const { return m_state; }
    bool hasOptions() const { return m_options.has_value(); }
    const cryo::TrainingOptions& options() const { return *m_options; }
    QString lastError() const { return m_lastError; }

    // Minimum time between two progress() signals (default 100 ms, i.e. ~10 Hz).
    void setProgressInterval(int milliseconds) { m_runner->setProgressInterval(milliseconds); }
    int progressInterval() const { return m_runner->progressInterval(); }

Q_SIGNALS:
    void started(const cryo::TrainingOptions& options);
    void stateChanged(TrainingController::State state);
    void progress(const cryo::TrainingProgress& progress);
    void epochFinished(const cryo::EpochSummary& summary);
    void finished(const cryo::TrainingResult& result);   // also when cancelled
    void failed(const QString& message);

private:
    void run(const cryo::TrainingOptions& options, const JobContext& context);   // worker thread
    void ended(JobRunner::State state);
    void setState(State state);

    cryo::TrainingFunction m_function;
    std::optional<cryo::TrainingOptions> m_options;
    State m_state = State::Idle;
    QString m_lastError;
    std::optional<cryo::TrainingResult> m_result;   // of the job that is ending
    JobRunner* m_runner;
};
