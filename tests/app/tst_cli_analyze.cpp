// `cryoscape analyze` end to end: a tiny discrete dataset simulated and trained through the
// CLI (D = 16, seconds), then PC and k-means trajectories, a graph path and the landscape:
// the files (maps with the run's pixel size, z.txt, .cxc scripts, summary), the run.h5
// tables; bad input gives exit code 1 or 2, never a crash, and leaves run.h5 intact.
#include "analysis/LatentGraph.h"
#include "io/MrcFile.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include "support/RunCryoscape.h"

#include <QtTest>

namespace {

using Result = CliResult;

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

constexpr int kParticles = 200;

} // namespace

class TestCliAnalyze : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_run;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Result sim = runCryoscape({"simulate", "--out", m_dir.filePath("data"), "--particles", QString::number(kParticles),
                                         "--box", "16", "--apix", "12", "--snr", "1", "--motion", "discrete", "--seed", "3"});
        QVERIFY2(sim.exitCode == 0, qPrintable(sim.err));
        m_run = m_dir.filePath("run");
        const Result train = runCryoscape({"train", m_dir.filePath("data/particles.star"), "--out", m_run, "--zdim", "4",
                                           "--epochs", "2", "--enc", "32x2", "--dec", "32x2", "--lr", "1e-3",
                                           "--threads", "2"});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    }

    void trajectoriesAndLandscape()
    {
        // The graph of a small run can be split: the longest path (in nodes) from the particle
        // with the most edges, found with the same graph.
        const cryo::LatentTable z =
            cryo::readLatents(cryo::H5File((m_run + "/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly));
        const cryo::LatentGraph graph = cryo::LatentGraph::build(z.mu.data(), z.count, z.zdim);
        std::int64_t start = 0, far = -1;
        for (std::size_t i = 1; i < z.count; ++i)
            if (graph.edges(i).size() > graph.edges(std::size_t(start)).size())
                start = std::int64_t(i);
        std::size_t graphMaps = 0;
        for (std::int64_t i = 0; i < std::int64_t(z.count); ++i)
            try {
                const std::size_t length = graph.path({start, i}).nodes.size();
                if (length > graphMaps) {
                    graphMaps = length;
                    far = i;
                }
            } catch (const cryo::UsageError&) {
            }
        QVERIFY(graphMaps >= 3);

        const QString out = m_dir.filePath("analysis");
        const Result r = runCryoscape({"analyze", m_run, "--out", out, "--pc-traj", "--pc", "2", "--points", "4",
                                       "--kmeans", "3", "--graph-traj", QStringLiteral("%1,%2").arg(start).arg(far), "--landscape", "--sketch", "12",
                                       "--clusters", "3", "--linkage", "ward", "--color", "gold", "--threads", "2"});
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.err));
        for (const char* series : {"pc1", "pc2"}) {
            for (int i = 0; i < 4; ++i)
                QVERIFY(QFile::exists(out + QStringLiteral("/%1/vol_%2.mrc").arg(series).arg(i, 3, 10, QLatin1Char('0'))));
            QVERIFY(!QFile::exists(out + "/" + series + "/vol_004.mrc"));
            QCOMPARE(readText(out + "/" + series + "/z.txt").trimmed().split('\n').size(), 4);
            const QString cxc = readText(out + "/" + series + "/series.cxc");
            QVERIFY2(cxc.contains("open vol_000.mrc vol_001.mrc vol_002.mrc vol_003.mrc vseries true"), qPrintable(cxc));
            QVERIFY(cxc.contains("color gold"));
        }
        const cryo::Volume map = cryo::readMrc((out + "/pc1/vol_000.mrc").toStdString());
        QCOMPARE(map.nx, 16);
        QCOMPARE(map.voxelSize, 12.0f);
        QVERIFY(QFile::exists(out + "/kmeans/vol_002.mrc") && !QFile::exists(out + "/kmeans/vol_003.mrc"));
        QVERIFY(QFile::exists(out + "/graph/vol_000.mrc") && QFile::exists(out + "/graph/series.cxc"));
        const QStringList graphZ = readText(out + "/graph/z.txt").trimmed().split('\n');
        QCOMPARE(std::size_t(graphZ.size()), graphMaps);
        QVERIFY(graphZ.size() >= 2);

        // Landscape: cluster means (previews: half the box), volume-PC series, eigenvolumes.
        for (int m = 0; m < 3; ++m)
            QVERIFY(QFile::exists(out + QStringLiteral("/landscape/cluster_mean_%1.mrc").arg(m, 2, 10, QLatin1Char('0'))));
        QVERIFY(readText(out + "/landscape/cluster_means.cxc").contains("cluster_mean_00.mrc cluster_mean_01.mrc"));
        const cryo::Volume mean = cryo::readMrc((out + "/landscape/cluster_mean_00.mrc").toStdString());
        QCOMPARE(mean.nx, 8);
        QCOMPARE(mean.voxelSize, 24.0f);
        QVERIFY(QFile::exists(out + "/landscape/vpc1/vol_009.mrc"));
        QVERIFY(QFile::exists(out + "/landscape/eigenvolume_1.mrc"));
        const QString summary = readText(out + "/summary.txt");
        QVERIFY2(summary.contains("landscape: sketch of 12 volumes") && summary.contains("ward"), qPrintable(summary));

        const cryo::H5File file((m_run + "/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        const auto table = cryo::readLandscape(file);
        QVERIFY(table.has_value());
        QCOMPARE(table->count, std::size_t(kParticles));
        QCOMPARE(table->clusters, 3);
        QCOMPARE(table->sketchParticles.size(), std::size_t(12));
        QCOMPARE(table->linkage, std::string("ward"));
        QCOMPARE(table->quality, std::string("preview"));
        QVERIFY(table->components >= 1 && table->components <= 10);
        std::vector<int> perCluster(3, 0);
        for (std::int32_t label : table->labels)
            ++perCluster[std::size_t(label)];
        for (int n : perCluster)
            QVERIFY(n > 0);
        // each sketch particle carries its own sketch volume's cluster
        for (std::size_t c = 0; c < table->sketchParticles.size(); ++c)
            QCOMPARE(table->labels[std::size_t(table->sketchParticles[c])], table->sketchClusters[c]);
        QCOMPARE(cryo::readLatents(file).count, std::size_t(kParticles));   // the rest of run.h5 is still there
    }

    void defaultIsPcTrajectories()
    {
        const QString out = m_dir.filePath("default");
        const Result r = runCryoscape({"analyze", m_run, "--out", out, "--points", "3", "--preview"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(out + "/pc1/vol_002.mrc") && QFile::exists(out + "/pc2/vol_002.mrc"));
        QVERIFY(!QDir(out + "/landscape").exists());
        QCOMPARE(cryo::readMrc((out + "/pc1/vol_000.mrc").toStdString()).nx, 8);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString out = m_dir.filePath("bad");
        QTest::newRow("no out") << QStringList{"analyze", "RUN"} << 2 << "--out";
        QTest::newRow("missing run") << QStringList{"analyze", m_dir.filePath("nothing"), "--out", out} << 1 << "nothing";
        QTest::newRow("bad linkage") << QStringList{"analyze", "RUN", "--out", out, "--landscape", "--linkage", "single"} << 2
                                     << "single";
        QTest::newRow("bad number") << QStringList{"analyze", "RUN", "--out", out, "--points", "many"} << 2 << "points";
        QTest::newRow("one anchor") << QStringList{"analyze", "RUN", "--out", out, "--graph-traj", "3"} << 2 << "graph-traj";
        QTest::newRow("anchor out of range") << QStringList{"analyze", "RUN", "--out", out, "--graph-traj", "0,99999"} << 2
                                             << "99999";
        QTest::newRow("missing mask") << QStringList{"analyze", "RUN", "--out", out, "--landscape", "--sketch", "6",
                                                     "--clusters", "2", "--mask", m_dir.filePath("nomask.mrc")}
                                      << 1 << "nomask.mrc";
        QTest::newRow("too many clusters") << QStringList{"analyze", "RUN", "--out", out, "--landscape", "--clusters", "100000"}
                                           << 2 << "clusters";
    }
    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        arguments.replaceInStrings(QStringLiteral("RUN"), m_run);
        const Result r = runCryoscape(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(QFile::exists(m_run + "/run.h5"));
    }
};

QTEST_GUILESS_MAIN(TestCliAnalyze)
#include "tst_cli_analyze.moc"
