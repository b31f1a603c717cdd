// torch.save checkpoints read without Python (formats/TorchCheckpoint.h): cryoDRGN's fixtures
// (storages tagged cuda:0, NumPy arrays beside the tensors, OrderedDict, any archive root, a
// NumPy scalar epoch), crafted archives (strided and half-precision tensors, hostile views),
// refusals (a pickle that would run a shell command, the legacy format), and ten thousand
// mutated checkpoints, each of which must parse or fail with a FileError naming the file.
#include "formats/AtomicFile.h"
#include "formats/TorchCheckpoint.h"
#include "support/CryodrgnFixtures.h"
#include "support/Errors.h"
#include "util/Error.h"

#include <QElapsedTimer>
#include <QtTest>

#include <random>

using namespace cryodrgn_fixtures;
using cryo::PickleValue;

namespace {

const PickleValue& stateDict(const PickleValue& checkpoint)
{
    const PickleValue* state = cryo::dictValue(checkpoint, "model_state_dict");
    if (!state || state->kind != PickleValue::Kind::Dict)
        throw std::runtime_error("no model_state_dict");
    return *state;
}

double sumOf(const cryo::PickledArray& a)
{
    double sum = 0;
    for (double v : a.toDoubles())
        sum += v;
    return sum;
}

// Pickle opcodes, protocol 2, as torch.save emits them.
// (Built with append: GCC 12 warns falsely about "literal" + std::string here.)
std::string unicode(const std::string& s)
{
    const auto n = std::uint32_t(s.size());
    return std::string(1, 'X').append(reinterpret_cast<const char*>(&n), 4).append(s);
}
std::string binint(std::int32_t v) { return std::string(1, 'J').append(reinterpret_cast<const char*>(&v), 4); }
std::string global(const std::string& module, const std::string& name)
{
    return std::string(1, 'c').append(module).append(1, '\n').append(name).append(1, '\n');
}

// data.pkl of a checkpoint {"w": tensor} whose tensor is the view (offset, size, stride) of
// storage "0" of `type` holding `numel` elements, tagged for a GPU.
std::string tensorPickle(const char* type, int numel, int offset, std::vector<int> size, std::vector<int> stride)
{
    std::string p = std::string("\x80\x02}").append(unicode("w")).append(global("torch._utils", "_rebuild_tensor_v2")).append("((");
    p.append(unicode("storage")).append(global("torch", type)).append(unicode("0")).append(unicode("cuda:0")).append(binint(numel)).append("tQ");
    p += binint(offset) + "(";
    for (int s : size)
        p += binint(s);
    p += "t(";
    for (int s : stride)
        p += binint(s);
    p.append("t\x89").append(global("collections", "OrderedDict")).append(")RtRs.");
    return p;
}

} // namespace

class TestTorchCheckpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hetFixture()
    {
        // Storages tagged cuda:0, an OrderedDict state dict, NumPy arrays in search_pose.
        const PickleValue ckpt = cryo::readTorchCheckpoint(kExternal / "het_weights.pkl");
        QCOMPARE(cryo::dictValue(ckpt, "epoch")->integer, std::int64_t(0));
        const PickleValue& state = stateDict(ckpt);
        QCOMPARE(state.items.size(), std::size_t(2 * 19));
        const PickleValue* w = cryo::dictValue(state, "decoder.decoder.main.0.weight");
        QVERIFY(w && w->isArray());
        QCOMPARE(w->array->shape, (std::vector<std::int64_t>{8, 56}));
        QCOMPARE(w->array->dtype.dtype, std::string("<f4"));
        // Sums by an independent reader (Python's pickle + NumPy on the same archive).
        QVERIFY(std::abs(sumOf(*w->array) - 12.474171826586826) < 1e-9);
        QVERIFY(std::abs(sumOf(*cryo::dictValue(state, "encoder.main.0.weight")->array) - 2.7722365859716334) < 1e-9);
        QCOMPARE(cryo::dictValue(state, "decoder.rand_freqs")->array->shape, (std::vector<std::int64_t>{24, 3}));
        const PickleValue* pose = cryo::dictValue(ckpt, "search_pose");
        QVERIFY(pose && pose->isSequence() && pose->items.size() == 2);
        QCOMPARE(pose->items[0].array->shape, (std::vector<std::int64_t>{100, 3, 3}));
        const PickleValue* optimizer = cryo::dictValue(ckpt, "optimizer_state_dict");
        QVERIFY(optimizer && cryo::dictValue(*optimizer, "param_groups"));
    }

    void sameTensorsWhateverTheRootOrEpochType()
    {
        // weights.7.pkl: archive root "weights.7/"; npscalar_weights.pkl: epoch is a NumPy int64.
        const PickleValue reference = cryo::readTorchCheckpoint(kExternal / "het_weights.pkl");
        for (const char* name : {"weights.7.pkl", "npscalar_weights.pkl"}) {
            const PickleValue ckpt = cryo::readTorchCheckpoint(kEval / name);
            const PickleValue& a = stateDict(reference);
            const PickleValue& b = stateDict(ckpt);
            QCOMPARE(b.items.size(), a.items.size());
            for (std::size_t i = 0; i < a.items.size(); i += 2) {
                QCOMPARE(b.items[i].text, a.items[i].text);
                QVERIFY(b.items[i + 1].array->bytes == a.items[i + 1].array->bytes);
            }
        }
        const PickleValue* epoch = cryo::dictValue(cryo::readTorchCheckpoint(kEval / "npscalar_weights.pkl"), "epoch");
        QVERIFY(epoch && epoch->isArray() && epoch->array->shape.empty());
        QCOMPARE(epoch->array->integer(0), std::int64_t(3));
    }

    void stridedAndHalfPrecisionTensors()
    {
        // A transposed view [3, 2] (strides 1, 3) of a 6-element storage starting at element 0.
        const std::vector<float> storage = {0, 1, 2, 3, 4, 5};
        std::string data(reinterpret_cast<const char*>(storage.data()), 24);
        PickleValue ckpt = cryo::parseTorchCheckpoint(
            zipOf({{"archive/data.pkl", tensorPickle("FloatStorage", 6, 0, {3, 2}, {1, 3})}, {"archive/data/0", data}}),
            "strided.pt");
        QCOMPARE(cryo::dictValue(ckpt, "w")->array->toFloats(), (std::vector<float>{0, 3, 1, 4, 2, 5}));
        // float16 1.0, -2.0, 0.5 widened to float32; the view starts at element 1.
        const std::string half("\x00\x3c\x00\xc0\x00\x38", 6);
        ckpt = cryo::parseTorchCheckpoint(
            zipOf({{"a/data.pkl", tensorPickle("HalfStorage", 3, 1, {2}, {1})}, {"a/data/0", half}}), "half.pt");
        QCOMPARE(cryo::dictValue(ckpt, "w")->array->toFloats(), (std::vector<float>{-2.0f, 0.5f}));
    }

    void hostileViewsAndArchives_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const std::string six(24, '\0');
        const auto archive = [&](const std::string& pickle, const std::string& storage) {
            return QByteArray::fromStdString(zipOf({{"x/data.pkl", pickle}, {"x/data/0", storage}}));
        };
        QTest::newRow("view past the storage") << archive(tensorPickle("FloatStorage", 6, 4, {3}, {1}), six) << "does not fit its storage";
        QTest::newRow("stride-0 blow-up") << archive(tensorPickle("FloatStorage", 6, 0, {1 << 30}, {0}), six) << "does not fit its storage";
        QTest::newRow("numel beyond the bytes") << archive(tensorPickle("FloatStorage", 60, 0, {6}, {1}), six) << "holds 24 bytes";
        QTest::newRow("missing storage") << QByteArray::fromStdString(zipOf({{"x/data.pkl", tensorPickle("FloatStorage", 6, 0, {6}, {1})}}))
                                         << "storage '0' is missing";
        QTest::newRow("no data.pkl") << QByteArray::fromStdString(zipOf({{"x/version", "3"}})) << "without <root>/data.pkl";
        QTest::newRow("big-endian") << QByteArray::fromStdString(zipOf({{"x/data.pkl", "\x80\x02N."}, {"x/byteorder", "big"}}))
                                    << "big-endian";
        const std::string eval = std::string("\x80\x02").append(global("builtins", "eval")).append("(").append(unicode("1")).append("tR.");
        QTest::newRow("builtins.eval") << QByteArray::fromStdString(zipOf({{"x/data.pkl", eval}})) << "refusing to load 'builtins.eval'";
        QTest::newRow("persistent id not a storage")
            << QByteArray::fromStdString(zipOf({{"x/data.pkl", std::string("\x80\x02").append(unicode("abc")).append("Q.")}}))
            << "persistent id";
        QTest::newRow("not a zip") << QByteArray("garbage bytes here") << "not a torch.save checkpoint";
    }
    void hostileViewsAndArchives()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString error = errorOf([&] { cryo::parseTorchCheckpoint(bytes.toStdString(), "hostile.pt"); });
        QVERIFY2(error.startsWith("hostile.pt") && error.contains(expected), qPrintable(error));
    }

    void refusesCodeAndLegacyFormat()
    {
        // evil.pkl's data.pkl calls posix.system('echo PWNED'): refused by name, nothing run.
        QString error = errorOf([] { cryo::readTorchCheckpoint(kEval / "evil.pkl"); });
        QVERIFY2(error.contains("evil.pkl") && error.contains("refusing to load 'posix.system'"), qPrintable(error));
        error = errorOf([] { cryo::readTorchCheckpoint(kEval / "legacy_weights.pkl"); });
        QVERIFY2(error.contains("legacy_weights.pkl") && error.contains("legacy pre-1.6 format"), qPrintable(error));
        error = errorOf([] { cryo::readTorchCheckpoint(kExternal / "ind100.pkl"); });
        QVERIFY2(error.contains("plain Python pickle"), qPrintable(error));
        error = errorOf([] { cryo::readTorchCheckpoint(kEval / "no-such-file.pkl"); });
        QVERIFY2(error.contains("file not found"), qPrintable(error));
    }

    void mutatedCheckpointsNeverCrash()
    {
        // 10,500 mutations of a real checkpoint, aimed where a reader can go wrong: the pickle
        // (where most opcodes are), the ZIP directory and end records, truncations, and random
        // bytes anywhere. Each parses or is a FileError naming the file; nothing else escapes.
        const std::string good = cryo::readWholeFile(kEval / "fourier_weights.pkl");
        const cryo::ZipArchive zip(good, "fourier_weights.pkl");
        const cryo::ZipArchive::Entry& pickle = *zip.find("fourier_weights/data.pkl");
        std::size_t directory = 0;   // where the entries' data ends: the central directory and end records follow
        for (const cryo::ZipArchive::Entry& e : zip.entries())
            directory = std::max(directory, std::size_t(e.dataOffset + e.size));
        std::mt19937 rng(20261207);
        int parsed = 0, refused = 0;
        QElapsedTimer clock;
        clock.start();
        for (int trial = 0; trial < 10500; ++trial) {
            std::string bytes = good;
            const int kind = trial % 7;
            const auto flip = [&](std::size_t from, std::size_t to) {
                for (int k = 0, n = 1 + int(rng() % 4); k < n; ++k)
                    bytes[from + rng() % (to - from)] = char(rng() % 256);
            };
            if (kind <= 2)
                flip(std::size_t(pickle.dataOffset), std::size_t(pickle.dataOffset + pickle.size));
            else if (kind <= 4)
                flip(directory, bytes.size());
            else if (kind == 5)
                bytes.resize(rng() % bytes.size());
            else
                flip(0, bytes.size());
            try {
                cryo::parseTorchCheckpoint(std::move(bytes), "fuzz.pkl");
                ++parsed;
            } catch (const cryo::FileError& e) {
                QVERIFY2(std::string(e.what()).rfind("fuzz.pkl", 0) == 0, e.what());
                ++refused;
            }
        }
        QVERIFY(refused > 1000 && parsed > 100);   // both paths were exercised
        qInfo("10500 mutated checkpoints: %d parsed, %d refused, %.1f s", parsed, refused, clock.elapsed() / 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestTorchCheckpoint)
#include "tst_torchcheckpoint.moc"
