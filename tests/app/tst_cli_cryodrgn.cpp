// The commands on cryoDRGN output directories, as a user runs them: `eval-vol` reproduces each
// map `cryodrgn eval_vol` wrote (../shared/fixtures/cryodrgn-eval: both domains, --flip,
// --invert --apix, --downsample, --epoch), `export --index` writes the exact subset of the run's
// particle file (also through a run trained on an --ind subset), `analyze` and `embed` work and
// write only under <dir>/cryoscape/, and bad checkpoints are refused by name, nothing run.
#include "formats/AtomicFile.h"
#include "formats/StarFile.h"
#include "io/MrcFile.h"
#include "sim/Simulator.h"

#include "support/CryodrgnFixtures.h"
#include "support/RunCryoscape.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace cryodrgn_fixtures;

namespace {

QString zText(const std::vector<float>& z)
{
    QStringList words;
    for (float v : z)
        words << QString::number(double(v), 'g', 9);
    return words.join(' ');
}

// Every file under `dir` except our cryoscape/ folder, with its size: cryoDRGN's files.
std::set<std::string> cryodrgnFiles(const fs::path& dir)
{
    std::set<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const std::string relative = fs::relative(e.path(), dir).string();
        if (relative.rfind("cryoscape", 0) != 0 && e.is_regular_file())
            files.insert(relative + ":" + std::to_string(e.file_size()));
    }
    return files;
}

} // namespace

