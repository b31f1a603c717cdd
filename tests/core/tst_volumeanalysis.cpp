// The pieces of landscape analysis on small synthetic data: automatic and file masks,
// volume PCA through the Gram matrix against the covariance eigenproblem, kernel ridge
// regression, map series with ChimeraX scripts, and the landscape table in run.h5.
#include "analysis/KernelRidge.h"
#include "analysis/VolumeMask.h"
#include "analysis/VolumePca.h"
#include "io/MapSeries.h"
#include "io/MrcFile.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

using namespace cryo;

namespace {

std::size_t countInside(const VolumeMask& m)
{
    std::size_t n = 0;
    for (auto f : m.inside())
        n += f != 0;
    return n;
}

std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

class TestVolumeAnalysis : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void automaticMaskIsAUnionOfHalfMaxima()
    {
        Volume a(8, 8, 8), b(8, 8, 8);
        a.at(2, 2, 2) = 10;
        a.at(3, 2, 2) = 6;    // > ½ of 10
        a.at(4, 2, 2) = 4;    // < ½ of 10
        b.at(5, 5, 5) = 2;
        b.at(6, 5, 5) = 1.5f; // > ½ of 2: b's own maximum counts, not the global one
        const VolumeMask mask = VolumeMask::automatic({a, b});
        QCOMPARE(mask.insideCount(), std::size_t(4));
        QCOMPARE(countInside(mask), std::size_t(4));
        QVERIFY(mask.inside()[(2 * 8 + 2) * 8 + 3] && !mask.inside()[(2 * 8 + 2) * 8 + 4]);
        const std::vector<float> values = mask.extract(b);
        QCOMPARE(values.size(), std::size_t(4));
        QCOMPARE(values[3], 1.5f);   // indices ascending: (6,5,5) is the last one
        const Volume back = mask.expand(mask.extract(a).data(), a);
        QCOMPARE(back.at(2, 2, 2), 10.f);
        QCOMPARE(back.at(4, 2, 2), 0.f);

        // Dilation: one voxel grows to the 7-voxel cross, then the 25-voxel octahedron.
        Volume single(9, 9, 9);
        single.at(4, 4, 4) = 1;
        QCOMPARE(VolumeMask::automatic({single}, 0.5, 1).insideCount(), std::size_t(7));
        QCOMPARE(VolumeMask::automatic({single}, 0.5, 2).insideCount(), std::size_t(25));
        Volume corner(9, 9, 9);
        corner.at(0, 0, 0) = 1;   // clipped at the box edge
        QCOMPARE(VolumeMask::automatic({corner}, 0.5, 1).insideCount(), std::size_t(4));
        QVERIFY_THROWS_EXCEPTION(UsageError, VolumeMask::automatic({}));
        QVERIFY_THROWS_EXCEPTION(UsageError, VolumeMask::automatic({a, single}));
        QVERIFY_THROWS_EXCEPTION(UsageError, mask.extract(single));
    }

    void maskFromFile()
    {
        Volume m(6, 6, 6);
        m.at(1, 2, 3) = 1;
        m.at(2, 2, 3) = 0.7f;
        m.at(3, 2, 3) = 0.3f;
        const auto path = std::filesystem::path(m_dir.filePath("mask.mrc").toStdString());
        writeMrc(path, m);
        QCOMPARE(VolumeMask::fromFile(path, 6, 6, 6).insideCount(), std::size_t(2));
        QVERIFY_THROWS_EXCEPTION(FileError, VolumeMask::fromFile(path, 8, 8, 8));
        writeMrc(path, Volume(6, 6, 6));
        QVERIFY_THROWS_EXCEPTION(FileError, VolumeMask::fromFile(path, 6, 6, 6));
        QVERIFY_THROWS_EXCEPTION(FileError, VolumeMask::fromFile(m_dir.filePath("none.mrc").toStdString(), 6, 6, 6));
    }

