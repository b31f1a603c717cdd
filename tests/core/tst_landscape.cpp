// Landscape analysis end to end (fixed seeds):
//  - on maps rendered from the simulator's pseudo-atomic complex (a decoder that knows the
//    truth): discrete states are recovered (ARI ≥ 0.8) and volume-PC1 follows the hinge
//    angle (|Spearman ρ| ≥ 0.9) for every particle through the z → volume-PC regression;
//  - on a tiny model trained on a simulated discrete dataset (D = 32): ARI ≥ 0.8 against
//    the true states;
//  - cancellation and bad options.
#include "analysis/AdjustedRandIndex.h"
#include "analysis/LandscapeAnalysis.h"
#include "analysis/RankCorrelation.h"
#include "io/H5File.h"
#include "model/VolumeGenerator.h"
#include "run/RunFile.h"
#include "sim/AtomRenderer.h"
#include "sim/Simulator.h"
#include "train/TrainingJob.h"
#include "util/BlasEnvironment.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <random>

Q_DECLARE_METATYPE(cryo::Linkage)

using namespace cryo;

namespace {

constexpr int kBox = 24;
constexpr double kApix = 8.0;   // 192 Å, the simulator's default field of view
constexpr double kAtomSigma = 4.0;   // Å: the pseudo-atoms the thresholds below were set with

// Latents of `count` particles in 3 blobs (zdim 4); truth = blob.
std::vector<float> blobLatents(int count, std::vector<std::int32_t>& truth, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> centres(12);
    for (float& c : centres)
        c = 3 * normal(rng);
    std::vector<float> z;
    for (int i = 0; i < count; ++i) {
        const int state = int(rng() % 3);
        truth.push_back(state);
        for (int c = 0; c < 4; ++c)
            z.push_back(centres[std::size_t(state * 4 + c)] + 0.6f * normal(rng));
    }
    return z;
}

std::vector<Volume> stateMaps()
{
    const PseudoAtomComplex complex(MotionKind::Discrete, 1, 0, 80, kAtomSigma);
    std::vector<Volume> maps;
    for (int s = 0; s < 3; ++s) {
        Conformation conformation;
        conformation.state = s;
        maps.push_back(renderVolume(complex.atoms(conformation), kBox, kApix));
    }
    return maps;
}

// A decoder that knows the truth: the nearest blob's state, rendered, plus a little noise
// drawn from z (so volumes within a state differ).
VolumeDecoder discreteDecoder(const std::vector<float>& z, const std::vector<std::int32_t>& truth)
{
    std::vector<float> centres(12, 0.f);
    std::vector<int> counts(3, 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        ++counts[std::size_t(truth[i])];
        for (int c = 0; c < 4; ++c)
            centres[std::size_t(truth[i] * 4 + c)] += z[i * 4 + std::size_t(c)];
    }
    for (int s = 0; s < 3; ++s)
        for (int c = 0; c < 4; ++c)
            centres[std::size_t(s * 4 + c)] /= float(counts[std::size_t(s)]);
    auto maps = std::make_shared<std::vector<Volume>>(stateMaps());
    return [centres, maps](std::span<const float> point) {
        int best = 0;
        double bestDistance = 1e300;
        for (int s = 0; s < 3; ++s) {
            double d = 0;
            for (int c = 0; c < 4; ++c)
                d += std::pow(point[std::size_t(c)] - centres[std::size_t(s * 4 + c)], 2);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        Volume v = (*maps)[std::size_t(best)];
        const float top = *std::max_element(v.data.begin(), v.data.end());
        std::mt19937_64 rng(std::uint64_t(std::abs(point[0]) * 1e6));
        std::normal_distribution<float> normal;
        for (float& value : v.data)
            value += 0.03f * top * normal(rng);
        return v;
    };
}

} // namespace

class TestLandscape : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recoversDiscreteStatesFromTrueMaps_data()
    {
        QTest::addColumn<Linkage>("linkage");
        QTest::newRow("average") << Linkage::Average;
        QTest::newRow("ward") << Linkage::Ward;
        QTest::newRow("complete") << Linkage::Complete;
    }
    void recoversDiscreteStatesFromTrueMaps()
    {
        QFETCH(Linkage, linkage);
        std::vector<std::int32_t> truth;
        const std::vector<float> z = blobLatents(900, truth, 5);
        LandscapeOptions options;
        options.clusters = 3;
        options.sketch = 40;
        options.linkage = linkage;
        std::vector<double> fractions;
        const AnalysisContext context{{}, [&](double f) { fractions.push_back(f); }};
        const LandscapeResult r = LandscapeAnalysis(options).run(z.data(), 900, 4, discreteDecoder(z, truth), context);
        QCOMPARE(r.sketchCount, 40);   // N/10 = 90, capped by the requested 40
        QCOMPARE(r.particleClusters.size(), std::size_t(900));
        QCOMPARE(r.clusterMeans.size(), std::size_t(3));
        const double ari = adjustedRandIndex(r.particleClusters, truth);
        qInfo("%s: ARI %.3f, mask %zu voxels, %d volume PCs, PC1+2 %.1f %%, regression R² %.3f", linkageName(linkage), ari,
              r.mask.insideCount(), r.pca.componentCount(),
              100.0 * (r.pca.explainedVariance()[0] + r.pca.explainedVariance()[1]) / r.pca.totalVariance(), r.regressionR2);
        QVERIFY(ari >= 0.8);
        int volumes = 0, particles = 0;
        for (std::size_t m = 0; m < 3; ++m) {
            volumes += r.clusterVolumes[m];
            particles += r.clusterParticles[m];
            QVERIFY(r.clusterVolumes[m] > 0);
        }
        QCOMPARE(volumes, 40);
        QCOMPARE(particles, 900);
        QVERIFY(!fractions.empty());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
        // The mean of the cluster of a particle looks like the true map of its state.
        const std::vector<Volume> maps = stateMaps();
        for (std::size_t i = 0; i < 3; ++i) {
            const Volume& mean = r.clusterMeans[std::size_t(r.particleClusters[i])];
            QVERIFY(mean.nx == kBox && mean.voxelSize == float(kApix));
            const double own = pearsonCorrelation(mean.data, maps[std::size_t(truth[i])].data);
            const double other = pearsonCorrelation(mean.data, maps[std::size_t((truth[i] + 1) % 3)].data);
            QVERIFY2(own > 0.9 && own > other + 0.1, qPrintable(QStringLiteral("%1 vs %2").arg(own).arg(other)));
        }
    }

