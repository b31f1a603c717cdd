// Fourier backprojection (issue #19): FSC sanity, recovery of a known map from the simulator's
// noise-free projections with their poses, shifts and CTF (the end-to-end test of the pose and
// shift conventions through a .star file), half splits, cancellation, and clear messages for
// bad input.
#include "analysis/AnalysisContext.h"
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "reconstruct/Backprojection.h"
#include "reconstruct/BackprojectionTask.h"
#include "reconstruct/FourierShellCorrelation.h"
#include "reconstruct/MapAgreement.h"
#include "reconstruct/TruthScores.h"
#include "sim/SimulationTruth.h"
#include "sim/Simulator.h"
#include "support/Errors.h"
#include "support/TestMaps.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

Volume noiseMap(int D, std::uint64_t seed)
{
    Volume v(D, D, D, 2.0f);
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal;
    for (float& x : v.data)
        x = normal(rng);
    return v;
}

// One conformation (the hinge fixed at 40°), noise-free, D = 32 at 6 Å/px, CTF and shifts on.
SimulationOptions fixedConformation(const fs::path& dir, int particles)
{
    SimulationOptions o;
    o.outDir = dir;
    o.particles = particles;
    o.box = 32;
    o.pixelSize = 6.0;
    o.snr = 0;
    o.seed = 7;
    o.hingeMin = o.hingeMax = 40;
    o.atomSigma = 4.5;   // 0.75 px: no aliasing in the rendered images
    return o;
}

// The true map and the backprojection low-pass filtered at `fraction` of Nyquist.
double correlationBelow(const Volume& map, const Volume& truth, double fraction)
{
    const double resolution = 2.0 * truth.voxelSize / fraction;
    return mapCorrelation(lowPassFiltered(map, resolution, 1.0), lowPassFiltered(truth, resolution, 1.0));
}

} // namespace

class TestBackprojection : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fs::path m_data;   // a noise-free single-conformation dataset shared by the tests

