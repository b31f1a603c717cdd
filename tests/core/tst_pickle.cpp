// The safe pickle reader on cryoDRGN's own pickles (index, z, pose, CTF), the index-array
// writer (byte-identical to cryoDRGN's ind100.pkl), cryoDRGN pose/CTF/index conversion, and
// rejection of malformed or dangerous pickles.
#include "formats/AtomicFile.h"
#include "formats/PickleFile.h"
#include "geometry/PoseConventions.h"
#include "particles/CryodrgnPickles.h"
#include "util/Error.h"
#include "support/Errors.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>

namespace fs = std::filesystem;

namespace {
const fs::path kFixtures = CRYOSCAPE_FIXTURES_DIR;

std::string fixtureBytes(const char* name) { return cryo::readWholeFile(kFixtures / name); }

void writeBytes(const fs::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

void patchDouble(std::string& bytes, std::size_t offset, double value) { std::memcpy(&bytes[offset], &value, 8); }

} // namespace

Q_DECLARE_METATYPE(std::vector<std::int64_t>)

class TestPickle : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path path(const char* name) const { return fs::path(m_dir.path().toStdString()) / name; }

private Q_SLOTS:
    void indexArrayFixture()
    {
        const cryo::PickledArray a = cryo::readPickledArray(kFixtures / "ind100.pkl");
        QCOMPARE(a.dtype.dtype, std::string("<i8"));
        QCOMPARE(a.shape, std::vector<std::int64_t>{100});
        const std::vector<std::int64_t> v = a.toInt64s();
        for (std::size_t i = 0; i < v.size(); ++i)
            QCOMPARE(v[i], std::int64_t(i));
        cryo::IndexFileInfo info;
        const std::vector<std::size_t> ind = cryo::readIndexFile(kFixtures / "ind100.pkl", 100, &info);
        QCOMPARE(ind.size(), std::size_t(100));
        QCOMPARE(info.duplicates, std::size_t(0));
        QVERIFY(info.wasSorted);
        QVERIFY(errorOf([] { cryo::readIndexFile(kFixtures / "ind100.pkl", 99); }).contains("position 99: index 99 is out of range"));
    }

    void writerReproducesCryodrgnIndexPickle()
    {
        std::vector<std::int64_t> v(100);
        std::iota(v.begin(), v.end(), 0);
        const std::string mine = cryo::pickledIndexArray(v);
        const std::string theirs = fixtureBytes("ind100.pkl");
        QCOMPARE(mine.size(), theirs.size());
        QVERIFY(mine == theirs);
    }

    void writerRoundTrip_data()
    {
        QTest::addColumn<std::vector<std::int64_t>>("values");
        QTest::newRow("empty") << std::vector<std::int64_t>{};
        QTest::newRow("one") << std::vector<std::int64_t>{7};
        std::vector<std::int64_t> big(70000);   // count needs BININT, data needs BINBYTES
        for (std::size_t i = 0; i < big.size(); ++i)
            big[i] = std::int64_t(i) * 65537 - 5;
        QTest::newRow("70000 values") << big;
        QTest::newRow("extremes") << std::vector<std::int64_t>{0, 255, 256, 65535, 65536, (std::int64_t(1) << 40) + 3,
                                                                std::numeric_limits<std::int64_t>::max(), -1};
    }
    void writerRoundTrip()
    {
        QFETCH(std::vector<std::int64_t>, values);
        const fs::path out = path("roundtrip.pkl");
        cryo::writePickledIndexArray(out, values);
        QVERIFY(!fs::exists(fs::path(out.string() + ".part")));
        const cryo::PickledArray a = cryo::readPickledArray(out);
        QCOMPARE(a.shape, std::vector<std::int64_t>{std::int64_t(values.size())});
        QCOMPARE(a.toInt64s(), values);
    }

    void concatenatedPickles()
    {
        // cryoDRGN's z.pkl holds two pickles back to back (z_mu, then z_logvar).
        const fs::path two = path("two.pkl");
        writeBytes(two, cryo::pickledIndexArray({1, 2, 3}) + cryo::pickledIndexArray({7, 8}));
        const std::vector<cryo::PickleValue> all = cryo::readPickles(two);
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(all[0].array->toInt64s(), (std::vector<std::int64_t>{1, 2, 3}));
        QCOMPARE(all[1].array->toInt64s(), (std::vector<std::int64_t>{7, 8}));
        QCOMPARE(cryo::readPickledArray(two).toInt64s(), (std::vector<std::int64_t>{1, 2, 3}));
    }

