// ParticleDataset: opening every fixture format, lazy/eager image access, subsets, and
// one test per kind of bad input (message names the file, the row and the problem).
#include "formats/NpyFile.h"
#include "formats/StarFile.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const char* name) { return fs::path(CRYOSCAPE_FIXTURES_DIR) / name; }

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream(path) << text;
}

// A small RELION 3.1 file pointing at the fixture stack relion31.mrcs (5 images, 256²).
std::string relionStar(const std::string& particleColumns, const std::string& rows)
{
    return "data_optics\nloop_\n_rlnOpticsGroup\n_rlnImagePixelSize\n_rlnImageSize\n_rlnVoltage\n"
           "1 2.8 256 300\n\ndata_particles\nloop_\n" +
           particleColumns + rows;
}

// The message of the FileError that opening `path` throws ("" when it opens).
QString openError(const fs::path& path, const ParticleDatasetOptions& options = {})
{
    try {
        ParticleDataset::open(path, options);
    } catch (const FileError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

double det3(const std::array<float, 9>& m)
{
    return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
}

} // namespace

class TestParticleDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void relion31_data();
    void relion31();
    void relion30SingleBlockMatchesCs();
    void relion30PixelOrigins();
    void sixOpticsGroupsWithoutStacks();
    void relion5WithoutStacks();
    void cryosparcPoses();
    void bareStackAndList();
    void dataDirectoryLookup();
    void eagerEqualsLazy();
    void subsetsKeepTheSource();
    void badInput_data();
    void badInput();
    void nonFinitePixels();
    void plainNpyIsNotACsFile();
    void volumeReadAsStackIsFlagged();
};

void TestParticleDataset::relion31_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("optics first") << "relion31.star";
    QTest::newRow("optics last") << "relion31.v2.star";
}

void TestParticleDataset::relion31()
{
    QFETCH(QString, file);
    const ParticleDataset d = ParticleDataset::open(fixture(file.toStdString().c_str()));
    QCOMPARE(d.format(), ParticleSourceFormat::RelionStar);
    QCOMPARE(d.size(), std::size_t(5));
    QCOMPARE(d.boxSize(), 256);
    QCOMPARE(d.pixelSize(), 2.806);
    QCOMPARE(d.opticsGroups().size(), std::size_t(1));
    QCOMPARE(d.opticsGroups()[0].name, std::string("opticsGroup1"));
    QVERIFY(d.hasCtf() && d.hasPoses() && d.imagesAvailable());
    QVERIFY(d.problems().empty());
    const ParticleRecord& p = d.particles()[0];
    QCOMPARE(p.ctf.defocusU, 13108.082418f);
    QCOMPARE(p.ctf.defocusV, 12845.582418f);
    QCOMPARE(p.ctf.defocusAngle, -160.39f);
    QCOMPARE(p.ctf.voltage, 300.0f);
    QCOMPARE(p.ctf.sphericalAberration, 0.01f);
    QCOMPARE(p.ctf.amplitudeContrast, 0.1f);
    const ParticlePose& pose = d.poses()[0];
    QCOMPARE(pose.angles[0], -102.30296f);
    QCOMPARE(pose.angles[2], 124.706463f);
    QCOMPARE(pose.shiftX, 0.019324f);
    QCOMPARE(pose.shiftY, -0.64686f);
    QVERIFY(std::fabs(det3(pose.rotation) - 1.0) < 1e-5);
    QCOMPARE(pose.rotation[8], std::cos(82.318041f * float(M_PI) / 180.f));   // A22 = cos(tilt)
    QCOMPARE(d.particles()[4].image, 4);
    // Images come straight from the stack, in row order.
    MrcReader reader(fixture("relion31.mrcs"));
    std::vector<float> images(3 * 256 * 256);
    d.readImages(1, 3, images.data());
    std::vector<float> expected(3 * 256 * 256);
    reader.readSections(1, 3, expected.data());
    QVERIFY(images == expected);
    QVERIFY(d.readImage(0) == reader.readSection(0));
}

