// The simulator end to end: determinism (also across thread counts), cancellation, ground
// truth ranges, discrete states, options; the images themselves are tst_simulatorphysics.
#include "analysis/RankCorrelation.h"
#include "formats/NpyFile.h"
#include "formats/StarFile.h"
#include "ctf/Ctf.h"
#include "fourier/CentredFft.h"
#include "fourier/HartleyLattice.h"
#include "geometry/PoseConventions.h"
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "sim/Simulator.h"
#include "support/SimulatorFixtures.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>

using namespace cryo;
namespace fs = std::filesystem;

using simtest::readAll;
using simtest::smallOptions;

class TestSimulator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deterministic()
    {
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.filePath("a").toStdString());
        simulateDataset(o);
        o.outDir = dir.filePath("b").toStdString();
        simulateDataset(o);
        o.outDir = dir.filePath("c").toStdString();
        o.seed = 43;
        simulateDataset(o);
        const fs::path a = dir.filePath("a").toStdString(), b = dir.filePath("b").toStdString(),
                       c = dir.filePath("c").toStdString();
        QVERIFY(readAll(a / "particles.mrcs") == readAll(b / "particles.mrcs"));
        QVERIFY(readAll(a / "particles.mrcs") != readAll(c / "particles.mrcs"));
        QCOMPARE(StarFile::read(a / "particles.star").toString(), StarFile::read(b / "particles.star").toString());
        QCOMPARE(NpyFile::read(a / "particles.cs").serialize(), NpyFile::read(b / "particles.cs").serialize());
        const H5File ha(a / "truth.h5", H5File::Mode::ReadOnly), hb(b / "truth.h5", H5File::Mode::ReadOnly);
        QVERIFY(ha.read<double>("/particles/rotations") == hb.read<double>("/particles/rotations"));
        QVERIFY(ha.read<double>("/particles/coordinates") == hb.read<double>("/particles/coordinates"));
        QVERIFY(readAll(a / "truth_map_02.mrc") == readAll(b / "truth_map_02.mrc"));
    }

    void sameForAnyThreadCount()
    {
        // Rounds of 60 images (the last one short) on 1 and 3 threads, and everything in one
        // round on 2 threads: the same stack, image for image.
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.filePath("one").toStdString());
        o.particles = 150;
        o.threads = 1;
        o.imagesPerRound = 60;
        std::vector<int> progress;
        o.progress = [&](int done, int total) {
            QCOMPARE(total, 150);
            progress.push_back(done);
        };
        QCOMPARE(simulateDataset(o).count, 150);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        for (int roundEnd : {60, 120, 150})   // each round ends with all its images formed
            QVERIFY(std::count(progress.begin(), progress.end(), roundEnd) >= 1);
        o.outDir = dir.filePath("three").toStdString();
        o.threads = 3;
        simulateDataset(o);
        o.outDir = dir.filePath("two").toStdString();
        o.threads = 2;
        o.imagesPerRound = 0;
        simulateDataset(o);
        const std::vector<float> one = readAll(dir.filePath("one/particles.mrcs").toStdString());
        QCOMPARE(one.size(), std::size_t(150) * 32 * 32);
        QVERIFY(one == readAll(dir.filePath("three/particles.mrcs").toStdString()));
        QVERIFY(one == readAll(dir.filePath("two/particles.mrcs").toStdString()));
        // Images differ from one another (none written twice, none left empty).
        const std::size_t pixels = 32 * 32;
        for (std::size_t i = 0; i + 1 < 150; ++i)
            QVERIFY(!std::equal(one.begin() + i * pixels, one.begin() + (i + 1) * pixels, one.begin() + (i + 1) * pixels));
    }

    void hingeTruthSpansRange()
    {
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.path().toStdString());
        o.particles = 300;
        o.hingeMin = -20;
        o.hingeMax = 70;
        const SimulationResult r = simulateDataset(o);
        QCOMPARE(r.count, 300);
        const H5File h5(dir.filePath("truth.h5").toStdString(), H5File::Mode::ReadOnly);
        std::vector<std::size_t> shape;
        const std::vector<double> theta = h5.read<double>("/particles/coordinates", &shape);
        QCOMPARE(shape, (std::vector<std::size_t>{300, 1}));
        const auto [lo, hi] = std::minmax_element(theta.begin(), theta.end());
        QVERIFY(*lo >= -20 && *hi <= 70);
        QVERIFY2(*lo < -20 + 9 && *hi > 70 - 9, qPrintable(QString("%1 .. %2").arg(*lo).arg(*hi)));
        QCOMPARE(h5.stringAttribute("/", "motion"), std::string("hinge"));
        QCOMPARE(h5.numberAttribute("/", "hinge_min_deg"), -20.0);
        // Five maps along the hinge, evenly spaced, and the arm really moves between them.
        const std::vector<double> mapTheta = h5.read<double>("/maps/coordinates");
        QCOMPARE(mapTheta, (std::vector<double>{-20, 2.5, 25, 47.5, 70}));
        QCOMPARE(int(r.maps.size()), 5);
        const Volume first = readMrc(r.maps.front()), last = readMrc(r.maps.back());
        std::vector<double> va(first.data.begin(), first.data.end()), vb(last.data.begin(), last.data.end());
        const double c = pearsonCorrelation(va, vb);
        QVERIFY2(c < 0.9 && c > 0.3, qPrintable(QString::number(c)));
        QVERIFY(fs::exists(dir.filePath("consensus.mrc").toStdString()));
        QCOMPARE(readMrcHeader(r.maps.front()).pixelSize(), 6.0f);
    }

    void twoHingesAreIndependent()
    {
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.path().toStdString());
        o.particles = 300;
        o.motion = MotionKind::TwoHinges;
        const SimulationResult r = simulateDataset(o);
        const H5File h5(dir.filePath("truth.h5").toStdString(), H5File::Mode::ReadOnly);
        std::vector<std::size_t> shape;
        const std::vector<double> a = h5.read<double>("/particles/coordinates", &shape);
        QCOMPARE(shape, (std::vector<std::size_t>{300, 2}));
        // Both angles span [0, 80] and are uncorrelated.
        double m[2] = {0, 0}, v[2] = {0, 0}, c = 0, lo[2] = {90, 90}, hi[2] = {-10, -10};
        for (std::size_t i = 0; i < 300; ++i)
            for (int k = 0; k < 2; ++k) {
                m[k] += a[i * 2 + k] / 300;
                lo[k] = std::min(lo[k], a[i * 2 + k]);
                hi[k] = std::max(hi[k], a[i * 2 + k]);
            }
        for (std::size_t i = 0; i < 300; ++i) {
            const double d0 = a[i * 2] - m[0], d1 = a[i * 2 + 1] - m[1];
            v[0] += d0 * d0;
            v[1] += d1 * d1;
            c += d0 * d1;
        }
        QVERIFY(std::abs(c / std::sqrt(v[0] * v[1])) < 0.2);
        for (int k = 0; k < 2; ++k)
            QVERIFY(lo[k] >= 0 && lo[k] < 8 && hi[k] <= 80 && hi[k] > 72);
        QCOMPARE(int(r.maps.size()), 5);
        QCOMPARE(h5.shape("/maps/coordinates"), (std::vector<std::size_t>{5, 2}));
        QCOMPARE(h5.numberAttribute("/", "noise_std"), r.noiseStd);
    }

    void discreteStates()
    {
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.path().toStdString());
        o.particles = 200;
        o.motion = MotionKind::Discrete;
        const SimulationResult r = simulateDataset(o);
        const H5File h5(dir.filePath("truth.h5").toStdString(), H5File::Mode::ReadOnly);
        const std::vector<std::int32_t> states = h5.read<std::int32_t>("/particles/state");
        int counts[3] = {0, 0, 0};
        for (int s : states) {
            QVERIFY(s >= 0 && s < 3);
            ++counts[s];
        }
        QVERIFY(counts[0] > 50 && counts[1] > 30 && counts[2] > 25);
        QVERIFY(!h5.exists("/particles/coordinates"));
        QCOMPARE(int(r.maps.size()), 3);
        // The full complex carries more density than either partial one.
        double mass[3];
        for (int s = 0; s < 3; ++s) {
            const Volume v = readMrc(r.maps[s]);
            mass[s] = std::accumulate(v.data.begin(), v.data.end(), 0.0);
        }
        QVERIFY(mass[0] > mass[1] && mass[0] > mass[2]);
    }

    void datasetReadsBack_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("star") << "particles.star";
        QTest::newRow("cs") << "particles.cs";
    }
    void datasetReadsBack()
    {
        // The particle dataset reader sees exactly the truth: poses, shifts, CTF, images.
        QFETCH(QString, file);
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.path().toStdString());
        o.particles = 25;
        simulateDataset(o);
        const ParticleDataset ds = ParticleDataset::open(dir.filePath(file).toStdString());
        QCOMPARE(ds.size(), std::size_t(25));
        QCOMPARE(ds.boxSize(), 32);
        QCOMPARE(ds.pixelSize(), 6.0);
        QVERIFY(ds.hasPoses() && ds.hasCtf());
        const H5File h5(dir.filePath("truth.h5").toStdString(), H5File::Mode::ReadOnly);
        const std::vector<double> rot = h5.read<double>("/particles/rotations");
        const std::vector<double> shifts = h5.read<double>("/particles/shifts_px");
        const std::vector<double> defocus = h5.read<double>("/particles/defocus");
        MrcReader stack(dir.filePath("particles.mrcs").toStdString());
        for (std::size_t i = 0; i < ds.size(); ++i) {
            const ParticlePose& pose = ds.poses()[i];
            for (int k = 0; k < 9; ++k)
                QVERIFY(std::abs(pose.rotation[k] - rot[i * 9 + k]) < 1e-5);
            QVERIFY(std::abs(pose.shiftX / 6.0 - shifts[i * 2]) < 1e-4);
            QVERIFY(std::abs(pose.shiftY / 6.0 - shifts[i * 2 + 1]) < 1e-4);
            const CtfParams& c = ds.particles()[i].ctf;
            QVERIFY(std::abs(c.defocusU - defocus[i * 3]) < 0.01 && std::abs(c.defocusV - defocus[i * 3 + 1]) < 0.01);
            QVERIFY(std::abs(c.defocusAngle - defocus[i * 3 + 2]) < 1e-3);
            QVERIFY(ds.readImage(i) == stack.readSection(int(i)));
        }
    }

    void defaultDatasetTiming()
    {
        // The default dataset (5000 × 64², SNR 0.1, CTF) must take well under a minute.
        QTemporaryDir dir;
        SimulationOptions o;
        o.outDir = dir.path().toStdString();
        std::vector<int> progress;
        o.progress = [&](int done, int) { progress.push_back(done); };
        const SimulationResult r = simulateDataset(o);
        qInfo("simulate 5000 x 64^2: %.2f s, signal variance %.4g, noise std %.4g", r.seconds, r.signalVariance,
              r.noiseStd);
        QCOMPARE(r.count, 5000);
        QVERIFY(progress.size() >= 3 && std::is_sorted(progress.begin(), progress.end()));
        QCOMPARE(progress.back(), 5000);
        QVERIFY(r.seconds < 30);
        QCOMPARE(readMrcHeader(dir.filePath("particles.mrcs").toStdString()).nz, 5000);
        QCOMPARE(int(StarFile::read(dir.filePath("particles.star").toStdString()).block("particles")->rowCount()),
                 5000);
    }

    void cancellation_data()
    {
        QTest::addColumn<int>("imagesPerRound");
        QTest::newRow("within the one round") << 0;
        QTest::newRow("with earlier rounds written") << 50;
    }
    void cancellation()
    {
        QFETCH(int, imagesPerRound);
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.path().toStdString());
        o.particles = 300;
        o.imagesPerRound = imagesPerRound;
        std::stop_source source;
        o.stop = source.get_token();
        o.progress = [&](int done, int) { if (done >= 100) source.request_stop(); };
        const SimulationResult r = simulateDataset(o);
        QVERIFY(r.cancelled);
        QVERIFY(!fs::exists(dir.filePath("particles.mrcs").toStdString()));
        QVERIFY(!fs::exists(dir.filePath("particles.mrcs.part").toStdString()));
    }

    void badOptions()
    {
        SimulationOptions o;
        o.outDir = "/tmp/unused";
        o.box = 33;
        QVERIFY_THROWS_EXCEPTION(UsageError, simulateDataset(o));
        o.box = 64;
        o.particles = 0;
        QVERIFY_THROWS_EXCEPTION(UsageError, simulateDataset(o));
        QVERIFY_THROWS_EXCEPTION(UsageError, motionFromName("wobble"));
        o.particles = 10;
        o.atomSigma = 0;
        QVERIFY_THROWS_EXCEPTION(UsageError, simulateDataset(o));
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