    void plainObjects()
    {
        // pickle.dumps((None, True, -3, 2.5, 'é', b'xy', [1, 2], {'k': 70000}), protocol=2) by python3
        // (protocol 2 stores bytes as _codecs.encode('xy', 'latin1')).
        const QByteArray bytes = QByteArray::fromHex(
            "8002284e884afdffffff4740040000000000005802000000c3a97100635f636f646563730a656e636f64650a7101"
            "58020000007879710258060000006c6174696e3171038671045271055d7106284b014b02657d710758010000006b"
            "71084a70110100737471092e");
        const cryo::PickleValue v = cryo::parsePickle(bytes.toStdString(), "inline");
        using K = cryo::PickleValue::Kind;
        QCOMPARE(v.kind, K::Tuple);
        QCOMPARE(v.items.size(), std::size_t(8));
        QCOMPARE(v.items[0].kind, K::None);
        QVERIFY(v.items[1].kind == K::Bool && v.items[1].boolean);
        QCOMPARE(v.items[2].integer, std::int64_t(-3));
        QCOMPARE(v.items[3].real, 2.5);
        QCOMPARE(v.items[4].text, std::string("\xc3\xa9"));
        QVERIFY(v.items[5].kind == K::Bytes && v.items[5].text == "xy");
        QVERIFY(v.items[6].kind == K::List && v.items[6].items.size() == 2 && v.items[6].items[1].integer == 2);
        QVERIFY(v.items[7].kind == K::Dict && v.items[7].items.size() == 2);
        QVERIFY(v.items[7].items[0].text == "k" && v.items[7].items[1].integer == 70000);
    }

    void latentPickle()
    {
        const std::vector<cryo::PickleValue> all = cryo::readPickles(kFixtures / "zvals_het-8_4k.pkl");
        QCOMPARE(all.size(), std::size_t(1));
        QVERIFY(all[0].isArray());
        const cryo::PickledArray& z = *all[0].array;
        QCOMPARE(z.dtype.dtype, std::string("<f4"));
        QCOMPARE(z.shape, (std::vector<std::int64_t>{4549, 8}));
        // Values read with python3's pickle + struct (numpy stubbed).
        QCOMPARE(z.number(0), double(-1.6868276596069336f));
        QCOMPARE(z.number(1), double(0.31504154205322266f));
        QCOMPARE(z.number(4549 * 8 - 1), double(-0.4292668104171753f));
    }

    void posePickle()
    {
        const cryo::PickleValue root = cryo::readPickle(kFixtures / "pose.star.pkl");
        QCOMPARE(root.kind, cryo::PickleValue::Kind::Tuple);
        QCOMPARE(root.items.size(), std::size_t(2));
        const cryo::PickledArray& rot = *root.items[0].array;
        const cryo::PickledArray& trans = *root.items[1].array;
        QCOMPARE(rot.shape, (std::vector<std::int64_t>{5, 3, 3}));
        QCOMPARE(trans.shape, (std::vector<std::int64_t>{5, 2}));
        QCOMPARE(rot.dtype.dtype, std::string("<f8"));   // the dtype object is shared via the memo
        QCOMPARE(trans.dtype.dtype, std::string("<f8"));
        QCOMPARE(rot.number(0), -0.2830989316786162);
        QCOMPARE(trans.number(0), -0.00046876666666666666);

        const int D = 64;
        const double apix = 2.5;
        const std::vector<cryo::ParticlePose> poses = cryo::readCryodrgnPoses(kFixtures / "pose.star.pkl", D, apix);
        QCOMPARE(poses.size(), std::size_t(5));
        for (std::size_t i = 0; i < poses.size(); ++i) {
            for (std::size_t k = 0; k < 9; ++k)
                QCOMPARE(poses[i].rotation[k], float(rot.number(9 * i + k)));
            QVERIFY(std::abs(poses[i].shiftX - trans.number(2 * i) * D * apix) < 1e-5);
            QVERIFY(std::abs(poses[i].shiftY - trans.number(2 * i + 1) * D * apix) < 1e-5);
            const cryo::Mat3 fromAngles = cryo::matrixFromRelionEuler(
                {poses[i].angles[0], poses[i].angles[1], poses[i].angles[2]});
            // Element-wise (an angle from acos is too coarse near 0 for float matrices).
            QVERIFY((fromAngles - cryo::matrixFromRowMajor(poses[i].rotation)).cwiseAbs().maxCoeff() < 1e-5);
        }
    }