void TestParticleDataset::relion30SingleBlockMatchesCs()
{
    const ParticleDataset star = ParticleDataset::open(fixture("empiar_10076_7.star"));
    const ParticleDataset cs = ParticleDataset::open(fixture("empiar_10076_7.cs"));
    QCOMPARE(star.size(), std::size_t(7));
    QCOMPARE(cs.size(), std::size_t(7));
    QCOMPARE(star.boxSize(), 320);
    QCOMPARE(cs.boxSize(), 320);
    // RELION 3.0: pixel size = detector pixel (µm) * 1e4 / magnification = 5e4 / 38168.
    QCOMPARE(star.pixelSize(), 5.0e4 / 38168.0);
    QVERIFY(std::fabs(cs.pixelSize() - star.pixelSize()) < 1e-5);
    QVERIFY(!star.hasPoses() && !cs.hasPoses());
    QCOMPARE(star.opticsGroups().size(), std::size_t(1));
    for (std::size_t i = 0; i < 7; ++i) {
        const CtfParams& a = star.particles()[i].ctf;
        const CtfParams& b = cs.particles()[i].ctf;
        QVERIFY(std::fabs(a.defocusU - b.defocusU) < 0.01f);
        QVERIFY(std::fabs(a.defocusV - b.defocusV) < 0.01f);
        QVERIFY(std::fabs(a.defocusAngle - b.defocusAngle) < 1e-4f);   // 5.28° vs 0.0921534 rad
        QCOMPARE(a.voltage, b.voltage);
        QVERIFY(std::fabs(a.sphericalAberration - b.sphericalAberration) < 1e-6f);
        QCOMPARE(star.particles()[i].image, cs.particles()[i].image);   // 1-based '@' vs 0-based blob/idx
    }
    QCOMPARE(star.particles()[6].ctf.defocusU, 15177.4f);
    QVERIFY(star.readImage(6) == cs.readImage(6));
}

void TestParticleDataset::relion30PixelOrigins()
{
    // RELION 3.0 keeps optics on each row and shifts in pixels (_rlnOriginX/Y).
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    fs::copy_file(fixture("relion31.mrcs"), folder / "relion31.mrcs");
    writeText(folder / "v30.star",
              "data_\nloop_\n_rlnImageName\n_rlnDefocusU\n_rlnDefocusV\n_rlnVoltage\n_rlnDetectorPixelSize\n"
              "_rlnMagnification\n_rlnAngleRot\n_rlnAngleTilt\n_rlnAnglePsi\n_rlnOriginX\n_rlnOriginY\n"
              "1@relion31.mrcs 10000 9000 300 14 50000 10 20 30 2 -1\n"
              "2@relion31.mrcs 10000 9000 200 14 50000 10 20 30 0.5 0\n");
    const ParticleDataset d = ParticleDataset::open(folder / "v30.star");
    QCOMPARE(d.opticsGroups().size(), std::size_t(2));   // 300 kV and 200 kV rows
    QCOMPARE(d.pixelSize(), 2.8);                          // 14 µm * 1e4 / 50,000
    QCOMPARE(d.particles()[1].ctf.voltage, 200.0f);
    QCOMPARE(d.poses()[0].shiftX, 5.6f);
    QCOMPARE(d.poses()[0].shiftY, -2.8f);
    QCOMPARE(d.poses()[1].shiftX, 1.4f);
}

void TestParticleDataset::sixOpticsGroupsWithoutStacks()
{
    const fs::path file = fixture("relion31.6opticsgroups.star");
    const QString error = openError(file);
    QVERIFY2(error.contains("relion31.6opticsgroups.star: data_particles row 1 (line 58): stack "
                            "'Polish/job520/Micrographs/0003_shiny.mrcs' not found"),
             qPrintable(error));
    ParticleDatasetOptions options;
    options.requireImages = false;
    const ParticleDataset d = ParticleDataset::open(file, options);
    QCOMPARE(d.size(), std::size_t(139));
    QCOMPARE(d.opticsGroups().size(), std::size_t(6));
    QCOMPARE(d.boxSize(), 196);
    QVERIFY(!d.imagesAvailable());
    QVERIFY(!d.problems().empty());
    QCOMPARE(d.opticsGroups()[std::size_t(d.particles()[0].opticsGroup)].id, 6);
    QCOMPARE(d.opticsGroups()[std::size_t(d.particles()[0].opticsGroup)].pixelSize, 1.25);
    QCOMPARE(d.opticsGroups()[3].sphericalAberration, 2.6f);
    QCOMPARE(d.particles()[0].ctf.sphericalAberration, 2.7f);   // group 6's Cs
    QCOMPARE(d.particles()[0].image, 2);                        // "3@..." is the third image
    QCOMPARE(d.particles()[138].ctf.defocusU, 11089.867209f);
    QVERIFY_THROWS_EXCEPTION(FileError, d.readImage(0));
}

