// NpyFile: cryoSPARC .cs fixtures (structured .npy), lossless subsets, building new
// arrays, plain arrays, and the messages for malformed files.
#include "formats/AtomicFile.h"
#include "formats/NpyFile.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <filesystem>
#include <random>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const char* name) { return fs::path(CRYOSCAPE_FIXTURES_DIR) / name; }

// A version 1.0 .npy image with the given header dict and data bytes.
std::string makeNpy(const std::string& dict, const std::string& data, char major = 1)
{
    std::string header = dict;
    while ((10 + header.size() + 1) % 64 != 0)
        header.push_back(' ');
    header.push_back('\n');
    std::string out("\x93NUMPY", 6);
    out.push_back(major);
    out.push_back(0);
    out.push_back(char(header.size() & 0xFF));
    out.push_back(char(header.size() >> 8));
    return out + header + data;
}

template <class T>
std::string bytesOf(std::initializer_list<T> values)
{
    std::string out;
    for (T v : values)
        out.append(reinterpret_cast<const char*>(&v), sizeof(T));
    return out;
}

} // namespace

class TestCsFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsFixtures_data();
    void readsFixtures();
    void fieldLayout();
    void rewriteIsByteIdentical();
    void subsetKeepsDtype();
    void createAndReadBack();
    void plainAndBigEndianArrays();
    void badInput_data();
    void badInput();
    void missingField();
    void mutatedFilesOnlyThrowFileErrors();
};

void TestCsFile::readsFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("recordSize");
    QTest::addColumn<int>("fields");
    QTest::addColumn<int>("record");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("idx");
    QTest::addColumn<double>("df1");
    QTest::addColumn<double>("kv");
    QTest::addColumn<quint64>("uid");
    QTest::newRow("empiar first") << "empiar_10076_7.cs" << 7 << 208 << 24 << 0 << "empiar_10076_7.mrc" << 0
                                  << 15301.099609375 << 300.0 << quint64(3806243878409217281ULL);
    QTest::newRow("empiar last") << "empiar_10076_7.cs" << 7 << 208 << 24 << 6 << "empiar_10076_7.mrc" << 6
                                 << 15177.400390625 << 300.0 << quint64(15794596182751007962ULL);
    QTest::newRow("P12 first") << "cryosparc_P12_J24_001_particles.cs" << 2019 << 246 << 34 << 0
                               << "J19/extract/20150917_05196_DNA-TET-25k-DE20_raw.region_000.sum-all_003-072_particles.mrc"
                               << 0 << 45591.37109375 << 200.0 << quint64(15494748553812943456ULL);
    QTest::newRow("P12 last") << "cryosparc_P12_J24_001_particles.cs" << 2019 << 246 << 34 << 2018
                              << "J19/extract/20150917_05265_DNA-TET-25k-DE20_raw.region_000.sum-all_003-072_particles.mrc"
                              << 124 << 22815.318359375 << 200.0 << quint64(2601904955171077498ULL);
}

void TestCsFile::readsFixtures()
{
    QFETCH(QString, file);
    QFETCH(int, records);
    QFETCH(int, recordSize);
    QFETCH(int, fields);
    QFETCH(int, record);
    QFETCH(QString, path);
    QFETCH(int, idx);
    QFETCH(double, df1);
    QFETCH(double, kv);
    QFETCH(quint64, uid);
    const NpyFile cs = NpyFile::read(fixture(file.toStdString().c_str()));
    QVERIFY(cs.isStructured());
    QCOMPARE(int(cs.recordCount()), records);
    QCOMPARE(int(cs.recordSize()), recordSize);
    QCOMPARE(int(cs.fields().size()), fields);
    const auto r = std::size_t(record);
    QCOMPARE(QString::fromStdString(cs.text(r, cs.requireField("blob/path"))), path);
    QCOMPARE(cs.integer(r, cs.requireField("blob/idx")), std::int64_t(idx));
    QCOMPARE(cs.number(r, cs.requireField("ctf/df1_A")), df1);
    QCOMPARE(cs.number(r, cs.requireField("ctf/accel_kv")), kv);
    QCOMPARE(quint64(cs.unsignedInteger(r, cs.requireField("uid"))), uid);
    const int shape = cs.requireField("blob/shape");
    QCOMPARE(cs.field(shape).elementCount(), std::size_t(2));
    QCOMPARE(cs.integer(r, shape, 0), cs.integer(r, shape, 1));
}

void TestCsFile::fieldLayout()
{
    const NpyFile cs = NpyFile::read(fixture("cryosparc_P12_J24_001_particles.cs"));
    const NpyField& shift = cs.field(cs.requireField("alignments3D/shift"));
    const NpyField& pose = cs.field(cs.requireField("alignments3D/pose"));
    QCOMPARE(shift.shape, std::vector<std::int64_t>{2});
    QCOMPARE(pose.shape, std::vector<std::int64_t>{3});
    QCOMPARE(pose.offset, shift.offset + 8);
    QCOMPARE(pose.byteSize(), std::size_t(12));
    QCOMPARE(cs.field(cs.requireField("blob/path")).itemSize, std::size_t(89));
    QCOMPARE(QString::fromStdString(cs.text(0, cs.requireField("ctf/type"))), QString("ctffind4"));
    // Values cross-checked with an independent struct-based reader of the same file.
    QCOMPARE(cs.number(0, cs.fieldIndex("alignments3D/pose"), 2), double(-1.2236783504486084f));
    QCOMPARE(cs.number(2018, cs.fieldIndex("alignments3D/shift"), 1), 8.296875);
    std::size_t sum = 0;
    for (const NpyField& f : cs.fields())
        sum += f.byteSize();
    QCOMPARE(sum, cs.recordSize());
}

