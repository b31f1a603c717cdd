// Fuzzing cryoDRGN's pickles through the readers that take them from users (index .pkl,
// pose.pkl, ctf.pkl, z.pkl): NumPy arrays pickled the way NumPy does it, rebuilt with
// mutated dtypes ('O', 'U3', '>f4', ...), shapes (negative, 2^40, a dimension too many),
// data lengths, Fortran order and state versions; wrapped in nests (up to 50,000 deep —
// deeper nests are issue 24's reproducers, see tst_hostileinput); with forbidden globals
// (os.system, builtins.eval) and memo references to nothing; plus random byte damage.
// Every case must be accepted or refused with a FileError naming the file; none may crash,
// hang, allocate beyond 200 MB, or run anything.
#include "support/FuzzMutator.h"
#include "support/FuzzTest.h"
#include "support/ReaderDrivers.h"

#include "formats/PickleFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;
using namespace std::string_literals;   // the opcodes hold NUL bytes

namespace {

constexpr std::size_t kCases = 3000;
constexpr std::uint64_t kSeed = 0x504b4c31;   // "PKL1"
constexpr std::size_t kMaxNest = 50000;

// What NumPy's ndarray.__reduce__ gives, as pickle protocol 3 writes it.
struct ArraySpec {
    std::string dtype = "f4";          // numpy.dtype's first argument
    std::string byteOrder = "<";
    std::vector<std::int64_t> shape;
    std::string data;                  // raw C-order bytes
    bool fortran = false;
    int stateVersion = 1;
    std::string reconstruct = "numpy.core.multiarray\n_reconstruct\n";
};

void putInt(std::string& out, std::int64_t v)
{
    if (v >= 0 && v < 256) {
        out += 'K';
        out += char(v);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        out += 'J';
        out += std::string(4, '\0');
        fuzz::Mutator::put(out, out.size() - 4, std::int32_t(v));
    } else {   // LONG1: 8 bytes, two's complement
        out += "\x8a\x08";
        out += std::string(8, '\0');
        fuzz::Mutator::put(out, out.size() - 8, v);
    }
}
void putText(std::string& out, const std::string& s)
{
    out += 'X';
    out += std::string(4, '\0');
    fuzz::Mutator::put(out, out.size() - 4, std::uint32_t(s.size()));
    out += s;
}

std::string pickleArray(const ArraySpec& a)
{
    std::string out = "c" + a.reconstruct + "cnumpy\nndarray\nK\x00\x85"s + "C\x01" "b\x87R(";
    putInt(out, a.stateVersion);
    out += '(';
    for (std::int64_t d : a.shape)
        putInt(out, d);
    out += "tcnumpy\ndtype\n";
    putText(out, a.dtype);
    out += "K\x00K\x01\x87R(K\x03"s;
    putText(out, a.byteOrder);
    out += "NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK\x00tb"s;
    out += a.fortran ? '\x88' : '\x89';
    out += 'B';
    out += std::string(4, '\0');
    fuzz::Mutator::put(out, out.size() - 4, std::uint32_t(a.data.size()));
    return out + a.data + "tb";
}

std::string floats(std::size_t n, float scale)
{
    std::string data(4 * n, '\0');
    for (std::size_t i = 0; i < n; ++i)
        fuzz::Mutator::put(data, 4 * i, scale * float(i % 7) / 7.0f);
    return data;
}

// Rotations of the pose pickle: identity matrices, valid as they are.
std::string identities(std::size_t n)
{
    std::string data(36 * n, '\0');
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k : {0, 4, 8})
            fuzz::Mutator::put(data, 36 * i + 4 * k, 1.0f);
    return data;
}

std::string ctfRows(std::size_t n)
{
    std::string data;
    for (std::size_t i = 0; i < n; ++i)
        for (float v : {8.0f, 2.5f, 12000.0f, 11000.0f, 30.0f, 300.0f, 2.7f, 0.1f, 0.0f})
            data.append(reinterpret_cast<const char*>(&v), 4);
    return data;
}

void mutateSpec(fuzz::Mutator& m, ArraySpec& a)
{
    switch (m.below(7)) {
    case 0: a.dtype = m.pick(std::vector<std::string>{"f8", "i8", "i4", "u8", "f2", "O", "c8", "U3", "V8", "b1",
                                                     "S4", "f16", "", "M8", "i8,i8"}); break;
    case 1: a.byteOrder = m.pick(std::vector<std::string>{">", "|", "=", "x", ""}); break;
    case 2:
        if (!a.shape.empty() && m.chance(0.7))
            a.shape[m.below(a.shape.size())] = m.edgeInteger();
        else
            m.chance(0.5) ? a.shape.push_back(m.edgeInteger()) : a.shape.clear();
        break;
    case 3: a.data.resize(m.chance(0.5) ? m.below(a.data.size() + 1) : a.data.size() + m.below(64)); break;
    case 4: a.fortran = true; break;
    case 5: a.stateVersion = int(m.pick(std::vector<std::int64_t>{0, 2, 3, 99, -1})); break;
    default: a.reconstruct = m.pick(std::vector<std::string>{"os\nsystem\n", "builtins\neval\n", "numpy\nload\n",
                                                            "numpy.core.multiarray\nscalar\n", "__main__\nX\n"});
    }
}

