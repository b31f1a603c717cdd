// StarFile: reading the real RELION fixtures, lossless round trips, subsets, and the
// messages for malformed input.
#include "formats/StarFile.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include <filesystem>
#include <random>
#include <string>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const char* name) { return fs::path(CRYOSCAPE_FIXTURES_DIR) / name; }

// Both files hold the same blocks, columns and cells in the same order.
void compareFiles(const StarFile& a, const StarFile& b)
{
    QCOMPARE(a.blocks().size(), b.blocks().size());
    for (std::size_t i = 0; i < a.blocks().size(); ++i) {
        const StarBlock& x = a.blocks()[i];
        const StarBlock& y = b.blocks()[i];
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.isLoop, y.isLoop);
        QCOMPARE(x.columns, y.columns);
        QCOMPARE(x.rows, y.rows);
        QCOMPARE(x.comments, y.comments);
    }
}

} // namespace

class TestStarFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsFixtures_data();
    void readsFixtures();
    void keepsVersionComments();
    void keepsRelion5Lists();
    void roundTripKeepsEverything_data();
    void roundTripKeepsEverything();
    void subsetKeepsOpticsAndOrder();
    void quotesWhatNeedsQuotes();
    void keyValueBlock();
    void badInput_data();
    void badInput();
    void typedAccessErrors();
    void missingFile();
    void mutatedFixturesOnlyThrowFileErrors();
};

void TestStarFile::readsFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("block");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<double>("value");
    QTest::newRow("relion31 particles") << "relion31.star" << "particles" << 5 << 26 << 0 << "_rlnDefocusU" << 13108.082418;
    QTest::newRow("relion31 optics") << "relion31.star" << "optics" << 1 << 9 << 0 << "rlnImagePixelSize" << 2.806;
    QTest::newRow("relion31.v2 particles") << "relion31.v2.star" << "particles" << 5 << 26 << 4 << "_rlnAnglePsi" << 140.014019;
    QTest::newRow("6 optics groups") << "relion31.6opticsgroups.star" << "optics" << 6 << 18 << 5 << "_rlnMicrographPixelSize" << 1.035;
    QTest::newRow("6 optics particles") << "relion31.6opticsgroups.star" << "particles" << 139 << 23 << 138 << "_rlnDefocusU" << 11089.867209;
    QTest::newRow("relion5 optics") << "relion5.star" << "optics" << 1 << 18 << 0 << "_rlnVoltage" << 100.0;
    QTest::newRow("relion5 particles") << "relion5.star" << "particles" << 17 << 26 << 1 << "_rlnAnglePsi" << -161.73962;
    QTest::newRow("relion30 single block") << "empiar_10076_7.star" << "" << 7 << 10 << 6 << "_rlnDefocusU" << 15177.4;
}

void TestStarFile::readsFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, block);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(int, row);
    QFETCH(QString, column);
    QFETCH(double, value);
    const StarFile star = StarFile::read(fixture(file.toStdString().c_str()));
    const StarBlock* b = star.block(block.toStdString());
    QVERIFY(b);
    QVERIFY(b->isLoop);
    QCOMPARE(int(b->rowCount()), rows);
    QCOMPARE(int(b->columns.size()), columns);
    for (const auto& r : b->rows)
        QCOMPARE(int(r.size()), columns);
    QCOMPARE(b->number(std::size_t(row), column.toStdString()), value);
}

void TestStarFile::keepsVersionComments()
{
    const StarFile v1 = StarFile::read(fixture("relion31.star"));
    QCOMPARE(v1.blocks().front().name, std::string("optics"));
    QVERIFY(v1.block("particles")->comments == std::vector<std::string>{"# version 30001"});
    // relion31.v2.star has the blocks the other way round and ends with a lone '#'.
    const StarFile v2 = StarFile::read(fixture("relion31.v2.star"));
    QCOMPARE(v2.blocks().front().name, std::string("particles"));
    QVERIFY(v2.block("optics")->comments == std::vector<std::string>{"# version 30001"});
    QVERIFY(v2.trailingComments == std::vector<std::string>{"#"});
    const StarBlock* particles = v1.block("particles");
    QCOMPARE(particles->value(0, "_rlnImageName"), std::string("000001@relion31.mrcs"));
    QCOMPARE(particles->integer(3, "_rlnOpticsGroup"), std::int64_t(1));
    QCOMPARE(particles->rowLines.front(), 50);   // line of the first particle row in the file
}

