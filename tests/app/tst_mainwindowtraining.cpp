// Training from the main window (under xvfb-run: the window holds the 3D view), driven by
// a fake job: Model → Train… exists, starting shows the Training dock and status-bar
// progress, epochs reach the monitor, the end emits runFinished, Cancel and Resume work
// from the monitor, failures are shown, quitting mid-run stops the job, and File → Open
// Run… summarises a run.h5. Set CRYOSCAPE_SCREENSHOT_DIR to keep a picture of the window.
#include "support/OpenRun.h"
#include "DemoMap.h"
#include "LatentPreview.h"
#include "LatentScatterView.h"
#include "LossCurveView.h"
#include "ScatterPanel.h"
#include "MainWindow.h"
#include "ExplorerController.h"
#include "TrainingDockController.h"
#include "TrainingController.h"
#include "TrainingMonitor.h"
#include "run/RunFile.h"
#include "support/FakeTraining.h"

#include <QDockWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace faketraining;

// Waits end when the event arrives; the limit only has to catch a job that never ends, on a
// machine that may be busy with other work.
constexpr int kWaitMs = 60000;

class TestMainWindowTraining : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    cryo::TrainingOptions options(int epochs)
    {
        cryo::TrainingOptions o;
        o.particles = "/data/hinge/particles.star";
        o.outDir = m_dir.filePath("run_z8").toStdString();
        o.config.epochs = epochs;
        o.config.model.zdim = 8;
        return o;
    }

    void saveScreenshot(QWidget& w, const QString& name)
    {
        const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w.grab().save(QDir(dir).filePath(name)));
    }

    // A run.h5 as the training job leaves it after `epochs` epochs (zdim 4, 20 planned).
    static void writeRun(const QString& dir, int epochs)
    {
        QDir().mkpath(dir);
        cryo::H5File file(QDir(dir).filePath("run.h5").toStdString(), cryo::H5File::Mode::Create);
        file.setAttribute("/", "format", std::string("cryoscape-run"));
        file.setAttribute("/", "version", 1.0);
        cryo::RunConfig config;
        config.model.zdim = 4;
        config.particleCount = 5000;
        config.boxSize = 128;
        config.pixelSize = 1.5;
        cryo::writeRunConfig(file, config);
        std::vector<cryo::EpochRecord> history;
        for (int e = 1; e <= epochs; ++e)
            history.push_back({e, 2.0 / e, 1.0 / e, 8.0 - e, 10, 500});
        cryo::writeHistory(file, history);
        file.close();
    }