private Q_SLOTS:
    void initTestCase()
    {
        m_data = fs::path(m_dir.path().toStdString()) / "fixed";
        simulateDataset(fixedConformation(m_data, 1500));
    }

    void fscOfAMapWithItselfIsOne()
    {
        const Volume map = testmaps::ball(32, 6, 15, 17, 16);
        const FscCurve curve = fourierShellCorrelation(map, map);
        QCOMPARE(curve.shellCount(), std::size_t(17));
        for (double v : curve.values)
            QVERIFY(std::abs(v - 1.0) < 1e-6);
        QVERIFY(!resolutionAt(curve, 0.143).reached);
        QVERIFY(std::abs(fscAreaUnderCurve(curve) - 15.0 / 32.0) < 1e-9);   // shells 0 … 15
    }

    void fscOfIndependentNoiseIsNearZero()
    {
        const FscCurve curve = fourierShellCorrelation(noiseMap(32, 1), noiseMap(32, 2));
        double sum = 0;
        for (std::size_t s = 4; s < curve.shellCount(); ++s) {   // ≥ 200 voxels: |FSC| ~ 1/sqrt(n) ≤ 0.07
            QVERIFY2(std::abs(curve.values[s]) < 0.25, qPrintable(QString::number(curve.values[s])));
            sum += curve.values[s];
        }
        QVERIFY(std::abs(sum / double(curve.shellCount() - 4)) < 0.05);
        QVERIFY(resolutionAt(curve, 0.5).frequency < curve.frequency(2));
    }

    void fscIsInvariantToScale()
    {
        const Volume a = testmaps::ball(32, 6, 16, 16, 16);
        Volume b = a, c = noiseMap(32, 3);
        for (std::size_t i = 0; i < b.data.size(); ++i)
            b.data[i] = 3.0f * b.data[i] + 0.2f * c.data[i];
        const FscCurve curve = fourierShellCorrelation(a, b);
        QVERIFY(curve.values[1] > 0.99);
        QVERIFY(curve.values[15] < 0.9);   // the ball has little power there, the noise a lot
    }

    void resolutionInterpolatesBetweenShells()
    {
        FscCurve curve;
        curve.boxSize = 10;
        curve.voxelSize = 2.0;
        curve.values = {1.0, 0.9, 0.6, 0.2, 0.1, 0.0};
        const FscResolution r = resolutionAt(curve, 0.5);
        QVERIFY(r.reached);
        QVERIFY(std::abs(r.frequency - 2.25 / 20.0) < 1e-12);   // a quarter of the way from shell 2 to 3
        QVERIFY(std::abs(r.angstrom() - 20.0 / 2.25) < 1e-9);
    }

    void lowPassKeepsLowFrequenciesOnly()
    {
        const Volume noise = noiseMap(32, 4);
        const Volume filtered = lowPassFiltered(noise, 4 * noise.voxelSize, 1.0);   // half of Nyquist
        const FscCurve curve = fourierShellCorrelation(noise, filtered);
        QVERIFY(curve.values[4] > 0.999);
        const double energy = computeStats(filtered).rms;
        QVERIFY(energy < 0.5 * computeStats(noise).rms);   // ~(8/16)³ of the power is left
        QCOMPARE(lowPassFiltered(noise, 1.0).data, noise.data);   // beyond Nyquist: unchanged
    }

    void recoversTheTrueMapFromNoiseFreeProjections()
    {
        const ParticleDataset dataset = ParticleDataset::open(m_data / "particles.star");
        BackprojectionInput input;
        input.dataset = &dataset;
        BackprojectionOptions options;
        options.threads = 2;
        const BackprojectionResult result = backproject(input, options);
        const Volume truth = readMrc(m_data / "truth_map_00.mrc");
        QCOMPARE(result.map.nx, 32);
        QCOMPARE(result.map.voxelSize, 6.0f);
        QVERIFY(result.ctfApplied);
        QCOMPARE(result.particles, std::size_t(1500));
        QCOMPARE(result.halfACount, std::size_t(750));
        const double correlation = correlationBelow(result.map, truth, 0.8);
        qInfo("correlation with the true map below 0.8 Nyquist: %.4f", correlation);
        QVERIFY2(correlation >= 0.99, qPrintable(QString::number(correlation)));
        const FscCurve againstTruth = fourierShellCorrelation(result.map, truth);
        for (std::size_t s = 1; s <= 12; ++s)   // 0.75 Nyquist
            QVERIFY2(againstTruth.values[s] > 0.95, qPrintable(QString("shell %1: %2").arg(s).arg(againstTruth.values[s])));
        QVERIFY(result.resolution0143.angstrom() < 2.0 * 6.0 / 0.8);   // noise-free: the halves agree far out
    }

    void shiftsMatter()
    {
        // The same particles with their shifts dropped must reconstruct worse: the test above
        // would pass by luck if the shifts were ignored.
        const ParticleDataset dataset = ParticleDataset::open(m_data / "particles.star");
        BackprojectionInput input;
        input.dataset = &dataset;
        input.poses = dataset.poses();
        for (ParticlePose& pose : input.poses)
            pose.shiftX = pose.shiftY = 0;
        input.selection = sampleParticles(dataset.size(), 600, 1);
        const BackprojectionResult result = backproject(input, {});
        const double correlation = correlationBelow(result.map, readMrc(m_data / "truth_map_00.mrc"), 0.8);
        QVERIFY2(correlation < 0.97, qPrintable(QString::number(correlation)));
    }

    void splitsAreBalancedAndDeterministic()
    {
        const ParticleDataset dataset = ParticleDataset::open(m_data / "particles.star");
        BackprojectionInput input;
        input.dataset = &dataset;
        input.selection = std::vector<std::size_t>{1, 2, 3, 5, 8, 13, 21, 34, 55};
        BackprojectionOptions options;
        options.split = HalfSplit::Random;
        options.threads = 1;
        const BackprojectionResult a = backproject(input, options), b = backproject(input, options);
        QCOMPARE(a.particles, std::size_t(9));
        QCOMPARE(a.halfACount, std::size_t(4));
        QCOMPARE(a.halfBCount, std::size_t(5));
        QCOMPARE(a.halfA.data, b.halfA.data);
        options.split = HalfSplit::EvenOdd;
        QCOMPARE(backproject(input, options).halfACount, std::size_t(5));
    }

    void cancelsAndReportsProgress()
    {
        const ParticleDataset dataset = ParticleDataset::open(m_data / "particles.star");
        BackprojectionInput input;
        input.dataset = &dataset;
        std::stop_source stop;
        std::vector<double> fractions;
        AnalysisContext context{stop.get_token(), [&](double f) {
                                    fractions.push_back(f);
                                    if (f > 0.2)
                                        stop.request_stop();
                                }};
        BackprojectionOptions options;
        options.threads = 2;
        QVERIFY_THROWS_EXCEPTION(AnalysisCancelled, backproject(input, options, context));
        QVERIFY(!fractions.empty());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(fractions.back() < 1.0);
        fractions.clear();
        const AnalysisContext reporting{{}, [&](double f) { fractions.push_back(f); }};
        input.selection = sampleParticles(dataset.size(), 300, 2);
        backproject(input, options, reporting);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
    }

    void badInputsNameTheFile()
    {
        // A bare stack has no poses.
        BackprojectionRequest request;
        request.particles = m_data / "particles.mrcs";
        QString message = errorOf([&] { runBackprojection(request); });
        QVERIFY2(message.contains("particles.mrcs") && message.contains("no poses"), qPrintable(message));

        // Poses of another particle count.
        const fs::path other = fs::path(m_dir.path().toStdString()) / "other";
        simulateDataset(fixedConformation(other, 20));
        request.poses = other / "particles.star";
        message = errorOf([&] { runBackprojection(request); });
        QVERIFY2(message.contains("other/particles.star") && message.contains("20") && message.contains("1500"),
                 qPrintable(message));

        // An empty selection file, and an empty selection given directly.
        request = {};
        request.particles = m_data / "particles.star";
        request.index = fs::path(m_dir.path().toStdString()) / "empty.txt";
        std::ofstream(request.index) << "# nothing\n";
        message = errorOf([&] { runBackprojection(request); });
        QVERIFY2(message.contains("empty.txt") && message.contains("empty selection"), qPrintable(message));
        request.index.clear();
        request.selection = std::vector<std::size_t>{};
        message = errorOf([&] { runBackprojection(request); });
        QVERIFY2(message.contains("particles.star") && message.contains("empty"), qPrintable(message));
        request.selection = std::vector<std::size_t>{3, 99999};
        message = errorOf([&] { runBackprojection(request); });
        QVERIFY2(message.contains("99999") && message.contains("particles.star"), qPrintable(message));

        // A run without poses of its own.
        request.selection.reset();
        request.posesFromRun = m_data;   // no run.h5 there
        message = errorOf([&] { runBackprojection(request); });
        QVERIFY2(message.contains("run.h5"), qPrintable(message));
    }

    void writesMapsAndFscTable()
    {
        BackprojectionRequest request;
        request.particles = m_data / "particles.star";
        request.maxParticles = 200;
        request.outDir = fs::path(m_dir.path().toStdString()) / "out";
        const BackprojectionResult result = runBackprojection(request);
        QCOMPARE(result.particles, std::size_t(200));
        for (const char* name : {"backprojection.mrc", "backprojection_unfiltered.mrc", "half_a.mrc", "half_b.mrc"}) {
            const MrcHeader header = readMrcHeader(request.outDir / name);
            QCOMPARE(header.nx, 32);
            QCOMPARE(header.pixelSize(), 6.0f);
        }
        std::ifstream table(request.outDir / "fsc.txt");
        std::string header;
        std::getline(table, header);
        QCOMPARE(QString::fromStdString(header), QString("# frequency_1/A fsc"));
        double frequency = -1, fsc = 0;
        int lines = 0;
        while (table >> frequency >> fsc)
            ++lines;
        QCOMPARE(lines, 17);
        QVERIFY(std::abs(frequency - 1.0 / 12.0) < 1e-6);   // Nyquist at 6 Å/px
    }

    void truthMapsMatchTheSimulatorsFiles()
    {
        const SimulationTruth truth = SimulationTruth::open(m_data / "truth.h5");
        QCOMPARE(truth.particleCount(), std::size_t(1500));
        QCOMPARE(truth.particleMap(17).data, readMrc(m_data / "truth_map_00.mrc").data);
    }

    void maskFitsTheParticle()
    {
        const ParticleDataset dataset = ParticleDataset::open(m_data / "particles.star");
        const SimulationTruth truth = SimulationTruth::open(m_data / "truth.h5");
        BackprojectionInput input;
        input.dataset = &dataset;
        input.selection = sampleParticles(dataset.size(), 500, 3);
        const BackprojectionResult fitted = backproject(input, {});
        const double boxRadius = 16 * 6.0;
        qInfo("fitted mask radius %.1f Å, the complex reaches %.1f Å (with 3 σ)", fitted.maskRadius,
              truth.complex().maxRadius());
        QVERIFY(fitted.maskRadius >= 0.7 * truth.complex().maxRadius());
        QVERIFY(fitted.maskRadius < boxRadius);
        QCOMPARE(fitted.map.at(0, 0, 0), 0.0f);   // a corner, outside the mask
        BackprojectionOptions options;
        options.maskRadius = -1;
        const BackprojectionResult unmasked = backproject(input, options);
        QCOMPARE(unmasked.maskRadius, 0.0);
        QVERIFY(unmasked.map.at(0, 0, 0) != 0.0f);
        options.maskRadius = 40;
        QCOMPARE(backproject(input, options).maskRadius, 40.0);
    }

    void truthRefusesOtherFiles()
    {
        const fs::path other = fs::path(m_dir.path().toStdString()) / "not_truth.h5";
        H5File(other, H5File::Mode::Create).close();
        const QString message = errorOf([&] { SimulationTruth::open(other); });
        QVERIFY2(message.contains("not_truth.h5") && message.contains("not the truth.h5"), qPrintable(message));
    }

    void aBlobOnlyTheDecoderHasIsFlagged()
    {
        // The particles show one conformation; a "decoder" map of it with a blob added where
        // the data have no density must be flagged there, and the true map nowhere much.
        SimulationOptions o = fixedConformation(fs::path(m_dir.path().toStdString()) / "noisy", 1500);
        o.snr = 0.1;
        simulateDataset(o);
        const ParticleDataset dataset = ParticleDataset::open(o.outDir / "particles.star");
        BackprojectionInput input;
        input.dataset = &dataset;
        const BackprojectionResult bp = backproject(input, {});
        const Volume truth = readMrc(o.outDir / "truth_map_00.mrc");
        const VolumeStats stats = computeStats(truth);
        Volume decoded = truth;
        const int bx = 16 + 6, by = 16, bz = 16 - 5;   // inside the mask, off the complex's core
        for (int z = 0; z < 32; ++z)
            for (int y = 0; y < 32; ++y)
                for (int x = 0; x < 32; ++x) {
                    const double r2 = (x - bx) * (x - bx) + (y - by) * (y - by) + (z - bz) * (z - bz);
                    decoded.at(x, y, z) += float(0.3 * stats.max * std::exp(-r2 / (2 * 1.5 * 1.5)));
                }
        const MapAgreement withBlob = compareWithBackprojection(decoded, bp);
        const MapAgreement faithful = compareWithBackprojection(truth, bp);
        qInfo("excess at the blob %.1f σ; flagged voxels with the blob %zu, without %zu; FSC 0.5 %.1f Å",
              withBlob.excess.at(bx, by, bz), withBlob.flaggedVoxels, faithful.flaggedVoxels,
              faithful.resolution05.angstrom());
        QVERIFY(withBlob.excess.at(bx, by, bz) >= 5.0);
        QVERIFY(faithful.excess.at(bx, by, bz) < 3.0);
        QVERIFY(withBlob.flaggedVoxels >= 10);
        QVERIFY(faithful.flaggedVoxels * 5 < withBlob.flaggedVoxels);
        QVERIFY(faithful.scale > 0);
    }

    void stateBackprojectionsMatchTheirOwnState()
    {
        // The hallucination check on discrete data: each state's particles backproject to a
        // map nearest to that state's truth.
        SimulationOptions o = fixedConformation(fs::path(m_dir.path().toStdString()) / "discrete", 900);
        o.motion = MotionKind::Discrete;
        o.snr = 0.5;
        simulateDataset(o);
        const SimulationTruth truth = SimulationTruth::open(o.outDir / "truth.h5");
        const ParticleDataset dataset = ParticleDataset::open(o.outDir / "particles.star");
        const auto scores = scoreStateBackprojections(truth, dataset, {});
        QCOMPARE(scores.size(), std::size_t(3));
        for (const StateBackprojectionScore& s : scores) {
            QVERIFY2(s.matchesOwnState(), qPrintable(QString("state %1: %2 %3 %4").arg(s.state)
                                                         .arg(s.correlationWithStates[0])
                                                         .arg(s.correlationWithStates[1])
                                                         .arg(s.correlationWithStates[2])));
            QVERIFY(s.score.auc > 0.2);
        }
    }
};

QTEST_GUILESS_MAIN(TestBackprojection)
#include "tst_backprojection.moc"