    void badPoses_data()
    {
        QTest::addColumn<std::size_t>("offset");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        // Offsets from `python3 -m pickletools pose.star.pkl`: rotation bytes start at 155,
        // translation bytes at 553.
        QTest::newRow("NaN rotation") << std::size_t(155 + 8 * 9) << std::nan("") << "rotation of particle 1 is not finite";
        QTest::newRow("not a rotation") << std::size_t(155) << 3.0 << "particle 0 is not a rotation matrix";
        QTest::newRow("pixel translations") << std::size_t(553 + 8 * 2) << 4.0 << "translation of particle 1";
    }
    void badPoses()
    {
        QFETCH(std::size_t, offset);
        QFETCH(double, value);
        QFETCH(QString, expected);
        std::string bytes = fixtureBytes("pose.star.pkl");
        patchDouble(bytes, offset, value);
        const fs::path bad = path("bad_pose.pkl");
        writeBytes(bad, bytes);
        const QString error = errorOf([&] { cryo::readCryodrgnPoses(bad, 64, 1.0); });
        QVERIFY2(error.contains(expected) && error.contains("bad_pose.pkl"), qPrintable(error));
    }

    void ctfPickle()
    {
        const cryo::CryodrgnCtfTable t = cryo::readCryodrgnCtf(kFixtures / "test_ctf.100.pkl");
        const cryo::PickledArray raw = cryo::readPickledArray(kFixtures / "test_ctf.100.pkl");
        QCOMPARE(raw.shape, (std::vector<std::int64_t>{100, 9}));
        QCOMPARE(t.params.size(), std::size_t(100));
        for (std::size_t i = 0; i < 100; i += 33) {
            QCOMPARE(t.imageSizes[i], int(raw.number(9 * i)));
            QCOMPARE(t.pixelSizes[i], raw.number(9 * i + 1));
            QCOMPARE(double(t.params[i].defocusU), raw.number(9 * i + 2));
            QCOMPARE(double(t.params[i].voltage), raw.number(9 * i + 5));
            QCOMPARE(double(t.params[i].phaseShift), raw.number(9 * i + 8));
        }
        // Known from pickletools: D 30, 1 Å/px, 300 kV, Cs 0.001 mm, w 0.1, phase shift 90°.
        QCOMPARE(t.imageSizes[0], 30);
        QCOMPARE(t.params[0].voltage, 300.0f);
        QCOMPARE(t.params[0].sphericalAberration, 0.001f);
        QCOMPARE(t.params[0].amplitudeContrast, 0.1f);
        QCOMPARE(t.params[0].phaseShift, 90.0f);
        // The CTF table is not a pose pickle and vice versa.
        QVERIFY(errorOf([] { cryo::readCryodrgnPoses(kFixtures / "test_ctf.100.pkl", 30, 1); }).contains("(N, 3, 3)"));
        QVERIFY(errorOf([] { cryo::readCryodrgnCtf(kFixtures / "pose.star.pkl"); }).contains("N×9"));
    }

