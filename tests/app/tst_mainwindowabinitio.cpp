// Ab initio from the main window with the real training job (under xvfb-run): the training
// dialog's Poses box set to "Search ab initio" on a small simulated set (D = 16, 160
// particles, 3 epochs, search every 2) starts a run whose monitor shows the pose-search stage
// and the pose error against truth.h5, and the finished run.h5 holds the poses and the ab
// initio settings; resuming it from a fresh window brings back the stored pose errors and
// adds an epoch; File → Export Selection on the homogeneous run writes all its particles with
// the poses it found. Set CRYOSCAPE_SCREENSHOT_DIR to keep a picture of the window mid-search.
// The job pauses in epoch 3's search until the test has seen it, however busy the machine.
#include "support/OpenRun.h"
#include "MainWindow.h"
#include "ExplorerController.h"
#include "TrainingDockController.h"
#include "PoseErrorView.h"
#include "RunSummary.h"
#include "TrainingDialog.h"
#include "TrainingMonitor.h"
#include "io/H5File.h"
#include "particles/ParticleDataset.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"
#include "train/AbInitioState.h"
#include "util/BlasEnvironment.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include <QCheckBox>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

// Waits end when the event arrives; the limit only has to catch a run that never gets there,
// on a machine that may be busy with other work (the test's CTest TIMEOUT is larger still).
constexpr int kWaitMs = 300000;
constexpr std::size_t kParticles = 160;

// cryo::trainModel, held after its first progress report in `epoch`'s pose search until
// `release` is set (or the run is stopped).
cryo::TrainingFunction trainingHeldInSearch(int epoch, std::shared_ptr<std::atomic<bool>> release)
{
    return [epoch, release](const cryo::TrainingOptions& options, const cryo::TrainingCallbacks& callbacks,
                            std::stop_token stop) {
        cryo::TrainingCallbacks held = callbacks;
        held.progress = [epoch, release, callbacks, stop](const cryo::TrainingProgress& p) {
            callbacks.progress(p);
            if (p.stage == "pose search" && p.epoch == epoch)
                while (!*release && !stop.stop_requested())
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
        };
        return cryo::trainModel(options, held, stop);
    };
}

