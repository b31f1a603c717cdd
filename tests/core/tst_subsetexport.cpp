// Subset export: a selection and its complement, from .star and .cs sources (simulated and
// real fixtures), to .star / .cs / .txt / .pkl. Read back through our own readers they hold
// exactly the chosen particles, in the original order; same-format exports keep every
// column, the optics table and (for .cs) the record bytes and dtype.
#include "formats/NpyFile.h"
#include "formats/TorchCheckpoint.h"
#include "formats/YamlValue.h"
#include "formats/PickleFile.h"
#include "formats/StarFile.h"
#include "geometry/PoseConventions.h"
#include "particles/CryodrgnPickles.h"
#include "particles/ParticleDataset.h"
#include "particles/PoseConversion.h"
#include "particles/SubsetExport.h"
#include "sim/Simulator.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <cstring>
#include <random>

namespace fs = std::filesystem;

Q_DECLARE_METATYPE(std::vector<std::size_t>)

namespace {

cryo::ParticleDataset openMetadata(const fs::path& path)
{
    cryo::ParticleDatasetOptions options;
    options.requireImages = false;
    return cryo::ParticleDataset::open(path, options);
}

// Particle k of `back` is particle expected[k] of `source`: same stack reference, image,
// optics, CTF and pose (up to the precision of a format conversion); the pose is
// newPoses[expected[k]] when those are given.
void compareParticles(const cryo::ParticleDataset& source, const cryo::ParticleDataset& back,
                      const std::vector<std::size_t>& expected, const std::vector<cryo::ParticlePose>& newPoses = {})
{
    QCOMPARE(back.size(), expected.size());
    QCOMPARE(back.hasPoses(), source.hasPoses() || !newPoses.empty());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        const cryo::ParticleRecord& b = back.particles()[k];
        const cryo::ParticleRecord& s = source.particles()[expected[k]];
        QCOMPARE(back.stacks()[std::size_t(b.stack)].reference, source.stacks()[std::size_t(s.stack)].reference);
        QCOMPARE(b.image, s.image);
        const cryo::OpticsGroup& bg = back.opticsGroups()[std::size_t(b.opticsGroup)];
        const cryo::OpticsGroup& sg = source.opticsGroups()[std::size_t(s.opticsGroup)];
        QCOMPARE(bg.id, sg.id);
        QVERIFY(std::abs(bg.pixelSize - sg.pixelSize) < 1e-4);
        QCOMPARE(bg.voltage, sg.voltage);
        QVERIFY2(std::abs(b.ctf.defocusU - s.ctf.defocusU) < 0.01f, qPrintable(QString::number(k)));
        QVERIFY(std::abs(b.ctf.defocusV - s.ctf.defocusV) < 0.01f);
        QVERIFY(std::abs(b.ctf.defocusAngle - s.ctf.defocusAngle) < 1e-3f);
        if (back.hasPoses()) {
            const cryo::ParticlePose& bp = back.poses()[k];
            const cryo::ParticlePose& sp = newPoses.empty() ? source.poses()[expected[k]] : newPoses[expected[k]];
            const double difference =
                (cryo::matrixFromRowMajor(bp.rotation) - cryo::matrixFromRowMajor(sp.rotation)).cwiseAbs().maxCoeff();
            QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
            QVERIFY(std::abs(bp.shiftX - sp.shiftX) < 1e-3f && std::abs(bp.shiftY - sp.shiftY) < 1e-3f);
        }
    }
}

// Same blocks, columns and comments; particle rows are the source rows `expected`, in order.
void compareStarFiles(const fs::path& sourcePath, const fs::path& outPath, const std::vector<std::size_t>& expected)
{
    const cryo::StarFile source = cryo::StarFile::read(sourcePath);
    const cryo::StarFile out = cryo::StarFile::read(outPath);
    QCOMPARE(out.blocks().size(), source.blocks().size());
    for (std::size_t b = 0; b < source.blocks().size(); ++b) {
        const cryo::StarBlock& s = source.blocks()[b];
        const cryo::StarBlock& o = out.blocks()[b];
        QCOMPARE(o.name, s.name);
        QCOMPARE(o.columns, s.columns);
        QCOMPARE(o.comments, s.comments);
        if (!s.hasColumn("_rlnImageName")) {
            QCOMPARE(o.rows, s.rows);   // the optics table, unchanged
            continue;
        }
        QCOMPARE(o.rowCount(), expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k)
            QCOMPARE(o.rows[k], s.rows[expected[k]]);
    }
}

