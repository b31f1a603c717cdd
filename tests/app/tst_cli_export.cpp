// `cryoscape export` end to end: a hand-written run.h5 (config pointing at a simulated
// dataset, k-means labels written here) → .star/.cs/.pkl/.txt holding exactly the chosen
// particles; usage errors (exit 2) and bad input (exit 1) with clear messages.
#include "formats/PickleFile.h"
#include "io/H5File.h"
#include "particles/CryodrgnPickles.h"
#include "particles/ParticleDataset.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"

#include "support/RunCryoscape.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {

constexpr int kParticles = 40;

using Result = CliResult;

void writeRun(const fs::path& dir, const fs::path& particles, bool withKmeans)
{
    fs::create_directories(dir);
    cryo::H5File f(dir / cryo::kRunFileName, cryo::H5File::Mode::Create);
    cryo::RunConfig config;
    config.particles = particles;
    config.particleCount = kParticles;
    config.boxSize = 32;
    config.pixelSize = 4;
    cryo::writeRunConfig(f, config);
    if (withKmeans) {
        std::vector<std::int32_t> labels(kParticles);
        for (int i = 0; i < kParticles; ++i)
            labels[std::size_t(i)] = (i * 7) % 5;   // clusters 0..4, interleaved
        f.write<std::int32_t>("/particles/kmeans", labels, {labels.size()});
    }
    f.close();
}

std::vector<std::size_t> withLabel(int cluster, bool invert)
{
    std::vector<std::size_t> out;
    for (int i = 0; i < kParticles; ++i)
        if ((((i * 7) % 5) == cluster) != invert)
            out.push_back(std::size_t(i));
    return out;
}

cryo::ParticleDataset openMetadata(const fs::path& path)
{
    cryo::ParticleDatasetOptions options;
    options.requireImages = false;
    return cryo::ParticleDataset::open(path, options);
}

} // namespace