    void volumePc1FollowsTheHinge()
    {
        // z = (θ/40 − 1 + noise, 3 noise dims): the decoder renders the hinge at θ.
        std::mt19937_64 rng(12);
        std::uniform_real_distribution<double> angle(0, 80);
        std::normal_distribution<float> normal;
        const int count = 600;
        std::vector<float> z;
        std::vector<double> hinge;
        for (int i = 0; i < count; ++i) {
            hinge.push_back(angle(rng));
            z.push_back(float(hinge.back() / 40 - 1) + 0.02f * normal(rng));
            for (int c = 0; c < 3; ++c)
                z.push_back(0.3f * normal(rng));
        }
        const PseudoAtomComplex complex(MotionKind::Hinge, 1, 0, 80, kAtomSigma);
        const VolumeDecoder decode = [&](std::span<const float> point) {
            Conformation conformation;
            conformation.angles[0] = std::clamp(40.0 * (double(point[0]) + 1), 0.0, 80.0);
            return renderVolume(complex.atoms(conformation), kBox, kApix);
        };
        LandscapeOptions options;
        options.clusters = 4;
        options.sketch = 60;
        const LandscapeResult r = LandscapeAnalysis(options).run(z.data(), std::size_t(count), 4, decode);
        std::vector<double> pc1;
        for (int i = 0; i < count; ++i)
            pc1.push_back(r.particleVolumePc[std::size_t(i * r.pca.componentCount())]);
        const double rho = std::abs(spearmanCorrelation(pc1, hinge));
        qInfo("|Spearman rho| of volume-PC1 vs hinge %.3f (regression R² %.3f, PC1 %.1f %%)", rho, r.regressionR2,
              100.0 * r.pca.explainedVariance()[0] / r.pca.totalVariance());
        QVERIFY(rho >= 0.9);
        // Volumes along PC1 change: the two ends differ.
        const Volume low = r.volumeAlongPc(0, -1), high = r.volumeAlongPc(0, 1);
        double diff = 0;
        for (std::size_t v = 0; v < low.data.size(); ++v)
            diff += std::abs(low.data[v] - high.data[v]);
        QVERIFY(diff > 0);
        QCOMPARE(r.eigenvolume(0).nx, kBox);
    }