void TestParticleDataset::relion5WithoutStacks()
{
    ParticleDatasetOptions options;
    options.requireImages = false;
    const ParticleDataset d = ParticleDataset::open(fixture("relion5.star"), options);
    QCOMPARE(d.size(), std::size_t(17));
    QCOMPARE(d.boxSize(), 448);
    QCOMPARE(d.pixelSize(), 0.89);
    QCOMPARE(d.stacks().size(), std::size_t(2));   // toy_images_a.mrcs, toy_images_b.mrcs
    QCOMPARE(d.poses()[1].angles[2], -161.73962f);
    QCOMPARE(d.particles()[1].ctf.voltage, 100.0f);
    QCOMPARE(d.particles()[1].ctf.sphericalAberration, 1.6f);
}

void TestParticleDataset::cryosparcPoses()
{
    ParticleDatasetOptions options;
    options.requireImages = false;
    const ParticleDataset d = ParticleDataset::open(fixture("cryosparc_P12_J24_001_particles.cs"), options);
    QCOMPARE(d.size(), std::size_t(2019));
    QCOMPARE(d.boxSize(), 180);
    QCOMPARE(d.pixelSize(), double(2.95f));
    QVERIFY(d.hasPoses() && d.hasCtf());
    QCOMPARE(d.particles()[2018].image, 124);
    QCOMPARE(d.particles()[0].ctf.defocusU, 45591.37109375f);
    QCOMPARE(d.particles()[0].ctf.voltage, 200.0f);
    QCOMPARE(d.poses()[2018].angles[1], 3.257298707962036f);
    for (const ParticlePose& pose : d.poses())
        QVERIFY(std::fabs(det3(pose.rotation) - 1.0) < 1e-4);
    // Shift in Å = pixels * alignments3D/psize_A.
    const NpyFile cs = NpyFile::read(fixture("cryosparc_P12_J24_001_particles.cs"));
    const double psize = cs.number(0, cs.requireField("alignments3D/psize_A"));
    QCOMPARE(d.poses()[0].shiftX, float(11.334375381469727 * psize));
    // Stack references lose cryoSPARC's leading '>' (none here) and are listed once each.
    QVERIFY(d.stacks().size() > 1 && d.stacks().size() < 2019);
    QCOMPARE(d.stacks()[0].reference,
             std::string("J19/extract/20150917_05196_DNA-TET-25k-DE20_raw.region_000.sum-all_003-072_particles.mrc"));
}

void TestParticleDataset::bareStackAndList()
{
    const ParticleDataset hand = ParticleDataset::open(fixture("hand.mrcs"));
    QCOMPARE(hand.size(), std::size_t(100));
    QCOMPARE(hand.boxSize(), 64);
    QCOMPARE(hand.pixelSize(), 1.0);
    QVERIFY(!hand.hasCtf() && !hand.hasPoses());
    QTemporaryDir dir;
    const fs::path list = fs::path(dir.path().toStdString()) / "stacks.txt";
    writeText(list, "# two copies\n" + fixture("hand.mrcs").string() + "\n\n  " + fixture("hand.mrcs").string() + "  \n");
    const ParticleDataset twice = ParticleDataset::open(list);
    QCOMPARE(twice.format(), ParticleSourceFormat::StackList);
    QCOMPARE(twice.size(), std::size_t(200));
    QCOMPARE(twice.stacks().size(), std::size_t(2));
    QCOMPARE(twice.particles()[150].originalIndex, std::size_t(150));
    QVERIFY(twice.readImage(137) == hand.readImage(37));
    QVERIFY(twice.readImage(137) != hand.readImage(38));
}

