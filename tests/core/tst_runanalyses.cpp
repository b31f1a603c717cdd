// PCA / UMAP / k-means tables in run.h5: written and read back unchanged, absent → nullopt,
// inconsistent tables → FileError naming the object.
#include "analysis/KMeans.h"
#include "analysis/LatentPca.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <random>

namespace {

cryo::LatentTable latents(std::size_t n, int zdim)
{
    std::mt19937_64 rng(5);
    std::normal_distribution<float> normal;
    cryo::LatentTable t;
    t.count = n;
    t.zdim = zdim;
    t.mu.resize(n * zdim);
    t.logvar.assign(n * zdim, -2.f);
    for (float& v : t.mu)
        v = normal(rng);
    return t;
}

} // namespace

class TestRunAnalyses : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    std::string freshRun(const QString& name, const cryo::LatentTable& z)
    {
        const std::string path = m_dir.filePath(name).toStdString();
        cryo::H5File file(path, cryo::H5File::Mode::Create);
        cryo::RunConfig config;
        config.boxSize = 64;
        config.pixelSize = 3;
        config.particleCount = z.count;
        config.model.zdim = z.zdim;
        cryo::writeRunConfig(file, config);
        cryo::writeLatents(file, z);
        file.close();
        return path;
    }

private Q_SLOTS:
    void roundTrip()
    {
        const cryo::LatentTable z = latents(300, 4);
        const std::string path = freshRun("run.h5", z);
        cryo::PcaTable pca;
        pca.count = z.count;
        pca.pca = cryo::LatentPca::fit(z.mu.data(), z.count, z.zdim, 3);
        pca.projections = pca.pca.project(z.mu.data(), z.count);
        cryo::UmapTable umap;
        umap.count = z.count;
        umap.coordinates.resize(z.count * 2);
        for (std::size_t i = 0; i < umap.coordinates.size(); ++i)
            umap.coordinates[i] = float(i) * 0.5f;
        umap.neighbors = 12;
        umap.minDist = 0.25;
        umap.seed = 99;
        umap.epochs = 500;
        umap.a = 1.2;
        umap.b = 0.8;
        cryo::KMeansOptions options;
        options.clusters = 6;
        const cryo::KMeansResult km = cryo::KMeans(options).fit(z.mu.data(), z.count, z.zdim);
        const cryo::KMeansTable kmeans{z.count, 6, z.zdim, km.labels, km.centers, km.centerRows, 7, km.inertia};
        {
            cryo::H5File file(path, cryo::H5File::Mode::ReadWrite);
            QVERIFY(!cryo::readPca(file) && !cryo::readUmap(file) && !cryo::readKMeans(file));
            cryo::writePca(file, pca);
            cryo::writeUmap(file, umap);
            cryo::writeKMeans(file, kmeans);
            file.close();
        }
        const cryo::H5File file(path, cryo::H5File::Mode::ReadOnly);
        QCOMPARE(file.shape("/particles/pca"), (std::vector<std::size_t>{300, 3}));
        QCOMPARE(file.shape("/particles/umap"), (std::vector<std::size_t>{300, 2}));
        QCOMPARE(file.shape("/particles/kmeans"), (std::vector<std::size_t>{300}));
        const auto p = cryo::readPca(file);
        QVERIFY(p);
        QVERIFY(p->projections == pca.projections);
        QVERIFY(p->pca.components() == pca.pca.components());
        QVERIFY(p->pca.mean() == pca.pca.mean());
        QVERIFY(p->pca.explainedVariance() == pca.pca.explainedVariance());
        QVERIFY(p->pca.inverseProject({1, 2}) == pca.pca.inverseProject({1, 2}));
        const auto u = cryo::readUmap(file);
        QVERIFY(u);
        QVERIFY(u->coordinates == umap.coordinates);
        QCOMPARE(u->neighbors, 12);
        QCOMPARE(u->minDist, 0.25);
        QCOMPARE(u->seed, std::uint64_t(99));
        QCOMPARE(u->epochs, 500);
        QCOMPARE(u->a, 1.2);
        const auto k = cryo::readKMeans(file);
        QVERIFY(k);
        QCOMPARE(k->clusters, 6);
        QCOMPARE(k->zdim, 4);
        QVERIFY(k->labels == km.labels);
        QVERIFY(k->centers == km.centers);
        QVERIFY(k->centerParticles == km.centerRows);
        QCOMPARE(k->seed, std::uint64_t(7));
        QCOMPARE(k->inertia, km.inertia);
    }

    void updateReplacesTheFileWhole()
    {
        const cryo::LatentTable z = latents(50, 3);
        const std::string path = freshRun("update.h5", z);
        cryo::UmapTable umap;
        umap.count = 50;
        umap.coordinates.assign(100, 1.f);
        cryo::updateRunAnalyses(path, {std::nullopt, umap, std::nullopt});
        QVERIFY(!std::filesystem::exists(path + ".part"));
        {
            const cryo::H5File file(path, cryo::H5File::Mode::ReadOnly);
            QVERIFY(cryo::readUmap(file));
            QCOMPARE(cryo::readLatents(file).mu, z.mu);   // everything else kept
            QVERIFY(!cryo::readPca(file));
        }
        // A failing update (a k-means table of the wrong size) leaves the file as it was.
        cryo::KMeansTable bad;
        bad.count = 50;
        bad.clusters = 2;
        bad.zdim = 3;
        bad.labels.assign(49, 0);
        umap.coordinates.assign(100, 2.f);
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::updateRunAnalyses(path, {std::nullopt, umap, bad}));
        QVERIFY(!std::filesystem::exists(path + ".part"));
        const cryo::H5File file(path, cryo::H5File::Mode::ReadOnly);
        QCOMPARE(cryo::readUmap(file)->coordinates, std::vector<float>(100, 1.f));
        // Not a run file: nothing written.
        const std::string other = m_dir.filePath("other.h5").toStdString();
        cryo::H5File(other, cryo::H5File::Mode::Create).close();
        QVERIFY_THROWS_EXCEPTION(cryo::FileError, cryo::updateRunAnalyses(other, {std::nullopt, umap, std::nullopt}));
    }

    void inconsistentTablesAreFileErrors_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("message");
        QTest::newRow("label out of range") << "label" << "/particles/kmeans, row 3";
        QTest::newRow("centre particle out of range") << "center" << "/analysis/kmeans/center_particles, row 1";
        QTest::newRow("umap rows != z rows") << "umap-rows" << "/particles/umap has 99 rows";
        QTest::newRow("umap not N x 2") << "umap-cols" << "/particles/umap: expected shape 100 × 2";
        QTest::newRow("pca mean length") << "pca-mean" << "/analysis/pca/mean: expected shape 4";
    }
    void inconsistentTablesAreFileErrors()
    {
        QFETCH(QString, damage);
        QFETCH(QString, message);
        const cryo::LatentTable z = latents(100, 4);
        const std::string path = freshRun(damage + ".h5", z);
        cryo::H5File file(path, cryo::H5File::Mode::ReadWrite);
        std::vector<std::int32_t> labels(100, 0);
        std::vector<std::int64_t> centres{0, 5};
        if (damage == "label")
            labels[3] = 2;
        if (damage == "center")
            centres[1] = 100;
        cryo::writeKMeans(file, {100, 2, 4, labels, std::vector<float>(8, 0.f), centres, 0, 0});
        file.write("/particles/umap", std::vector<float>(300, 0.f),
                   damage == "umap-rows" ? std::vector<std::size_t>{99, 2}
                   : damage == "umap-cols" ? std::vector<std::size_t>{100, 3}
                                           : std::vector<std::size_t>{100, 2});
        cryo::PcaTable pca;
        pca.count = 100;
        pca.pca = cryo::LatentPca::fit(z.mu.data(), 100, 4, 2);
        pca.projections = pca.pca.project(z.mu.data(), 100);
        cryo::writePca(file, pca);
        if (damage == "pca-mean")
            file.write("/analysis/pca/mean", std::vector<float>(3, 0.f), {3});
        try {
            cryo::readKMeans(file);
            cryo::readUmap(file);
            cryo::readPca(file);
            QFAIL("no error");
        } catch (const cryo::FileError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
            QVERIFY(QString(e.what()).contains(damage + ".h5"));
        }
    }
};

QTEST_GUILESS_MAIN(TestRunAnalyses)
#include "tst_runanalyses.moc"
