// Centred FFT / Hartley transforms: a naive DFT written here, round trips, shifts in
// Hartley space against real-space shifts, the symmetrised lattice and preprocessing.
#include "fourier/CentredFft.h"
#include "fourier/HartleyLattice.h"
#include "fourier/HartleyVolume.h"
#include "fourier/ImagePreprocessor.h"
#include "io/MrcFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <numbers>
#include <random>
#include <thread>

using namespace cryo;

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;

std::vector<float> randomImage(int D, int rank, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> v(rank == 2 ? D * D : D * D * D);
    for (float& x : v)
        x = normal(rng);
    return v;
}

// A sum of two smooth Gaussian blobs centred at c + (cx, cy) (pixels from the box centre).
std::vector<float> blobImage(int D, double cx, double cy)
{
    std::vector<float> v(D * D);
    for (int y = 0; y < D; ++y) {
        for (int x = 0; x < D; ++x) {
            const double dx = x - D / 2 - cx, dy = y - D / 2 - cy;
            const double ex = dx - 3, ey = dy + 2;
            v[y * D + x] = float(std::exp(-(dx * dx + dy * dy) / (2 * 9.0)) +
                                 0.5 * std::exp(-(ex * ex + ey * ey) / (2 * 4.0)));
        }
    }
    return v;
}

double maxAbs(const std::vector<float>& a, const std::vector<float>& b)
{
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        m = std::max(m, double(std::abs(a[i] - b[i])));
    return m;
}

} // namespace

