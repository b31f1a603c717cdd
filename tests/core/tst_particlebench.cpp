// Timings (printed, never asserted): reading a 5,000 x 64² stack lazily vs eagerly, with
// and without the NaN/Inf check, and parsing a 50,000-row STAR file. The checks only
// verify that every path returns the same pixels.
#include "formats/StarFile.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

constexpr int kCount = 5000;
constexpr int kBox = 64;
constexpr std::size_t kPixels = std::size_t(kBox) * kBox;

double checksum(const std::vector<float>& v)
{
    double s = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
        s += double(v[i]) * double(i % 97 + 1);
    return s;
}

// Reads every image in chunks of `chunk` into out (preallocated, so page faults of a
// fresh buffer are not timed); returns the best of three runs in milliseconds.
double timeReadAll(const ParticleDataset& d, std::size_t chunk, std::vector<float>& out)
{
    out.resize(d.size() * kPixels);
    double best = 1e30;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (std::size_t first = 0; first < d.size(); first += chunk)
            d.readImages(first, std::min(chunk, d.size() - first), out.data() + first * kPixels);
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

class TestParticleBench : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lazyVersusEager();
    void starParsing();

private:
    QTemporaryDir m_dir;
    fs::path m_stack;
};

void TestParticleBench::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_stack = fs::path(m_dir.path().toStdString()) / "bench.mrcs";
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.f, 1.f);
    std::vector<float> chunk(500 * kPixels);
    MrcWriter writer(m_stack, kBox, kBox, 1.5f, {MrcMode::Float32, true});
    for (int c = 0; c < kCount / 500; ++c) {
        for (float& v : chunk)
            v = noise(rng);
        writer.appendSections(chunk.data(), 500);
    }
    writer.finish();
}

void TestParticleBench::lazyVersusEager()
{
    QElapsedTimer timer;
    timer.start();
    const ParticleDataset lazy = ParticleDataset::open(m_stack);
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    std::vector<float> chunked, single, raw, fromMemory;
    const double lazyChunkMs = timeReadAll(lazy, 256, chunked);
    const double lazySingleMs = timeReadAll(lazy, 1, single);

    ParticleDatasetOptions unchecked;
    unchecked.checkFinite = false;
    const double noCheckMs = timeReadAll(ParticleDataset::open(m_stack, unchecked), 256, raw);

    ParticleDatasetOptions eager;
    eager.loadEagerly = true;
    timer.restart();
    const ParticleDataset inMemory = ParticleDataset::open(m_stack, eager);
    const double eagerOpenMs = double(timer.nsecsElapsed()) / 1e6;
    QVERIFY(inMemory.isInMemory());
    const double eagerReadMs = timeReadAll(inMemory, 256, fromMemory);

    const double mb = double(kCount) * kPixels * 4 / 1e6;
    qInfo("stack: %d x %dx%d float32 = %.1f MB (file in the page cache; best of 3 runs)", kCount, kBox, kBox, mb);
    qInfo("lazy: open %.2f ms; read all in chunks of 256: %.1f ms (%.0f MB/s); one image per call: %.1f ms",
          openMs, lazyChunkMs, mb / lazyChunkMs * 1000, lazySingleMs);
    qInfo("lazy, chunks of 256, NaN/Inf check off: %.1f ms", noCheckMs);
    qInfo("eager: open incl. loading everything %.1f ms; read all from memory %.1f ms (%.0f MB/s)", eagerOpenMs,
          eagerReadMs, mb / eagerReadMs * 1000);
    const double expected = checksum(chunked);
    QCOMPARE(checksum(single), expected);
    QCOMPARE(checksum(raw), expected);
    QCOMPARE(checksum(fromMemory), expected);
}

void TestParticleBench::starParsing()
{
    const fs::path star = fs::path(m_dir.path().toStdString()) / "big.star";
    {
        std::ofstream out(star);
        out << "\n# version 30001\n\ndata_optics\n\nloop_\n_rlnOpticsGroup #1\n_rlnImagePixelSize #2\n"
               "_rlnImageSize #3\n_rlnVoltage #4\n_rlnSphericalAberration #5\n_rlnAmplitudeContrast #6\n"
               "1 1.500000 64 300.000000 2.700000 0.100000\n\n# version 30001\n\ndata_particles\n\nloop_\n"
               "_rlnImageName #1\n_rlnDefocusU #2\n_rlnDefocusV #3\n_rlnDefocusAngle #4\n_rlnAngleRot #5\n"
               "_rlnAngleTilt #6\n_rlnAnglePsi #7\n_rlnOriginXAngst #8\n_rlnOriginYAngst #9\n_rlnOpticsGroup #10\n";
        for (int i = 0; i < 50000; ++i)
            out << (i % kCount) + 1 << "@bench.mrcs " << 10000 + i % 7000 << ".123456 " << 9800 + i % 7000
                << ".654321 " << i % 180 << ".5 " << i % 360 - 180 << ".25 " << i % 180 << ".75 " << i % 360 - 180
                << ".125 " << (i % 11) - 5 << ".5 " << (i % 13) - 6 << ".25 1\n";
    }
    QElapsedTimer timer;
    timer.start();
    const StarFile file = StarFile::read(star);
    const qint64 parseMs = timer.elapsed();
    timer.restart();
    const ParticleDataset d = ParticleDataset::open(star);
    const qint64 openMs = timer.elapsed();
    timer.restart();
    const std::string text = file.toString();
    const qint64 writeMs = timer.elapsed();
    qInfo("STAR, 50,000 rows x 10 columns (%.1f MB): parse %lld ms, open as dataset %lld ms, to text %lld ms",
          double(fs::file_size(star)) / 1e6, parseMs, openMs, writeMs);
    QCOMPARE(file.block("particles")->rowCount(), std::size_t(50000));
    QCOMPARE(d.size(), std::size_t(50000));
    QCOMPARE(d.particles()[49999].image, 49999 % kCount);
    QCOMPARE(StarFile::parse(text, "again.star").block("particles")->rows, file.block("particles")->rows);
}

QTEST_GUILESS_MAIN(TestParticleBench)
#include "tst_particlebench.moc"