class TestMainWindowAbInitio : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    template <typename T>
    static T* field(QWidget& parent, const char* name)
    {
        T* w = parent.findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qFatal("no field %s", name);
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8());
        cryo::SimulationOptions sim;
        sim.outDir = m_dir.filePath("data").toStdString();
        sim.particles = int(kParticles);
        sim.box = 16;
        sim.pixelSize = 12.0;
        sim.snr = 1.0;
        sim.seed = 4;
        cryo::simulateDataset(sim);
    }

    void dialogStartsAnAbInitioRun()
    {
        TrainingDialog dialog;
        dialog.setParticles(m_dir.filePath("data/particles.star"));
        QVERIFY(!dialog.options().abInitio);   // the simulated .star has poses
        field<QRadioButton>(dialog, "posesAbInitio")->setChecked(true);
        field<QSpinBox>(dialog, "searchEvery")->setValue(2);
        field<QSpinBox>(dialog, "baseResolution")->setValue(1);   // a quicker search for the test
        field<QSpinBox>(dialog, "epochs")->setValue(3);
        field<QCheckBox>(dialog, "homogeneous")->setChecked(true);   // a heterogeneous search is ~10× slower
        field<QSpinBox>(dialog, "decoderWidth")->setValue(64);
        field<QSpinBox>(dialog, "batch")->setValue(16);
        field<QLineEdit>(dialog, "learningRate")->setText(QStringLiteral("1e-3"));
        field<QSpinBox>(dialog, "threads")->setValue(1);
        dialog.setOutputDirectory(m_dir.filePath("run"));
        QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
        cryo::TrainingOptions options = dialog.options();
        QVERIFY(options.abInitio);
        options.abInitioOptions.refinements = 2;   // a quicker search still (not in the dialog)
        options.abInitioOptions.shiftPoints = 5;

        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QSignalSpy mapShown(&window, &MainWindow::mapShown);
        const auto release = std::make_shared<std::atomic<bool>>(false);
        QVERIFY(window.training()->setTrainingFunction(trainingHeldInSearch(3, release)));
        QVERIFY(window.training()->startTraining(options));
        TrainingMonitor* monitor = window.training()->monitor();
        QTRY_VERIFY_WITH_TIMEOUT(monitor->stageText().startsWith(QStringLiteral("Pose search (epoch 3)")), kWaitMs);
        QVERIFY(monitor->showsPoseError());   // measured after the search of epoch 1
        QVERIFY(window.training()->statusText().startsWith(QStringLiteral("Pose search")));
        QVERIFY2(monitor->etaText() != QStringLiteral("–"), "no time left estimated");
        if (const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window.grab().save(QDir(dir).filePath("mainwindow-abinitio.png")));
        *release = true;
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QCOMPARE(monitor->poseErrorView()->points().size(), std::size_t(3));
        // The finished homogeneous run opens with its one map in the viewer (no latent space).
        QTRY_VERIFY_WITH_TIMEOUT(mapShown.count() >= 1, kWaitMs);
        QVERIFY(window.explorer() == nullptr);
        QVERIFY(monitor->poseErrorView()->points()[0].searched);
        QVERIFY(!monitor->poseErrorView()->points()[1].searched);

        {   // closed before the resumed job rewrites run.h5
            const cryo::H5File run(m_dir.filePath("run/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
            const auto record = cryo::readAbInitioRecord(run);
            QVERIFY(record.has_value());
            QCOMPARE(record->options.searchEvery, 2);
            QCOMPARE(record->options.baseResolution, 1);
            QCOMPARE(cryo::readPoses(run).count, kParticles);
            QCOMPARE(cryo::readSearchedEpoch(run), 3);
            QVERIFY(!run.exists("/particles/z_mu"));   // homogeneous
            const QString summary = RunSummary::text(m_dir.filePath("run"));
            QVERIFY2(summary.contains(QStringLiteral("searched ab initio every 2 epochs")), qPrintable(summary));
            QVERIFY(summary.contains(QStringLiteral("last searched in epoch 3")));
        }

        // Resumed from a fresh window (the monitor's Resume, or the dialog's on this directory):
        // the stored pose errors come back, epoch 4 trains on the poses of epoch 3.
        MainWindow later;
        later.show();
        QSignalSpy laterFinished(&later, &MainWindow::runFinished);
        cryo::TrainingOptions more = options;
        more.resume = true;
        more.config.epochs = 4;
        QVERIFY(later.training()->startTraining(more));
        QCOMPARE(later.training()->monitor()->poseErrorView()->points().size(), std::size_t(3));
        QVERIFY(later.training()->monitor()->showsPoseError());
        QTRY_COMPARE_WITH_TIMEOUT(laterFinished.count(), 1, kWaitMs);
        QCOMPARE(later.training()->monitor()->poseErrorView()->points().size(), std::size_t(4));
        QVERIFY(!later.training()->monitor()->poseErrorView()->points().back().searched);
        const cryo::H5File resumed(m_dir.filePath("run/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QCOMPARE(cryo::readHistory(resumed).size(), std::size_t(4));
        QCOMPARE(cryo::readPoseErrorHistory(resumed).size(), std::size_t(4));
    }

    // A homogeneous run has no selection to export: all its particles go out, with its poses.
    void homogeneousRunExportsAllParticlesWithItsPoses()
    {
        MainWindow window;
        window.setInteractive(false);   // errors to stderr, not a modal box
        window.show();
        QVERIFY(!window.explorerController()->exportSelection(m_dir.filePath("nothing.star"), false));   // no run open yet
        QVERIFY(openAndWait(window, m_dir.filePath("run")));
        QVERIFY(window.explorer() == nullptr);   // homogeneous: one map
        QVERIFY(window.explorerController()->exportSelection(m_dir.filePath("all.star"), false));
        const cryo::PoseTable found = cryo::readPoses(
            cryo::H5File(m_dir.filePath("run/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly));
        cryo::ParticleDatasetOptions options;
        options.requireImages = false;
        const auto back = cryo::ParticleDataset::open(m_dir.filePath("all.star").toStdString(), options);
        const auto input = cryo::ParticleDataset::open(m_dir.filePath("data/particles.star").toStdString(), options);
        QCOMPARE(back.size(), kParticles);
        double largest = 0, fromInput = 0;   // differences from the run's rotations / the file's
        for (std::size_t i = 0; i < back.size(); ++i)
            for (std::size_t k = 0; k < 9; ++k) {
                largest = std::max<double>(largest, std::abs(back.poses()[i].rotation[k] - found.rotations[9 * i + k]));
                fromInput = std::max<double>(fromInput, std::abs(back.poses()[i].rotation[k] - input.poses()[i].rotation[k]));
            }
        QVERIFY2(largest < 1e-4, qPrintable(QString::number(largest)));
        QVERIFY(fromInput > 0.1);   // not the simulated .star's own poses
    }
};

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);
    QApplication app(argc, argv);
    TestMainWindowAbInitio test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindowabinitio.moc"
