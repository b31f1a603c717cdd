// Pose search (cryoDRGN2 style) on a homogeneous decoder trained with the true poses
// (fixed seeds, D = 32): noise-free images get back their true rotations within about the
// final grid spacing and their shifts within a pixel.
#include "io/H5File.h"
#include "run/RunFile.h"
#include "particles/ParticleDataset.h"
#include "pose/PoseSearch.h"
#include "sim/Simulator.h"
#include "train/TrainingImages.h"
#include "train/TrainingJob.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace cryo;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Errors {
    std::vector<double> rotationDeg, shiftPx;
    int foundBetter = 0;    // images whose found pose fits at least as well as the true one
    int inconsistent = 0;   // search() and poseErrors() disagree
};

} // namespace

class TestPoseSearch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString dataDir() const { return m_dir.filePath("data"); }
    QString runDir() const { return m_dir.filePath("run"); }

    Errors searchAndCompare(const PoseSearchOptions& options, std::size_t count)
    {
        auto search = PoseSearch::fromRun(runDir().toStdString(), options, 0);
        const ParticleDataset dataset = ParticleDataset::open((dataDir() + "/particles.star").toStdString());
        TrainingImagesOptions imageOptions;
        imageOptions.centreByShift = false;   // raw images: the shifts are searched for
        TrainingImages images(dataset, imageOptions);
        const H5File truth((dataDir() + "/truth.h5").toStdString(), H5File::Mode::ReadOnly);
        const auto rotations = truth.read<double>("/particles/rotations");
        const auto shifts = truth.read<double>("/particles/shifts_px");

        std::vector<std::size_t> indices(count);
        std::iota(indices.begin(), indices.end(), std::size_t(0));
        TrainingBatch batch;
        images.fill(indices, batch);
        const auto found = search->search(batch);
        std::vector<PoseEstimate> truePoses(count);
        for (std::size_t i = 0; i < count; ++i) {
            for (std::size_t j = 0; j < 9; ++j)
                truePoses[i].rotation[j] = float(rotations[9 * i + j]);
            truePoses[i].shiftX = float(shifts[2 * i]);
            truePoses[i].shiftY = float(shifts[2 * i + 1]);
        }
        const auto trueErrors = search->poseErrors(batch, truePoses);
        const auto foundErrors = search->poseErrors(batch, found);
        Errors errors;
        for (std::size_t i = 0; i < count; ++i) {
            Mat3 R;
            for (int r = 0; r < 3; ++r)
                for (int c = 0; c < 3; ++c)
                    R(r, c) = rotations[9 * i + std::size_t(3 * r + c)];
            std::array<float, 9> m = found[i].rotation;
            errors.rotationDeg.push_back(rotationDistanceDeg(matrixFromRowMajor(m), R));
            errors.shiftPx.push_back(std::hypot(found[i].shiftX - shifts[2 * i], found[i].shiftY - shifts[2 * i + 1]));
            errors.foundBetter += foundErrors[i] <= trueErrors[i] * 1.0001f;
            // what search() reports is what poseErrors() computes for the same pose
            if (std::abs(foundErrors[i] - found[i].error) > 1e-3f * std::max(1.0f, foundErrors[i]))
                ++errors.inconsistent;
            qDebug("%zu: rot err %.2f, shift err %.2f, found %.5f true %.5f", i, errors.rotationDeg.back(),
                   errors.shiftPx.back(), foundErrors[i], trueErrors[i]);
        }
        const auto& t = search->timing();
        qInfo("pose search: %zu images in %.2f s (decoder %.2f, slicing %.2f, shifts %.2f, scoring %.2f, "
              "selection %.2f)",
              t.images, t.total(), t.decoder, t.slicing, t.shifts, t.scoring, t.selection);
        return errors;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SimulationOptions sim;
        sim.outDir = dataDir().toStdString();
        sim.particles = 600;
        sim.box = 32;
        sim.pixelSize = 6.0;
        sim.snr = 0;   // noise-free
        sim.seed = 21;
        sim.hingeMin = sim.hingeMax = 40;   // one conformation
        simulateDataset(sim);

        TrainingOptions t;
        t.particles = (dataDir() + "/particles.star").toStdString();
        t.outDir = runDir().toStdString();
        t.threads = 0;
        t.config.model.zdim = 0;
        t.config.model.decoderWidth = 128;
        t.config.model.decoderLayers = 2;
        t.config.epochs = 4;
        t.config.batchSize = 8;
        t.config.learningRate = 1e-3;
        t.config.seed = 3;
        const TrainingResult result = trainModel(t, {}, {});
        QCOMPARE(result.epochsCompleted, 4);
    }

    void stagesMarchInFrequency()
    {
        PoseSearchOptions options;
        options.baseResolution = 1;
        options.refinements = 4;
        options.lMin = 6;
        const auto search = PoseSearch::fromRun(runDir().toStdString(), options, 1);
        const std::vector<int> radii = search->stageRadii();
        QCOMPARE(radii.size(), std::size_t(5));
        QCOMPARE(radii.front(), 6);
        QCOMPARE(radii.back(), 16);   // min(lMax, D/2)
        QVERIFY(std::is_sorted(radii.begin(), radii.end()));
    }

    void recoversTruePoses_data()
    {
        QTest::addColumn<int>("baseResolution");
        QTest::addColumn<int>("refinements");
        QTest::newRow("r1+3") << 1 << 3;
        QTest::newRow("r2+2") << 2 << 2;
    }
    void recoversTruePoses()
    {
        QFETCH(int, baseResolution);
        QFETCH(int, refinements);
        PoseSearchOptions options;
        options.baseResolution = baseResolution;
        options.refinements = refinements;
        options.shiftExtent = 4;   // the simulator's shifts are within ±3 px
        options.shiftPoints = 5;
        options.lMin = 8;
        const Errors errors = searchAndCompare(options, 48);
        const double spacing = So3Grid(baseResolution + refinements).spacingDeg();
        const double rot = median(errors.rotationDeg), shift = median(errors.shiftPx);
        const auto within = std::count_if(errors.rotationDeg.begin(), errors.rotationDeg.end(),
                                          [&](double e) { return e <= 2 * spacing; });
        qInfo("final grid spacing %.2f°: median rotation error %.2f°, %lld/48 within 2 spacings; median shift "
              "error %.2f px",
              spacing, rot, static_cast<long long>(within), shift);
        QVERIFY(rot <= spacing);
        QVERIFY(within >= 44);
        QVERIFY(shift <= 1.0);
    }

    void abInitioScheduleSearchesAndSavesPoses()
    {
        // Plumbing of the ab initio loop on a tiny run: which epochs search, the progress stage,
        // the pose error against truth.h5, the poses in run.h5 (accuracy needs a longer run:
        // bench/ and the report).
        TrainingOptions t;
        t.particles = (dataDir() + "/particles.star").toStdString();
        t.outDir = m_dir.filePath("abinitio").toStdString();
        t.abInitio = true;
        t.abInitioOptions.searchEvery = 2;
        t.abInitioOptions.resetAfterEpoch = 0;
        t.abInitioOptions.baseResolution = 0;
        t.abInitioOptions.refinements = 1;
        t.abInitioOptions.shiftPoints = 3;
        t.abInitioOptions.lMin = 6;
        t.abInitioOptions.lMax = 8;
        t.config.model.zdim = 0;
        t.config.model.decoderWidth = 32;
        t.config.model.decoderLayers = 1;
        t.config.epochs = 3;
        t.config.batchSize = 32;
        t.config.learningRate = 1e-3;
        bool sawSearch = false;
        std::vector<bool> searched;
        TrainingCallbacks callbacks;
        callbacks.progress = [&](const TrainingProgress& p) { sawSearch |= p.stage == "pose search"; };
        callbacks.epochFinished = [&](const EpochSummary& s) {
            searched.push_back(s.posesSearched);
            QVERIFY(s.poseErrorDeg >= 0 && s.poseErrorDeg <= 180);
            QVERIFY(s.shiftErrorPx >= 0);
        };
        const TrainingResult result = trainModel(t, callbacks, {});
        QCOMPARE(result.epochsCompleted, 3);
        QVERIFY(sawSearch);
        QCOMPARE(searched, (std::vector<bool>{true, false, true}));
        const PoseTable poses = readPoses(H5File(t.outDir / kRunFileName, H5File::Mode::ReadOnly));
        QCOMPARE(poses.count, std::size_t(600));
        QCOMPARE(poses.rotations.size(), std::size_t(600 * 9));
        // every stored rotation is a rotation
        for (std::size_t i = 0; i < poses.count; i += 37) {
            std::array<float, 9> m;
            std::copy_n(poses.rotations.begin() + std::ptrdiff_t(9 * i), 9, m.begin());
            QVERIFY(std::abs(matrixFromRowMajor(m).determinant() - 1.0) < 1e-4);
        }
    }

    void wrongLatentCountIsRejected()
    {
        auto search = PoseSearch::fromRun(runDir().toStdString(), {}, 1);
        QCOMPARE(search->zdim(), 0);
        TrainingBatch empty;
        QVERIFY(search->search(empty).empty());
        TrainingBatch tooSmall;
        tooSmall.indices = {0};
        tooSmall.target.assign(10, 0.0f);
        QVERIFY_THROWS_EXCEPTION(UsageError, search->search(tooSmall));
    }
};

QTEST_GUILESS_MAIN(TestPoseSearch)
#include "tst_posesearch.moc"
