// The GUI's one job runner (app/JobRunner.h) with fake work functions: the life cycle ends in
// Completed, Cancelled (a cancel is never a failure) or Failed with the exception's text;
// progress reaches the GUI coalesced with its last value kept; deliveries arrive in order
// after the reports made before them; cancelAndWait drops what the old job still queued.
// And the background run opening (app/RunLoader.h) delivers the same tables (with the
// scatter axes and their render orders) and particles as the synchronous
// loadRunTables/loadRunParticles, for a cryoDRGN run it imports first.
#include "JobRunner.h"
#include "RunLoader.h"
#include "ScatterRaster.h"
#include "analysis/AnalysisContext.h"
#include "cryodrgn/CryodrgnImport.h"
#include "particles/ParticleDataset.h"
#include "sim/Simulator.h"
#include "support/CryodrgnFixtures.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using State = JobRunner::State;

namespace {

// Waits for the end of the runner's job; its final state.
State waitForEnd(JobRunner& runner, QSignalSpy& ended)
{
    if (ended.isEmpty())
        ended.wait(120000);
    while (runner.isRunning())
        QTest::qWait(5);
    return ended.isEmpty() ? State::Running : ended.last().first().value<State>();
}

} // namespace

class TestJobRunner : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<JobRunner::State>();
        qputenv("XDG_DATA_HOME", m_dir.path().toUtf8());
    }

    void completesWithDeliveriesInOrderAndTheLastProgress()
    {
        JobRunner runner;
        runner.setProgressInterval(50);
        QSignalSpy ended(&runner, &JobRunner::ended);
        QSignalSpy progress(&runner, &JobRunner::progress);
        QStringList delivered;
        QVERIFY(runner.start([&](const JobContext& context) {
            for (int i = 1; i <= 1000; ++i)
                context.progress(i / 1000.0, QStringLiteral("step"));
            context.deliver([&] { delivered << QStringLiteral("tables"); });
            context.deliver([&] { delivered << QStringLiteral("particles"); });
        }));
        QCOMPARE(runner.state(), State::Running);
        QVERIFY(!runner.start([](const JobContext&) {}));   // one at a time
        QCOMPARE(waitForEnd(runner, ended), State::Completed);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(delivered, (QStringList{"tables", "particles"}));
        QVERIFY(!progress.isEmpty());
        QVERIFY2(progress.size() < 1000, qPrintable(QString::number(progress.size())));   // coalesced
        QCOMPARE(progress.last()[0].toDouble(), 1.0);   // the last value is never lost
    }

    void cancelEndsAsCancelledNotFailed()
    {
        JobRunner runner;
        QSignalSpy ended(&runner, &JobRunner::ended);
        QSignalSpy failed(&runner, &JobRunner::failed);
        std::atomic<bool> running{false};
        QVERIFY(runner.start([&](const JobContext& context) {
            running = true;
            const cryo::AnalysisContext analysis = context.analysis(0, 1, QStringLiteral("k-means"));
            for (;;) {   // as a core analysis does: check once per chunk, throw when stopped
                analysis.checkCancelled();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        }));
        QTRY_VERIFY(running);
        runner.cancel();
        QCOMPARE(runner.state(), State::Cancelling);
        QCOMPARE(waitForEnd(runner, ended), State::Cancelled);
        QVERIFY(failed.isEmpty());
        QVERIFY(runner.lastError().isEmpty());
    }

    void anExceptionFailsWithItsText()
    {
        JobRunner runner;
        QSignalSpy ended(&runner, &JobRunner::ended);
        QSignalSpy failed(&runner, &JobRunner::failed);
        QVERIFY(runner.start([](const JobContext&) { throw std::runtime_error("run.h5: /particles/z_mu is missing"); }));
        QCOMPARE(waitForEnd(runner, ended), State::Failed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("run.h5: /particles/z_mu is missing"));
        QCOMPARE(runner.lastError(), QStringLiteral("run.h5: /particles/z_mu is missing"));
        // The runner is reusable after a failure.
        QVERIFY(runner.start([](const JobContext&) {}));
        QCOMPARE(waitForEnd(runner, ended), State::Completed);
    }

    void cancelAndWaitDropsWhatTheOldJobQueued()
    {
        JobRunner runner;
        QSignalSpy ended(&runner, &JobRunner::ended);
        std::atomic<bool> delivered{false};
        bool ran = false;
        QVERIFY(runner.start([&](const JobContext& context) {
            context.deliver([&] { ran = true; });
            delivered = true;
            while (!context.stopRequested())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }));
        while (!delivered)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));   // queued, not yet run
        runner.cancelAndWait();
        QCOMPARE(runner.state(), State::Cancelled);
        QCOMPARE(ended.size(), 1);
        QTest::qWait(50);
        QVERIFY(!ran);
        QCOMPARE(ended.size(), 1);   // no second end for the same job
    }

    // The background open delivers what the synchronous load makes: same z, PCA, k-means and
    // particles, for a cryoDRGN run it imports first (its particles on this machine).
    void backgroundOpenMatchesTheSynchronousLoad()
    {
        namespace fs = std::filesystem;
        const fs::path root = m_dir.path().toStdString();
        cryo::SimulationOptions sim;
        sim.outDir = root / "data";
        sim.particles = 60;
        sim.box = 16;
        sim.seed = 3;
        cryo::simulateDataset(sim);
        const fs::path run = root / "cryodrgn_out";
        cryodrgn_fixtures::makeHetRun(run, 3, 60, root / "data" / "particles.star");

        RunLoader loader;
        QSignalSpy ended(loader.runner(), &JobRunner::ended);
        std::shared_ptr<const RunTables> tables;
        RunParticles particles;
        QStringList order;
        connect(&loader, &RunLoader::imported, this, [&] { order << QStringLiteral("imported"); });
        connect(&loader, &RunLoader::summaryReady, this, [&] { order << QStringLiteral("summary"); });
        connect(&loader, &RunLoader::tablesReady, this, [&](std::shared_ptr<const RunTables> t) {
            order << QStringLiteral("tables");
            tables = std::move(t);
        });
        connect(&loader, &RunLoader::particlesReady, this, [&](const RunParticles& p) {
            order << QStringLiteral("particles");
            particles = p;
        });
        RunLoadRequest request;
        request.path = QString::fromStdString(run.string());
        request.cryodrgn = std::make_shared<cryo::CryodrgnImportOptions>();
        loader.open(request);
        QCOMPARE(waitForEnd(*loader.runner(), ended), State::Completed);
        QCOMPARE(order, (QStringList{"imported", "summary", "tables", "particles"}));
        QVERIFY(tables && particles.dataset);

        const cryo::CryodrgnImport import = cryo::importCryodrgnRun(run);   // reused: the same run.h5
        const QString runDir = QString::fromStdString(import.runDirectory.string());
        const RunTables sync = loadRunTables(runDir);
        const RunParticles syncParticles = loadRunParticles(sync);
        QCOMPARE(tables->runDir, sync.runDir);
        QCOMPARE(tables->latents.mu, sync.latents.mu);
        QCOMPARE(tables->pca.projections, sync.pca.projections);
        QCOMPARE(tables->pcaComputed, sync.pcaComputed);
        QVERIFY(tables->kmeans && sync.kmeans);
        QCOMPARE(tables->kmeans->labels, sync.kmeans->labels);
        QCOMPARE(tables->kmeans->centerParticles, sync.kmeans->centerParticles);
        QCOMPARE(tables->umap.has_value(), sync.umap.has_value());
        // The panels' axes, each sorted for the raster off the GUI thread as the view would.
        QCOMPARE(tables->axes.size(), sync.axes.size());
        QVERIFY(tables->axes.size() >= 3);   // PCs 1/2, 2/3, z1/z2 at least
        for (std::size_t a = 0; a < tables->axes.size(); ++a) {
            const RunTables::Axes& shown = tables->axes[a];
            QCOMPARE(shown.key, sync.axes[a].key);
            QCOMPARE(*shown.x, *sync.axes[a].x);
            QCOMPARE(*shown.y, *sync.axes[a].y);
            QVERIFY(shown.order);
            QCOMPARE(shown.order->order, spatialOrder(*shown.x, *shown.y));
            QCOMPARE(shown.order->order, sync.axes[a].order->order);
            for (std::size_t k = 0; k < shown.order->order.size(); ++k)
                QCOMPARE(shown.order->x[k], (*shown.x)[shown.order->order[k]]);
        }
        QCOMPARE(*tables->kmeansLabels, tables->kmeans->labels);
        QVERIFY(syncParticles.dataset);
        QCOMPARE(particles.dataset->size(), syncParticles.dataset->size());
        for (std::size_t i = 0; i < particles.dataset->size(); ++i)
            QCOMPARE(particles.dataset->particles()[i].ctf.defocusU, syncParticles.dataset->particles()[i].ctf.defocusU);
    }

    void anUnreadableRunFailsWithTheFileNamed()
    {
        const QString bogus = m_dir.filePath("bogus");
        QDir().mkpath(bogus);
        QFile file(QDir(bogus).filePath("run.h5"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not hdf5");
        file.close();
        RunLoader loader;
        QSignalSpy ended(loader.runner(), &JobRunner::ended);
        QSignalSpy tables(&loader, &RunLoader::tablesReady);
        loader.open({bogus, nullptr, 20});
        QCOMPARE(waitForEnd(*loader.runner(), ended), State::Failed);
        QVERIFY(tables.isEmpty());
        QVERIFY2(loader.runner()->lastError().contains("run.h5"), qPrintable(loader.runner()->lastError()));
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
