// Fourier-crop downsampling: an image rendered at D and downsampled to D/2 must match the
// same object rendered directly at D/2 (FRC ≈ 1 below the new Nyquist, same pixel values),
// and the streaming stack version must equal the per-image function.
#include "fourier/CentredFft.h"
#include "fourier/Downsample.h"
#include "fourier/DownsampleStar.h"
#include "io/MrcFile.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>

using namespace cryo;

namespace {

struct Blob {
    double x, y, sigma, weight;   // Å from the box centre, Å, arbitrary
};

// Blobs well inside a box of half-width `extent` Å, no narrower than 1.6 px of `coarseApix`
// (so that the coarse rendering itself does not alias).
std::vector<Blob> randomBlobs(unsigned seed, double extent = 32, double coarseApix = 2)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> pos(-0.4 * extent, 0.4 * extent), sig(1.6 * coarseApix, 2.4 * coarseApix),
        wt(0.5, 1.5);
    std::vector<Blob> blobs(25);
    for (Blob& b : blobs)
        b = {pos(rng), pos(rng), sig(rng), wt(rng)};
    return blobs;
}

// Point-samples the blobs on a D×D grid of pixel size apix, pixel (D/2, D/2) at the centre.
std::vector<float> render(const std::vector<Blob>& blobs, int D, double apix)
{
    std::vector<float> img(D * D, 0.0f);
    for (int y = 0; y < D; ++y) {
        for (int x = 0; x < D; ++x) {
            double v = 0;
            for (const Blob& b : blobs) {
                const double dx = (x - D / 2) * apix - b.x, dy = (y - D / 2) * apix - b.y;
                v += b.weight * std::exp(-(dx * dx + dy * dy) / (2 * b.sigma * b.sigma));
            }
            img[y * D + x] = float(v);
        }
    }
    return img;
}

// Fourier ring correlation per integer shell radius (pixels of the D×D lattice).
std::vector<double> frc(const std::vector<float>& a, const std::vector<float>& b, int D)
{
    CentredFft fft(D, 2);
    std::vector<Complex> fa(D * D), fb(D * D);
    fft.forward(a.data(), fa.data());
    fft.forward(b.data(), fb.data());
    std::vector<double> num(D / 2 + 1, 0), da(D / 2 + 1, 0), db(D / 2 + 1, 0);
    for (int y = 0; y < D; ++y) {
        for (int x = 0; x < D; ++x) {
            const int r = int(std::lround(std::hypot(x - D / 2, y - D / 2)));
            if (r > D / 2)
                continue;
            const Complex p = fa[y * D + x], q = fb[y * D + x];
            num[r] += (p * std::conj(q)).real();
            da[r] += std::norm(p);
            db[r] += std::norm(q);
        }
    }
    std::vector<double> out(D / 2 + 1);
    for (int r = 0; r <= D / 2; ++r)
        out[r] = num[r] / std::sqrt(da[r] * db[r] + 1e-30);
    return out;
}

} // namespace