// Wraps a pickled value in `depth` tuples or lists, or adds a memo reference to nothing.
void nest(fuzz::Mutator& m, std::string& value)
{
    const std::size_t depth = 1 + m.below(m.chance(0.3) ? kMaxNest : 64);
    switch (m.below(3)) {
    case 0: value += std::string(depth, '\x85'); break;                                  // TUPLE1
    case 1: value = std::string(depth, ']') + value + std::string(depth, 'a'); break;    // lists in lists
    default: value += m.chance(0.5) ? std::string("h\xff", 2) : std::string("j\xff\xff\xff\x7f", 5);   // BINGET
    }
}

struct PickleKind {
    const char* name;
    std::vector<ArraySpec> arrays;   // one pickle per array, or a tuple of them (pose)
    bool tuple;
    void (*open)(const fs::path&);
};

std::vector<PickleKind> kinds()
{
    ArraySpec index{"i8", "<", {20}, std::string(160, '\0')};
    for (std::size_t i = 0; i < 20; ++i)
        fuzz::Mutator::put(index.data, 8 * i, std::int64_t(3 * i));
    return {
        {"index", {index}, false, drivers::openIndex},
        {"pose", {ArraySpec{"f4", "<", {10, 3, 3}, identities(10)}, ArraySpec{"f4", "<", {10, 2}, floats(20, 0.1f)}},
         true, [](const fs::path& f) { cryo::readCryodrgnPoses(f, 8, 2.5); }},
        {"ctf", {ArraySpec{"f4", "<", {10, 9}, ctfRows(10)}}, false, [](const fs::path& f) { cryo::readCryodrgnCtf(f); }},
        {"z", {ArraySpec{"f4", "<", {10, 4}, floats(40, 1.0f)}, ArraySpec{"f4", "<", {10, 4}, floats(40, -1.0f)}},
         false, [](const fs::path& f) {
             cryo::readPickles(f);
             cryo::readPickledArray(f);
         }},
    };
}

std::string mutatedPickle(fuzz::Mutator& m, PickleKind kind)
{
    const bool structured = m.chance(0.85);
    for (std::size_t n = structured ? 1 + m.below(2) : 0; n > 0; --n)
        mutateSpec(m, kind.arrays[m.below(kind.arrays.size())]);
    std::string bytes;
    std::string values;
    for (const ArraySpec& a : kind.arrays) {
        std::string value = pickleArray(a);
        if (structured && m.chance(0.15))
            nest(m, value);
        if (kind.tuple)
            values += value;
        else
            bytes += "\x80\x03" + value + ".";
    }
    if (kind.tuple)
        bytes = "\x80\x03" + values + "\x86.";
    if (!structured || m.chance(0.2))
        m.havoc(bytes);
    return bytes;
}

} // namespace

class TestFuzzPickle : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::vector<PickleKind> m_kinds = kinds();

private Q_SLOTS:
    void seedsAreValid()   // otherwise every case would only test refusals
    {
        for (const PickleKind& kind : m_kinds) {
            const fs::path file = fs::path(m_dir.path().toStdString()) / (std::string(kind.name) + ".pkl");
            std::string bytes;
            for (const ArraySpec& a : kind.arrays)
                bytes += kind.tuple ? pickleArray(a) : "\x80\x03" + pickleArray(a) + ".";
            std::ofstream(file, std::ios::binary) << (kind.tuple ? "\x80\x03" + bytes + "\x86." : bytes);
            kind.open(file);
        }
    }

    void noCrashHangOrRunawayAllocation()
    {
        fuzz::Target target;
        target.name = "pickle";
        target.caseCount = kCases;
        target.write = [this](std::size_t i, const fs::path& folder) {
            fuzz::Mutator m = fuzz::Mutator::forCase(kSeed, i);
            const PickleKind& kind = m_kinds[i % m_kinds.size()];
            const fs::path file = folder / ("case-" + std::to_string(i) + "-" + kind.name + ".pkl");
            std::ofstream(file, std::ios::binary) << mutatedPickle(m, kind);
            return file;
        };
        target.open = [this](const fs::path& file) {
            for (const PickleKind& kind : m_kinds)
                if (file.stem().string().ends_with(std::string("-") + kind.name))
                    kind.open(file);
        };
        fuzz::verifyTarget(target, m_dir.path().toStdString());
    }
};

QTEST_GUILESS_MAIN(TestFuzzPickle)
#include "tst_fuzz_pickle.moc"