private Q_SLOTS:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8()); }

    void modelMenuHasTrain()
    {
        MainWindow window;
        QAction* train = nullptr;
        for (QAction* a : window.menuBar()->findChildren<QAction*>())
            if (a->text() == QStringLiteral("&Train…"))
                train = a;
        QVERIFY(train);
        QCOMPARE(train->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
        QVERIFY(window.training()->dock()->isHidden());
    }

    void runShowsMonitorAndFinishes()
    {
        auto log = std::make_shared<FakeLog>();
        MainWindow window;
        window.setInteractive(false);
        window.resize(1400, 900);
        window.showVolume(makeDemoMap(48), QStringLiteral("Demo map"));
        FakeJob job{20, 15, 2000};
        job.holdInEpoch = 5;   // until the test has seen the running epoch
        QVERIFY(window.training()->setTrainingFunction(fakeTraining(job, log)));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.training()->startTraining(options(6)));
        QVERIFY(!window.training()->setTrainingFunction(fakeTraining({}, log)));   // not while running
        QVERIFY(window.training()->dock()->isVisible());
        TrainingMonitor* monitor = window.training()->monitor();
        QTRY_VERIFY_WITH_TIMEOUT(monitor->lossCurve()->epochs().size() >= 4, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(monitor->lossCurve()->hasRunning(), kWaitMs);
        QVERIFY2(window.training()->statusText().contains(QStringLiteral("Training: epoch")), qPrintable(window.training()->statusText()));
        saveScreenshot(window, "training-window.png");
        log->released = true;
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.first().first().toString(), m_dir.filePath("run_z8"));
        QCOMPARE(monitor->lossCurve()->epochs().size(), std::size_t(6));
        // The monitor shows the real scatter panel: PCA of z, updated each epoch.
        QCOMPARE(monitor->latentView(), static_cast<QWidget*>(window.training()->scatter()));
        QCOMPARE(window.training()->scatter()->view()->pointCount(), std::size_t(2000));
        QCOMPARE(monitor->progressPermille(), 1000);
        QVERIFY(window.training()->statusText().contains(QStringLiteral("finished")));
        saveScreenshot(window, "training-finished.png");
    }

    void cancelAndResumeFromMonitor()
    {
        auto log = std::make_shared<FakeLog>();
        MainWindow window;
        window.setInteractive(false);
        FakeJob job{10, 10, 100};
        job.holdInEpoch = 2;   // still running when the test cancels, however busy the machine
        window.training()->setTrainingFunction(fakeTraining(job, log));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.training()->startTraining(options(4)));
        TrainingMonitor* monitor = window.training()->monitor();
        QTRY_VERIFY_WITH_TIMEOUT(monitor->lossCurve()->epochs().size() >= 1, kWaitMs);
        const auto buttons = monitor->findChildren<QPushButton*>();
        buttons.value(0)->click();   // Cancel (the window is not shown: no mouse events)
        QTRY_COMPARE_WITH_TIMEOUT(window.training()->controller()->state(), TrainingController::State::Cancelled, kWaitMs);
        QVERIFY(window.training()->statusText().contains(QStringLiteral("cancelled")));
        QVERIFY(monitor->canResume());
        QCOMPARE(finished.count(), 0);
        const std::size_t kept = monitor->lossCurve()->epochs().size();
        log->released = true;
        buttons.value(1)->click();   // Resume
        QVERIFY(window.training()->controller()->isRunning());
        QCOMPARE(monitor->lossCurve()->epochs().size(), kept);   // the curve continues
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(monitor->lossCurve()->epochs().size(), std::size_t(4));
        std::lock_guard lock(log->mutex);
        QVERIFY(log->calls.back().resume);
    }

    void resumeInNewSessionContinuesTheCurve()
    {
        const QString dir = m_dir.filePath("earlier_run");
        writeRun(dir, 3);
        auto log = std::make_shared<FakeLog>();
        log->epochsDone = 3;   // the earlier session's checkpoint
        MainWindow window;
        window.setInteractive(false);
        window.training()->setTrainingFunction(fakeTraining({5, 5, 100}, log));
        cryo::TrainingOptions o = options(5);
        o.outDir = dir.toStdString();
        o.resume = true;
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.training()->startTraining(o));
        const auto& epochs = window.training()->monitor()->lossCurve()->epochs();
        QCOMPARE(epochs.size(), std::size_t(3));   // read from run.h5 before any new epoch
        QCOMPARE(epochs.back().loss, 2.0 / 3);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(epochs.size(), std::size_t(5));
        for (int e = 0; e < 5; ++e)
            QCOMPARE(epochs[e].epoch, e + 1);
        QCOMPARE(epochs.front().loss, 2.0);   // the earlier epochs are kept
    }

    void failureIsShown()
    {
        auto log = std::make_shared<FakeLog>();
        FakeJob job{5, 2, 50};
        job.failAfterEpoch = 1;
        job.failure = Failure::Diverged;
        job.failMessage = "loss is NaN at batch 3";
        MainWindow window;
        window.setInteractive(false);
        window.training()->setTrainingFunction(fakeTraining(job, log));
        QVERIFY(window.training()->startTraining(options(3)));
        QTRY_COMPARE_WITH_TIMEOUT(window.training()->controller()->state(), TrainingController::State::Failed, kWaitMs);
        QVERIFY(window.training()->monitor()->statusText().contains(QStringLiteral("loss is NaN at batch 3")));
        QVERIFY(window.training()->statusText().contains(QStringLiteral("failed")));
    }

    void quittingStopsTheJob()
    {
        auto log = std::make_shared<FakeLog>();
        {
            MainWindow window;
            window.setInteractive(false);
            window.training()->setTrainingFunction(fakeTraining({100000, 10, 50}, log));
            window.show();
            QVERIFY(window.training()->startTraining(options(5)));
            QTRY_VERIFY_WITH_TIMEOUT(log->batches >= 2, kWaitMs);
            QVERIFY(window.close());
        }
        QVERIFY(log->stoppedByToken);
    }

    void openRunSummarises()
    {
        const QString dir = m_dir.filePath("finished_run");
        writeRun(dir, 2);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(openAndWait(window, dir));
        const QString summary = window.explorerController()->lastRunSummary();
        QVERIFY2(summary.contains(QStringLiteral("4 latent dimensions")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("Epochs: 2 of 20")));
        QVERIFY(summary.contains(QStringLiteral("Last loss: 1 (MSE 0.5, KL 6)")));
        QVERIFY(summary.contains(QStringLiteral("box 128 px")));
        QVERIFY(openAndWait(window, QDir(dir).filePath("run.h5")));
        QVERIFY(openAndWait(window, dir));   // command line, drops and recent files take runs too
        QVERIFY(!window.openRun(m_dir.filePath("nothing_here")));
    }
};

QTEST_MAIN(TestMainWindowTraining)
#include "tst_mainwindowtraining.moc"
