// Resuming ab initio training (fixed seeds, D = 16, 160 particles, one thread): 4 epochs in
// one go and 2 + 2 resumed give the same loss curve and the same poses, whether the break
// falls on the model reset or before a pose search, homogeneous or with a latent; run.h5
// records the ab initio settings and the searching epoch; resumes that contradict the run
// are refused with a UsageError.
#include "io/H5File.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"
#include "train/AbInitioState.h"
#include "train/TrainingJob.h"
#include "util/BlasEnvironment.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace cryo;

namespace {
constexpr std::size_t kParticles = 160;
}

class TestAbInitioResume : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString data() const { return m_dir.filePath("data"); }

    TrainingOptions abInitioRun(const QString& name, int zdim, int searchEvery, int resetAfter) const
    {
        TrainingOptions t;
        t.particles = (data() + "/particles.star").toStdString();
        t.outDir = m_dir.filePath(name).toStdString();
        t.threads = 1;   // deterministic GEMMs
        t.abInitio = true;
        t.abInitioOptions.searchEvery = searchEvery;
        t.abInitioOptions.resetAfterEpoch = resetAfter;
        t.abInitioOptions.baseResolution = 0;   // a quick search: the schedule is under test, not accuracy
        t.abInitioOptions.refinements = 1;
        t.abInitioOptions.shiftPoints = 3;
        t.abInitioOptions.lMin = 6;
        t.abInitioOptions.lMax = 8;
        t.abInitioOptions.lMaxStart = 4;   // the frequency ramp 4, 6, 8: a resume must go on with it
        t.abInitioOptions.lMaxStep = 2;
        t.config.model.zdim = zdim;
        t.config.model.encoderWidth = t.config.model.decoderWidth = 32;
        t.config.model.encoderLayers = t.config.model.decoderLayers = 1;
        t.config.model.positionalEncoding = "geometric";
        t.config.epochs = 4;
        t.config.batchSize = 16;
        t.config.learningRate = 1e-3;
        t.config.seed = 5;
        return t;
    }

    static H5File open(const TrainingOptions& t) { return H5File(t.outDir / kRunFileName, H5File::Mode::ReadOnly); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SimulationOptions sim;
        sim.outDir = data().toStdString();
        sim.particles = int(kParticles);
        sim.box = 16;
        sim.pixelSize = 12.0;
        sim.snr = 1.0;
        sim.seed = 17;
        simulateDataset(sim);
    }

    void resumeGivesTheSameRun_data()
    {
        QTest::addColumn<int>("zdim");
        QTest::addColumn<int>("searchEvery");
        QTest::addColumn<int>("resetAfter");
        QTest::addColumn<QList<bool>>("searched");   // per epoch of the 4
        // Every epoch searches, except the one after the reset (it trains on the kept poses):
        // the break is right after epoch 2, the reset epoch.
        QTest::newRow("break at the reset") << 0 << 1 << 2 << QList<bool>{true, true, false, true};
        // No reset; the break falls between a training-only epoch and a search.
        QTest::newRow("break before a search") << 0 << 2 << 0 << QList<bool>{true, false, true, false};
        QTest::newRow("with a latent") << 2 << 2 << 0 << QList<bool>{true, false, true, false};
    }

    void resumeGivesTheSameRun()
    {
        QFETCH(int, zdim);
        QFETCH(int, searchEvery);
        QFETCH(int, resetAfter);
        QFETCH(QList<bool>, searched);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_');
        const TrainingOptions straight = abInitioRun(tag + "_straight", zdim, searchEvery, resetAfter);
        QList<bool> straightSearched;
        std::vector<double> straightErrors;
        TrainingCallbacks callbacks;
        callbacks.epochFinished = [&](const EpochSummary& s) {
            straightSearched.push_back(s.posesSearched);
            straightErrors.push_back(s.poseErrorDeg);
        };
        QCOMPARE(trainModel(straight, callbacks, {}).epochsCompleted, 4);
        QCOMPARE(straightSearched, searched);

        TrainingOptions interrupted = abInitioRun(tag + "_resumed", zdim, searchEvery, resetAfter);
        interrupted.config.epochs = 2;
        QCOMPARE(trainModel(interrupted, {}, {}).epochsCompleted, 2);
        QCOMPARE(readSearchedEpoch(open(interrupted)), searched[1] ? 2 : 1);
        interrupted.config.epochs = 4;
        interrupted.resume = true;
        QList<bool> resumedSearched;
        std::vector<double> resumedErrors;
        callbacks.epochFinished = [&](const EpochSummary& s) {
            resumedSearched.push_back(s.posesSearched);
            resumedErrors.push_back(s.poseErrorDeg);
        };
        const TrainingResult result = trainModel(interrupted, callbacks, {});
        QCOMPARE(result.epochsCompleted, 4);
        QCOMPARE(resumedSearched, searched.mid(2));   // the schedule went on where it stopped

        const auto a = readHistory(open(straight)), b = readHistory(open(interrupted));
        QCOMPARE(a.size(), std::size_t(4));
        QCOMPARE(b.size(), std::size_t(4));
        for (std::size_t e = 0; e < 4; ++e) {
            qInfo("epoch %zu: loss %.8f straight, %.8f resumed", e + 1, a[e].loss, b[e].loss);
            QVERIFY(std::abs(a[e].loss - b[e].loss) <= 1e-6 * std::abs(a[e].loss));
        }
        for (std::size_t e = 2; e < 4; ++e)   // same poses, so the same error against the truth
            QVERIFY(std::abs(straightErrors[e] - resumedErrors[e - 2]) <= 1e-6 * (1 + straightErrors[e]));
        const PoseTable pa = readPoses(open(straight)), pb = readPoses(open(interrupted));
        QCOMPARE(pa.count, kParticles);
        QCOMPARE(pb.count, pa.count);
        double largest = 0;
        for (std::size_t i = 0; i < pa.rotations.size(); ++i)
            largest = std::max(largest, double(std::abs(pa.rotations[i] - pb.rotations[i])));
        for (std::size_t i = 0; i < pa.shifts.size(); ++i)
            largest = std::max(largest, double(std::abs(pa.shifts[i] - pb.shifts[i])));
        qInfo("largest pose difference %.3g", largest);
        QVERIFY(largest <= 1e-5);
        QCOMPARE(readSearchedEpoch(open(interrupted)), readSearchedEpoch(open(straight)));
        const auto errors = readPoseErrorHistory(open(interrupted));   // all 4 epochs, as EpochSummary gave them
        QCOMPARE(errors.size(), std::size_t(4));
        for (std::size_t e = 0; e < 4; ++e) {
            QCOMPARE(errors[e].epoch, int(e) + 1);
            QCOMPARE(errors[e].searched, bool(searched[int(e)]));
            QVERIFY(std::abs(errors[e].rotationDeg - straightErrors[e]) <= 1e-6 * (1 + straightErrors[e]));
        }
        if (zdim > 0) {   // z of every particle, for the explorer
            const LatentTable z = readLatents(open(interrupted));
            QCOMPARE(z.count, kParticles);
            QCOMPARE(z.zdim, zdim);
            QVERIFY(std::all_of(z.mu.begin(), z.mu.end(), [](float v) { return std::isfinite(v); }));
            QCOMPARE(z.mu, readLatents(open(straight)).mu);
        }
    }

    void settingsAreRecorded()
    {
        TrainingOptions t = abInitioRun("recorded", 0, 1, 2);
        t.config.epochs = 1;
        trainModel(t, {}, {});
        const H5File file = open(t);
        const auto record = readAbInitioRecord(file);
        QVERIFY(record.has_value());
        QCOMPARE(record->options.searchEvery, 1);
        QCOMPARE(record->options.resetAfterEpoch, 2);
        QCOMPARE(record->options.baseResolution, 0);
        QCOMPARE(record->options.lMax, 8);
        QCOMPARE(record->resetEpoch, 2);
        QVERIFY(abInitioDifferences(record->options, t.abInitioOptions).empty());
        QCOMPARE(readSearchedEpoch(file), 1);
        // Automatic resets: half of ≥ 10 epochs, else none.
        AbInitioOptions automatic;
        QCOMPARE(resolvedResetEpoch(automatic, 20), 10);
        QCOMPARE(resolvedResetEpoch(automatic, 9), 0);
        automatic.resetAfterEpoch = 3;
        QCOMPARE(resolvedResetEpoch(automatic, 20), 3);
    }

    void contradictingResumesAreRefused()
    {
        // Not ab initio: a run on the file's poses, resumed as ab initio.
        TrainingOptions given = abInitioRun("given_poses", 0, 1, 0);
        given.abInitio = false;
        given.config.epochs = 1;
        trainModel(given, {}, {});
        QVERIFY(!readAbInitioRecord(open(given)).has_value());
        given.resume = true;
        given.abInitio = true;
        given.config.epochs = 2;
        try {
            trainModel(given, {}, {});
            QFAIL("resumed a run on given poses as ab initio");
        } catch (const UsageError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("not ab initio"), e.what());
        }

        // An ab initio run resumed without ab initio, or with another schedule.
        TrainingOptions abInitio = abInitioRun("refused", 0, 2, 0);
        abInitio.config.epochs = 1;
        trainModel(abInitio, {}, {});
        abInitio.resume = true;
        abInitio.config.epochs = 5;
        abInitio.abInitio = false;
        QVERIFY_THROWS_EXCEPTION(UsageError, trainModel(abInitio, {}, {}));
        abInitio.abInitio = true;
        abInitio.abInitioOptions.searchEvery = 3;
        try {
            trainModel(abInitio, {}, {});
            QFAIL("resumed with another search interval");
        } catch (const UsageError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("search every N epochs: 2 in the run, 3 given"), e.what());
        }
        QCOMPARE(readHistory(open(abInitio)).size(), std::size_t(1));   // refused before touching the run
    }

    void damagedRecordIsAFileError()
    {
        QTemporaryDir dir;
        H5File file(dir.filePath("run.h5").toStdString(), H5File::Mode::Create);
        file.createGroup("/config");
        file.setAttribute("/config", "ab_initio", 1.0);
        file.setAttribute("/config", "ab_initio_search_every", 2.0);
        QVERIFY_THROWS_EXCEPTION(FileError, readAbInitioRecord(file));   // the other settings are missing
        writeAbInitioRecord(file, {AbInitioOptions{}, 0});
        QVERIFY(readAbInitioRecord(file).has_value());
        file.setAttribute("/config", "ab_initio_search_every", 0.0);
        QVERIFY_THROWS_EXCEPTION(FileError, readAbInitioRecord(file));
    }

    void recordWithoutTheLaterSettingsReads()
    {
        // Runs written before the chunked searching epochs have no ab_initio_search_chunk or
        // ab_initio_latent_volumes: they read with the schedule they ran (a whole-dataset chunk).
        QTemporaryDir dir;
        H5File file(dir.filePath("run.h5").toStdString(), H5File::Mode::Create);
        file.createGroup("/config");
        const AbInitioOptions o;
        const std::pair<const char*, double> earlier[] = {
            {"ab_initio", 1},
            {"ab_initio_search_every", o.searchEvery},
            {"ab_initio_reset_after_epoch", o.resetAfterEpoch},
            {"ab_initio_base_resolution", o.baseResolution},
            {"ab_initio_refinements", o.refinements},
            {"ab_initio_kept", o.kept},
            {"ab_initio_kept_base", o.keptBase},
            {"ab_initio_l_max_start", o.lMaxStart},
            {"ab_initio_l_max_step", o.lMaxStep},
            {"ab_initio_shift_points", o.shiftPoints},
            {"ab_initio_l_min", o.lMin},
            {"ab_initio_l_max", o.lMax},
            {"ab_initio_search_batch", o.searchBatch},
            {"ab_initio_shift_extent", o.shiftExtent},
            {"ab_initio_reset_epoch", 0},
        };
        for (const auto& [name, value] : earlier)
            file.setAttribute("/config", name, value);
        const auto record = readAbInitioRecord(file);
        QVERIFY(record.has_value());
        QVERIFY(record->options.searchChunk >= 1 << 30);
        QCOMPARE(record->options.latentVolumes, o.latentVolumes);
        QCOMPARE(record->options.searchEvery, o.searchEvery);
    }
};

int main(int argc, char** argv)
{
    reexecWithFastBlasIfNeeded(argv);
    QCoreApplication app(argc, argv);
    TestAbInitioResume test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_abinitioresume.moc"