    void volumePcaMatchesTheCovariance_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("p");
        QTest::newRow("n < p") << 8 << 60;
        QTest::newRow("n > p") << 30 << 6;
    }
    void volumePcaMatchesTheCovariance()
    {
        QFETCH(int, n);
        QFETCH(int, p);
        std::mt19937_64 rng(9);
        std::normal_distribution<float> normal;
        std::vector<float> rows(std::size_t(n * p));
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < p; ++c)   // decreasing scales: well separated eigenvalues
                rows[std::size_t(i * p + c)] = normal(rng) * float(1 + 3 * std::exp(-0.5 * c)) + 2.f;
        const int wanted = 4;
        const VolumePca pca = VolumePca::fit(rows.data(), std::size_t(n), std::size_t(p), wanted);
        QCOMPARE(pca.componentCount(), wanted);
        Eigen::MatrixXd x(n, p);
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < p; ++c)
                x(i, c) = rows[std::size_t(i * p + c)];
        const Eigen::MatrixXd centred = x.rowwise() - x.colwise().mean();
        const Eigen::MatrixXd covariance = centred.transpose() * centred / double(n - 1);
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
        QVERIFY(std::abs(pca.totalVariance() - covariance.trace()) < 1e-4 * covariance.trace());
        for (int k = 0; k < wanted; ++k) {
            const double lambda = solver.eigenvalues()(p - 1 - k);
            QVERIFY2(std::abs(pca.explainedVariance()[std::size_t(k)] - lambda) < 1e-4 * lambda,
                     qPrintable(QStringLiteral("PC %1: %2 vs %3").arg(k + 1).arg(pca.explainedVariance()[std::size_t(k)]).arg(lambda)));
            const Eigen::VectorXd v = solver.eigenvectors().col(p - 1 - k);
            double dot = 0;
            for (int c = 0; c < p; ++c)
                dot += v(c) * pca.components()[std::size_t(k * p + c)];
            QVERIFY(std::abs(std::abs(dot) - 1) < 1e-4);   // same axis, unit length
            // projections of the fitted rows = project() of the rows
            for (int i = 0; i < n; i += 3) {
                const std::vector<float> proj = pca.project(rows.data() + std::size_t(i * p));
                QVERIFY(std::abs(proj[std::size_t(k)] - pca.projections()[std::size_t(i * wanted + k)]) < 1e-3);
            }
        }
        const std::vector<float> along = pca.along(0, 2.0);
        QVERIFY(std::abs(along[0] - (pca.mean()[0] + 2 * pca.components()[0])) < 1e-5);
        QVERIFY_THROWS_EXCEPTION(UsageError, pca.along(wanted, 1));
        QVERIFY_THROWS_EXCEPTION(UsageError, VolumePca::fit(rows.data(), 1, std::size_t(p), 2));
    }

    void kernelRidgeFitsASmoothMap()
    {
        std::mt19937_64 rng(4);
        std::uniform_real_distribution<float> uniform(-2, 2);
        std::vector<float> x, y;
        for (int i = 0; i < 150; ++i) {
            const float a = uniform(rng), b = uniform(rng);
            x.insert(x.end(), {a, b});
            y.insert(y.end(), {std::sin(a) + 0.5f * b, a * b});
        }
        const KernelRidge model = KernelRidge::fit(x.data(), 150, 2, y.data(), 2, 1e-3);
        qInfo("bandwidth %.3f, leave-one-out R² %.4f", model.bandwidth(), model.leaveOneOutR2());
        QVERIFY(model.leaveOneOutR2() > 0.95);
        const std::vector<float> probe{0.3f, -0.7f, 1.1f, 0.4f};
        const std::vector<float> predicted = model.predict(probe.data(), 2);
        QVERIFY(std::abs(predicted[0] - (std::sin(0.3f) - 0.35f)) < 0.05);
        QVERIFY(std::abs(predicted[1] - (0.3f * -0.7f)) < 0.05);
        QVERIFY(std::abs(predicted[3] - (1.1f * 0.4f)) < 0.05);
        // Noise targets cannot be predicted: the LOO check fails as it should.
        std::normal_distribution<float> normal;
        for (float& v : y)
            v = normal(rng);
        QVERIFY(KernelRidge::fit(x.data(), 150, 2, y.data(), 2, 1e-3).leaveOneOutR2() < 0.3);
        QVERIFY_THROWS_EXCEPTION(UsageError, KernelRidge::fit(x.data(), 150, 2, y.data(), 2, 0));
    }

    void mapSeriesAndChimeraXScript()
    {
        std::vector<Volume> volumes;
        for (int i = 0; i < 3; ++i) {
            Volume v(4, 4, 4, 2.5f);
            v.origin = {10, 20, 30};
            v.at(1, 1, 1) = float(i + 1);
            volumes.push_back(v);
        }
        const std::filesystem::path dir = m_dir.filePath("series dir").toStdString();
        const auto paths = writeMapSeries(dir, "vol_", volumes);
        QCOMPARE(paths.size(), std::size_t(3));
        QCOMPARE(paths[2].filename().string(), std::string("vol_002.mrc"));
        const Volume back = readMrc(paths[2]);
        QCOMPARE(back.voxelSize, 2.5f);
        QCOMPARE(back.origin[2], 30.f);
        QCOMPARE(back.at(1, 1, 1), 3.f);
        QCOMPARE(writeMapSeries(dir, "cluster_mean_", volumes, 2)[1].filename().string(), std::string("cluster_mean_01.mrc"));
        QCOMPARE(seriesLevel(volumes), 1.5);

        ChimeraXSeriesStyle style;
        style.level = 0.125;
        style.color = "#ff8000";
        writeChimeraXSeriesScript(dir / "series.cxc", paths, style);
        const std::string script = readText(dir / "series.cxc");
        QVERIFY2(script.find("\nopen vol_000.mrc vol_001.mrc vol_002.mrc vseries true\n") != std::string::npos, script.c_str());
        QVERIFY(script.find("volume #1 style surface level 0.125 color #ff8000\n") != std::string::npos);
        QVERIFY(script.find("vseries play #1") != std::string::npos);
        const std::string quoted = chimeraXSeriesScript({"a b.mrc"}, style);
        QVERIFY(quoted.find("open \"a b.mrc\" vseries true") != std::string::npos);
        QVERIFY(quoted.find("vseries play") == std::string::npos);   // one map: nothing to play
        style.color = "red; close";
        QVERIFY_THROWS_EXCEPTION(UsageError, chimeraXSeriesScript({"a.mrc"}, style));
        QVERIFY_THROWS_EXCEPTION(UsageError, chimeraXSeriesScript({}, ChimeraXSeriesStyle{}));
    }

    void landscapeTableRoundTrip()
    {
        const auto path = std::filesystem::path(m_dir.filePath("run.h5").toStdString());
        {
            H5File file(path, H5File::Mode::Create);
            file.setAttribute("/", "format", "cryoscape-run");
            file.setAttribute("/", "version", 1.0);
            LatentTable z;
            z.count = 5;
            z.zdim = 2;
            z.mu.assign(10, 0.f);
            z.logvar.assign(10, 0.f);
            writeLatents(file, z);
        }
        LandscapeTable t;
        t.count = 5;
        t.clusters = 2;
        t.components = 1;
        t.labels = {0, 1, 1, 0, 1};
        t.volumePc = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        t.sketchParticles = {0, 2};
        t.sketchClusters = {0, 1};
        t.sketchVolumePc = {-1, 1};
        t.explainedVariance = {2};
        t.linkage = "ward";
        t.regressionR2 = 0.9;
        RunAnalysesUpdate update;
        update.landscape = t;
        updateRunAnalyses(path, update);
        const H5File file(path, H5File::Mode::ReadOnly);
        const auto back = readLandscape(file);
        QVERIFY(back.has_value());
        QCOMPARE(back->labels, t.labels);
        QCOMPARE(back->volumePc, t.volumePc);
        QCOMPARE(back->sketchParticles, t.sketchParticles);
        QCOMPARE(back->linkage, std::string("ward"));
        QCOMPARE(back->clusters, 2);
        QCOMPARE(back->regressionR2, 0.9);

        t.labels[3] = 2;   // outside [0, clusters)
        {
            H5File rw(m_dir.filePath("bad.h5").toStdString(), H5File::Mode::Create);
            writeLandscape(rw, t);
        }
        QVERIFY_THROWS_EXCEPTION(FileError, readLandscape(H5File(m_dir.filePath("bad.h5").toStdString(), H5File::Mode::ReadOnly)));
        t.labels.pop_back();
        H5File other(m_dir.filePath("other.h5").toStdString(), H5File::Mode::Create);
        QVERIFY_THROWS_EXCEPTION(UsageError, writeLandscape(other, t));
        QVERIFY(!readLandscape(other).has_value());
    }
};

QTEST_GUILESS_MAIN(TestVolumeAnalysis)
#include "tst_volumeanalysis.moc"
