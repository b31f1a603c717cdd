// Training end to end on small simulated datasets (fixed seeds): the lattice split, a
// homogeneous reconstruction that matches the true map, a latent that follows the true
// hinge angle, cancel within one batch, resume with the same loss curve, divergence.
#include "analysis/LatentValidation.h"
#include "analysis/RankCorrelation.h"
#include "fourier/HartleyVolume.h"
#include "images/TrainingLattice.h"
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "model/VolumeGenerator.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"
#include "train/TrainingJob.h"
#include "util/BlasEnvironment.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace cryo;

namespace {

SimulationOptions smallDataset(const QString& dir, int particles, double snr)
{
    SimulationOptions o;
    o.outDir = dir.toStdString();
    o.particles = particles;
    o.box = 32;
    o.pixelSize = 6.0;   // the same field of view as the default 64 px at 3 Å
    o.atomSigma = 4.0;   // Å: the data the thresholds below were set on
    o.snr = snr;
    o.seed = 11;
    return o;
}

TrainingOptions smallTraining(const QString& data, const QString& out)
{
    TrainingOptions t;
    t.particles = (data + "/particles.star").toStdString();
    t.outDir = out.toStdString();
    t.threads = 1;   // deterministic GEMMs: resume must reproduce the loss curve
    t.config.model.encoderWidth = t.config.model.decoderWidth = 128;
    t.config.model.encoderLayers = t.config.model.decoderLayers = 2;
    t.config.epochs = 2;
    t.config.batchSize = 8;
    t.config.seed = 3;
    return t;
}

} // namespace

class TestTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void latticeHalvesCoverTheDisc()
    {
        for (int D : {8, 16, 32}) {
            const TrainingLattice lattice = TrainingLattice::make(D);
            std::set<int> seen;
            for (std::size_t p = 0; p < lattice.halfCount(); ++p) {
                seen.insert(lattice.half[p]);
                seen.insert(lattice.mirror[p]);
                // the mirror really is −k: index i ↔ D − i on both axes
                const int n = D + 1, h = lattice.half[p], m = lattice.mirror[p];
                QCOMPARE(m / n, D - h / n);
                QCOMPARE(m % n, D - h % n);
            }
            int disc = 0;
            for (int y = 0; y <= D; ++y)
                for (int x = 0; x <= D; ++x)
                    disc += 4 * ((x - D / 2) * (x - D / 2) + (y - D / 2) * (y - D / 2)) <= D * D;
            QCOMPARE(int(seen.size()), disc);                          // every disc pixel once...
            QCOMPARE(int(lattice.pixelCount()), disc + 1);             // ...the origin twice
        }
    }

    void homogeneousReconstructionMatchesTheTruth()
    {
        QTemporaryDir dir;
        SimulationOptions sim = smallDataset(dir.filePath("data"), 600, 0);
        sim.hingeMin = sim.hingeMax = 40;   // one conformation: truth_map_00 is the answer
        simulateDataset(sim);
        TrainingOptions t = smallTraining(dir.filePath("data"), dir.filePath("run"));
        t.config.model.zdim = 0;
        t.config.epochs = 4;
        t.config.learningRate = 1e-3;
        const TrainingResult result = trainModel(t, {}, {});
        QCOMPARE(result.epochsCompleted, 4);
        QVERIFY(!result.cancelled);

        auto generator = VolumeGenerator::open(dir.filePath("run").toStdString(), 1);
        const Volume full = generator->generate({}, VolumeGenerator::Quality::Full);
        const Volume truth = readMrc(dir.filePath("data/truth_map_00.mrc").toStdString());
        QCOMPARE(full.nx, 32);
        QCOMPARE(full.voxelSize, 6.0f);
        const double cc = pearsonCorrelation(full.data, truth.data);
        qInfo("homogeneous map vs truth: correlation %.3f", cc);
        QVERIFY2(cc > 0.9, "the map must match the true map (and have the right hand and sign)");

        const Volume preview = generator->generate({}, VolumeGenerator::Quality::Preview);
        QCOMPARE(preview.nx, 16);
        QCOMPARE(preview.voxelSize, 12.0f);
        // The preview is the full map Fourier-cropped to half the box (up to the corners of
        // the cube, which the preview's sphere leaves out).
        const int n = 16, c = 16;
        const std::vector<float> ht = hartleyOfVolume(full, true);   // 33³
        std::vector<float> cropped(std::size_t(n + 1) * (n + 1) * (n + 1));
        for (int z = 0; z <= n; ++z)
            for (int y = 0; y <= n; ++y)
                for (int x = 0; x <= n; ++x)
                    cropped[(std::size_t(z) * (n + 1) + y) * (n + 1) + x] =
                        ht[(std::size_t(z + c - n / 2) * 33 + (y + c - n / 2)) * 33 + (x + c - n / 2)];
        const Volume lowPass = volumeFromHartley(cropped.data(), n, true, 12.0f);
        const double previewCc = pearsonCorrelation(preview.data, lowPass.data);
        qInfo("preview vs Fourier-cropped full map: correlation %.3f", previewCc);
        QVERIFY(previewCc > 0.93);
    }

    void latentFollowsTheHinge()
    {
        // The target (5,000 particles, D=64, SNR 0.1, |ρ| ≥ 0.9) scaled down to run in
        // seconds: a quarter of the pixels, so a higher SNR for a comparable signal per image.
        QTemporaryDir dir;
        simulateDataset(smallDataset(dir.filePath("data"), 1000, 1.0));
        TrainingOptions t = smallTraining(dir.filePath("data"), dir.filePath("run"));
        t.config.model.zdim = 8;
        t.config.epochs = 16;
        t.config.learningRate = 1e-3;
        t.threads = 0;
        int epochsSeen = 0;
        TrainingCallbacks callbacks;
        callbacks.epochFinished = [&](const EpochSummary& s) {
            ++epochsSeen;
            QCOMPARE(s.zMu.size(), std::size_t(1000 * 8));
        };
        trainModel(t, callbacks, {});
        QCOMPARE(epochsSeen, 16);

        const H5File run(dir.filePath("run/run.h5").toStdString(), H5File::Mode::ReadOnly);
        const LatentTable z = readLatents(run);
        const H5File truth(dir.filePath("data/truth.h5").toStdString(), H5File::Mode::ReadOnly);
        const auto hinge = truth.read<double>("/particles/coordinates");
        const double rho = latentTruthSpearman(z.mu, z.zdim, hinge);
        qInfo("|Spearman rho| of z-PC1 vs the true hinge angle: %.3f", rho);
        QVERIFY2(rho >= 0.9, "the latent must follow the hinge");
        // A shuffled truth must not correlate (the check can fail).
        std::vector<double> shuffled(hinge.rbegin(), hinge.rend());
        QVERIFY(latentTruthSpearman(z.mu, z.zdim, shuffled) < 0.2);
    }

    void cancelStopsWithinOneBatch()
    {
        QTemporaryDir dir;
        simulateDataset(smallDataset(dir.filePath("data"), 300, 0.1));
        TrainingOptions t = smallTraining(dir.filePath("data"), dir.filePath("run"));
        std::stop_source stop;
        std::size_t atRequest = 0, atEnd = 0;
        TrainingCallbacks callbacks;
        callbacks.progress = [&](const TrainingProgress& p) {
            if (p.stage == "training" && p.imagesDone >= 80 && !stop.stop_requested()) {
                atRequest = p.imagesDone;
                stop.request_stop();
            }
            if (p.stage == "cancelled")
                atEnd = p.imagesDone;
        };
        const TrainingResult result = trainModel(t, callbacks, stop.get_token());
        QVERIFY(result.cancelled);
        QCOMPARE(result.epochsCompleted, 0);
        QVERIFY(atRequest > 0);
        QVERIFY2(atEnd - atRequest <= std::size_t(t.config.batchSize), "more than one batch after the request");
    }

    void resumeContinuesTheSameLossCurve()
    {
        QTemporaryDir dir;
        simulateDataset(smallDataset(dir.filePath("data"), 200, 0.1));
        TrainingOptions straight = smallTraining(dir.filePath("data"), dir.filePath("straight"));
        straight.config.epochs = 3;
        trainModel(straight, {}, {});

        TrainingOptions interrupted = smallTraining(dir.filePath("data"), dir.filePath("resumed"));
        interrupted.config.epochs = 1;
        trainModel(interrupted, {}, {});
        interrupted.config.epochs = 3;
        interrupted.resume = true;
        const TrainingResult result = trainModel(interrupted, {}, {});
        QCOMPARE(result.epochsCompleted, 3);

        const auto a = readHistory(H5File(dir.filePath("straight/run.h5").toStdString(), H5File::Mode::ReadOnly));
        const auto b = readHistory(H5File(dir.filePath("resumed/run.h5").toStdString(), H5File::Mode::ReadOnly));
        QCOMPARE(a.size(), std::size_t(3));
        QCOMPARE(b.size(), std::size_t(3));
        for (int e = 0; e < 3; ++e) {
            qInfo("epoch %d: loss %.7f straight, %.7f resumed", e + 1, a[e].loss, b[e].loss);
            QVERIFY(std::abs(a[e].loss - b[e].loss) <= 1e-5 * std::abs(a[e].loss));
        }
        QVERIFY(a[2].loss < a[0].loss);   // and it learns
    }

    void lazyReadingMatchesTheInMemoryPath()
    {
        // With no memory for the preprocessed images, batches are read from the stack and
        // preprocessed by the prefetch thread: the same numbers must come out.
        QTemporaryDir dir;
        simulateDataset(smallDataset(dir.filePath("data"), 120, 0.1));
        TrainingOptions eager = smallTraining(dir.filePath("data"), dir.filePath("eager"));
        TrainingOptions lazy = smallTraining(dir.filePath("data"), dir.filePath("lazy"));
        lazy.memoryLimitBytes = 0;
        trainModel(eager, {}, {});
        trainModel(lazy, {}, {});
        const auto a = readHistory(H5File(dir.filePath("eager/run.h5").toStdString(), H5File::Mode::ReadOnly));
        const auto b = readHistory(H5File(dir.filePath("lazy/run.h5").toStdString(), H5File::Mode::ReadOnly));
        QCOMPARE(a.size(), b.size());
        for (std::size_t e = 0; e < a.size(); ++e)
        {
            qInfo("epoch %zu: loss %.8f in memory, %.8f lazy", e + 1, a[e].loss, b[e].loss);
            QVERIFY(std::abs(a[e].loss - b[e].loss) <= 1e-6 * std::abs(a[e].loss));
        }
    }

    void badOptionsAndDivergence()
    {
        QTemporaryDir dir;
        simulateDataset(smallDataset(dir.filePath("data"), 64, 0.1));
        TrainingOptions t = smallTraining(dir.filePath("data"), dir.filePath("run"));
        t.config.learningRate = 1e12;
        t.config.epochs = 3;
        QVERIFY_THROWS_EXCEPTION(TrainingDiverged, trainModel(t, {}, {}));

        TrainingOptions noResume = smallTraining(dir.filePath("data"), dir.filePath("empty"));
        noResume.resume = true;
        QVERIFY_THROWS_EXCEPTION(UsageError, trainModel(noResume, {}, {}));

        TrainingOptions zeroEpochs = smallTraining(dir.filePath("data"), dir.filePath("zero"));
        zeroEpochs.config.epochs = 0;
        QVERIFY_THROWS_EXCEPTION(UsageError, trainModel(zeroEpochs, {}, {}));

        TrainingOptions missing = smallTraining(dir.filePath("nothing"), dir.filePath("run2"));
        QVERIFY_THROWS_EXCEPTION(FileError, trainModel(missing, {}, {}));
    }
};

int main(int argc, char** argv)
{
    reexecWithFastBlasIfNeeded(argv);   // else OpenBLAS runs its slow generic kernels here
    QCoreApplication app(argc, argv);
    TestTraining test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_training.moc"
