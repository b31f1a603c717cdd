// The window follows a run that another process trains (issue #21, under xvfb-run): a real
// `cryoscape train` in the background on a tiny simulated dataset, paced by the test's epoch
// gate (CRYOSCAPE_TEST_EPOCH_GATE, core/train/TrainingEngine.cpp) so that nothing depends on
// the machine's speed. Opening its directory shows the Training monitor, each epoch arrives
// in it (loss curve, latent space) while the run directory stays untouched by the window,
// and the end opens the explorer; a writer killed mid-run is shown as stopped and explored
// as it is. Set CRYOSCAPE_SCREENSHOT_DIR to keep pictures of the window.
#include "ExplorerPanel.h"
#include "LatentScatterView.h"
#include "LossCurveView.h"
#include "MainWindow.h"
#include "RunFollowController.h"
#include "ScatterPanel.h"
#include "TrainingDockController.h"
#include "TrainingMonitor.h"
#include "run/RunStatus.h"
#include "support/RunCryoscape.h"

#include <QDirIterator>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <map>

namespace {

// Only catches a run that never gets there, on a machine that may be busy with other work.
constexpr int kWaitMs = 180000;
constexpr int kEpochs = 3;
constexpr int kParticles = 64;

bool waitFor(const std::function<bool()>& done, int timeoutMs = kWaitMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QTest::qWait(20);
    return done();
}

// Every file under dir with its size and modification time, but the status marker (its
// writer beats every few seconds).
std::map<QString, QPair<qint64, qint64>> listing(const QString& dir)
{
    std::map<QString, QPair<qint64, qint64>> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (it.fileName() != QLatin1String(cryo::kRunStatusFileName))
            files[it.filePath()] = {it.fileInfo().size(), it.fileInfo().lastModified().toMSecsSinceEpoch()};
    }
    return files;
}

} // namespace