void TestParticleDataset::dataDirectoryLookup()
{
    QTemporaryDir dir;
    const fs::path star = fs::path(dir.path().toStdString()) / "moved.star";
    writeText(star, relionStar("_rlnImageName\n_rlnDefocusU\n_rlnDefocusV\n",
                               "2@Extract/job7/relion31.mrcs 10000 9000\n"));
    QVERIFY(openError(star).contains("stack 'Extract/job7/relion31.mrcs' not found"));
    ParticleDatasetOptions options;
    options.dataDirectory = CRYOSCAPE_FIXTURES_DIR;
    const ParticleDataset d = ParticleDataset::open(star, options);
    QCOMPARE(d.stacks()[0].path, fixture("relion31.mrcs"));
    QVERIFY(d.readImage(0) == MrcReader(fixture("relion31.mrcs")).readSection(1));
}

void TestParticleDataset::eagerEqualsLazy()
{
    ParticleDatasetOptions eager;
    eager.loadEagerly = true;
    const ParticleDataset a = ParticleDataset::open(fixture("hand.mrcs"));
    const ParticleDataset b = ParticleDataset::open(fixture("hand.mrcs"), eager);
    QVERIFY(!a.isInMemory() && b.isInMemory());
    std::vector<float> x(100 * 64 * 64), y(100 * 64 * 64);
    a.readImages(0, 100, x.data());
    b.readImages(0, 100, y.data());
    QVERIFY(x == y);
    eager.eagerLimitBytes = 1000;   // too small: stays lazy
    QVERIFY(!ParticleDataset::open(fixture("hand.mrcs"), eager).isInMemory());
    QVERIFY_THROWS_EXCEPTION(UsageError, a.readImages(99, 2, x.data()));
}

void TestParticleDataset::subsetsKeepTheSource()
{
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    const ParticleDataset star = ParticleDataset::open(fixture("relion31.star"));
    star.writeSubset(folder / "subset.star", {4, 0, 2});
    const StarFile original = StarFile::read(fixture("relion31.star"));
    const StarFile subset = StarFile::read(folder / "subset.star");
    QCOMPARE(subset.block("optics")->rows, original.block("optics")->rows);
    QCOMPARE(subset.block("particles")->columns, original.block("particles")->columns);
    QCOMPARE(subset.block("particles")->rowCount(), std::size_t(3));
    QCOMPARE(subset.block("particles")->rows[0], original.block("particles")->rows[4]);
    QCOMPARE(subset.block("particles")->rows[2], original.block("particles")->rows[2]);

    const ParticleDataset cs = ParticleDataset::open(fixture("empiar_10076_7.cs"));
    cs.writeSubset(folder / "empiar_10076_7.cs", {6, 1});   // next to nothing: images via dataDirectory
    ParticleDatasetOptions options;
    options.dataDirectory = CRYOSCAPE_FIXTURES_DIR;
    const ParticleDataset back = ParticleDataset::open(folder / "empiar_10076_7.cs", options);
    QCOMPARE(back.size(), std::size_t(2));
    QCOMPARE(back.particles()[0].ctf.defocusU, cs.particles()[6].ctf.defocusU);
    QVERIFY(back.readImage(1) == cs.readImage(1));
    QVERIFY_THROWS_EXCEPTION(UsageError, cs.writeSubset(folder / "x.cs", {7}));
    QVERIFY_THROWS_EXCEPTION(UsageError, ParticleDataset::open(fixture("hand.mrcs")).writeSubset(folder / "x.star", {0}));
}

