// Fuzzing the MRC reader: valid maps and stacks of every mode, mutated in their header
// words (dimensions, mode, axes, extended header, machine stamp), their size (truncated,
// grown) and their values, plus random byte damage. Maps are read as File → Open Map does,
// stacks as a particle dataset (every image read). Every case must be accepted or refused
// with a FileError naming the file; none may crash, hang or allocate beyond 200 MB.
#include "support/FuzzMutator.h"
#include "support/FuzzTest.h"
#include "support/ReaderDrivers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kCases = 4000;
constexpr std::uint64_t kSeed = 0x4d524331;   // "MRC1"

struct Seed {
    std::string extension;   // ".mrc" (a map) or ".mrcs" (a stack)
    std::string bytes;
};

std::string fileBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<Seed> makeSeeds(const fs::path& folder)
{
    std::vector<Seed> seeds;
    const std::pair<cryo::MrcMode, bool> kinds[] = {{cryo::MrcMode::Float32, false}, {cryo::MrcMode::Int16, true},
                                                    {cryo::MrcMode::Float16, true}, {cryo::MrcMode::Int8, false},
                                                    {cryo::MrcMode::UInt16, true}};
    int n = 0;
    for (const auto& [mode, stack] : kinds) {
        cryo::Volume v(8, 8, stack ? 4 : 6, 2.5f);
        for (std::size_t i = 0; i < v.data.size(); ++i)
            v.data[i] = float(i % 17) - 5.0f;
        const fs::path path = folder / ("seed" + std::to_string(n++) + (stack ? ".mrcs" : ".mrc"));
        cryo::writeMrc(path, v, {mode, stack});
        seeds.push_back({path.extension().string(), fileBytes(path)});
    }
    return seeds;
}

// Word w (1-based, as MRC2014 numbers them) of the 1024-byte header.
void setWord(std::string& bytes, int word, std::int32_t value) { fuzz::Mutator::put(bytes, std::size_t(4 * (word - 1)), value); }
void setFloatWord(std::string& bytes, int word, float value) { fuzz::Mutator::put(bytes, std::size_t(4 * (word - 1)), value); }

float edgeFloat(fuzz::Mutator& m)
{
    static const std::vector<float> edges{0.0f, -1.0f, 1e-30f, 1e30f, std::numeric_limits<float>::quiet_NaN(),
                                          std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()};
    return m.pick(edges);
}

void mutateHeader(fuzz::Mutator& m, std::string& bytes)
{
    switch (m.below(9)) {
    case 0: setWord(bytes, 1 + int(m.below(3)), m.edgeInt32()); break;   // NX, NY or NZ
    case 1:   // all three, as the 2^30 reproducer
        for (int w = 1; w <= 3; ++w)
            setWord(bytes, w, m.chance(0.5) ? 1 << 30 : m.edgeInt32());
        break;
    case 2: setWord(bytes, 4, m.pick(std::vector<std::int32_t>{0, 1, 2, 3, 4, 6, 12, 101, -1, 1 << 30})); break;
    case 3: setWord(bytes, 8 + int(m.below(3)), m.edgeInt32()); break;     // MX, MY, MZ
    case 4: setFloatWord(bytes, 11 + int(m.below(3)), edgeFloat(m)); break;   // cell
    case 5: setWord(bytes, 17 + int(m.below(3)), m.chance(0.5) ? 1 + int(m.below(3)) : m.edgeInt32()); break;
    case 6: setWord(bytes, 23 + int(m.below(2)), m.chance(0.5) ? int(m.below(4096)) : m.edgeInt32()); break;  // ISPG, NSYMBT
    case 7:   // the machine stamp (0x11 0x11 = big endian) or the "MAP " stamp
        if (m.chance(0.5))
            bytes[212] = bytes[213] = char(m.pick(std::vector<int>{0x11, 0x44, 0x00, 0xff}));
        else
            bytes[208 + m.below(4)] = char(m.below(256));
        break;
    default: setFloatWord(bytes, 20 + int(m.below(3)), edgeFloat(m)); break;   // min, max, mean
    }
}

void mutateBody(fuzz::Mutator& m, std::string& bytes)
{
    switch (m.below(3)) {
    case 0: bytes.resize(m.chance(0.5) ? 1024 + m.below(8) - 4 : m.below(bytes.size())); break;
    case 1: bytes.append(m.below(512), char(m.below(256))); break;
    default:   // NaN/Inf pixels where float32 data would be
        for (int k = 0; k < 3 && bytes.size() > 1028; ++k)
            fuzz::Mutator::put(bytes, 1024 + 4 * m.below((bytes.size() - 1024) / 4), edgeFloat(m));
    }
}

} // namespace

class TestFuzzMrc : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::vector<Seed> m_seeds;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_seeds = makeSeeds(m_dir.path().toStdString());
    }

    void noCrashHangOrRunawayAllocation()
    {
        fuzz::Target target;
        target.name = "mrc";
        target.caseCount = kCases;
        target.write = [this](std::size_t i, const fs::path& folder) {
            fuzz::Mutator m = fuzz::Mutator::forCase(kSeed, i);
            const Seed& seed = m.pick(m_seeds);
            std::string bytes = seed.bytes;
            const bool structured = m.chance(0.75);
            if (structured)
                for (std::size_t n = 1 + m.below(3); n > 0; --n)
                    m.chance(0.8) ? mutateHeader(m, bytes) : mutateBody(m, bytes);
            if (!structured || m.chance(0.3))
                m.havoc(bytes);
            const fs::path file = folder / ("case-" + std::to_string(i) + seed.extension);
            std::ofstream(file, std::ios::binary) << bytes;
            return file;
        };
        target.open = [](const fs::path& file) {
            file.extension() == ".mrc" ? drivers::openMap(file) : drivers::openParticles(file);
        };
        fuzz::verifyTarget(target, m_dir.path().toStdString());
    }
};

QTEST_GUILESS_MAIN(TestFuzzMrc)
#include "tst_fuzz_mrc.moc"