void compareCsFiles(const fs::path& sourcePath, const fs::path& outPath, const std::vector<std::size_t>& expected)
{
    const cryo::NpyFile source = cryo::NpyFile::read(sourcePath);
    const cryo::NpyFile out = cryo::NpyFile::read(outPath);
    QCOMPARE(out.descrText(), source.descrText());
    QCOMPARE(out.recordCount(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k)
        QVERIFY(std::memcmp(out.recordData(k), source.recordData(expected[k]), source.recordSize()) == 0);
}

// Arbitrary poses, one per particle (as an ab initio run finds them): rotations from random
// Euler angles, shifts up to ±10 Å.
std::vector<cryo::ParticlePose> randomPoses(std::size_t count)
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> angle(0, 360), tilt(5, 175), shift(-10, 10);
    std::vector<cryo::ParticlePose> poses(count);
    for (cryo::ParticlePose& pose : poses) {
        pose.rotation = cryo::relionEulerToMatrix(angle(rng), tilt(rng), angle(rng));
        pose.shiftX = float(shift(rng));
        pose.shiftY = float(shift(rng));
    }
    return poses;
}

// The .csg beside a .cs: every result (column prefix) names the .cs and its row count.
void compareResultGroup(const fs::path& csg, const fs::path& cs, std::size_t rows)
{
    const cryo::PickleValue group = cryo::readYamlValue(csg);
    const cryo::PickleValue* results = cryo::dictValue(group, "results");
    QVERIFY(results && cryo::dictValue(group, "created") && cryo::dictValue(group, "version"));
    QCOMPARE(cryo::dictValue(*cryo::dictValue(group, "group"), "type")->text, std::string("particle"));
    std::vector<std::string> names;
    for (std::size_t i = 0; i < results->items.size(); i += 2) {
        names.push_back(results->items[i].text);
        const cryo::PickleValue& r = results->items[i + 1];
        QCOMPARE(cryo::dictValue(r, "metafile")->text, ">" + cs.filename().string());
        QCOMPARE(cryo::dictValue(r, "num_items")->integer, std::int64_t(rows));
        QCOMPARE(cryo::dictValue(r, "type")->text, "particle." + names.back());
    }
    for (const char* needed : {"blob", "ctf"})
        QVERIFY2(std::find(names.begin(), names.end(), needed) != names.end(), needed);
    const cryo::NpyFile written = cryo::NpyFile::read(cs);
    for (const cryo::NpyField& f : written.fields())   // no column without its result
        QVERIFY2(f.name == "uid" || std::find(names.begin(), names.end(), f.name.substr(0, f.name.find('/'))) != names.end(),
                 f.name.c_str());
}

} // namespace