    void badPickles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const std::string ind = fixtureBytes("ind100.pkl");
        QTest::newRow("empty") << QByteArray() << "empty pickle";
        QTest::newRow("truncated") << QByteArray::fromStdString(ind.substr(0, 500)) << "opcode 0x42 (BINBYTES) at byte 146: length 800 runs past the end";
        QTest::newRow("os.system") << QByteArray("\x80\x02" "cos\nsystem\nX\x02\x00\x00\x00ls\x85R.", 23)
                                   << "refusing to load 'os.system'";
        QTest::newRow("NEWOBJ") << QByteArray("\x80\x04N)\x81.", 6) << "0x81 (NEWOBJ) at byte 4";
        std::string shortData = ind;
        shortData[77] = char(99);   // shape (99,) with 800 bytes of data
        QTest::newRow("shape/data mismatch") << QByteArray::fromStdString(shortData) << "array data has 800 bytes";
        QTest::newRow("stack underflow") << QByteArray("\x80\x03t.", 4) << "no MARK";
        QTest::newRow("unknown memo") << QByteArray("\x80\x03h\x05.", 5) << "memo entry 5";
        QTest::newRow("not an array") << QByteArray("\x80\x03K\x05.", 5) << "expected a pickled NumPy array, found int";
    }
    void badPickles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const fs::path bad = path("bad.pkl");
        writeBytes(bad, bytes.toStdString());
        const QString error = errorOf([&] { cryo::readPickledArray(bad); });
        QVERIFY2(error.contains(expected) && error.contains("bad.pkl"), qPrintable(error));
    }

    void hostileNesting_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        // Reproducers of crashes in the recursive reader: a 300,000-deep tuple chain, and a
        // million lists each appended into the one below it.
        QTest::newRow("300,000 nested TUPLE1") << QByteArray("\x80\x02N", 3) + QByteArray(300000, '\x85') + "." << "nests too deeply";
        QTest::newRow("1,000,000 nested lists") << QByteArray("\x80\x02", 2) + QByteArray(1000001, ']') + QByteArray(1000000, 'a') + "."
                                              << "builds more than 524288 objects";
        QTest::newRow("list holding itself") << QByteArray("\x80\x02]q\x00h\x00" "a.", 9) << "refers to itself";
        // Shared references that would copy into 2^30 values ("billion laughs" by memo).
        QByteArray laughs("\x80\x02]q\x00", 5);
        for (int level = 1; level <= 30; ++level)
            laughs += "0(h" + QByteArray(1, char(level - 1)) + "h" + QByteArray(1, char(level - 1)) + "lq" + QByteArray(1, char(level));
        QTest::newRow("billion laughs") << laughs + "." << "too many times over";
    }
    void hostileNesting()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString error = errorOf([&] { cryo::parsePickle(bytes.toStdString(), "nest.pkl"); });
        QVERIFY2(error.startsWith("nest.pkl: ") && error.contains(expected), qPrintable(error));
    }

    void damagedPicklesNeverCrash_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const char* f : {"ind100.pkl", "pose.star.pkl", "test_ctf.100.pkl"})
            QTest::newRow(f) << f;
    }
    void damagedPicklesNeverCrash()
    {
        // Every truncation and 300 random byte changes: each either parses or is a FileError.
        QFETCH(QString, fixture);
        const std::string good = fixtureBytes(fixture.toStdString().c_str());
        std::mt19937 rng(7);
        int parsed = 0, rejected = 0;
        auto attempt = [&](const std::string& bytes) {
            try {
                cryo::parsePickle(bytes, "fuzz.pkl");
                ++parsed;
            } catch (const cryo::FileError& e) {
                QVERIFY(QString(e.what()).startsWith("fuzz.pkl: "));
                ++rejected;
            }
        };
        for (std::size_t n = 0; n < good.size(); n += 7)
            attempt(good.substr(0, n));
        for (int trial = 0; trial < 300; ++trial) {
            std::string bytes = good;
            for (int k = 0; k < 1 + trial % 3; ++k)
                bytes[rng() % bytes.size()] = char(rng() % 256);
            attempt(bytes);
        }
        QVERIFY(rejected > 0);
        qInfo("%d parsed, %d rejected", parsed, rejected);
    }

    void textIndexFiles()
    {
        const fs::path list = path("ind.txt");
        writeBytes(list, "# chosen particles\n5\n 3 \n\n9 # comment\n3\n0,1\n");
        cryo::IndexFileInfo info;
        const std::vector<std::size_t> ind = cryo::readIndexFile(list, 10, &info);
        QCOMPARE(ind, (std::vector<std::size_t>{0, 1, 3, 5, 9}));
        QCOMPARE(info.entries, std::size_t(6));
        QCOMPARE(info.duplicates, std::size_t(1));
        QVERIFY(!info.wasSorted);
        QVERIFY(errorOf([&] { cryo::readIndexFile(list, 9); }).contains("line 5: index 9 is out of range (9 particles)"));
        writeBytes(list, "1\n2\nthree\n");
        QVERIFY(errorOf([&] { cryo::readIndexFile(list); }).contains("line 3: 'three' is not an integer"));
        writeBytes(list, "1\n-2\n");
        QVERIFY(errorOf([&] { cryo::readIndexFile(list); }).contains("line 2: negative index -2"));
        writeBytes(list, "1.5\n");
        QVERIFY(errorOf([&] { cryo::readIndexFile(list); }).contains("'1.5' is not an integer"));
        QVERIFY(errorOf([] { cryo::readIndexFile(kFixtures / "zvals_het-8_4k.pkl"); }).contains("1-D integer array"));
    }
};

QTEST_GUILESS_MAIN(TestPickle)
#include "tst_pickle.moc"