void TestCsFile::rewriteIsByteIdentical()
{
    // numpy pads headers to 64 bytes (empiar) or, in older versions, 16 (P12); the data
    // section and dtype must match either way, the whole file when the padding agrees.
    const std::string original = readWholeFile(fixture("empiar_10076_7.cs"));
    const NpyFile cs = NpyFile::parse(original, "empiar_10076_7.cs");
    QCOMPARE(cs.serialize(), original);
    const std::string p12 = readWholeFile(fixture("cryosparc_P12_J24_001_particles.cs"));
    const NpyFile big = NpyFile::parse(p12, "p12.cs");
    const std::string again = big.serialize();
    QCOMPARE(again.substr(again.size() - big.recordCount() * big.recordSize()),
             p12.substr(p12.size() - big.recordCount() * big.recordSize()));
    QCOMPARE(NpyFile::parse(again, "again.cs").descrText(), big.descrText());
}

void TestCsFile::subsetKeepsDtype()
{
    QTemporaryDir dir;
    const NpyFile cs = NpyFile::read(fixture("cryosparc_P12_J24_001_particles.cs"));
    const std::vector<std::size_t> pick{2018, 0, 700, 5};
    const fs::path out = fs::path(dir.path().toStdString()) / "subset.cs";
    cs.subset(pick).write(out);
    const NpyFile back = NpyFile::read(out);
    QCOMPARE(back.descrText(), cs.descrText());
    QCOMPARE(back.shape(), std::vector<std::int64_t>{4});
    QCOMPARE(back.recordCount(), pick.size());
    for (std::size_t i = 0; i < pick.size(); ++i)
        QVERIFY(std::memcmp(back.recordData(i), cs.recordData(pick[i]), cs.recordSize()) == 0);
    QVERIFY_THROWS_EXCEPTION(UsageError, cs.subset({2019}));
}

void TestCsFile::createAndReadBack()
{
    QTemporaryDir dir;
    NpyFile cs = NpyFile::create({{"uid", "<u8", {}},
                                  {"blob/path", "|S16", {}},
                                  {"blob/idx", "<u4", {}},
                                  {"blob/shape", "<u4", {2}},
                                  {"alignments3D/pose", "<f4", {3}},
                                  {"ctf/df1_A", "<f8", {}},
                                  {"name", "<U4", {}},
                                  {"flag", "|b1", {}}},
                                 3);
    QCOMPARE(cs.recordSize(), std::size_t(8 + 16 + 4 + 8 + 12 + 8 + 16 + 1));
    for (std::size_t r = 0; r < 3; ++r) {
        cs.setUnsigned(r, 0, 15794596182751007962ULL - r);
        cs.setText(r, 1, ">particles_" + std::to_string(r) + ".mrcs_too_long_for_16");
        cs.setNumber(r, 2, double(r));
        cs.setNumber(r, 3, 64, 0);
        cs.setNumber(r, 3, 64, 1);
        cs.setNumber(r, 4, 0.25 * double(r), 2);
        cs.setNumber(r, 5, 12345.678 + double(r));
        cs.setText(r, 6, "Å" + std::to_string(r));
        cs.setNumber(r, 7, r % 2);
    }
    const fs::path out = fs::path(dir.path().toStdString()) / "new.cs";
    cs.write(out);
    const NpyFile back = NpyFile::read(out);
    QCOMPARE(back.descrText(), std::string("[('uid', '<u8'), ('blob/path', '|S16'), ('blob/idx', '<u4'), "
                                           "('blob/shape', '<u4', (2,)), ('alignments3D/pose', '<f4', (3,)), "
                                           "('ctf/df1_A', '<f8'), ('name', '<U4'), ('flag', '|b1')]"));
    QCOMPARE(back.unsignedInteger(2, 0), 15794596182751007962ULL - 2);
    QCOMPARE(back.text(1, 1), std::string(">particles_1.mrc"));   // truncated to 16 bytes
    QCOMPARE(back.integer(2, 2), std::int64_t(2));
    QCOMPARE(back.number(2, 4, 2), 0.5);
    QCOMPARE(back.number(1, 5), 12346.678);
    QCOMPARE(back.text(2, 6), std::string("Å2"));
    QCOMPARE(back.number(1, 7), 1.0);
    QVERIFY_THROWS_EXCEPTION(UsageError, NpyFile::create({{"x", "<q9", {}}}, 1));
    QVERIFY_THROWS_EXCEPTION(UsageError, NpyFile::create({{"x", "<f4", {}}, {"x", "<f4", {}}}, 1));
}