class TestFollowRun : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // `cryoscape train` in the background, held after every epoch until the test opens its gate.
    void startTraining(QProcess& process, const QString& run)
    {
        QDir().mkpath(path(run + "_gate"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("CRYOSCAPE_TEST_EPOCH_GATE", path(run + "_gate"));
        process.setProcessEnvironment(env);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(path(run + ".err"));
        process.start(QStringLiteral(CRYOSCAPE_BIN_DIR "/cryoscape"),
                      {"train", path("data/particles.star"), "--out", path(run), "--zdim", "2", "--enc", "32x1",
                       "--dec", "32x1", "--threads", "1", "--epochs", QString::number(kEpochs)});
        QVERIFY(process.waitForStarted());
        // The marker appears while the images are prepared, before the first epoch.
        QVERIFY(waitFor([&] {
            try {
                return cryo::readRunStatus(path(run).toStdString()).has_value();
            } catch (const std::exception&) {
                return false;   // being renamed into place
            }
        }));
    }

    void openGate(const QString& run, int epoch)
    {
        QFile gate(QDir(path(run + "_gate")).filePath(QStringLiteral("epoch_%1").arg(epoch, 4, 10, QLatin1Char('0'))));
        QVERIFY(gate.open(QIODevice::WriteOnly));
    }

    void saveScreenshot(QWidget& w, const QString& name)
    {
        const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w.grab().save(QDir(dir).filePath(name)));
    }

    // The follower reads the directory a few more times; nothing in it changes meanwhile.
    void checkUntouched(MainWindow& window, const QString& run)
    {
        const auto before = listing(path(run));
        QVERIFY(before.count(path(run + "/run.h5")));
        QSignalSpy reads(window.runFollow()->follower(), &RunFollower::read);
        QVERIFY(waitFor([&] { return reads.count() >= 3; }));
        QVERIFY(listing(path(run)) == before);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const CliResult sim = runCryoscape({"simulate", "--out", path("data"), "--particles", QString::number(kParticles),
                                            "--box", "16", "--apix", "12", "--snr", "1"});
        QCOMPARE(sim.exitCode, 0);
    }

    void followsARunIntoTheExplorer()
    {
        QProcess training;
        startTraining(training, "run");
        MainWindow window;
        window.setInteractive(false);
        window.resize(1400, 900);
        window.show();
        RunFollowController* follow = window.runFollow();
        follow->follower()->setPollInterval(100);
        QSignalSpy arrived(follow, &RunFollowController::epochArrived);
        QSignalSpy opened(&window, &MainWindow::runOpenEnded);

        QVERIFY(window.openFile(path("run")));
        QVERIFY(follow->isFollowing());
        QVERIFY(!window.isOpeningRun());   // not opened for exploration while it is trained
        QVERIFY(window.training()->dock()->isVisible());
        TrainingMonitor* monitor = window.training()->monitor();
        QVERIFY(!monitor->canCancel() && !monitor->canResume());   // another process's run

        for (int epoch = 1; epoch <= kEpochs; ++epoch) {
            QVERIFY2(waitFor([&] { return follow->epochsShown() >= epoch; }), qPrintable(monitor->stageText()));
            QCOMPARE(follow->epochsShown(), epoch);   // the writer waits at the gate
            QCOMPARE(arrived.count(), epoch);
            QCOMPARE(monitor->lossCurve()->epochs().size(), std::size_t(epoch));
            QVERIFY2(monitor->stageText().contains(QStringLiteral("%1 of %2").arg(epoch).arg(kEpochs)),
                     qPrintable(monitor->stageText()));
            QVERIFY(monitor->speedText().contains("images/s"));
            QCOMPARE(window.training()->scatter()->view()->pointCount(), std::size_t(kParticles));
            QVERIFY(follow->isFollowing());
            QVERIFY(!window.explorer());
            checkUntouched(window, "run");
            if (epoch == 2)
                saveScreenshot(window, "follow_monitor.png");
            openGate("run", epoch);
        }

        QVERIFY(waitFor([&] { return !opened.isEmpty(); }));
        QVERIFY(opened.last().first().toBool());
        QVERIFY(window.explorer());
        QVERIFY(!follow->isFollowing());
        QCOMPARE(follow->activity(), cryo::RunActivity::Finished);
        QVERIFY(monitor->stageText().startsWith("Finished"));
        QCOMPARE(arrived.count(), kEpochs);
        QVERIFY(training.waitForFinished(kWaitMs));
        QCOMPARE(training.exitCode(), 0);
        QCOMPARE(cryo::readRunStatus(path("run").toStdString())->state, cryo::RunState::Finished);
        saveScreenshot(window, "follow_explorer.png");
    }

    void showsAKilledWriterAsStopped()
    {
        QProcess training;
        startTraining(training, "killed");
        MainWindow window;
        window.setInteractive(false);
        window.show();
        RunFollowController* follow = window.runFollow();
        follow->follower()->setPollInterval(100);
        QSignalSpy opened(&window, &MainWindow::runOpenEnded);
        QVERIFY(window.openFile(path("killed")));
        QVERIFY(follow->isFollowing());
        QVERIFY(waitFor([&] { return follow->epochsShown() >= 1; }));

        training.kill();   // SIGKILL at the gate after epoch 1: the marker still says running
        QVERIFY(training.waitForFinished(kWaitMs));
        QCOMPARE(cryo::readRunStatus(path("killed").toStdString())->state, cryo::RunState::Running);
        QVERIFY(waitFor([&] { return !follow->isFollowing(); }));
        QCOMPARE(follow->activity(), cryo::RunActivity::Stopped);
        const TrainingMonitor* monitor = window.training()->monitor();
        QVERIFY2(monitor->stageText().contains("Stopped at epoch 1 of 3"), qPrintable(monitor->stageText()));
        QVERIFY2(monitor->statusText().contains("is gone"), qPrintable(monitor->statusText()));
        QVERIFY(waitFor([&] { return !opened.isEmpty(); }));   // explored as it is
        QVERIFY(opened.last().first().toBool());
        QVERIFY(window.explorer());
        QCOMPARE(window.explorer()->tables().count(), std::size_t(kParticles));

        // Opened again: the same stopped marker is explored at once, not followed.
        QVERIFY(window.openFile(path("killed")));
        QVERIFY(!follow->isFollowing());
    }
};

QTEST_MAIN(TestFollowRun)
#include "tst_followrun.moc"
