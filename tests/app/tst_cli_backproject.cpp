// `cryoscape backproject` end to end: a simulated .star → maps with pixel size, fsc.txt and the
// printed resolutions; the same particles as a bare stack with --poses/--ctf from the .star;
// a cryoDRGN index .pkl; an ab initio run's poses (--poses-from); usage errors (exit 2) and bad
// input (exit 1) with messages naming the file.
#include "formats/PickleFile.h"
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"

#include "support/RunCryoscape.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {

constexpr int kParticles = 300;

// run.h5 with the dataset's own poses as if an ab initio run had found them (count: how many).
void writeAbInitioRun(const fs::path& dir, const fs::path& particles, std::size_t count)
{
    fs::create_directories(dir);
    const cryo::ParticleDataset dataset = cryo::ParticleDataset::open(particles);
    cryo::PoseTable poses;
    poses.count = count;
    for (std::size_t i = 0; i < count; ++i) {
        const cryo::ParticlePose& p = dataset.poses()[i];
        poses.rotations.insert(poses.rotations.end(), p.rotation.begin(), p.rotation.end());
        poses.shifts.push_back(float(p.shiftX / dataset.pixelSize()));
        poses.shifts.push_back(float(p.shiftY / dataset.pixelSize()));
    }
    cryo::H5File file(dir / cryo::kRunFileName, cryo::H5File::Mode::Create);
    cryo::writePoses(file, poses);
    file.close();
}

// The FSC = 0.143 resolution the command printed, in Å.
double printedResolution(const QString& out)
{
    const QRegularExpression pattern(QStringLiteral("FSC = 0.143: ([0-9.]+) Å"));
    const QRegularExpressionMatch match = pattern.match(out);
    return match.hasMatch() ? match.captured(1).toDouble() : -1.0;
}

} // namespace

class TestCliBackproject : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path m_root;
    double m_resolution = 0;   // printed by the run on the .star's own poses
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
        options.pixelSize = 6;
        options.snr = 0.05;
        options.hingeMin = options.hingeMax = 40;
        options.seed = 5;
        cryo::simulateDataset(options);
    }

    void starWithPosesAndCtf()
    {
        const CliResult r = runCryoscape({"backproject", path("sim/particles.star"), "--out", path("out"), "--threads", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QString("Backprojected %1 particles (halves of 150 and 150)").arg(kParticles)), qPrintable(r.out));
        QVERIFY2(r.out.contains("FSC = 0.5:"), qPrintable(r.out));
        m_resolution = printedResolution(r.out);
        QVERIFY2(m_resolution >= 12.0 && m_resolution < 40.0, qPrintable(r.out));   // Nyquist is 12 Å
        for (const char* name : {"backprojection.mrc", "backprojection_unfiltered.mrc", "half_a.mrc", "half_b.mrc"}) {
            const cryo::MrcHeader header = cryo::readMrcHeader(m_root / "out" / name);
            QCOMPARE(header.nx, 32);
            QCOMPARE(header.pixelSize(), 6.0f);
            QCOMPARE(header.origin[0], 0.0f);
        }
        std::ifstream fsc(m_root / "out" / "fsc.txt");
        std::string header;
        std::getline(fsc, header);
        QCOMPARE(QString::fromStdString(header), QString("# frequency_1/A fsc"));
    }

    void stackWithPosesAndCtfFromAnotherFile()
    {
        const CliResult r = runCryoscape({"backproject", path("sim/particles.mrcs"), "--poses", path("sim/particles.star"),
                                          "--ctf", path("sim/particles.star"), "--out", path("out_mrcs")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains("no CTF"), qPrintable(r.out));
        // The same map up to float rounding (the workers' sums are added in the order they finish).
        const cryo::Volume a = cryo::readMrc(m_root / "out_mrcs" / "half_a.mrc"), b = cryo::readMrc(m_root / "out" / "half_a.mrc");
        const cryo::VolumeStats stats = cryo::computeStats(b);
        for (std::size_t i = 0; i < a.data.size(); ++i)
            QVERIFY(std::abs(a.data[i] - b.data[i]) < 1e-4f * stats.max);
    }

    void indexPickleAndMaxParticles()
    {
        std::vector<std::int64_t> picked;
        for (std::int64_t i = 0; i < kParticles; i += 3)
            picked.push_back(i);
        cryo::writePickledIndexArray(m_root / "pick.pkl", picked);
        CliResult r = runCryoscape({"backproject", path("sim/particles.star"), "--index", path("pick.pkl"), "--out", path("out_pick")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("Backprojected 100 particles"), qPrintable(r.out));
        r = runCryoscape({"backproject", path("sim/particles.star"), "--index", path("pick.pkl"), "--max-particles", "40",
                          "--split", "random", "--out", path("out_pick40")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("Backprojected 40 particles (halves of 20 and 20)"), qPrintable(r.out));
    }

    void posesFromAnAbInitioRun()
    {
        writeAbInitioRun(m_root / "run", m_root / "sim" / "particles.star", kParticles);
        CliResult r = runCryoscape({"backproject", path("sim/particles.star"), "--poses-from", path("run"), "--out", path("out_run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(printedResolution(r.out), m_resolution);   // the same poses as the .star's
        writeAbInitioRun(m_root / "short_run", m_root / "sim" / "particles.star", 10);
        r = runCryoscape({"backproject", path("sim/particles.star"), "--poses-from", path("short_run"), "--out", path("x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("short_run/run.h5") && r.err.contains("10 particles"), qPrintable(r.err));
    }

    void failures_data()
    {
        const QString fixtures = QStringLiteral(CRYOSCAPE_FIXTURES_DIR);
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --out") << QStringList{path("sim/particles.star")} << 2 << "--out";
        QTest::newRow("stack without poses") << QStringList{path("sim/particles.mrcs"), "--out", path("f1")} << 1
                                             << "particles.mrcs: the particles have no poses";
        QTest::newRow("cryoDRGN poses of 5 particles for 100 images")
            << QStringList{fixtures + "/hand.mrcs", "--poses", fixtures + "/pose.star.pkl", "--out", path("f2")} << 1
            << "pose.star.pkl: has 5 poses, but";
        QTest::newRow("index beyond the particles")
            << QStringList{fixtures + "/relion31.star", "--index", fixtures + "/ind100.pkl", "--out", path("f3")} << 1
            << "ind100.pkl";
        QTest::newRow("poses twice") << QStringList{path("sim/particles.star"), "--poses", path("sim/particles.star"),
                                                    "--poses-from", path("run"), "--out", path("f4")}
                                     << 2 << "not both";
        QTest::newRow("bad split") << QStringList{path("sim/particles.star"), "--split", "thirds", "--out", path("f5")}
                                   << 2 << "--split";
    }
    void failures()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliResult r = runCryoscape(QStringList{"backproject"} + arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!fs::exists(m_root / "f1" / "backprojection.mrc"));
    }
};

QTEST_GUILESS_MAIN(TestCliBackproject)
#include "tst_cli_backproject.moc"