class TestHartley : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesNaiveCentredDft()
    {
        // HT[k] = Σ_x f(x)·(cos − sin)(2π k·x / D) with k, x measured from index D/2.
        const int D = 8;
        const std::vector<float> img = randomImage(D, 2, 1);
        CentredFft fft(D, 2);
        std::vector<float> ht(D * D);
        fft.hartley(img.data(), ht.data());
        std::vector<Complex> f(D * D);
        fft.forward(img.data(), f.data());
        for (int ky = 0; ky < D; ++ky) {
            for (int kx = 0; kx < D; ++kx) {
                double re = 0, im = 0;
                for (int y = 0; y < D; ++y) {
                    for (int x = 0; x < D; ++x) {
                        const double a = kTwoPi * ((kx - D / 2) * (x - D / 2) + (ky - D / 2) * (y - D / 2)) / D;
                        re += img[y * D + x] * std::cos(a);
                        im -= img[y * D + x] * std::sin(a);
                    }
                }
                QVERIFY(std::abs(f[ky * D + kx].real() - re) < 1e-4);
                QVERIFY(std::abs(f[ky * D + kx].imag() - im) < 1e-4);
                QVERIFY(std::abs(ht[ky * D + kx] - (re - im)) < 1e-4);
            }
        }
    }

    void roundTrips_data()
    {
        QTest::addColumn<int>("D");
        QTest::addColumn<int>("rank");
        QTest::newRow("2D 64") << 64 << 2;
        QTest::newRow("2D 10") << 10 << 2;
        QTest::newRow("3D 16") << 16 << 3;
    }
    void roundTrips()
    {
        QFETCH(int, D);
        QFETCH(int, rank);
        CentredFft fft(D, rank);
        const std::vector<float> img = randomImage(D, rank, 2);
        std::vector<float> ht(img.size()), back(img.size());
        fft.hartley(img.data(), ht.data());
        fft.inverseHartley(ht.data(), back.data());
        QVERIFY2(maxAbs(img, back) < 1e-4, qPrintable(QString::number(maxAbs(img, back))));
        std::vector<Complex> f(img.size());
        fft.forward(img.data(), f.data());
        fft.inverse(f.data(), back.data());
        QVERIFY(maxAbs(img, back) < 1e-4);
        // Parseval: Σ|f|² = Σ HT² / N.
        double e1 = 0, e2 = 0;
        for (std::size_t i = 0; i < img.size(); ++i) {
            e1 += double(img[i]) * img[i];
            e2 += double(ht[i]) * ht[i];
        }
        QVERIFY(std::abs(e1 - e2 / double(img.size())) < 1e-3 * e1);
    }

    void concurrentPlansAndTransforms()
    {
        // Plan creation is serialised inside CentredFft; transforms on separate objects run
        // concurrently and give bit-identical results (FFTW_ESTIMATE plans).
        const int D = 48;
        const std::vector<float> img = randomImage(D, 2, 21);
        std::vector<float> reference(D * D);
        CentredFft(D, 2).hartley(img.data(), reference.data());
        std::vector<std::vector<float>> results(4, std::vector<float>(D * D));
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int repeat = 0; repeat < 20; ++repeat) {
                    CentredFft fft(D + 2 * (repeat % 3), 2);   // new plans of several sizes
                    CentredFft same(D, 2);
                    same.hartley(img.data(), results[t].data());
                }
            });
        }
        for (std::thread& th : threads)
            th.join();
        for (const auto& r : results)
            QVERIFY(r == reference);
    }

    void oddBoxRejected()
    {
        QVERIFY_THROWS_EXCEPTION(std::exception, CentredFft(15, 2));
    }

    void symmetrisedLattice()
    {
        const int D = 16;
        const std::vector<float> img = randomImage(D, 2, 3);
        CentredFft fft(D, 2);
        std::vector<float> ht(D * D);
        fft.hartley(img.data(), ht.data());
        const std::vector<float> sym = symmetrized2D(ht.data(), D);
        QCOMPARE(int(sym.size()), (D + 1) * (D + 1));
        // Last row/column repeat the first; back to D×D is lossless.
        QCOMPARE(sym[D * (D + 1) + 3], sym[3]);
        QCOMPARE(sym[5 * (D + 1) + D], sym[5 * (D + 1)]);
        std::vector<float> back(D * D);
        unsymmetrize2D(sym.data(), D, back.data());
        QCOMPARE(back, ht);
        // Coordinates: symmetric lattice spans [−½, ½]; index (D/2, D/2) is DC; x fastest.
        const std::vector<float> k = latticeFrequencies2D(D, true);
        QCOMPARE(int(k.size()), (D + 1) * (D + 1) * 2);
        QCOMPARE(k[0], -0.5f);
        QCOMPARE(k[1], -0.5f);
        QCOMPARE(k.back(), 0.5f);
        const std::size_t centre = (std::size_t(D / 2) * (D + 1) + D / 2) * 2;
        QCOMPARE(k[centre], 0.0f);
        QCOMPARE(k[centre + 1], 0.0f);
        QCOMPARE(k[centre + 2], 1.0f / D);   // next x
        QCOMPARE(int(latticeFrequencies2D(D, false).size()), D * D * 2);
    }

    void shiftEqualsRealSpaceShift_data()
    {
        QTest::addColumn<double>("tx");
        QTest::addColumn<double>("ty");
        QTest::addColumn<bool>("symmetric");
        QTest::newRow("integer D×D") << 3.0 << -5.0 << false;
        QTest::newRow("integer (D+1)²") << -4.0 << 2.0 << true;
        QTest::newRow("fractional") << 2.5 << 1.25 << true;
        QTest::newRow("fractional D×D") << -1.7 << 3.3 << false;
    }
    void shiftEqualsRealSpaceShift()
    {
        QFETCH(double, tx);
        QFETCH(double, ty);
        QFETCH(bool, symmetric);
        const int D = 48;
        CentredFft fft(D, 2);
        const std::vector<float> img = blobImage(D, 0, 0);
        const std::vector<float> expected = blobImage(D, tx, ty);   // f(x − t)
        std::vector<float> ht(D * D), shifted(D * D), back(D * D);
        fft.hartley(img.data(), ht.data());
        if (symmetric) {
            const std::vector<float> sym = symmetrized2D(ht.data(), D);
            std::vector<float> out(sym.size());
            translateHartley(sym.data(), D, true, tx, ty, out.data());
            unsymmetrize2D(out.data(), D, shifted.data());
        } else {
            translateHartley(ht.data(), D, false, tx, ty, shifted.data());
        }
        fft.inverseHartley(shifted.data(), back.data());
        QVERIFY2(maxAbs(back, expected) < 2e-3, qPrintable(QString::number(maxAbs(back, expected))));
        // Shifting back restores the original.
        std::vector<float> again(D * D);
        if (!symmetric) {
            translateHartley(shifted.data(), D, false, -tx, -ty, again.data());
            fft.inverseHartley(again.data(), back.data());
            QVERIFY(maxAbs(back, img) < 2e-3);
        }
    }

    void volumeThroughSymmetricLattice()
    {
        // Map → (D+1)³ Hartley lattice (the decoder's output layout) → map.
        const int D = 16;
        Volume v(D, D, D, 2.5f);
        v.data = randomImage(D, 3, 9);
        const std::vector<float> sym = hartleyOfVolume(v, true);
        QCOMPARE(int(sym.size()), (D + 1) * (D + 1) * (D + 1));
        // The extra planes repeat the first ones: H at +½ is H at −½.
        QCOMPARE(sym[std::size_t(D) * (D + 1) * (D + 1) + 3 * (D + 1) + 4], sym[3 * (D + 1) + 4]);
        const Volume back = volumeFromHartley(sym.data(), D, true, 2.5f);
        QCOMPARE(back.voxelSize, 2.5f);
        QVERIFY(maxAbs(back.data, v.data) < 1e-4);
        // Independent check of the 3D layout: a delta at voxel (D/2 + 1, D/2, D/2) has
        // F(k) = e^{−2πi·kx/D}, so HT(k) = cos(2πkx/D) + sin(2πkx/D), independent of ky and kz.
        Volume delta(D, D, D, 1.0f);
        delta.at(D / 2 + 1, D / 2, D / 2) = 1.0f;
        const std::vector<float> ht = hartleyOfVolume(delta, false);
        for (int z = 0; z < D; z += 5)
            for (int y = 0; y < D; y += 3)
                for (int x = 0; x < D; ++x) {
                    const double a = kTwoPi * (x - D / 2) / D;
                    QVERIFY(std::abs(ht[(std::size_t(z) * D + y) * D + x] - (std::cos(a) + std::sin(a))) < 1e-5);
                }
    }

    void preprocessingSpeed_data()
    {
        QTest::addColumn<int>("D");
        QTest::newRow("64") << 64;
        QTest::newRow("128") << 128;
    }
    void preprocessingSpeed()
    {
        // Per-image cost of window + HT + symmetrise + normalise (reported; loose bound).
        QFETCH(int, D);
        const std::vector<float> img = randomImage(D, 2, 12);
        ImagePreprocessor pre(D);
        std::vector<float> out((D + 1) * (D + 1));
        const int n = 2000;
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i)
            pre.process(img.data(), HartleyNorm{0, 2}, out.data());
        const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() / n;
        qInfo("preprocess %dx%d: %.1f us/image", D, D, us);
        QVERIFY(us < 5000);
    }

    void window()
    {
        const int D = 64;
        const std::vector<float> w = softCircularWindow(D, 0.85, 0.99);
        QCOMPARE(w[(D / 2) * D + D / 2], 1.0f);
        QCOMPARE(w[0], 0.0f);
        // Half-way along the ramp (r = 0.92 of the half box) the window is ½.
        const int x = D / 2 + int(std::lround(0.92 * D / 2));
        const double r = double(x - D / 2) / (D / 2);
        const double expected = 1 - (r - 0.85) / 0.14;
        QVERIFY(std::abs(w[(D / 2) * D + x] - expected) < 1e-6);
        QVERIFY(expected > 0.3 && expected < 0.7);
    }

    void preprocessing()
    {
        const int D = 32;
        const std::vector<float> img = randomImage(D, 2, 4);
        PreprocessOptions opt;
        opt.invertContrast = true;
        ImagePreprocessor pre(D, opt);
        std::vector<float> out((D + 1) * (D + 1));
        pre.process(img.data(), out.data());
        // Reference: window, negate, HT, symmetrise done step by step.
        const std::vector<float> w = softCircularWindow(D, 0.85, 0.99);
        std::vector<float> masked(D * D), ht(D * D);
        for (int i = 0; i < D * D; ++i)
            masked[i] = -img[i] * w[i];
        CentredFft fft(D, 2);
        fft.hartley(masked.data(), ht.data());
        QVERIFY(maxAbs(out, symmetrized2D(ht.data(), D)) < 1e-5);
    }

    void globalNorm()
    {
        // A small stack on disk: the estimated std normalises Hartley values to unit spread.
        QTemporaryDir dir;
        const int D = 32, N = 40;
        const std::string path = dir.filePath("s.mrcs").toStdString();
        {
            MrcWriteOptions o;
            o.stack = true;
            MrcWriter w(path, D, D, 2.0f, o);
            for (int i = 0; i < N; ++i) {
                std::vector<float> img = randomImage(D, 2, 100 + i);
                for (float& v : img)
                    v = 3.0f * v + 1.0f;
                w.appendSections(img.data(), 1);
            }
            w.finish();
        }
        MrcReader reader(path);
        const HartleyNorm norm = estimateHartleyNorm(reader, PreprocessOptions{}, 1000);
        QCOMPARE(norm.mean, 0.0);
        ImagePreprocessor pre(D);
        std::vector<float> img(D * D), out((D + 1) * (D + 1)), all;
        for (int i = 0; i < N; ++i) {
            reader.readSections(i, 1, img.data());
            pre.process(img.data(), norm, out.data());
            all.insert(all.end(), out.begin(), out.end());
        }
        const HartleyNorm after = hartleyNormFromValues(all.data(), all.size());
        QVERIFY2(std::abs(after.std - 1.0) < 1e-3, qPrintable(QString::number(after.std)));
        // Estimating from a subset of 10 images is close to the full estimate.
        const HartleyNorm subset = estimateHartleyNorm(reader, PreprocessOptions{}, 10);
        QVERIFY(std::abs(subset.std / norm.std - 1.0) < 0.2);
    }
};

QTEST_GUILESS_MAIN(TestHartley)
#include "tst_hartley.moc"
