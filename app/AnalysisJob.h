#pragma once
// The thread plumbing that UmapJob and LandscapeJob share: one analysis at a time on a
// std::jthread, cancel() through its stop token (core/analysis/AnalysisContext.h), results
// and failures delivered as queued calls on the GUI thread. A subclass starts its work
// with launch() and reports its result with finish(); an exception from the work becomes
// failed(): "cancelled" for cryo::AnalysisCancelled, else the exception's text.
// Subclasses call stopAndJoin() in their destructor: the worker emits their signals, so it
// must end before their part of the object goes away.
#include <QMetaObject>
#include <QObject>
#include <QString>

#include <functional>
#include <thread>

class AnalysisJob : public QObject {
    Q_OBJECT
public:
    ~AnalysisJob() override;
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void failed(const QString& message);   // also after cancel() ("cancelled")

protected:
    explicit AnalysisJob(QObject* parent);
    // Runs work(stop) on a new thread; false (and nothing started) while one is running.
    bool launch(std::function<void(std::stop_token)> work);
    // Queues f to run on the GUI thread (the thread this object lives in).
    template <class F>
    void toGui(F f)
    {
        QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
    }
    // From the worker: on the GUI thread, marks the job done, then calls emitResult.
    template <class F>
    void finish(F emitResult)
    {
        toGui([this, emitResult = std::move(emitResult)] {
            m_running = false;
            emitResult();
        });
    }
    void stopAndJoin();

private:
    std::jthread m_thread;
    bool m_running = false;
};