class TestCliExport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path m_root;
    QString path(const std::string& name) const { return QString::fromStdString((m_root / name).string()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.path().toStdString();
        cryo::SimulationOptions options;
        options.outDir = m_root / "sim";
        options.particles = kParticles;
        options.box = 32;
        options.pixelSize = 4;
        options.seed = 11;
        cryo::simulateDataset(options);
        writeRun(m_root / "run", m_root / "sim" / "particles.star", true);
        writeRun(m_root / "run_cs", m_root / "sim" / "particles.cs", true);
        writeRun(m_root / "run_nokmeans", m_root / "sim" / "particles.star", false);
    }

    void kmeansClusterToAllFormats_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<bool>("invert");
        QTest::newRow("star source") << "run" << false;
        QTest::newRow("star source, inverted") << "run" << true;
        QTest::newRow("cs source") << "run_cs" << false;
        QTest::newRow("cs source, inverted") << "run_cs" << true;
    }
    void kmeansClusterToAllFormats()
    {
        QFETCH(QString, run);
        QFETCH(bool, invert);
        const std::string tag = run.toStdString() + (invert ? "_inv" : "");
        // Outputs next to the source, so the stack references resolve as they do there.
        const std::string out = "sim/c2_" + tag;
        QStringList args{"export", path(run.toStdString()), "--kmeans-cluster", "2",
                         "--star", path(out + ".star"), "--cs", path(out + ".cs"),
                         "--pkl", path(out + ".pkl"), "--txt", path(out + ".txt")};
        if (invert)
            args << "--invert";
        const Result r = runCryoscape(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const std::vector<std::size_t> expected = withLabel(2, invert);
        QVERIFY2(r.out.contains(QString("Exported %1 of %2 particles").arg(expected.size()).arg(kParticles)), qPrintable(r.out));
        QCOMPARE(cryo::readIndexFile(path(out + ".txt").toStdString()), expected);
        QCOMPARE(cryo::readIndexFile(path(out + ".pkl").toStdString()), expected);
        const cryo::ParticleDataset source = openMetadata(m_root / "sim" / "particles.star");
        for (const char* ext : {".star", ".cs"}) {
            const cryo::ParticleDataset back = openMetadata(path(out + ext).toStdString());
            QCOMPARE(back.size(), expected.size());
            QVERIFY(back.imagesAvailable());   // same folder: the stack is found
            for (std::size_t k = 0; k < expected.size(); ++k) {
                QCOMPARE(back.particles()[k].image, source.particles()[expected[k]].image);
                QVERIFY(std::abs(back.particles()[k].ctf.defocusU - source.particles()[expected[k]].ctf.defocusU) < 0.01f);
            }
        }
    }

    void indexFileSelection()
    {
        std::ofstream(path("pick.txt").toStdString()) << "# picked by hand\n3\n1\n3\n39\n";
        const Result r = runCryoscape({"export", path("run"), "--index", path("pick.txt"), "--pkl", path("pick_out.pkl")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("1 repeated entries ignored"), qPrintable(r.out));
        QCOMPARE(cryo::readPickledArray(path("pick_out.pkl").toStdString()).toInt64s(), (std::vector<std::int64_t>{1, 3, 39}));
        // A cryoDRGN index pickle works as input too; inverted: everything else.
        const Result inv = runCryoscape({"export", path("run/run.h5"), "--index", path("pick_out.pkl"), "--invert",
                                         "--txt", path("pick_inv.txt")});
        QVERIFY2(inv.exitCode == 0, qPrintable(inv.err));
        QCOMPARE(cryo::readIndexFile(path("pick_inv.txt").toStdString()).size(), std::size_t(kParticles - 3));
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no selection") << QStringList{"export", "RUN", "--txt", "OUT"} << 2 << "either --index FILE or --kmeans-cluster C";
        QTest::newRow("two selections") << QStringList{"export", "RUN", "--index", "IDX", "--kmeans-cluster", "1", "--txt", "OUT"} << 2 << "either --index";
        QTest::newRow("no output") << QStringList{"export", "RUN", "--kmeans-cluster", "1"} << 2 << "at least one of --star";
        QTest::newRow("bad cluster") << QStringList{"export", "RUN", "--kmeans-cluster", "two", "--txt", "OUT"} << 2 << "cluster numbers";
        QTest::newRow("empty cluster") << QStringList{"export", "RUN", "--kmeans-cluster", "9", "--txt", "OUT"} << 2 << "labels run from 0 to 4";
        QTest::newRow("no k-means") << QStringList{"export", "NOKMEANS", "--kmeans-cluster", "1", "--txt", "OUT"} << 1 << "no k-means labels";
        QTest::newRow("index out of range") << QStringList{"export", "RUN", "--index", "IDX", "--txt", "OUT"} << 1 << "line 1: index 40 is out of range (40 particles)";
        QTest::newRow("not a run") << QStringList{"export", "SIMDIR", "--kmeans-cluster", "1", "--txt", "OUT"} << 1 << "run.h5";
        QTest::newRow("empty index pickle") << QStringList{"export", "RUN", "--index", "EMPTYPKL", "--txt", "OUT"} << 1
                                            << "index-empty.pkl: holds no particle indices";
    }
    void failures()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        std::ofstream(path("far.txt").toStdString()) << "40\n";
        const QMap<QString, QString> substitutions{{"RUN", path("run")}, {"NOKMEANS", path("run_nokmeans")},
                                                   {"IDX", path("far.txt")}, {"OUT", path("fail_out.txt")},
                                                   {"SIMDIR", path("sim")},
                                                   {"EMPTYPKL", CRYOSCAPE_TEST_DATA_DIR "/hostile/index-empty.pkl"}};
        for (QString& a : arguments)
            a = substitutions.value(a, a);
        const Result r = runCryoscape(arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path("fail_out.txt")));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
