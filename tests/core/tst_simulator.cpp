// The simulator end to end: determinism (also across thread counts), cancellation, ground truth ranges, noise level, and the
// slice-theorem test that proves the pose/shift conventions: each noise-free, CTF-free
// particle, re-centred with the shift read back from the .star and transformed, matches the
// central slice of the ground-truth map's 3D Hartley transform taken with the pose read
// back from the .star and the .cs.
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
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

SimulationOptions smallOptions(const fs::path& dir)
{
    SimulationOptions o;
    o.outDir = dir;
    o.particles = 60;
    o.box = 32;
    o.pixelSize = 6.0;
    o.seed = 42;
    return o;
}

std::vector<float> readAll(const fs::path& path)
{
    MrcReader r(path);
    std::vector<float> v(std::size_t(r.header().nx) * r.header().ny * r.header().nz);
    r.readSections(0, r.header().nz, v.data());
    return v;
}

// 3D Hartley transform of a cubic map zero-padded ×2 (centre kept at index D), for
// interpolating central slices.
struct PaddedHartley {
    int P;
    std::vector<float> ht;

    explicit PaddedHartley(const Volume& v) : P(2 * v.nx)
    {
        const int D = v.nx, off = D / 2;
        std::vector<float> padded(std::size_t(P) * P * P, 0.0f);
        for (int z = 0; z < D; ++z)
            for (int y = 0; y < D; ++y)
                for (int x = 0; x < D; ++x)
                    padded[(std::size_t(z + off) * P + y + off) * P + x + off] = v.at(x, y, z);
        ht.resize(padded.size());
        CentredFft(P, 3).hartley(padded.data(), ht.data());
    }

    // Trilinear interpolation at a frequency q in cycles/px of the unpadded map.
    double at(const Vec3& q) const
    {
        const double fx = P / 2 + q.x() * P, fy = P / 2 + q.y() * P, fz = P / 2 + q.z() * P;
        const int x0 = int(std::floor(fx)), y0 = int(std::floor(fy)), z0 = int(std::floor(fz));
        double sum = 0;
        for (int dz = 0; dz < 2; ++dz)
            for (int dy = 0; dy < 2; ++dy)
                for (int dx = 0; dx < 2; ++dx) {
                    const int x = x0 + dx, y = y0 + dy, z = z0 + dz;
                    if (x < 0 || y < 0 || z < 0 || x >= P || y >= P || z >= P)
                        continue;
                    const double w = (dx ? fx - x0 : 1 - (fx - x0)) * (dy ? fy - y0 : 1 - (fy - y0)) *
                                     (dz ? fz - z0 : 1 - (fz - z0));
                    sum += w * ht[(std::size_t(z) * P + y) * P + x];
                }
        return sum;
    }
};

// Correlation over 0.05 ≤ |k| < ½ cycles/px between an image's (re-centred) HT and the
// slice at Rᵀ·c. The lowest shells are left out: they are nearly isotropic for a compact
// particle and would make even a wrong pose correlate well.
double sliceCorrelation(const std::vector<float>& imageHt, int D, const PaddedHartley& vol, const Mat3& sliceRotation)
{
    std::vector<double> a, b;
    for (int y = 0; y < D; ++y)
        for (int x = 0; x < D; ++x) {
            const double kx = latticeFrequency(x, D), ky = latticeFrequency(y, D);
            if (std::hypot(kx, ky) >= 0.5 || std::hypot(kx, ky) < 0.05)
                continue;
            a.push_back(imageHt[std::size_t(y) * D + x]);
            b.push_back(vol.at(sliceRotation.transpose() * Vec3(kx, ky, 0)));
        }
    return pearsonCorrelation(a, b);
}

