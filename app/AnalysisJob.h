#pragma once
// What UmapJob, LandscapeJob and ValidationJob share: one analysis at a time on the GUI's
// JobRunner (JobRunner.h: states, cancel through the stop token of
// core/analysis/AnalysisContext.h, one catch at the boundary). A subclass starts its work
// with launch(), reports progress with toGui() and its result with finish(); the result's
// signal is emitted once the job has ended, so a handler may start the next one. An
// exception from the work becomes failed(its text); a cancel becomes cancelled(), never a
// failure.
#include "JobRunner.h"

#include <QMetaObject>
#include <QObject>
#include <QSignalBlocker>
#include <QString>

#include <functional>
#include <stop_token>

class AnalysisJob : public QObject {
    Q_OBJECT
public:
    void cancel() { m_runner->cancel(); }
    bool isRunning() const { return m_runner->isRunning(); }
    JobRunner* runner() const { return m_runner; }

Q_SIGNALS:
    void failed(const QString& message);
    void cancelled();

protected:
    explicit AnalysisJob(QObject* parent);
    // Runs work(stop) on the runner's thread; false (and nothing started) while one is running.
    bool launch(std::function<void(std::stop_token)> work);
    // Queues f to run on the GUI thread (the thread this object lives in).
    template <class F>
    void toGui(F f)
    {
        QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
    }
    // From the worker: emitResult runs on the GUI thread once the job has completed.
    void finish(std::function<void()> emitResult)
    {
        toGui([this, emitResult = std::move(emitResult)] { m_result = emitResult; });
    }
    // Subclasses call it in their destructor: the worker emits their signals, so it must end
    // before their part of the object goes away.
    // Nothing is emitted from here on: the receivers may be going away too.
    void stopAndJoin()
    {
        const QSignalBlocker quiet(this);
        m_runner->cancelAndWait();
    }

private:
    void ended(JobRunner::State state);

    JobRunner* m_runner;
    std::function<void()> m_result;   // of the job that is ending
};
