// The headless entry point: `cryoscape info` on good and bad files, --help, OpenMP's wait
// policy for compute commands, and the desktop app started where no OpenGL exists
// (offscreen platform): a message, no crash.
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "support/TestMaps.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include "support/RunCryoscape.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {

using Result = CliResult;

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        cryo::Volume map = testmaps::ball(24, 6, 12, 12, 12, 1.25f);
        map.origin = {5.0f, 6.0f, 7.0f};
        cryo::writeMrc(path("ball.mrc").toStdString(), map);
        std::ofstream(path("notmrc.mrc").toStdString()) << std::string(3000, 'z');
        cryo::writeMrc(path("short.mrc").toStdString(), map);
        fs::resize_file(path("short.mrc").toStdString(), 1024 + 100);
    }

    void infoPrintsHeaderSummary()
    {
        const Result r = runCryoscape({"info", path("ball.mrc")});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("24 x 24 x 24 voxels"), qPrintable(r.out));
        QVERIFY(r.out.contains("2 (float32)"));
        QVERIFY(r.out.contains("1.2500 Å"));
        QVERIFY(r.out.contains("5, 6, 7 Å"));
        const cryo::VolumeStats stats = cryo::computeStats(cryo::readMrc(path("ball.mrc").toStdString()));
        const QString minMax = QString("Min / max:   %1 / %2").arg(stats.min, 0, 'g', 6).arg(stats.max, 0, 'g', 6);
        QVERIFY2(r.out.contains(minMax), qPrintable(minMax));
    }

    void infoSummarisesParticleDatasets_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("box");
        QTest::addColumn<int>("opticsGroups");
        QTest::addColumn<bool>("poses");
        QTest::newRow("RELION 3.1") << "relion31.star" << 5 << 256 << 1 << true;
        QTest::newRow("RELION 3.1, six optics groups") << "relion31.6opticsgroups.star" << 139 << 196 << 6 << true;
        QTest::newRow("cryoSPARC") << "empiar_10076_7.cs" << 7 << 320 << 1 << false;
        QTest::newRow("stack") << "hand.mrcs" << 100 << 64 << 1 << false;
    }
    void infoSummarisesParticleDatasets()
    {
        QFETCH(QString, file);
        QFETCH(int, count);
        QFETCH(int, box);
        QFETCH(int, opticsGroups);
        QFETCH(bool, poses);
        const Result r = runCryoscape({"info", "--json", QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/") + file});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + "\n" + r.out));
        QCOMPARE(o.value("count").toInt(), count);
        QCOMPARE(o.value("box").toInt(), box);
        QCOMPARE(o.value("optics_groups").toArray().size(), opticsGroups);
        QCOMPARE(o.value("poses").toBool(), poses);
    }

    void simulateDownsampleAndInfoEndToEnd()
    {
        const QString out = path("sim");
        const Result sim = runCryoscape({"simulate", "--out", out, "--particles", "60", "--box", "32",
                                         "--apix", "4", "--motion", "discrete", "--seed", "3", "--atom-sigma", "3"});
        QVERIFY2(sim.exitCode == 0, qPrintable(sim.err));
        for (const char* file : {"particles.mrcs", "particles.star", "particles.cs", "truth.h5", "consensus.mrc"})
            QVERIFY2(QFileInfo::exists(out + "/" + file), file);
        const cryo::H5File truth((out + "/truth.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QCOMPARE(truth.numberAttribute("/", "atom_sigma_A"), 3.0);
        QVERIFY2(sim.out.contains("discrete) to"), qPrintable(sim.out));
        const Result one = runCryoscape({"simulate", "--out", path("one"), "--particles", "8", "--box", "16",
                                         "--apix", "12", "--motion", "none"});
        QVERIFY2(one.out.contains("one conformation) to"), qPrintable(one.out + one.err));
        const Result narrow = runCryoscape({"simulate", "--out", path("narrow"), "--particles", "8", "--box", "16",
                                            "--apix", "12", "--hinge-range", "10:30"});
        QVERIFY2(narrow.exitCode == 0, qPrintable(narrow.err));
        const cryo::H5File narrowTruth((path("narrow") + "/truth.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QCOMPARE(narrowTruth.numberAttribute("/", "hinge_min_deg"), 10.0);
        QCOMPARE(narrowTruth.numberAttribute("/", "hinge_max_deg"), 30.0);

        const Result info = runCryoscape({"info", "--json", out + "/particles.star"});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(info.out.toUtf8()).object();
        QCOMPARE(o.value("count").toInt(), 60);
        QCOMPARE(o.value("box").toInt(), 32);
        QVERIFY(o.value("poses").toBool());

        const Result down = runCryoscape({"downsample", out + "/particles.star", "-D", "16", "--out", out + "/d16"});
        QVERIFY2(down.exitCode == 0, qPrintable(down.err));
        const Result small = runCryoscape({"info", "--json", out + "/d16/particles_D16.star"});
        QCOMPARE(small.exitCode, 0);
        const QJsonObject d = QJsonDocument::fromJson(small.out.toUtf8()).object();
        QCOMPARE(d.value("count").toInt(), 60);
        QCOMPARE(d.value("box").toInt(), 16);
        QCOMPARE(d.value("pixel_size_A").toObject().value("min").toDouble(), 8.0);
        QCOMPARE(d.value("missing_stacks").toInt(), 0);
    }

    void badOptionsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("simulate without --out") << QStringList{"simulate"} << "--out DIR is required";
        QTest::newRow("simulate, bad number") << QStringList{"simulate", "--out", "x", "--particles", "many"}
                                              << "--particles needs a number";
        QTest::newRow("simulate, unknown motion") << QStringList{"simulate", "--out", "x", "--motion", "wobble"}
                                                  << "wobble";
        QTest::newRow("simulate, no atom width") << QStringList{"simulate", "--out", "x", "--atom-sigma", "0"}
                                                 << "pseudo-atom width must be above 0";
        QTest::newRow("simulate, reversed hinge range")
            << QStringList{"simulate", "--out", "x", "--hinge-range", "60:20"} << "MIN:MAX in degrees";
        QTest::newRow("simulate, hinge range of one conformation")
            << QStringList{"simulate", "--out", "x", "--motion", "none", "--hinge-range", "0:20"}
            << "--hinge-range applies to --motion hinge";
        QTest::newRow("downsample, odd box") << QStringList{"downsample", CRYOSCAPE_FIXTURES_DIR "/hand.mrcs", "-D", "33", "--out", "x"}
                                             << "33";
        QTest::newRow("downsample, no box") << QStringList{"downsample", "a.mrcs", "--out", "x"} << "-D BOX";
    }
    void badOptionsAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        for (QString& a : arguments)
            if (a == "x")
                a = path("unused-out");
        const Result r = runCryoscape(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void infoReportsBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not an MRC") << "notmrc.mrc" << "not an MRC file";
        QTest::newRow("truncated") << "short.mrc" << "file is truncated";
        QTest::newRow("missing") << "nothere.mrc" << "file not found";
    }
    void infoReportsBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const Result r = runCryoscape({"info", path(file)});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(file) && r.err.contains(expected), qPrintable(r.err));
    }

    void infoWithoutFileIsAUsageError()
    {
        const Result r = runCryoscape({"info"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no file given"));
    }

    void helpListsCommands()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        const Result r = runCryoscape({"--help"}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("--screenshot") && r.out.contains("info "), qPrintable(r.out));
    }

    // Long compute commands wait passively in OpenMP unless the user chose (app/main.cpp,
    // util/BlasEnvironment.h); libgomp shows its spin count with OMP_DISPLAY_ENV=verbose.
    void computeCommandsWaitPassively_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("userSetting");
        QTest::addColumn<QString>("spinCount");
        QTest::newRow("train") << "train" << "" << "'0'";
        QTest::newRow("train, user's choice") << "train" << "OMP_WAIT_POLICY=active" << "'30000000000'";
        QTest::newRow("train, user's spin count") << "train" << "GOMP_SPINCOUNT=7" << "'7'";
        QTest::newRow("info starts once") << "info" << "" << "'300000'";
    }
    void computeCommandsWaitPassively()
    {
        QFETCH(QString, command);
        QFETCH(QString, userSetting);
        QFETCH(QString, spinCount);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("OMP_WAIT_POLICY");
        env.remove("GOMP_SPINCOUNT");
        env.insert("OMP_DISPLAY_ENV", "verbose");
        if (!userSetting.isEmpty())
            env.insert(userSetting.section('=', 0, 0), userSetting.section('=', 1));
        const Result r = runCryoscape({command, "--help"}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("GOMP_SPINCOUNT = " + spinCount), qPrintable(r.err));
        QCOMPARE(r.err.count("OPENMP DISPLAY ENVIRONMENT BEGIN"), 1);   // OpenMP started once
    }

    void germanCommandOutput()
    {
        const Result r = runCryoscape({"info", "--lang", "de", path("ball.mrc")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Pixelgröße"), qPrintable(r.out));
    }

    void appWithoutOpenGLShowsMessageInsteadOfCrashing()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_CONFIG_HOME", m_dir.path());
        const QString shot = path("nogl.png");
        const Result r = runCryoscape({path("ball.mrc"), "--screenshot", shot}, env);
        QVERIFY2(!r.crashed, qPrintable(r.err));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QImage(shot).isNull());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