    void cancelAndBadOptions()
    {
        std::vector<std::int32_t> truth;
        const std::vector<float> z = blobLatents(300, truth, 6);
        std::stop_source stop;
        int calls = 0;
        const VolumeDecoder inner = discreteDecoder(z, truth);
        const VolumeDecoder decode = [&](std::span<const float> point) {
            if (++calls == 5)
                stop.request_stop();
            return inner(point);
        };
        LandscapeOptions options;
        options.clusters = 3;
        QVERIFY_THROWS_EXCEPTION(AnalysisCancelled,
                                 LandscapeAnalysis(options).run(z.data(), 300, 4, decode, {stop.get_token(), {}}));
        QCOMPARE(calls, 5);
        options.clusters = 301;
        QVERIFY_THROWS_EXCEPTION(UsageError, LandscapeAnalysis(options).run(z.data(), 300, 4, inner));
        options.clusters = 3;
        QVERIFY_THROWS_EXCEPTION(UsageError, LandscapeAnalysis(options).run(z.data(), 300, 0, inner));
        options.maskFile = "/nonexistent/mask.mrc";
        QVERIFY_THROWS_EXCEPTION(FileError, LandscapeAnalysis(options).run(z.data(), 300, 4, inner));
        // the sketch scales down for small datasets, but never below 2 per cluster
        LandscapeOptions defaults;
        QCOMPARE(LandscapeAnalysis(defaults).sketchSize(100000), 500);
        QCOMPARE(LandscapeAnalysis(defaults).sketchSize(1000), 100);
        QCOMPARE(LandscapeAnalysis(defaults).sketchSize(50), 20);
    }

    void recoversDiscreteStatesFromATrainedModel()
    {
        QTemporaryDir dir;
        SimulationOptions sim;
        sim.outDir = dir.filePath("data").toStdString();
        sim.particles = 600;
        sim.box = 32;
        sim.pixelSize = 6.0;
        sim.atomSigma = kAtomSigma;
        sim.snr = 1.0;
        sim.motion = MotionKind::Discrete;
        sim.seed = 11;
        simulateDataset(sim);
        TrainingOptions t;
        t.particles = (dir.filePath("data") + "/particles.star").toStdString();
        t.outDir = dir.filePath("run").toStdString();
        t.threads = 1;   // two threads that wait for each other crawl on a busy machine
        t.config.model.zdim = 8;
        t.config.model.encoderWidth = t.config.model.decoderWidth = 128;
        // Tuned with the geometric encoding, which fits these tiny D=32 sets in fewer epochs
        // than the (default) Gaussian one.
        t.config.model.positionalEncoding = "geometric";
        t.config.model.encoderLayers = t.config.model.decoderLayers = 2;
        t.config.epochs = 8;
        t.config.batchSize = 8;
        t.config.learningRate = 1e-3;
        t.config.seed = 3;
        QElapsedTimer clock;
        clock.start();
        trainModel(t, {}, {});
        const double trainSeconds = clock.elapsed() / 1000.0;

        const LatentTable z = readLatents(H5File(dir.filePath("run/run.h5").toStdString(), H5File::Mode::ReadOnly));
        const auto states = H5File(dir.filePath("data/truth.h5").toStdString(), H5File::Mode::ReadOnly)
                                .read<std::int32_t>("/particles/state");
        auto generator = VolumeGenerator::open(dir.filePath("run").toStdString(), 1);
        const VolumeDecoder decode = [&](std::span<const float> point) {
            return generator->generate(point, VolumeGenerator::Quality::Preview);
        };
        LandscapeOptions options;
        options.clusters = 3;
        options.sketch = 60;
        options.threads = 1;
        clock.restart();
        const LandscapeResult r = LandscapeAnalysis(options).run(z.mu.data(), z.count, z.zdim, decode);
        const double ari = adjustedRandIndex(r.particleClusters, states);
        qInfo("trained model (%.1f s): landscape ARI vs true states %.3f (%.1f s, %zu mask voxels, R² %.3f)", trainSeconds,
              ari, clock.elapsed() / 1000.0, r.mask.insideCount(), r.regressionR2);
        QVERIFY(ari >= 0.8);
    }
};

int main(int argc, char** argv)
{
    reexecWithFastBlasIfNeeded(argv);   // else OpenBLAS runs its slow generic kernels in training
    QCoreApplication app(argc, argv);
    TestLandscape test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_landscape.moc"