void TestStarFile::keepsRelion5Lists()
{
    const StarFile star = StarFile::read(fixture("relion5.star"));
    const StarBlock* optics = star.block("optics");
    QCOMPARE(optics->value(0, "_rlnOddZernike"),
             std::string("[0.0680480107376,0.0982451014894,-1.79877045848,0,0,-1.36333410593]"));
    QCOMPARE(optics->value(0, "_rlnOpticsGroupName"), std::string("opticsGroup1"));
    QCOMPARE(optics->number(0, "_rlnMagMat01"), -7.04404e-04);
    const StarFile six = StarFile::read(fixture("relion31.6opticsgroups.star"));
    QCOMPARE(six.block("optics")->value(2, "_rlnOpticsGroupName"), std::string("opticsGroup2"));
    QCOMPARE(six.blocks().front().comments.front(), std::string("# Created 2024-05-20 17:39:07.660886"));
}

void TestStarFile::roundTripKeepsEverything_data()
{
    QTest::addColumn<QString>("file");
    for (const char* name : {"relion31.star", "relion31.v2.star", "relion31.6opticsgroups.star", "relion5.star",
                             "empiar_10076_7.star"})
        QTest::newRow(name) << name;
}

void TestStarFile::roundTripKeepsEverything()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const StarFile original = StarFile::read(fixture(file.toStdString().c_str()));
    const fs::path out = fs::path(dir.path().toStdString()) / "copy.star";
    original.write(out);
    QVERIFY(!fs::exists(fs::path(out.string() + ".part")));
    const StarFile copy = StarFile::read(out);
    compareFiles(original, copy);
    QCOMPARE(copy.trailingComments, original.trailingComments);
    // Writing what was read gives the same text again.
    QCOMPARE(copy.toString(), original.toString());
}

void TestStarFile::subsetKeepsOpticsAndOrder()
{
    QTemporaryDir dir;
    StarFile star = StarFile::read(fixture("relion31.6opticsgroups.star"));
    const StarBlock original = *star.block("particles");
    const std::vector<std::size_t> pick{100, 3, 57, 4};
    *star.block("particles") = original.subset(pick);
    const fs::path out = fs::path(dir.path().toStdString()) / "subset.star";
    star.write(out);
    const StarFile back = StarFile::read(out);
    QCOMPARE(back.block("optics")->rows, StarFile::read(fixture("relion31.6opticsgroups.star")).block("optics")->rows);
    const StarBlock* particles = back.block("particles");
    QCOMPARE(particles->columns, original.columns);
    QCOMPARE(particles->rowCount(), pick.size());
    for (std::size_t i = 0; i < pick.size(); ++i)
        QCOMPARE(particles->rows[i], original.rows[pick[i]]);
    QVERIFY_THROWS_EXCEPTION(UsageError, original.subset({139}));
}

void TestStarFile::quotesWhatNeedsQuotes()
{
    StarBlock block;
    block.name = "test";
    block.isLoop = true;
    block.columns = {"_a", "_b", "_c", "_d", "_e"};
    block.rows = {{"two words", "", "_underscore", "data_x", "it's"}, {"plain", "#hash", "\"q\" x", "loop_", "[1, 2]"}};
    StarFile file;
    file.addBlock(block);
    const StarFile back = StarFile::parse(file.toString(), "quoted.star");
    QCOMPARE(back.blocks().front().rows, block.rows);
    QCOMPARE(starQuoted("plain"), std::string("plain"));
    QCOMPARE(starQuoted("a b"), std::string("\"a b\""));
}

void TestStarFile::keyValueBlock()
{
    const StarFile star = StarFile::parse("data_general\n\n_rlnFinalResolution   3.5 # comment\n"
                                          "_rlnName 'hello world'\n\ndata_t\nloop_\n_x\n1\n2\n",
                                          "kv.star");
    const StarBlock* general = star.block("general");
    QVERIFY(general && !general->isLoop);
    QCOMPARE(general->number(0, "rlnFinalResolution"), 3.5);
    QCOMPARE(general->value(0, "_rlnName"), std::string("hello world"));
    QCOMPARE(star.block("t")->rowCount(), std::size_t(2));
    const StarFile back = StarFile::parse(star.toString(), "kv2.star");
    compareFiles(star, back);
    // Windows line ends and a byte order mark change nothing.
    const StarFile windows = StarFile::parse("\xEF\xBB\xBF" "data_t\r\nloop_\r\n_x #1\r\n1\r\n2\r\n", "crlf.star");
    QCOMPARE(windows.block("t")->rows, star.block("t")->rows);
}