void TestCsFile::plainAndBigEndianArrays()
{
    const NpyFile plain = NpyFile::parse(makeNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                                                 bytesOf<double>({1, 2, 3, 4, 5, 6})),
                                         "plain.npy");
    QVERIFY(!plain.isStructured());
    QCOMPARE(plain.recordCount(), std::size_t(2));
    QCOMPARE(plain.number(1, 0, 2), 6.0);
    QCOMPARE(NpyFile::parse(plain.serialize(), "p2.npy").shape(), (std::vector<std::int64_t>{2, 3}));

    std::string be = bytesOf<float>({1.5f});
    std::reverse(be.begin(), be.end());
    const NpyFile big = NpyFile::parse(makeNpy("{'descr': [('a', '>f4'), ('b', '<i2')], 'fortran_order': False, "
                                               "'shape': (1,), }",
                                               be + bytesOf<std::int16_t>({-7})),
                                       "big.npy");
    QCOMPARE(big.number(0, 0), 1.5);
    QCOMPARE(big.integer(0, 1), std::int64_t(-7));
}

void TestCsFile::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const std::string good = "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }";
    auto row = [](const char* name, const std::string& bytes, const char* expected) {
        QTest::newRow(name) << QByteArray(bytes.data(), qsizetype(bytes.size())) << QString(expected);
    };
    row("star file", "data_particles\nloop_\n_rlnImageName\n1@a.mrcs\n", "not a NumPy .npy file");
    row("short", "\x93NUM", "not a NumPy .npy file");
    row("truncated data", makeNpy(good, bytesOf<float>({1.f})), "file too short: the header says 2 records of 4 bytes");
    row("version 9", makeNpy(good, bytesOf<float>({1.f, 2.f}), 9), "unsupported .npy format version 9.0");
    row("bad dict", makeNpy("{'descr': [('a', '<f4'), 'fortran_order': False}", ""), "malformed header dict");
    row("unknown dtype", makeNpy("{'descr': [('a', '<c8')], 'fortran_order': False, 'shape': (1,), }", "12345678"),
        "unsupported dtype '<c8'");
    row("nested", makeNpy("{'descr': [('a', [('b', '<f4')])], 'fortran_order': False, 'shape': (1,), }", "1234"),
        "nested structured dtypes are not supported");
    row("no shape", makeNpy("{'descr': '<f4', 'fortran_order': False}", ""), "lacks 'descr', 'fortran_order' or 'shape'");
    row("header past end", std::string("\x93NUMPY\x01\x00\xff\x00{'descr'", 17), "runs past the end of the file");
    row("negative dim", makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", ""), "impossible dimension");
}

void TestCsFile::badInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    try {
        NpyFile::parse(bytes.toStdString(), "bad.cs");
        QFAIL("malformed .npy accepted");
    } catch (const FileError& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.startsWith("bad.cs: ") && message.contains(expected), qPrintable(message));
    }
}

void TestCsFile::missingField()
{
    const NpyFile cs = NpyFile::read(fixture("empiar_10076_7.cs"));
    try {
        cs.requireField("alignments3D/pose");
        QFAIL("missing field accepted");
    } catch (const FileError& e) {
        QVERIFY2(QString(e.what()).contains("empiar_10076_7.cs: no field 'alignments3D/pose' (fields: uid, blob/path"),
                 e.what());
    }
    QVERIFY_THROWS_EXCEPTION(FileError, cs.number(0, cs.requireField("blob/path")));
    QVERIFY_THROWS_EXCEPTION(FileError, NpyFile::read("/nonexistent/x.cs"));
}

void TestCsFile::mutatedFilesOnlyThrowFileErrors()
{
    // Random edits concentrated on the header (fixed seed): parse or FileError, never a crash.
    std::mt19937 rng(23);
    const std::string original = readWholeFile(fixture("empiar_10076_7.cs"));
    int parsed = 0, rejected = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string bytes = original;
        for (int e = 0; e < 2; ++e) {   // the file is 2160 bytes: never empties
            const std::size_t pos = rng() % (i % 2 ? 704 : bytes.size());
            switch (rng() % 3) {
            case 0: bytes[pos] = char(rng()); break;
            case 1: bytes.erase(pos, 1 + rng() % 8); break;
            default: bytes.insert(pos, 1, "(),'[]0:"[rng() % 8]); break;
            }
        }
        try {
            const NpyFile cs = NpyFile::parse(bytes, "mutated.cs");
            for (std::size_t r = 0; r < cs.recordCount(); ++r)
                for (int f = 0; f < int(cs.fields().size()); ++f)
                    (void)(cs.field(f).type == NpyType::Bytes ? double(cs.text(r, f).size()) : 0.0);
            ++parsed;
        } catch (const FileError& e) {
            QVERIFY(QString(e.what()).startsWith("mutated.cs: "));
            ++rejected;
        }
    }
    QVERIFY(parsed > 0 && rejected > 0);
}

QTEST_GUILESS_MAIN(TestCsFile)
#include "tst_csfile.moc"
