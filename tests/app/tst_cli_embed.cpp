// `cryoscape embed` end to end: a run.h5 written by hand (config + latents of three
// separated blobs), embedded by the CLI, read back: shapes, attributes and sanity of each
// analysis; flags select analyses; bad input gives exit code 1 or 2, never a crash.
#include "analysis/AdjustedRandIndex.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"

#include "support/RunCryoscape.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>
#include <random>
#include <set>

namespace {

using Result = CliResult;

constexpr int kParticles = 900, kZdim = 6;

// Three blobs, particle i in blob i % 3.
cryo::LatentTable blobLatents(std::vector<std::int32_t>& truth)
{
    std::mt19937_64 rng(31);
    std::normal_distribution<float> normal;
    std::vector<float> centres(3 * kZdim);
    for (float& c : centres)
        c = 5.f * normal(rng);
    cryo::LatentTable t;
    t.count = kParticles;
    t.zdim = kZdim;
    for (int i = 0; i < kParticles; ++i) {
        truth.push_back(i % 3);
        for (int k = 0; k < kZdim; ++k) {
            t.mu.push_back(centres[(i % 3) * kZdim + k] + 0.3f * normal(rng));
            t.logvar.push_back(-3.f);
        }
    }
    return t;
}

} // namespace

class TestCliEmbed : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::vector<std::int32_t> m_truth;

    QString makeRun(const QString& name)
    {
        const QString dir = m_dir.filePath(name);
        QDir().mkpath(dir);
        cryo::H5File file((dir + "/run.h5").toStdString(), cryo::H5File::Mode::Create);
        cryo::RunConfig config;
        config.boxSize = 64;
        config.pixelSize = 3;
        config.particleCount = kParticles;
        config.model.zdim = kZdim;
        cryo::writeRunConfig(file, config);
        m_truth.clear();
        cryo::writeLatents(file, blobLatents(m_truth));
        file.close();
        return dir;
    }

private Q_SLOTS:
    void embedsRequestedAnalyses()
    {
        const QString run = makeRun("all");
        const Result r = runCryoscape({"embed", run, "--kmeans", "3", "--pca", "--umap", "--seed", "4"});
        QVERIFY(!r.crashed);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("PCA:") && r.out.contains("UMAP:") && r.out.contains("k-means: 3 clusters"),
                 qPrintable(r.out));
        const cryo::H5File file((run + "/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QCOMPARE(cryo::readLatents(file).count, std::size_t(kParticles));   // z untouched
        const auto pca = cryo::readPca(file);
        QVERIFY(pca);
        QCOMPARE(pca->pca.componentCount(), kZdim);
        QCOMPARE(pca->projections.size(), std::size_t(kParticles * kZdim));
        const auto& variance = pca->pca.explainedVariance();
        QVERIFY(std::is_sorted(variance.rbegin(), variance.rend()));
        QVERIFY(variance[0] + variance[1] > 0.95 * pca->pca.totalVariance() || variance[2] < 0.2);   // 3 blobs span a plane
        const auto umap = cryo::readUmap(file);
        QVERIFY(umap);
        QCOMPARE(umap->coordinates.size(), std::size_t(kParticles * 2));
        QCOMPARE(umap->neighbors, 15);
        QCOMPARE(umap->minDist, 0.1);
        QCOMPARE(umap->seed, std::uint64_t(4));
        for (float v : umap->coordinates)
            QVERIFY(std::isfinite(v));
        const auto kmeans = cryo::readKMeans(file);
        QVERIFY(kmeans);
        QCOMPARE(kmeans->clusters, 3);
        QVERIFY(cryo::adjustedRandIndex(kmeans->labels, m_truth) > 0.99);
        for (int c = 0; c < 3; ++c)   // the on-data centre belongs to its own cluster
            QCOMPARE(kmeans->labels[kmeans->centerParticles[c]], c);
    }

    void noFlagMeansAllThree()
    {
        const QString run = makeRun("default");
        const Result r = runCryoscape({"embed", run});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const cryo::H5File file((run + "/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QVERIFY(cryo::readPca(file));
        QCOMPARE(cryo::readUmap(file)->seed, std::uint64_t(0));
        const auto kmeans = cryo::readKMeans(file);
        QCOMPARE(kmeans->clusters, 20);
        QCOMPARE(std::set<std::int32_t>(kmeans->labels.begin(), kmeans->labels.end()).size(), std::size_t(20));
    }

    void flagsSelectAnalyses()
    {
        const QString run = makeRun("some");
        const Result r = runCryoscape({"embed", run + "/run.h5", "--kmeans", "5"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const cryo::H5File file((run + "/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QVERIFY(!cryo::readPca(file));
        QVERIFY(!cryo::readUmap(file));
        QCOMPARE(cryo::readKMeans(file)->clusters, 5);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no run") << QStringList{"embed"} << 2 << "give one RUN";
        QTest::newRow("missing run") << QStringList{"embed", "/nonexistent/run"} << 1 << "cannot open";
        QTest::newRow("bad K") << QStringList{"embed", "RUN", "--kmeans", "x"} << 2 << "--kmeans needs a number";
        QTest::newRow("K above N") << QStringList{"embed", "RUN", "--kmeans", "5000"} << 2 << "5000 clusters";
        QTest::newRow("bad min-dist") << QStringList{"embed", "RUN", "--umap", "--min-dist", "-1"} << 2 << "min_dist";
    }
    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString run = makeRun("bad");
        arguments.replaceInStrings(QRegularExpression("^RUN$"), run);
        const Result r = runCryoscape(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void nonFiniteLatentsAreNamed()
    {
        const QString run = makeRun("nan");
        {
            cryo::H5File file((run + "/run.h5").toStdString(), cryo::H5File::Mode::ReadWrite);
            cryo::LatentTable z = cryo::readLatents(file);
            z.mu[7 * kZdim + 2] = std::numeric_limits<float>::quiet_NaN();
            cryo::writeLatents(file, z);
            file.close();
        }
        const Result r = runCryoscape({"embed", run, "--pca"});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("/particles/z_mu, row 7, column 2: not a finite number"), qPrintable(r.err));
    }

    void notARunFile()
    {
        const QString dir = m_dir.filePath("notrun");
        QDir().mkpath(dir);
        {
            cryo::H5File file((dir + "/run.h5").toStdString(), cryo::H5File::Mode::Create);
            file.write("/x", std::vector<float>{1.f}, {1});
            file.close();
        }
        const Result r = runCryoscape({"embed", dir});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not a Cryoscape run file"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliEmbed)
#include "tst_cli_embed.moc"
