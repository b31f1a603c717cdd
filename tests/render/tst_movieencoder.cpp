// MovieEncoder: 10 small synthetic frames to .mp4 (H.264) and .gif, read back with
// libavformat/libavcodec: codec, size, frame count and decoded colours close to the source;
// bad input gives UsageError/FileError naming the file and leaves no .part file behind.
#include "GifPalette.h"
#include "MovieEncoder.h"
#include "util/Error.h"

#include "support/DecodeMovie.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

constexpr int kWidth = 96, kHeight = 64, kFrames = 10;

// Frame i: a vertical colour gradient with a saturated square that moves right by 6 px a frame.
std::vector<std::uint8_t> syntheticFrame(int i)
{
    std::vector<std::uint8_t> rgb(std::size_t(kWidth) * kHeight * 3);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            std::uint8_t* p = &rgb[(std::size_t(y) * kWidth + x) * 3];
            const bool square = x >= 6 * i && x < 6 * i + 24 && y >= 20 && y < 44;
            p[0] = square ? 220 : std::uint8_t(40 + y * 2);
            p[1] = square ? 40 : std::uint8_t(60 + y);
            p[2] = square ? 30 : std::uint8_t(200 - y);
        }
    return rgb;
}

double meanAbsDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b)
{
    if (a.size() != b.size() || a.empty())
        return 1e9;
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += std::abs(int(a[i]) - int(b[i]));
    return sum / double(a.size());
}

} // namespace

class TestMovieEncoder : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    std::string file(const char* name) const { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void encodesAndDecodes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<double>("tolerance");   // mean |Δ| per channel, 0..255
        QTest::newRow("mp4") << "movie.mp4" << "h264" << 6.0;
        QTest::newRow("gif") << "movie.gif" << "gif" << 6.0;
    }

    void encodesAndDecodes()
    {
        QFETCH(QString, name);
        QFETCH(QString, codec);
        QFETCH(double, tolerance);
        const std::string path = file(qPrintable(name));
        {
            cryo::MovieEncoder encoder(path, {kWidth, kHeight, 10.0});
            for (int i = 0; i < kFrames; ++i)
                encoder.addFrame(syntheticFrame(i));
            QCOMPARE(encoder.frameCount(), kFrames);
            QVERIFY(!std::filesystem::exists(path));   // only the .part file so far
            encoder.finish();
        }
        QVERIFY(std::filesystem::exists(path));
        QVERIFY(!std::filesystem::exists(path + ".part"));

        const cryo::test::DecodedMovie movie = cryo::test::decodeMovie(path);
        QCOMPARE(QString::fromStdString(movie.codec), codec);
        QCOMPARE(movie.width, kWidth);
        QCOMPARE(movie.height, kHeight);
        QCOMPARE(int(movie.frames.size()), kFrames);
        for (int i : {0, 4, 9}) {
            const double own = meanAbsDifference(movie.frames[std::size_t(i)], syntheticFrame(i));
            const double other = meanAbsDifference(movie.frames[std::size_t(i)], syntheticFrame((i + 5) % kFrames));
            QVERIFY2(own < tolerance, qPrintable(QStringLiteral("frame %1: mean |diff| %2").arg(i).arg(own)));
            QVERIFY2(other > 2 * own, qPrintable(QStringLiteral("frame %1 not told apart: %2 vs %3").arg(i).arg(own).arg(other)));
        }
        // The square's centre keeps its red in the decoded frame.
        const std::uint8_t* centre = &movie.frames[3][(std::size_t(32) * kWidth + 6 * 3 + 12) * 3];
        QVERIFY2(centre[0] > 190 && centre[1] < 80 && centre[2] < 80,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(centre[0]).arg(centre[1]).arg(centre[2])));
    }

    void gifPaletteKeepsFewColoursExact()
    {
        std::vector<std::uint8_t> rgb;
        const std::uint8_t colours[4][3] = {{255, 255, 255}, {0, 0, 0}, {200, 160, 96}, {16, 32, 248}};
        for (int i = 0; i < 400; ++i)
            rgb.insert(rgb.end(), colours[i % 4], colours[i % 4] + 3);
        const cryo::GifPalette palette = cryo::GifPalette::build({rgb}, 1);
        QCOMPARE(palette.colorCount(), 4);
        for (const auto& c : colours) {
            const std::uint32_t argb = palette.argb()[palette.index(c[0], c[1], c[2])];
            // 15-bit histogram bins: each colour comes back within half a bin (4).
            QVERIFY(std::abs(int((argb >> 16) & 0xFF) - c[0]) <= 4);
            QVERIFY(std::abs(int((argb >> 8) & 0xFF) - c[1]) <= 4);
            QVERIFY(std::abs(int(argb & 0xFF) - c[2]) <= 4);
        }
    }

    void badInput()
    {
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::MovieEncoder(file("a.avi"), {64, 64, 24.0}));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::MovieEncoder(file("odd.mp4"), {63, 64, 24.0}));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::MovieEncoder(file("fps.mp4"), {64, 64, 0.0}));
        try {
            cryo::MovieEncoder encoder("/nonexistent-dir/x/movie.mp4", {64, 64, 24.0});
            QFAIL("no error for an unwritable path");
        } catch (const cryo::FileError& e) {
            QVERIFY2(std::string(e.what()).find("/nonexistent-dir/x/movie.mp4") != std::string::npos, e.what());
        }
        cryo::MovieEncoder encoder(file("size.gif"), {kWidth, kHeight, 24.0});
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, encoder.addFrame(std::vector<std::uint8_t>(10)));
        QVERIFY_THROWS_EXCEPTION(cryo::FileError, encoder.finish());   // no frames
    }

    void cancelLeavesNothing()
    {
        const std::string path = file("cancelled.mp4");
        {
            cryo::MovieEncoder encoder(path, {kWidth, kHeight, 24.0});
            encoder.addFrame(syntheticFrame(0));
            QVERIFY(std::filesystem::exists(path + ".part"));
            encoder.cancel();
            QVERIFY(!std::filesystem::exists(path + ".part"));
        }
        {
            cryo::MovieEncoder encoder(path, {kWidth, kHeight, 24.0});
            encoder.addFrame(syntheticFrame(0));
        }   // destroyed unfinished
        QVERIFY(!std::filesystem::exists(path));
        QVERIFY(!std::filesystem::exists(path + ".part"));
    }
};

QTEST_GUILESS_MAIN(TestMovieEncoder)
#include "tst_movieencoder.moc"