// Fraction of a cubic map's power at |k| ≥ kMin (cycles/px), from its 3D Hartley transform.
double powerFractionAbove(const fs::path& mrc, double kMin)
{
    const std::vector<float> map = readAll(mrc);
    const int D = int(std::lround(std::cbrt(double(map.size()))));
    std::vector<float> ht(map.size());
    CentredFft(D, 3).hartley(map.data(), ht.data());
    double high = 0, total = 0;
    for (int z = 0; z < D; ++z)
        for (int y = 0; y < D; ++y)
            for (int x = 0; x < D; ++x) {
                const double h = ht[(std::size_t(z) * D + y) * D + x];
                const double p = h * h;
                const double k = std::sqrt(std::pow(latticeFrequency(x, D), 2) + std::pow(latticeFrequency(y, D), 2) +
                                            std::pow(latticeFrequency(z, D), 2));
                total += p;
                if (k >= kMin)
                    high += p;
            }
    return high / total;
}

} // namespace

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

    // Variance of all values (population).
    static double variance(const std::vector<float>& v)
    {
        double sum = 0, sumSq = 0;
        for (float x : v) {
            sum += x;
            sumSq += double(x) * x;
        }
        const double n = double(v.size());
        return sumSq / n - (sum / n) * (sum / n);
    }

    void noiseLevel_data()
    {
        QTest::addColumn<bool>("particleRegion");
        QTest::newRow("whole image") << false;
        QTest::newRow("particle") << true;
    }
    void noiseLevel()
    {
        // Same seed with and without noise: the difference is the noise; its variance is
        // the measured signal variance / SNR. Over the whole image the signal variance is
        // that of all pixels of the noise-free images (all 60 are estimation images); over
        // the particle it is larger (the empty background no longer dilutes it).
        QFETCH(bool, particleRegion);
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.filePath("noisy").toStdString());
        o.snr = 0.1;
        o.snrRegion = particleRegion ? SnrRegion::Particle : SnrRegion::WholeImage;
        const SimulationResult noisy = simulateDataset(o);
        o.outDir = dir.filePath("clean").toStdString();
        o.snr = 0;
        const SimulationResult clean = simulateDataset(o);
        QCOMPARE(clean.noiseStd, 0.0);
        QVERIFY(noisy.signalVariance > 0);
        const std::vector<float> a = readAll(dir.filePath("noisy/particles.mrcs").toStdString());
        const std::vector<float> b = readAll(dir.filePath("clean/particles.mrcs").toStdString());
        std::vector<float> noise(a.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            noise[i] = a[i] - b[i];
        const double snr = noisy.signalVariance / variance(noise);
        QVERIFY2(std::abs(snr - 0.1) < 0.005, qPrintable(QString::number(snr)));
        const double wholeImage = variance(b);
        if (particleRegion)
            QVERIFY2(noisy.signalVariance > 1.5 * wholeImage,
                     qPrintable(QString("%1 vs %2").arg(noisy.signalVariance).arg(wholeImage)));
        else
            QVERIFY2(std::abs(noisy.signalVariance / wholeImage - 1) < 1e-3,
                     qPrintable(QString("%1 vs %2").arg(noisy.signalVariance).arg(wholeImage)));
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

    void ctfReadBackMatchesApplied_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("star") << "particles.star";
        QTest::newRow("cs") << "particles.cs";
    }
    void ctfReadBackMatchesApplied()
    {
        // HT(image with CTF) = CTF(k) · HT(image without CTF) for a real, even CTF; the CTF
        // is evaluated from the parameters read back from the metadata (angles, units).
        QFETCH(QString, file);
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.filePath("ctf").toStdString());
        o.particles = 10;
        o.box = 64;
        o.pixelSize = 2.0;
        o.snr = 0;
        o.maxAstigmatism = 3000;   // strong astigmatism: a wrong angle convention shows
        simulateDataset(o);
        o.outDir = dir.filePath("plain").toStdString();
        o.applyCtf = false;
        simulateDataset(o);
        const ParticleDataset ds = ParticleDataset::open(dir.filePath("ctf/" + file).toStdString());
        MrcReader plain(dir.filePath("plain/particles.mrcs").toStdString());
        const int D = o.box;
        CentredFft fft(D, 2);
        std::vector<float> a(D * D), b(D * D);
        for (std::size_t i = 0; i < ds.size(); ++i) {
            fft.hartley(ds.readImage(i).data(), a.data());
            fft.hartley(plain.readSection(int(i)).data(), b.data());
            const std::vector<float> ctf = ctfLattice(ds.particles()[i].ctf, ds.pixelSize(), D, false);
            double err = 0, ref = 0;
            for (int y = 1; y < D; ++y)        // row/column 0 (Nyquist) are zeroed by the simulator
                for (int x = 1; x < D; ++x) {
                    const std::size_t k = std::size_t(y) * D + x;
                    err += std::pow(a[k] - ctf[k] * b[k], 2);
                    ref += std::pow(a[k], 2);
                }
            QVERIFY2(err < 1e-6 * ref, qPrintable(QString("particle %1: relative error %2").arg(i).arg(err / ref)));
        }
    }

    void sliceTheorem()
    {
        QTemporaryDir dir;
        SimulationOptions o;
        o.outDir = dir.path().toStdString();
        o.particles = 12;
        o.box = 64;
        o.pixelSize = 3.0;
        o.snr = 0;            // noise-free
        o.applyCtf = false;   // CTF-free
        o.maxShift = 4;
        o.hingeMin = o.hingeMax = 30;   // one conformation: truth_map_00.mrc is the volume
        o.seed = 5;
        simulateDataset(o);
        const int D = o.box;
        const PaddedHartley vol(readMrc(dir.filePath("truth_map_00.mrc").toStdString()));

        const StarFile star = StarFile::read(dir.filePath("particles.star").toStdString());
        const StarBlock& p = *star.block("particles");
        const NpyFile cs = NpyFile::read(dir.filePath("particles.cs").toStdString());
        const int pose = cs.requireField("alignments3D/pose"), shift = cs.requireField("alignments3D/shift");
        MrcReader stack(dir.filePath("particles.mrcs").toStdString());
        CentredFft fft(D, 2);
        std::vector<float> ht(D * D), centred(D * D);
        double worst = 1, wrongRotationSum = 0, wrongShiftSum = 0, rightShiftSum = 0;
        for (int i = 0; i < o.particles; ++i) {
            const Mat3 R = matrixFromRelionEuler(
                {p.number(i, "_rlnAngleRot"), p.number(i, "_rlnAngleTilt"), p.number(i, "_rlnAnglePsi")});
            const Mat3 Rcs = matrixFromCryosparcPose(
                Vec3(cs.number(i, pose, 0), cs.number(i, pose, 1), cs.number(i, pose, 2)));
            QVERIFY(rotationDistanceDeg(R, Rcs) < 1e-3);
            const double tx = p.number(i, "_rlnOriginXAngst") / 3.0, ty = p.number(i, "_rlnOriginYAngst") / 3.0;
            QVERIFY(std::abs(tx - cs.number(i, shift, 0)) < 1e-4 && std::abs(ty - cs.number(i, shift, 1)) < 1e-4);

            std::vector<float> image = stack.readSection(i);
            for (float& v : image)
                v = -v;   // stacks are contrast-inverted (light particles), as RELION extracts them
            fft.hartley(image.data(), ht.data());
            translateHartley(ht.data(), D, false, tx, ty, centred.data());   // cryoDRGN: translate by +t
            const double c = sliceCorrelation(centred, D, vol, R);
            worst = std::min(worst, c);
            rightShiftSum += c;
            // Negative controls: the transposed convention (same as R for 180° rotations, so
        // compared on average), and the opposite shift sign.
            wrongRotationSum += sliceCorrelation(centred, D, vol, R.transpose());
            translateHartley(ht.data(), D, false, -tx, -ty, centred.data());
            wrongShiftSum += sliceCorrelation(centred, D, vol, R);
        }
        qInfo("slice theorem: worst correlation %.4f; mean with Rᵀ %.3f; mean with -t %.3f vs +t %.3f", worst,
              wrongRotationSum / o.particles, wrongShiftSum / o.particles, rightShiftSum / o.particles);
        QVERIFY(worst > 0.9);
        QVERIFY(wrongRotationSum / o.particles < 0.7);
        QVERIFY(wrongShiftSum < rightShiftSum - 0.1 * o.particles);
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

    // Sharper pseudo-atoms put more of the map's (and the images') power at high frequency;
    // truth.h5 records the width.
    void atomWidthSetsTheResolution()
    {
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.filePath("smooth").toStdString());
        o.particles = 4;
        o.atomSigma = 12;
        simulateDataset(o);
        o.outDir = dir.filePath("sharp").toStdString();
        o.atomSigma = 3;   // 0.5 px at 6 Å/px
        simulateDataset(o);
        const fs::path smooth = dir.filePath("smooth").toStdString(), sharp = dir.filePath("sharp").toStdString();
        const double smoothHigh = powerFractionAbove(smooth / "truth_map_00.mrc", 0.25);
        const double sharpHigh = powerFractionAbove(sharp / "truth_map_00.mrc", 0.25);
        qInfo("power above 1/4 cycles/px: sigma 12 A %.3g, sigma 3 A %.3g", smoothHigh, sharpHigh);
        QVERIFY2(sharpHigh > 100 * smoothHigh, qPrintable(QString::number(sharpHigh / smoothHigh)));
        const H5File truth(sharp / "truth.h5", H5File::Mode::ReadOnly);
        QCOMPARE(truth.numberAttribute("/", "atom_sigma_A"), 3.0);
    }

    // Unless given, the atoms are 2.5 Å wide, or half a pixel where pixels are larger (no
    // aliasing); truth.h5 records the width used.
    void defaultAtomWidth()
    {
        QCOMPARE(defaultAtomSigma(3.0), 2.5);
        QCOMPARE(defaultAtomSigma(1.5), 2.5);
        QCOMPARE(defaultAtomSigma(12.0), 6.0);
        QTemporaryDir dir;
        SimulationOptions o = smallOptions(dir.path().toStdString());
        o.particles = 2;
        QVERIFY(!o.atomSigma.has_value());
        simulateDataset(o);
        const H5File truth(fs::path(dir.path().toStdString()) / "truth.h5", H5File::Mode::ReadOnly);
        QCOMPARE(truth.numberAttribute("/", "atom_sigma_A"), 0.5 * o.pixelSize);
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
