// `cryoscape movie` end to end (DISPLAY: under xvfb-run): a tiny hinge dataset simulated and
// trained through the CLI (D = 16, seconds), then movies along PC 1 (MP4, also with
// keyframes), a particle path (MP4) and a 360° turn (GIF), read back with libav: codec,
// size, frame count, frames not blank and changing. Ctrl-C stops a movie and leaves no
// file; bad input gives exit code 1 or 2 and leaves no file; without an X display the
// command says it needs one.
#include "run/RunFile.h"
#include "support/DecodeMovie.h"
#include "support/RunCryoscape.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdlib>

namespace {

// Fraction of pixels differing from the top-left pixel (the background).
double coveredFraction(const std::vector<std::uint8_t>& rgb)
{
    std::size_t covered = 0;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
        if (std::abs(rgb[i] - rgb[0]) + std::abs(rgb[i + 1] - rgb[1]) + std::abs(rgb[i + 2] - rgb[2]) > 24)
            ++covered;
    return double(covered) / double(rgb.size() / 3);
}

double meanAbsDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        sum += std::abs(int(a[i]) - int(b[i]));
    return a.empty() ? 0.0 : sum / double(a.size());
}

} // namespace

class TestCliMovie : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_run;

    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const CliResult sim = runCryoscape({"simulate", "--out", path("data"), "--particles", "200", "--box", "16",
                                            "--apix", "12", "--snr", "1", "--motion", "hinge", "--seed", "3"});
        QVERIFY2(sim.exitCode == 0, qPrintable(sim.err));
        m_run = path("run");
        const CliResult train = runCryoscape({"train", path("data/particles.star"), "--out", m_run, "--zdim", "2",
                                              "--epochs", "2", "--enc", "32x2", "--dec", "32x2", "--lr", "1e-3",
                                              "--threads", "2"});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    }

    void movies_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<int>("frames");
        QTest::newRow("pc 1, mp4") << QStringList{"--pc", "1", "--frames", "8", "--level", "constant-volume"}
                                   << "pc1.mp4" << "h264" << 8;
        QTest::newRow("particle path, mp4") << QStringList{"--path", "PATHFILE", "--frames", "5", "--background", "black"}
                                            << "path.mp4" << "h264" << 5;
        QTest::newRow("pc 1, keyframes") << QStringList{"--pc", "1", "--frames", "7", "--keyframe-step", "3"}
                                         << "keyframes.mp4" << "h264" << 7;
        QTest::newRow("turn, gif") << QStringList{"--turn", "--frames", "6", "--background", "#336699"}
                                   << "turn.gif" << "gif" << 6;
    }

    void movies()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, file);
        QFETCH(QString, codec);
        QFETCH(int, frames);
        // A particle path from the lowest to the highest z₁ through particle 57.
        const cryo::LatentTable z =
            cryo::readLatents(cryo::H5File((m_run + "/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly));
        std::size_t low = 0, high = 0;
        for (std::size_t i = 0; i < z.count; ++i) {
            low = z.mu[i * 2] < z.mu[low * 2] ? i : low;
            high = z.mu[i * 2] > z.mu[high * 2] ? i : high;
        }
        QFile pathFile(path("particles.txt"));
        QVERIFY(pathFile.open(QIODevice::WriteOnly));
        pathFile.write(QStringLiteral("# particle indices\n%1\n57\n%2\n").arg(low).arg(high).toUtf8());
        pathFile.close();
        arguments.replaceInStrings("PATHFILE", pathFile.fileName());

        const QString out = path(qPrintable(file));
        const CliResult r = runCryoscape(QStringList{"movie", m_run, "--out", out, "--size", "96x64", "--fps", "12",
                                                     "--threads", "2"} + arguments);
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.err));
        QVERIFY2(r.out.contains("Wrote"), qPrintable(r.out));
        // Keyframes 0, 3 and 6 of 7 are decoded, the others blended; a turn decodes one map.
        const int decoded = arguments.contains("--keyframe-step") ? 3 : arguments.contains("--turn") ? 1 : frames;
        QVERIFY2(r.out.contains(QStringLiteral("decoding %1 maps").arg(decoded)), qPrintable(r.out));
        QVERIFY(!QFile::exists(out + ".part"));

        const cryo::test::DecodedMovie movie = cryo::test::decodeMovie(out.toStdString());
        QCOMPARE(QString::fromStdString(movie.codec), codec);
        QCOMPARE(movie.width, 96);
        QCOMPARE(movie.height, 64);
        QCOMPARE(int(movie.frames.size()), frames);
        // A 2-epoch D = 16 model gives a compact blob in the middle of the framed box: ~1% of
        // the pixels (about 60 of 96×64), never none and never most of them.
        for (const auto& frame : movie.frames) {
            const double covered = coveredFraction(frame);
            QVERIFY2(covered > 0.004 && covered < 0.5, qPrintable(QString::number(covered)));
        }
        // The maps (or the view) change from the first frame to the last: a path through one
        // particle twice gives identical frames (0.0 measured), the tiny blob moving ~0.3.
        const double change = meanAbsDifference(movie.frames.front(), movie.frames.back());
        QVERIFY2(change > 0.12, qPrintable(QString::number(change)));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no source") << QStringList{"--out", "x.mp4"} << 2 << "exactly one";
        QTest::newRow("two sources") << QStringList{"--pc", "1", "--turn", "--out", "x.mp4"} << 2 << "exactly one";
        QTest::newRow("extension") << QStringList{"--turn", "--out", "x.avi"} << 2 << ".mp4 or .gif";
        QTest::newRow("odd mp4") << QStringList{"--turn", "--size", "95x64", "--out", "x.mp4"} << 2 << "even";
        QTest::newRow("pc too big") << QStringList{"--pc", "3", "--out", "x.mp4"} << 2 << "--pc 3";
        QTest::newRow("keyframe step") << QStringList{"--pc", "1", "--keyframe-step", "0", "--out", "x.mp4"} << 2 << "--keyframe-step";
        QTest::newRow("level") << QStringList{"--turn", "--level", "high", "--out", "x.mp4"} << 2 << "--level";
        QTest::newRow("colour") << QStringList{"--turn", "--background", "#12", "--out", "x.mp4"} << 2 << "--background";
        QTest::newRow("bad path file") << QStringList{"--path", "BADPATH", "--out", "x.mp4"} << 1 << "line 2";
        QTest::newRow("unwritable") << QStringList{"--turn", "--out", "/nonexistent-dir/x.mp4"} << 1 << "/nonexistent-dir/x.mp4";
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QFile bad(path("bad.txt"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("0.1 0.2\n0.3 zebra\n");
        bad.close();
        arguments.replaceInStrings("BADPATH", bad.fileName());
        arguments.replaceInStrings(QRegularExpression("^x\\."), path("x."));
        const CliResult r = runCryoscape(QStringList{"movie", m_run, "--frames", "3", "--size", "64x48"} + arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        for (const char* name : {"x.mp4", "x.mp4.part", "x.avi"})
            QVERIFY(!QFile::exists(path(name)));
        if (QTest::currentDataTag() == QLatin1String("bad path file"))
            QVERIFY(r.err.contains(bad.fileName()));
    }

    void ctrlCCancels()
    {
        const QString out = path("interrupted.mp4");
        QProcess p;
        p.start(QStringLiteral(CRYOSCAPE_BIN_DIR "/cryoscape"),
                {"movie", m_run, "--turn", "--frames", "100000", "--size", "64x48", "--out", out});
        QVERIFY(p.waitForStarted());
        // Wait for the .part file (frames are being encoded), then Ctrl-C.
        for (int i = 0; i < 300 && !QFile::exists(out + ".part"); ++i)
            QTest::qWait(100);
        QVERIFY(QFile::exists(out + ".part"));
        QTest::qWait(300);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(p.readAllStandardError().contains("Interrupted"), "no 'Interrupted' message");
        QVERIFY(!QFile::exists(out) && !QFile::exists(out + ".part"));
    }

    void withoutDisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        const QString out = path("nodisplay.mp4");
        const CliResult r = runCryoscape({"movie", m_run, "--turn", "--frames", "3", "--size", "64x48", "--out", out}, env);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("X display"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out) && !QFile::exists(out + ".part"));
    }
};

QTEST_MAIN(TestCliMovie)   // a QGuiApplication: the test runs with -platform xcb
#include "tst_cli_movie.moc"