void TestStarFile::badInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("short row") << "data_p\nloop_\n_a #1\n_b #2\n1 2\n3\n" << "bad.star: line 6: data_p row 2 has 1 fields, expected 2";
    QTest::newRow("long row") << "data_p\nloop_\n_a\n1 2\n" << "line 4: data_p row 1 has 2 fields, expected 1";
    QTest::newRow("no block") << "# only a comment\n\n" << "bad.star: no data_ block";
    QTest::newRow("empty") << "" << "no data_ block";
    QTest::newRow("unterminated quote") << "data_p\nloop_\n_a\n'abc\n" << "line 4: unterminated quoted string";
    QTest::newRow("value outside loop") << "data_p\n1 2 3\n" << "line 2: value '1' outside a loop_";
    QTest::newRow("label before block") << "_rlnX 1\n" << "line 1: label _rlnX before any data_ block";
    QTest::newRow("key without value") << "data_g\n_rlnX\n" << "line 2: key _rlnX needs exactly one value";
    QTest::newRow("label after rows") << "data_p\nloop_\n_a\n1\n_b 2\n" << "line 5: label _b after the rows";
    QTest::newRow("two loops") << "data_p\nloop_\n_a\n1\nloop_\n_b\n2\n" << "line 5: a second table in data_p";
    QTest::newRow("rows without labels") << "data_p\nloop_\n1 2\n" << "has rows but no column labels";
}

void TestStarFile::badInput()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
        StarFile::parse(text.toStdString(), "bad.star");
        QFAIL("no error for malformed input");
    } catch (const FileError& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(e.file(), fs::path("bad.star"));
    }
}

void TestStarFile::typedAccessErrors()
{
    const StarFile star = StarFile::parse("data_particles\nloop_\n_rlnDefocusU #1\n_rlnOpticsGroup #2\n"
                                          "10000 1\nabc 2.5\n",
                                          "typed.star");
    const StarBlock* b = star.block("particles");
    QCOMPARE(b->number(0, "_rlnDefocusU"), 10000.0);
    try {
        b->number(1, "_rlnDefocusU");
        QFAIL("'abc' accepted as a number");
    } catch (const FileError& e) {
        QCOMPARE(QString(e.what()), QString("typed.star: data_particles row 2 (line 6), _rlnDefocusU: 'abc' is not a number"));
    }
    try {
        b->integer(1, "_rlnOpticsGroup");
        QFAIL("2.5 accepted as an integer");
    } catch (const FileError& e) {
        QVERIFY(QString(e.what()).contains("row 2 (line 6), _rlnOpticsGroup: '2.5' is not an integer"));
    }
    try {
        b->requireColumn("_rlnImageName");
        QFAIL("missing column accepted");
    } catch (const FileError& e) {
        QCOMPARE(QString(e.what()), QString("typed.star: data_particles has no column _rlnImageName"));
    }
}

void TestStarFile::missingFile()
{
    try {
        StarFile::read("/nonexistent/particles.star");
        QFAIL("missing file accepted");
    } catch (const FileError& e) {
        QVERIFY(QString(e.what()).contains("/nonexistent/particles.star: file not found"));
    }
}

void TestStarFile::mutatedFixturesOnlyThrowFileErrors()
{
    // Random byte edits, deletions, insertions of STAR syntax and truncations (fixed seed):
    // each result either parses or throws FileError; nothing else, no crash.
    std::mt19937 rng(17);
    int parsed = 0, rejected = 0;
    for (const char* name : {"relion31.star", "relion5.star", "empiar_10076_7.star"}) {
        std::ifstream in(fixture(name), std::ios::binary);
        const std::string original((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (int i = 0; i < 400; ++i) {
            std::string text = original;
            for (int e = 0; e < 3; ++e) {
                if (text.empty())
                    text.push_back('d');
                const std::size_t pos = rng() % text.size();
                switch (rng() % 4) {
                case 0: text[pos] = char(rng()); break;
                case 1: text.erase(pos, 1 + rng() % 30); break;
                case 2: text.insert(pos, 1, " \n'\"#_[]@"[rng() % 10]); break;
                default: text.resize(std::max<std::size_t>(1, pos)); break;
                }
            }
            try {
                const StarFile star = StarFile::parse(text, "mutated.star");
                StarFile::parse(star.toString(), "again.star");   // what we write, we read
                ++parsed;
            } catch (const FileError& e) {
                QVERIFY(QString(e.what()).startsWith("mutated.star: "));
                ++rejected;
            }
        }
    }
    QVERIFY(parsed > 0 && rejected > 0);
}

QTEST_GUILESS_MAIN(TestStarFile)
#include "tst_starfile.moc"
