// The training controller runs a (fake) training job on a worker thread: its signals
// arrive on the GUI thread in order, progress is rate-limited without losing the latest
// value, Cancel stops within one batch, exceptions become failed(message), resume() restarts
// with resume = true in the same directory, and destruction while running stops and joins.
#include "TrainingController.h"
#include "support/FakeTraining.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace faketraining;

namespace {

// Waits end when the signal arrives; the limit only has to catch a job that never ends, on a
// machine that may be busy with other work.
constexpr int kWaitMs = 60000;

cryo::TrainingOptions optionsFor(int epochs, const char* outDir = "/tmp/run_a")
{
    cryo::TrainingOptions o;
    o.particles = "/tmp/particles.star";
    o.outDir = outDir;
    o.config.epochs = epochs;
    o.config.model.zdim = 4;
    return o;
}

} // namespace

Q_DECLARE_METATYPE(faketraining::Failure)

class TestTrainingController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void signalsArriveOnGuiThreadInOrder()
    {
        auto log = std::make_shared<FakeLog>();
        TrainingController controller(fakeTraining({10, 5, 120}, log));
        QThread* gui = QThread::currentThread();
        bool allOnGui = true;
        std::vector<int> epochs;
        cryo::TrainingProgress last;
        connect(&controller, &TrainingController::progress, this, [&](const cryo::TrainingProgress& p) {
            allOnGui = allOnGui && QThread::currentThread() == gui;
            last = p;
        });
        connect(&controller, &TrainingController::epochFinished, this, [&](const cryo::EpochSummary& s) {
            allOnGui = allOnGui && QThread::currentThread() == gui;
            epochs.push_back(s.record.epoch);
            QCOMPARE(s.zMu.size(), std::size_t(120 * 4));
        });
        QSignalSpy finished(&controller, &TrainingController::finished);
        QSignalSpy failed(&controller, &TrainingController::failed);
        QVERIFY(controller.start(optionsFor(3)));
        QVERIFY(controller.isRunning());
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(allOnGui);
        QCOMPARE(epochs, (std::vector<int>{1, 2, 3}));
        QCOMPARE(failed.count(), 0);
        const auto result = finished.first().first().value<cryo::TrainingResult>();
        QCOMPARE(result.epochsCompleted, 3);
        QVERIFY(!result.cancelled);
        QCOMPARE(controller.state(), TrainingController::State::Completed);
        QVERIFY(!controller.isRunning());
        // The newest progress is delivered, not dropped by the rate limit.
        QCOMPARE(last.epoch, 3);
        QCOMPARE(last.imagesDone, std::size_t(120));
    }

    void progressIsRateLimited_data()
    {
        QTest::addColumn<int>("intervalMs");
        QTest::newRow("10 Hz") << 100;
        QTest::newRow("20 Hz") << 50;
    }

    void progressIsRateLimited()
    {
        QFETCH(int, intervalMs);
        auto log = std::make_shared<FakeLog>();
        TrainingController controller(fakeTraining({60, 2, 100}, log));
        controller.setProgressInterval(intervalMs);
        std::vector<qint64> times;
        QElapsedTimer clock;
        clock.start();
        connect(&controller, &TrainingController::progress, this, [&] { times.push_back(clock.elapsed()); });
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(optionsFor(4)));
        QVERIFY(finished.wait(kWaitMs));
        const qint64 elapsed = clock.elapsed();
        const int sent = log->progressCalls;
        qInfo("%d progress reports -> %d signals in %lld ms", sent, int(times.size()), elapsed);
        QVERIFY(sent >= 240);
        // At most one per interval, plus one flushed at each epoch end and at the end.
        const int bound = int(elapsed / intervalMs) + 4 + 2;
        QVERIFY2(int(times.size()) <= bound, qPrintable(QStringLiteral("%1 signals in %2 ms").arg(times.size()).arg(elapsed)));
        QVERIFY(times.size() >= 3);
        QVERIFY(int(times.size()) < sent / 4);
    }

    void unlimitedIntervalPassesEverything()
    {
        // The control for the test above: without a limit nearly every report gets through.
        auto log = std::make_shared<FakeLog>();
        TrainingController controller(fakeTraining({20, 10, 100}, log));
        controller.setProgressInterval(0);
        int received = 0;
        connect(&controller, &TrainingController::progress, this, [&] { ++received; });
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(optionsFor(2)));
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(received > log->progressCalls / 2, qPrintable(QString::number(received)));
    }

    void cancelStopsWithinOneBatch()
    {
        auto log = std::make_shared<FakeLog>();
        const int batchMs = 40;
        TrainingController controller(fakeTraining({1000, batchMs, 100}, log));
        QSignalSpy progress(&controller, &TrainingController::progress);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(optionsFor(5)));
        QTRY_VERIFY_WITH_TIMEOUT(log->batches >= 3, kWaitMs);
        const int atCancel = log->batches;
        QElapsedTimer clock;
        clock.start();
        controller.cancel();
        QCOMPARE(controller.state(), TrainingController::State::Cancelling);
        QVERIFY(finished.wait(kWaitMs));
        const qint64 ms = clock.elapsed();
        qInfo("stopped %lld ms after cancel, %d batch(es) ran after it", ms, log->batches - atCancel);
        // Within one batch: counted in batches, not milliseconds (a busy machine stretches both).
        QVERIFY2(log->batches - atCancel <= 1, qPrintable(QStringLiteral("%1 batches after cancel").arg(log->batches - atCancel)));
        QVERIFY(log->stoppedByToken);
        const auto result = finished.first().first().value<cryo::TrainingResult>();
        QVERIFY(result.cancelled);
        QCOMPARE(controller.state(), TrainingController::State::Cancelled);
    }

    void exceptionBecomesFailed_data()
    {
        QTest::addColumn<faketraining::Failure>("failure");
        QTest::addColumn<QString>("expected");
        QTest::newRow("runtime_error") << Failure::Runtime << "disk full";
        QTest::newRow("diverged") << Failure::Diverged << "diverged";
        QTest::newRow("file error") << Failure::File << "particles.star: disk full";
        QTest::newRow("not a std::exception") << Failure::NonStd << "unknown error";
    }

    void exceptionBecomesFailed()
    {
        QFETCH(faketraining::Failure, failure);
        QFETCH(QString, expected);
        auto log = std::make_shared<FakeLog>();
        FakeJob job{5, 2, 50};
        job.failAfterEpoch = 2;
        job.failure = failure;
        job.failMessage = "disk full";
        TrainingController controller(fakeTraining(job, log));
        QSignalSpy epochs(&controller, &TrainingController::epochFinished);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QSignalSpy failed(&controller, &TrainingController::failed);
        QVERIFY(controller.start(optionsFor(5)));
        QVERIFY(failed.wait(kWaitMs));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(expected, Qt::CaseInsensitive), qPrintable(message));
        QCOMPARE(controller.lastError(), message);
        QCOMPARE(controller.state(), TrainingController::State::Failed);
        QCOMPARE(epochs.count(), 2);   // the epochs before the failure were delivered
        QCOMPARE(finished.count(), 0);
    }

    void resumeRestartsWithResumeInSameDirectory()
    {
        auto log = std::make_shared<FakeLog>();
        FakeJob job{5, 10, 50};
        job.holdInEpoch = 2;   // still running when the test cancels, however busy the machine
        TrainingController controller(fakeTraining(job, log));
        QVERIFY(!controller.resume());   // nothing to resume yet
        std::vector<int> epochs;
        connect(&controller, &TrainingController::epochFinished, this,
                [&](const cryo::EpochSummary& s) { epochs.push_back(s.record.epoch); });
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(optionsFor(4, "/tmp/run_resume")));
        QVERIFY(!controller.start(optionsFor(4)));   // one run at a time
        QVERIFY(!controller.resume());
        QTRY_VERIFY_WITH_TIMEOUT(epochs.size() >= 1, kWaitMs);
        controller.cancel();
        QVERIFY(finished.wait(kWaitMs));
        const int done = log->epochsDone;
        QCOMPARE(done, 1);
        log->released = true;
        QVERIFY(controller.resume());
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.last().first().value<cryo::TrainingResult>().epochsCompleted, 4);
        std::lock_guard lock(log->mutex);
        QCOMPARE(log->calls.size(), std::size_t(2));
        QVERIFY(!log->calls[0].resume);
        QVERIFY(log->calls[1].resume);
        QCOMPARE(log->calls[1].outDir, std::filesystem::path("/tmp/run_resume"));
        QCOMPARE(log->calls[1].config.epochs, 4);
        // Epochs continue after the checkpoint, each delivered once.
        std::vector<int> expected{1, 2, 3, 4};
        QCOMPARE(epochs, expected);
    }

    void destructionWhileRunningStopsAndJoins()
    {
        auto log = std::make_shared<FakeLog>();
        auto* controller = new TrainingController(fakeTraining({100000, 10, 50}, log));
        QVERIFY(controller->start(optionsFor(10)));
        QTRY_VERIFY_WITH_TIMEOUT(log->batches >= 2, kWaitMs);
        delete controller;   // returns once the job has seen the stop token and the thread is joined
        QVERIFY(log->stoppedByToken);
        const int after = log->batches;
        QTest::qWait(50);
        QCOMPARE(int(log->batches), after);   // the job really ended
        QCoreApplication::processEvents();     // nothing left posted to the dead controller
    }
};

QTEST_GUILESS_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