class TestSubsetExport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path m_sim;
    int m_case = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = fs::path(m_dir.path().toStdString()) / "sim";
        cryo::SimulationOptions options;
        options.outDir = m_sim;
        options.particles = 30;
        options.box = 32;
        options.pixelSize = 4;
        options.seed = 5;
        cryo::simulateDataset(options);
    }

    void exportRoundTrip_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("invert");
        const QString fixtures = QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/");
        const QString sim = QString::fromStdString(m_sim.string()) + "/";
        for (bool invert : {false, true}) {
            const char* suffix = invert ? ", complement" : "";
            QTest::addRow("simulated .star%s", suffix) << sim + "particles.star" << invert;
            QTest::addRow("simulated .cs%s", suffix) << sim + "particles.cs" << invert;
            QTest::addRow("relion31.star%s", suffix) << fixtures + "relion31.star" << invert;
            QTest::addRow("relion31.6opticsgroups.star%s", suffix) << fixtures + "relion31.6opticsgroups.star" << invert;
            QTest::addRow("empiar_10076_7.cs%s", suffix) << fixtures + "empiar_10076_7.cs" << invert;
            QTest::addRow("empiar_10076_7.star (RELION 3.0)%s", suffix) << fixtures + "empiar_10076_7.star" << invert;
        }
    }
    void exportRoundTrip()
    {
        QFETCH(QString, source);
        QFETCH(bool, invert);
        const fs::path sourcePath = source.toStdString();
        const cryo::ParticleDataset dataset = openMetadata(sourcePath);
        const std::size_t n = dataset.size();
        std::vector<std::size_t> selection;
        for (std::size_t i = 0; i < n; ++i)
            if (i % 3 == 1 || i + 1 == n)
                selection.push_back(i);
        std::vector<std::size_t> expected = selection;
        if (invert)
            expected = cryo::complementOf(selection, n);
        QVERIFY(!expected.empty() && expected.size() < n);

        const fs::path out = fs::path(m_dir.path().toStdString()) / ("case" + std::to_string(m_case++));
        fs::create_directories(out);
        cryo::SubsetExportRequest request{selection, invert, out / "sel.star", out / "sel.cs", out / "sel.txt", out / "sel.pkl", {}};
        const cryo::SubsetExportResult result = cryo::exportSubset(dataset, request);
        QCOMPARE(result.exported, expected);
        QCOMPARE(result.written.size(), std::size_t(5));
        compareResultGroup(out / "sel.csg", out / "sel.cs", expected.size());

        QCOMPARE(cryo::readIndexFile(out / "sel.txt", n), expected);
        QCOMPARE(cryo::readIndexFile(out / "sel.pkl", n), expected);
        QCOMPARE(cryo::readPickledArray(out / "sel.pkl").dtype.dtype, std::string("<i8"));

        compareParticles(dataset, openMetadata(out / "sel.star"), expected);
        compareParticles(dataset, openMetadata(out / "sel.cs"), expected);
        if (dataset.format() == cryo::ParticleSourceFormat::RelionStar)
            compareStarFiles(sourcePath, out / "sel.star", expected);
        else
            compareCsFiles(sourcePath, out / "sel.cs", expected);
    }

    // A cryoSPARC export (.cs with its .csg): the subset's .csg keeps the group's description,
    // its result types and cryoSPARC version, and points every result at the new .cs.
    void resultGroupOfACryosparcExport()
    {
        const fs::path dir = fs::path(m_dir.path().toStdString()) / "csexport";
        fs::create_directories(dir / "out");
        fs::copy_file(fs::path(CRYOSCAPE_FIXTURES_DIR) / "empiar_10076_7.cs", dir / "J7_particles_exported.cs");
        std::ofstream(dir / "J7_particles_exported.csg")
            << "created: 2021-01-21 02:43:57.516360\ngroup:\n  description: All particles that were processed\n"
               "  name: particles\n  title: All particles\n  type: particle\nresults:\n  blob:\n"
               "    metafile: '>J7_particles_exported.cs'\n    num_items: 7\n    type: particle.blob\n"
               "  ctf: {metafile: '>J7_particles_exported.cs', num_items: 7, type: particle.ctf}\nversion: v2.15.0\n";
        const cryo::ParticleDataset dataset = openMetadata(dir / "J7_particles_exported.cs");
        cryo::SubsetExportRequest request;
        request.selection = {1, 4};
        request.cs = dir / "out" / "subset.cs";
        cryo::exportSubset(dataset, request);
        const cryo::PickleValue group = cryo::readYamlValue(dir / "out" / "subset.csg");
        QCOMPARE(cryo::dictValue(group, "version")->text, std::string("v2.15.0"));
        QCOMPARE(cryo::dictValue(*cryo::dictValue(group, "group"), "description")->text, std::string("All particles that were processed"));
        compareResultGroup(dir / "out" / "subset.csg", request.cs, 2);
    }

    // Other poses (an ab initio run's) replace the source's in the .star and .cs; every other
    // column stays as it was. A .cs without alignments3D fields is written as a new .cs.
    void exportWithOtherPoses_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("newCs");   // the .cs cannot hold poses: written anew
        const QString fixtures = QStringLiteral(CRYOSCAPE_FIXTURES_DIR "/");
        const QString sim = QString::fromStdString(m_sim.string()) + "/";
        QTest::newRow("simulated .star") << sim + "particles.star" << false;
        QTest::newRow("simulated .cs") << sim + "particles.cs" << false;
        QTest::newRow("relion31.star") << fixtures + "relion31.star" << false;
        QTest::newRow("relion31.6opticsgroups.star") << fixtures + "relion31.6opticsgroups.star" << false;
        QTest::newRow("empiar_10076_7.star (RELION 3.0)") << fixtures + "empiar_10076_7.star" << false;
        QTest::newRow("cryoSPARC refinement .cs") << fixtures + "cryosparc_P12_J24_001_particles.cs" << false;
        QTest::newRow("cryoSPARC import .cs (no alignments)") << fixtures + "empiar_10076_7.cs" << true;
    }
    void exportWithOtherPoses()
    {
        QFETCH(QString, source);
        QFETCH(bool, newCs);
        const fs::path sourcePath = source.toStdString();
        const cryo::ParticleDataset dataset = openMetadata(sourcePath);
        const std::size_t n = dataset.size();
        std::vector<std::size_t> selection;
        for (std::size_t i = 0; i < n; i += 2)
            selection.push_back(i);
        const fs::path out = fs::path(m_dir.path().toStdString()) / ("poses" + std::to_string(m_case++));
        fs::create_directories(out);
        cryo::SubsetExportRequest request{selection, false, out / "sel.star", out / "sel.cs", {}, {}, randomPoses(n)};
        const cryo::SubsetExportResult result = cryo::exportSubset(dataset, request);
        QCOMPARE(result.notes.size(), std::size_t(newCs ? 1 : 0));
        compareParticles(dataset, openMetadata(out / "sel.star"), selection, request.poses);
        compareParticles(dataset, openMetadata(out / "sel.cs"), selection, request.poses);
        if (dataset.format() == cryo::ParticleSourceFormat::RelionStar) {   // the other columns as they were
            const cryo::StarFile before = cryo::StarFile::read(sourcePath), after = cryo::StarFile::read(out / "sel.star");
            const cryo::StarBlock* s = nullptr;
            const cryo::StarBlock* o = nullptr;
            for (std::size_t b = 0; b < before.blocks().size(); ++b)
                if (before.blocks()[b].hasColumn("_rlnImageName"))
                    s = &before.blocks()[b], o = &after.blocks()[b];
            QVERIFY(s && o);
            for (const std::string& column : s->columns) {
                if (column.starts_with("_rlnAngle") || column.starts_with("_rlnOrigin"))
                    continue;
                for (std::size_t k = 0; k < selection.size(); ++k)
                    QCOMPARE(o->value(k, column), s->value(selection[k], column));
            }
            QCOMPARE(o->hasColumn("_rlnOriginXAngst"), !s->hasColumn("_rlnOriginX") || s->hasColumn("_rlnOriginXAngst"));
        } else if (!newCs) {   // same dtype; uids and CTF bytes as they were
            const cryo::NpyFile before = cryo::NpyFile::read(sourcePath), after = cryo::NpyFile::read(out / "sel.cs");
            QCOMPARE(after.descrText(), before.descrText());
            for (const char* name : {"uid", "ctf/df1_A"})
                for (std::size_t k = 0; k < selection.size(); ++k)
                    QCOMPARE(after.number(k, after.requireField(name)), before.number(selection[k], before.requireField(name)));
        }
    }

    void complement()
    {
        QCOMPARE(cryo::complementOf({}, 3), (std::vector<std::size_t>{0, 1, 2}));
        QCOMPARE(cryo::complementOf({0, 2, 5}, 6), (std::vector<std::size_t>{1, 3, 4}));
        QCOMPARE(cryo::complementOf({0, 1}, 2), std::vector<std::size_t>{});
    }

    void badRequests_data()
    {
        QTest::addColumn<std::vector<std::size_t>>("selection");
        QTest::addColumn<bool>("invert");
        QTest::addColumn<bool>("outputs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unsorted") << std::vector<std::size_t>{3, 1} << false << true << "sorted";
        QTest::newRow("duplicate") << std::vector<std::size_t>{1, 1} << false << true << "sorted";
        QTest::newRow("out of range") << std::vector<std::size_t>{1, 5} << false << true << "index 5 is out of range (5 particles)";
        QTest::newRow("empty") << std::vector<std::size_t>{} << false << true << "selection is empty";
        QTest::newRow("complement empty") << std::vector<std::size_t>{0, 1, 2, 3, 4} << true << true << "every particle";
        QTest::newRow("no outputs") << std::vector<std::size_t>{1} << false << false << "nothing to export";
    }
    void badRequests()
    {
        QFETCH(std::vector<std::size_t>, selection);
        QFETCH(bool, invert);
        QFETCH(bool, outputs);
        QFETCH(QString, expected);
        const cryo::ParticleDataset dataset = openMetadata(CRYOSCAPE_FIXTURES_DIR "/relion31.star");
        const fs::path out = fs::path(m_dir.path().toStdString()) / "bad.txt";
        cryo::SubsetExportRequest request{selection, invert, {}, {}, outputs ? out : fs::path(), {}, {}};
        QString error;
        try {
            cryo::exportSubset(dataset, request);
        } catch (const cryo::UsageError& e) {
            error = e.what();
        }
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!fs::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestSubsetExport)
#include "tst_subsetexport.moc"