class TestDownsample : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsLowFrequencies_data()
    {
        QTest::addColumn<int>("D");
        QTest::addColumn<int>("newD");
        QTest::newRow("128 -> 64") << 128 << 64;
        QTest::newRow("96 -> 48") << 96 << 48;
        QTest::newRow("64 -> 48") << 64 << 48;
    }
    void keepsLowFrequencies()
    {
        QFETCH(int, D);
        QFETCH(int, newD);
        const double apix = 1.0, newApix = apix * D / newD;
        const std::vector<Blob> blobs = randomBlobs(5, 0.5 * D * apix, newApix);
        const std::vector<float> big = render(blobs, D, apix);
        const std::vector<float> direct = render(blobs, newD, newApix);
        const std::vector<float> small = downsampleImage(big.data(), D, newD);
        QCOMPARE(int(small.size()), newD * newD);
        const std::vector<double> shells = frc(small, direct, newD);
        double worst = 1;
        for (int r = 1; r < int(0.8 * newD / 2); ++r)
            worst = std::min(worst, shells[r]);
        qInfo("%d -> %d: worst FRC below 0.8 x new Nyquist %.6f", D, newD, worst);
        QVERIFY2(worst > 0.99, qPrintable(QString("worst FRC %1").arg(worst)));
        // Pixel values are preserved (the rescaling): compare means and the peak.
        double meanSmall = 0, meanDirect = 0;
        for (int i = 0; i < newD * newD; ++i) {
            meanSmall += small[i];
            meanDirect += direct[i];
        }
        QVERIFY(std::abs(meanSmall / meanDirect - 1) < 0.01);
        const float peakSmall = *std::max_element(small.begin(), small.end());
        const float peakDirect = *std::max_element(direct.begin(), direct.end());
        QVERIFY(std::abs(peakSmall / peakDirect - 1) < 0.02);
    }

    void volume()
    {
        // A 3D Gaussian keeps its integral and position.
        const int D = 32;
        Volume v(D, D, D, 1.5f);
        for (int z = 0; z < D; ++z)
            for (int y = 0; y < D; ++y)
                for (int x = 0; x < D; ++x) {
                    const double r2 = std::pow(x - D / 2 - 3, 2) + std::pow(y - D / 2, 2) + std::pow(z - D / 2 + 2, 2);
                    v.at(x, y, z) = float(std::exp(-r2 / (2 * 9.0)));
                }
        const Volume s = downsampleVolume(v, 16);
        QCOMPARE(s.nx, 16);
        QCOMPARE(s.voxelSize, 3.0f);
        double sumBig = 0, sumSmall = 0;
        for (float x : v.data)
            sumBig += x;
        for (float x : s.data)
            sumSmall += x;
        QVERIFY(std::abs(sumSmall * 8 / sumBig - 1) < 1e-3);
        // Peak at the same physical place: big voxel (19, 16, 14) ↔ small voxel (8+1.5, 8, 8−1).
        QVERIFY(s.at(9, 8, 7) > s.at(7, 8, 9));
    }

    void stackStreaming()
    {
        QTemporaryDir dir;
        const int D = 64, N = 13, newD = 32;
        const std::filesystem::path in = dir.filePath("in.mrcs").toStdString();
        const std::filesystem::path out = dir.filePath("out.mrcs").toStdString();
        std::vector<std::vector<float>> images;
        {
            MrcWriteOptions o;
            o.stack = true;
            MrcWriter w(in, D, D, 1.25f, o);
            for (int i = 0; i < N; ++i) {
                images.push_back(render(randomBlobs(20 + i), D, 1.25));
                w.appendSections(images.back().data(), 1);
            }
            w.finish();
        }
        int progressCalls = 0, lastDone = 0;
        DownsampleStackOptions opt;
        opt.input = in;
        opt.output = out;
        opt.newBox = newD;
        opt.chunk = 5;   // 13 images: chunks of 5, 5, 3
        opt.progress = [&](int done, int total) { ++progressCalls; lastDone = done; QCOMPARE(total, N); };
        const DownsampleStackResult r = downsampleStack(opt);
        QCOMPARE(r.count, N);
        QCOMPARE(progressCalls, 3);
        QCOMPARE(lastDone, N);
        QCOMPARE(r.newPixelSize, 2.5f);
        MrcReader reader(out);
        QCOMPARE(reader.header().nx, newD);
        QCOMPARE(reader.header().nz, N);
        QVERIFY(std::abs(reader.header().pixelSize() - 2.5f) < 1e-5);
        for (int i = 0; i < N; ++i) {
            const std::vector<float> expected = downsampleImage(images[i].data(), D, newD);
            const std::vector<float> got = reader.readSection(i);
            for (int p = 0; p < newD * newD; ++p)
                QCOMPARE(got[p], expected[p]);
        }
    }

    void stackSpeed()
    {
        // 5000 × 64² → 32² streamed through MrcReader/MrcWriter (reported; loose bound).
        QTemporaryDir dir;
        const int D = 64, N = 5000;
        const std::filesystem::path in = dir.filePath("big.mrcs").toStdString();
        {
            MrcWriteOptions o;
            o.stack = true;
            MrcWriter w(in, D, D, 3.0f, o);
            const std::vector<float> img = render(randomBlobs(3, 96, 6), D, 3.0);
            for (int i = 0; i < N; ++i)
                w.appendSections(img.data(), 1);
            w.finish();
        }
        DownsampleStackOptions opt;
        opt.input = in;
        opt.output = dir.filePath("small.mrcs").toStdString();
        opt.newBox = 32;
        const auto t0 = std::chrono::steady_clock::now();
        const DownsampleStackResult r = downsampleStack(opt);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        qInfo("downsample %d x %d^2 -> %d^2: %.2f s (%.0f images/s)", N, D, opt.newBox, s, N / s);
        QCOMPARE(r.count, N);
        QVERIFY(s < 30);
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const std::filesystem::path in = dir.filePath("in.mrcs").toStdString();
        const std::filesystem::path out = dir.filePath("out.mrcs").toStdString();
        std::vector<float> img = render(randomBlobs(1), 32, 1.0);
        MrcWriteOptions o;
        o.stack = true;
        {
            MrcWriter w(in, 32, 32, 1.0f, o);
            for (int i = 0; i < 4; ++i)
                w.appendSections(img.data(), 1);
            w.finish();
        }
        std::stop_source source;
        DownsampleStackOptions opt;
        opt.input = in;
        opt.output = out;
        opt.newBox = 16;
        opt.chunk = 1;
        opt.stop = source.get_token();
        opt.progress = [&](int done, int) { if (done == 2) source.request_stop(); };
        const DownsampleStackResult r = downsampleStack(opt);
        QVERIFY(r.cancelled);
        QCOMPARE(r.count, 2);
        QVERIFY(!std::filesystem::exists(out));
        QVERIFY(!std::filesystem::exists(out.string() + ".part"));
    }

    void starRelion31()
    {
        // Optics table: pixel size × 4, image size 64; Å shifts and other columns untouched.
        const StarFile in = StarFile::read(CRYOSCAPE_FIXTURES_DIR "/relion31.star");
        DownsampleStarOptions o;
        o.oldBox = 256;
        o.newBox = 64;
        o.renameStack = [](const std::string& p) { return "down/" + p; };
        const StarFile out = downsampledStar(in, o);
        const StarBlock& optics = *out.block("optics");
        QVERIFY(std::abs(optics.number(0, "_rlnImagePixelSize") - 4 * in.block("optics")->number(0, "_rlnImagePixelSize")) < 1e-5);
        QCOMPARE(optics.integer(0, "_rlnImageSize"), std::int64_t(64));
        const StarBlock& before = *in.block("particles");
        const StarBlock& after = *out.block("particles");
        QCOMPARE(after.rowCount(), before.rowCount());
        QCOMPARE(after.columns, before.columns);
        for (std::size_t r = 0; r < after.rowCount(); ++r) {
            QCOMPARE(after.value(r, "_rlnOriginXAngst"), before.value(r, "_rlnOriginXAngst"));
            const std::string& name = before.value(r, "_rlnImageName");
            const std::size_t at = name.find('@');
            QCOMPARE(after.value(r, "_rlnImageName"), name.substr(0, at + 1) + "down/" + name.substr(at + 1));
        }
    }

    void starRelion30()
    {
        // No optics table: magnification scaled so DetectorPixelSize·1e4/Mag is the new size.
        const StarFile in = StarFile::read(CRYOSCAPE_FIXTURES_DIR "/empiar_10076_7.star");
        DownsampleStarOptions o;
        o.oldBox = 90;
        o.newBox = 30;
        const StarFile out = downsampledStar(in, o);
        const StarBlock& b = out.blocks().front();
        const StarBlock& a = in.blocks().front();
        const double before = a.number(0, "_rlnDetectorPixelSize") * 1e4 / a.number(0, "_rlnMagnification");
        const double after = b.number(0, "_rlnDetectorPixelSize") * 1e4 / b.number(0, "_rlnMagnification");
        QVERIFY(std::abs(after / before - 3.0) < 1e-6);
        QCOMPARE(b.value(0, "_rlnImageName"), a.value(0, "_rlnImageName"));   // no rename asked
        StarFile noImages;
        StarBlock empty;
        empty.name = "x";
        empty.isLoop = true;
        empty.columns = {"_rlnDefocusU"};
        noImages.addBlock(empty);
        QVERIFY_THROWS_EXCEPTION(FileError, downsampledStar(noImages, o));
    }

    void badInput()
    {
        std::vector<float> img(64 * 64, 1.0f);
        QVERIFY_THROWS_EXCEPTION(UsageError, downsampleImage(img.data(), 64, 33));
        QVERIFY_THROWS_EXCEPTION(UsageError, downsampleImage(img.data(), 64, 128));
        DownsampleStackOptions opt;
        opt.input = "/nonexistent/stack.mrcs";
        opt.output = "/tmp/never.mrcs";
        opt.newBox = 32;
        QVERIFY_THROWS_EXCEPTION(FileError, downsampleStack(opt));
    }
};

QTEST_GUILESS_MAIN(TestDownsample)
#include "tst_downsample.moc"