void TestParticleDataset::badInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const std::string ctf = "_rlnImageName\n_rlnDefocusU\n_rlnDefocusV\n";
    auto row = [](const char* tag, const char* name, const std::string& text, const char* expected) {
        QTest::newRow(tag) << name << QString::fromStdString(text) << expected;
    };
    row("no image column", "a.star", relionStar("_rlnDefocusU\n_rlnDefocusV\n", "1 2\n"),
        "a.star: data_particles has no column _rlnImageName");
    row("defocusV missing", "b.star", relionStar("_rlnImageName\n_rlnDefocusU\n", "1@relion31.mrcs 1\n"),
        "b.star: data_particles has no column _rlnDefocusV");
    row("index beyond stack", "c.star", relionStar(ctf, "1@relion31.mrcs 1 1\n6@relion31.mrcs 1 1\n"),
        "c.star: data_particles row 2 (line 15): image 6 of relion31.mrcs requested, but that stack holds 5 images");
    row("index zero", "d.star", relionStar(ctf, "0@relion31.mrcs 1 1\n"),
        "d.star: data_particles row 1 (line 14), _rlnImageName: image index 0 in '0@relion31.mrcs' (indices start at 1)");
    row("bad image name", "e.star", relionStar(ctf, "x@relion31.mrcs 1 1\n"), "_rlnImageName: 'x@relion31.mrcs' is not index@path");
    row("missing stack", "f.star", relionStar(ctf, "1@nothere.mrcs 1 1\n"),
        "f.star: data_particles row 1 (line 14): stack 'nothere.mrcs' not found");
    row("non-numeric", "g.star", relionStar(ctf, "1@relion31.mrcs 1 1\n2@relion31.mrcs abc 1\n"),
        "g.star: data_particles row 2 (line 15), _rlnDefocusU: 'abc' is not a number");
    row("unknown group", "h.star", relionStar(ctf + "_rlnOpticsGroup\n", "1@relion31.mrcs 1 1 7\n"),
        "h.star: data_particles row 1 (line 15), _rlnOpticsGroup: group 7 is not in data_optics");
    row("optics size", "i.star",
        "data_optics\nloop_\n_rlnOpticsGroup\n_rlnImagePixelSize\n_rlnImageSize\n1 2.8 128\n"
        "data_particles\nloop_\n_rlnImageName\n1@relion31.mrcs\n",
        "i.star: optics group 1 says image size 128, but ");
    row("zero pixel size", "j.star",
        "data_optics\nloop_\n_rlnOpticsGroup\n_rlnImagePixelSize\n1 0\n"
        "data_particles\nloop_\n_rlnImageName\n1@empiar_10076_7.mrc\n",
        "j.star: pixel size is 0 for optics group 1");   // and the stack header has none either
    row("mismatched boxes", "k.txt", "hand.mrcs\nrelion31.mrcs\n",
        "k.txt: mismatched box sizes: ");
    row("list stack missing", "l.txt", "hand.mrcs\nmissing.mrcs\n", "l.txt: line 2: stack 'missing.mrcs' not found");
    row("empty list", "m.txt", "# nothing\n", "m.txt: lists no image stacks");
    row("not a cs", "n.cs", "data_\nloop_\n_rlnImageName\n", "n.cs: not a NumPy .npy file");
    row("unknown extension", "o.json", "{}", "o.json: unknown particle file type '.json'");
}

