// MRC reader/writer: round trips for every supported mode, lazy stack access with
// 64-bit offsets, the external fixtures, and every bad-file case with its message.
#include "io/MrcFile.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <random>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

Volume makeRamp(int nx, int ny, int nz, float scale, float offset)
{
    Volume v(nx, ny, nz, 1.5f);
    v.origin = {10.0f, -20.0f, 30.0f};
    for (int z = 0; z < nz; ++z)
        for (int y = 0; y < ny; ++y)
            for (int x = 0; x < nx; ++x)
                v.at(x, y, z) = offset + scale * float((x * 7 + y * 13 + z * 29) % 97);
    return v;
}

// Writes raw bytes to a file (for hand-made bad headers).
void writeBytes(const fs::path& path, const std::vector<char>& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

std::vector<char> readBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::vector<char>(std::istreambuf_iterator<char>(in), {});
}

void setWord(std::vector<char>& bytes, int word, std::int32_t value)
{
    std::memcpy(bytes.data() + 4 * (word - 1), &value, 4);
}

QString errorOf(const fs::path& path)
{
    try {
        MrcReader reader(path);
        reader.readVolume();
    } catch (const FileError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestMrcFile : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    fs::path tmp(const char* name) const { return fs::path(m_dir.path().toStdString()) / name; }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<float>("scale");
        QTest::addColumn<float>("offset");
        QTest::addColumn<float>("tolerance");
        QTest::newRow("int8") << 0 << 1.0f << -48.0f << 0.0f;
        QTest::newRow("int16") << 1 << 300.0f << -14000.0f << 0.0f;
        QTest::newRow("float32") << 2 << 0.37f << -3.1f << 0.0f;
        QTest::newRow("uint16") << 6 << 600.0f << 0.0f << 0.0f;
        QTest::newRow("float16") << 12 << 0.37f << -3.1f << 0.02f;
    }
    void roundTrip()
    {
        QFETCH(int, mode);
        QFETCH(float, scale);
        QFETCH(float, offset);
        QFETCH(float, tolerance);
        const Volume original = makeRamp(17, 11, 5, scale, offset);
        const fs::path path = tmp("roundtrip.mrc");
        writeMrc(path, original, {static_cast<MrcMode>(mode), false});

        MrcReader reader(path);
        const MrcHeader& h = reader.header();
        QCOMPARE(h.nx, 17);
        QCOMPARE(h.ny, 11);
        QCOMPARE(h.nz, 5);
        QCOMPARE(int(h.mode), mode);
        QCOMPARE(h.ispg, 1);
        QCOMPARE(h.pixelSize(), 1.5f);
        QCOMPARE(h.origin[1], -20.0f);
        const Volume back = reader.readVolume();
        QCOMPARE(back.voxelSize, 1.5f);
        QCOMPARE(back.origin[2], 30.0f);
        float maxError = 0;
        for (std::size_t i = 0; i < original.data.size(); ++i)
            maxError = std::max(maxError, std::abs(back.data[i] - original.data[i]));
        QVERIFY2(maxError <= tolerance, qPrintable(QString("max error %1").arg(maxError)));
        const VolumeStats stats = computeStats(back);
        QCOMPARE(h.dmin, stats.min);
        QCOMPARE(h.dmax, stats.max);
        QVERIFY(std::abs(h.dmean - stats.mean) < 1e-3 * (1 + std::abs(stats.mean)));
        QVERIFY(std::abs(h.rms - stats.rms) < 1e-3 * (1 + stats.rms));
        QVERIFY(!fs::exists(fs::path(path) += ".part"));
    }

    void integerModesClampAndRound()
    {
        Volume v(4, 1, 1);
        v.data = {-1000.0f, 2.6f, -2.6f, 1000.0f};
        const fs::path path = tmp("clamp.mrc");
        writeMrc(path, v, {MrcMode::Int8, false});
        const Volume back = readMrc(path);
        QCOMPARE(back.data, (std::vector<float>{-128.0f, 3.0f, -3.0f, 127.0f}));
    }

    void halfPrecisionSpecialValues()
    {
        for (float f : {0.0f, -0.0f, 1.0f, -2.5f, 65504.0f, 6.1035156e-05f, 5.9604645e-08f})
            QCOMPARE(halfToFloat(floatToHalf(f)), f);
        QVERIFY(std::isinf(halfToFloat(floatToHalf(1e6f))));
        QVERIFY(std::isnan(halfToFloat(floatToHalf(std::nanf("")))));
    }

    void stackIsReadLazilyPerImage()
    {
        const Volume stack = makeRamp(8, 8, 12, 1.0f, 0.0f);
        const fs::path path = tmp("stack.mrcs");
        MrcWriter writer(path, 8, 8, 2.0f, {MrcMode::Float32, true});
        for (int i = 0; i < 12; ++i)   // streamed one image at a time
            writer.appendSections(stack.data.data() + std::size_t(i) * 64, 1);
        writer.finish();

        MrcReader reader(path);
        QCOMPARE(reader.header().ispg, 0);
        QVERIFY(reader.header().isStack());
        QCOMPARE(reader.header().pixelSize(), 2.0f);
        const std::vector<float> image7 = reader.readSection(7);
        QCOMPARE(image7.size(), std::size_t(64));
        QVERIFY(std::equal(image7.begin(), image7.end(), stack.data.begin() + 7 * 64));
        std::vector<float> three(3 * 64);
        reader.readSections(9, 3, three.data());
        QVERIFY(std::equal(three.begin(), three.end(), stack.data.begin() + 9 * 64));
        QVERIFY_THROWS_EXCEPTION(UsageError, reader.readSections(10, 3, three.data()));
    }

    void offsetsBeyondFourGigabytes()
    {
        // A sparse file: 80,000 images of 128^2 float32 = 5.2 GB of data, of which only the
        // last image is written. Reading it needs 64-bit offsets all the way.
        const int n = 128, count = 80000;
        const fs::path path = tmp("huge.mrcs");
        std::vector<char> header(1024, 0);
        setWord(header, 1, n);
        setWord(header, 2, n);
        setWord(header, 3, count);
        setWord(header, 4, 2);
        std::memcpy(header.data() + 208, "MAP ", 4);
        header[212] = 0x44;
        header[213] = 0x44;
        std::vector<float> last(n * n);
        for (int i = 0; i < n * n; ++i)
            last[i] = float(i % 251);
        {
            std::ofstream out(path, std::ios::binary);
            out.write(header.data(), 1024);
            out.seekp(std::streamoff(1024 + std::uint64_t(n) * n * 4 * (count - 1)));
            out.write(reinterpret_cast<const char*>(last.data()), n * n * 4);
        }
        QVERIFY(fs::file_size(path) > (std::uint64_t(1) << 32));
        MrcReader reader(path);
        QCOMPARE(reader.readSection(count - 1), last);
        fs::remove(path);
    }

    void extendedHeaderIsSkipped()
    {
        const Volume v = makeRamp(6, 5, 4, 1.0f, 0.0f);
        const fs::path plain = tmp("plain.mrc");
        writeMrc(plain, v);
        std::vector<char> bytes = readBytes(plain);
        setWord(bytes, 24, 96);   // NSYMBT
        bytes.insert(bytes.begin() + 1024, 96, char(0x5a));
        const fs::path extended = tmp("extended.mrc");
        writeBytes(extended, bytes);
        QCOMPARE(readMrc(extended).data, v.data);
    }

    void externalFixturesRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("nx");
        QTest::addColumn<int>("nz");
        QTest::addColumn<bool>("stack");
        QTest::newRow("cryoDRGN volume") << "hand-vol.mrc" << 64 << 64 << false;
        QTest::newRow("cryoDRGN stack") << "hand.mrcs" << 64 << 100 << true;
        QTest::newRow("RELION stack without MAP stamp") << "relion31.mrcs" << 256 << 5 << true;
        QTest::newRow("EMPIAR stack, zero cell") << "empiar_10076_7.mrc" << 320 << 7 << false;
    }
    void externalFixturesRead()
    {
        QFETCH(QString, file);
        QFETCH(int, nx);
        QFETCH(int, nz);
        QFETCH(bool, stack);
        MrcReader reader(fs::path(CRYOSCAPE_FIXTURES_DIR) / file.toStdString());
        QCOMPARE(reader.header().nx, nx);
        QCOMPARE(reader.header().nz, nz);
        QCOMPARE(reader.header().isStack(), stack);
        const std::vector<float> last = reader.readSection(nz - 1);
        const VolumeStats s = computeStats(last.data(), last.size());
        QVERIFY(std::isfinite(s.mean));
        QVERIFY(s.max > s.min);   // real image content, not zeros
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "missing" << "file not found";
        QTest::newRow("empty") << "empty" << "shorter than the 1024-byte MRC header";
        QTest::newRow("text file") << "text" << "not an MRC file";
        QTest::newRow("unknown mode") << "mode" << "unknown data mode 5";
        QTest::newRow("zero size") << "zero" << "invalid dimensions 8 x 0 x 4";
        QTest::newRow("negative size") << "negative" << "invalid dimensions -8 x 8 x 4";
        QTest::newRow("truncated data") << "truncated" << "file is truncated";
        QTest::newRow("header claims more") << "claims" << "need 9216 bytes";
        QTest::newRow("negative NSYMBT") << "nsymbt" << "negative extended header";
    }
    void badFiles()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const fs::path good = tmp("good.mrc");
        writeMrc(good, makeRamp(8, 8, 4, 1.0f, 0.0f));   // 1024 + 1024 bytes
        std::vector<char> bytes = readBytes(good);
        const fs::path bad = tmp(("bad-" + kind.toStdString() + ".mrc").c_str());
        if (kind == "empty")
            bytes.clear();
        else if (kind == "text")
            bytes.assign(2000, 'x');
        else if (kind == "mode")
            setWord(bytes, 4, 5);
        else if (kind == "zero")
            setWord(bytes, 2, 0);
        else if (kind == "negative")
            setWord(bytes, 1, -8);
        else if (kind == "truncated")
            bytes.resize(1024 + 1000);
        else if (kind == "claims")
            setWord(bytes, 3, 32);
        else if (kind == "nsymbt")
            setWord(bytes, 24, -4);
        if (kind != "missing")
            writeBytes(bad, bytes);
        const QString message = errorOf(bad);
        QVERIFY2(message.contains(QString::fromStdString(bad.filename().string())), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void failedWriteLeavesNoFile()
    {
        const fs::path path = tmp("unfinished.mrc");
        {
            MrcWriter writer(path, 4, 4, 1.0f);
            const std::vector<float> image(16, 1.0f);
            writer.appendSections(image.data(), 1);
        }   // destroyed without finish(): as if cancelled
        QVERIFY(!fs::exists(path));
        QVERIFY(!fs::exists(fs::path(path) += ".part"));
    }
};

QTEST_GUILESS_MAIN(TestMrcFile)
#include "tst_mrcfile.moc"