class TestCliCryodrgn : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path m_root;
    QString path(const fs::path& name) const { return QString::fromStdString((m_root / name).string()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.path().toStdString();
        makeHetRun(m_root / "het", 3, 100);
        fs::create_directories(m_root / "fourier");
        fs::copy_file(kEval / "fourier_config.yaml", m_root / "fourier" / "config.yaml");
        fs::copy_file(kEval / "fourier_weights.pkl", m_root / "fourier" / "weights.0.pkl");
        const std::vector<float> z = fourierZ();
        writeFile(m_root / "fourier" / "z.0.pkl", pickledFloats(z, 1, 4));
    }

    void evalVolReproducesCryodrgn_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("reference");
        const QString z0 = zText(hetZ0());
        QTest::newRow("vol.mrc") << "het" << QStringList{"--z", z0, "--epoch", "3"} << "vol.mrc";
        QTest::newRow("vol_flip.mrc") << "het" << QStringList{"--z", z0, "--flip"} << "vol_flip.mrc";
        QTest::newRow("vol_inv_apix.mrc") << "het" << QStringList{"--z", z0, "--invert", "--apix", "2.5"} << "vol_inv_apix.mrc";
        QTest::newRow("vol_d32.mrc") << "het" << QStringList{"--z", z0, "--downsample", "32"} << "vol_d32.mrc";
        QTest::newRow("f.mrc") << "fourier" << QStringList{"--z", zText(fourierZ())} << "f.mrc";
        QTest::newRow("f_d16.mrc") << "fourier" << QStringList{"--z", zText(fourierZ()), "--downsample", "16"} << "f_d16.mrc";
    }
    void evalVolReproducesCryodrgn()
    {
        QFETCH(QString, run);
        QFETCH(QStringList, options);
        QFETCH(QString, reference);
        const QString out = path("eval_" + reference.toStdString());
        const CliResult r = runCryoscape(QStringList{"eval-vol", path(run.toStdString()), "--out", out, "--threads", "1"} + options);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("cryoDRGN run, epoch"), qPrintable(r.err));
        const cryo::Volume ours = cryo::readMrc((out + "/vol_000.mrc").toStdString());
        const cryo::Volume ref = cryo::readMrc(kEval / reference.toStdString());
        const double error = relativeMapError(ours, ref);
        qInfo("%s: max |ours - ref| = %.2e x max |ref|", qPrintable(reference), error);
        QVERIFY2(error <= 1e-5, qPrintable(QString::number(error)));
        if (reference == "vol_inv_apix.mrc")
            QCOMPARE(ours.voxelSize, 2.5f);
    }

    void evalVolRefusals_data()
    {
        QTest::addColumn<QString>("weights");
        QTest::addColumn<QString>("expected");
        QTest::newRow("evil.pkl") << "evil.pkl" << "refusing to load 'posix.system'";
        QTest::newRow("legacy") << "legacy_weights.pkl" << "legacy pre-1.6 format";
    }
    void evalVolRefusals()
    {
        QFETCH(QString, weights);
        QFETCH(QString, expected);
        const fs::path run = m_root / ("bad_" + weights.toStdString());
        makeHetRun(run, 1, 10);
        fs::copy_file(kEval / weights.toStdString(), run / "weights.1.pkl", fs::copy_options::overwrite_existing);
        const CliResult r = runCryoscape({"eval-vol", path(run), "--out", path(run / "out"), "--z", zText(hetZ0())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("weights.1.pkl") && r.err.contains(expected), qPrintable(r.err));
        QVERIFY(!fs::exists(run / "out" / "vol_000.mrc"));
        const CliResult epoch = runCryoscape({"eval-vol", path(run), "--out", path(run / "out"), "--epoch", "4"});
        QCOMPARE(epoch.exitCode, 2);
        QVERIFY2(epoch.err.contains("no epoch 4"), qPrintable(epoch.err));
    }

    void exportWritesTheExactSubset()
    {
        cryo::SimulationOptions sim;
        sim.outDir = m_root / "data";
        sim.particles = 30;
        sim.box = 32;
        sim.seed = 5;
        cryo::simulateDataset(sim);
        const fs::path run = m_root / "data_run";
        makeHetRun(run, 2, 30, "/cluster/elsewhere/particles.star");   // a path from another machine
        writeFile(m_root / "chosen.txt", "0\n5\n7\n29\n");
        const QString star = path("data/subset.star"), cs = path("data/subset.cs");
        CliResult r = runCryoscape({"export", path(run), "--index", path("chosen.txt"), "--star", star, "--cs", cs,
                                    "--particles", path("data/particles.star")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const cryo::StarFile source = cryo::StarFile::read(m_root / "data" / "particles.star");
        const cryo::StarFile subset = cryo::StarFile::read(star.toStdString());
        const cryo::StarBlock* all = source.block("particles");
        const cryo::StarBlock* some = subset.block("particles");
        QVERIFY(all && some);
        QCOMPARE(some->rowCount(), std::size_t(4));
        QCOMPARE(some->columns, all->columns);
        const std::size_t chosen[] = {0, 5, 7, 29};
        for (std::size_t k = 0; k < 4; ++k)
            QCOMPARE(some->rows[k], all->rows[chosen[k]]);
        QVERIFY(fs::exists(m_root / "data" / "subset.csg"));
        // The particle file named once is remembered: the same export without --particles.
        r = runCryoscape({"export", path(run), "--index", path("chosen.txt"), "--txt", path("data/again.txt")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QString::fromStdString(cryo::readWholeFile(m_root / "data" / "again.txt")), QString("0\n5\n7\n29\n"));
    }

    void analyzeAndEmbedStayInOurFolder()
    {
        const fs::path run = m_root / "het";
        const std::set<std::string> before = cryodrgnFiles(run);
        CliResult r = runCryoscape({"embed", path(run), "--pca", "--kmeans", "4"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCryoscape({"analyze", path(run), "--out", path("het_analysis"), "--pc-traj", "--pc", "1", "--points", "2",
                          "--preview", "--threads", "1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(fs::exists(m_root / "het_analysis" / "pc1" / "vol_001.mrc"));
        QVERIFY(fs::exists(run / "cryoscape" / "epoch_3" / "run.h5"));
        QCOMPARE(cryodrgnFiles(run), before);   // cryoDRGN's own files untouched
    }
};

QTEST_GUILESS_MAIN(TestCliCryodrgn)
#include "tst_cli_cryodrgn.moc"
