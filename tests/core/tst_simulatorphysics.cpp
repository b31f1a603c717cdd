// The simulator's images obey the physics: the noise level, the CTF read back as applied, the
// atom width setting the resolution, and the slice-theorem test that proves the pose/shift
// conventions: each noise-free, CTF-free particle, re-centred with the shift read back from
// the .star and transformed, matches the central slice of the ground-truth map's 3D Hartley
// transform taken with the pose read back from the .star and the .cs.
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

namespace {

// Variance of all values (population).
double variance(const std::vector<float>& v)
{
    double sum = 0, sumSq = 0;
    for (float x : v) {
        sum += x;
        sumSq += double(x) * x;
    }
    const double n = double(v.size());
    return sumSq / n - (sum / n) * (sum / n);
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

class TestSimulatorPhysics : public QObject {
    Q_OBJECT
private Q_SLOTS:
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

};

QTEST_GUILESS_MAIN(TestSimulatorPhysics)
#include "tst_simulatorphysics.moc"