void TestParticleDataset::badInput()
{
    QFETCH(QString, name);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    fs::copy_file(fixture("relion31.mrcs"), folder / "relion31.mrcs");
    fs::copy_file(fixture("hand.mrcs"), folder / "hand.mrcs");
    fs::copy_file(fixture("empiar_10076_7.mrc"), folder / "empiar_10076_7.mrc");
    writeText(folder / name.toStdString(), text.toStdString());
    const QString error = openError(folder / name.toStdString());
    QVERIFY2(error.startsWith(QString::fromStdString((folder / name.toStdString()).string())), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestParticleDataset::nonFinitePixels()
{
    QTemporaryDir dir;
    const fs::path stack = fs::path(dir.path().toStdString()) / "nan.mrcs";
    std::vector<float> images(4 * 16 * 16, 1.0f);
    images[2 * 256 + 4 * 16 + 3] = std::numeric_limits<float>::quiet_NaN();   // image 2, x=3, y=4
    images[3 * 256 + 5] = std::numeric_limits<float>::infinity();             // image 3, x=5, y=0
    {
        MrcWriter writer(stack, 16, 16, 1.5f, {MrcMode::Float32, true});
        writer.appendSections(images.data(), 4);
        writer.finish();
    }
    const ParticleDataset d = ParticleDataset::open(stack);
    QCOMPARE(d.pixelSize(), 1.5);
    std::vector<float> out(4 * 256);
    d.readImages(0, 2, out.data());   // the clean ones read fine
    try {
        d.readImages(0, 4, out.data());
        QFAIL("NaN pixel accepted");
    } catch (const FileError& e) {
        QVERIFY2(QString(e.what()).contains("nan.mrcs: image 3 (particle 2): NaN or infinite pixel at x=3, y=4"), e.what());
    }
    try {
        d.readImage(3);
        QFAIL("Inf pixel accepted");
    } catch (const FileError& e) {
        QVERIFY2(QString(e.what()).contains("image 4 (particle 3): NaN or infinite pixel at x=5, y=0"), e.what());
    }
    ParticleDatasetOptions unchecked;
    unchecked.checkFinite = false;
    ParticleDataset::open(stack, unchecked).readImages(0, 4, out.data());
    QVERIFY(std::isnan(out[2 * 256 + 4 * 16 + 3]));
    // An all-zero header pixel size is refused unless the caller gives one.
    QVERIFY(openError(fixture("empiar_10076_7.mrc")).contains("pixel size is 0"));
    ParticleDatasetOptions withPixel;
    withPixel.pixelSize = 1.31;
    QCOMPARE(ParticleDataset::open(fixture("empiar_10076_7.mrc"), withPixel).pixelSize(), 1.31);
}

void TestParticleDataset::plainNpyIsNotACsFile()
{
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    NpyFile plain = NpyFile::create({{"x", "<f4", {}}}, 2);
    NpyFile noPath = NpyFile::create({{"blob/idx", "<u4", {}}, {"ctf/df1_A", "<f4", {}}}, 2);
    noPath.write(folder / "nopath.cs");
    QVERIFY(openError(folder / "nopath.cs").contains("nopath.cs: no field 'blob/path' (fields: blob/idx, ctf/df1_A)"));
    // A plain float array (not structured) written as .cs.
    std::string bytes = plain.serialize();
    const std::size_t at = bytes.find("[('x', '<f4')]");
    bytes.replace(at, 14, "'<f4'         ");
    std::ofstream(folder / "plain.cs", std::ios::binary) << bytes;
    const QString error = openError(folder / "plain.cs");
    QVERIFY2(error.contains("plain.cs: not a cryoSPARC particle file: a plain '<f4' array"), qPrintable(error));
    // blob/idx counts from 0: index 5 is past the end of a 5-image stack.
    fs::copy_file(fixture("relion31.mrcs"), folder / "relion31.mrcs");
    NpyFile beyond = NpyFile::create({{"blob/path", "|S16", {}}, {"blob/idx", "<u4", {}}, {"blob/psize_A", "<f4", {}}}, 2);
    for (std::size_t r = 0; r < 2; ++r) {
        beyond.setText(r, 0, ">relion31.mrcs");   // cryoSPARC's '>' prefix is dropped
        beyond.setNumber(r, 1, double(4 + r));
        beyond.setNumber(r, 2, 2.8);
    }
    beyond.write(folder / "beyond.cs");
    const QString beyondError = openError(folder / "beyond.cs");
    QVERIFY2(beyondError.contains("beyond.cs: record 1: image index 5 (0-based) of relion31.mrcs requested, "
                                  "but that stack holds 5 images"),
             qPrintable(beyondError));
    beyond.subset({0}).write(folder / "last.cs");
    const ParticleDataset last = ParticleDataset::open(folder / "last.cs");
    QVERIFY(last.readImage(0) == MrcReader(fixture("relion31.mrcs")).readSection(4));
    QVERIFY(!last.hasCtf());
}

void TestParticleDataset::volumeReadAsStackIsFlagged()
{
    const ParticleDataset vol = ParticleDataset::open(fixture("hand-vol.mrc"));
    QCOMPARE(vol.size(), std::size_t(64));
    bool flagged = false;
    for (const std::string& p : vol.problems())
        flagged = flagged || p.find("hand-vol.mrc: the header says this is a volume (ISPG 1)") != std::string::npos;
    QVERIFY(flagged);
    const ParticleDataset stack = ParticleDataset::open(fixture("hand.mrcs"));
    for (const std::string& p : stack.problems())
        QVERIFY(p.find("volume") == std::string::npos);
}

QTEST_GUILESS_MAIN(TestParticleDataset)
#include "tst_particledataset.moc"
