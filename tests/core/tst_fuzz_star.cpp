// Fuzzing RELION .star files (and .txt stack lists) as particle datasets: valid RELION 3.1
// and 3.0 files pointing at a small stack beside them, mutated line by line (deleted,
// repeated up to 50×, swapped, cut), token by token (numbers at the edges, NaN, quotes,
// keywords), in their image names (index@path beyond the stack, missing, absolute,
// 2^31) and optics groups, plus random byte damage. Every case must be accepted or refused
// with a FileError naming the file; none may crash, hang or allocate beyond 200 MB.
#include "support/FuzzMutator.h"
#include "support/FuzzTest.h"
#include "support/ReaderDrivers.h"

#include "formats/StarFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kCases = 3000;
constexpr std::uint64_t kSeed = 0x53544152;   // "STAR"

const std::string kRelion31 = R"(
# version 30001

data_optics

loop_
_rlnOpticsGroupName #1
_rlnOpticsGroup #2
_rlnImagePixelSize #3
_rlnImageSize #4
_rlnVoltage #5
_rlnSphericalAberration #6
_rlnAmplitudeContrast #7
opticsGroup1 1 2.5 8 300 2.7 0.1
opticsGroup2 2 2.5 8 200 2.0 0.07

data_particles

loop_
_rlnImageName #1
_rlnOpticsGroup #2
_rlnDefocusU #3
_rlnDefocusV #4
_rlnDefocusAngle #5
_rlnAngleRot #6
_rlnAngleTilt #7
_rlnAnglePsi #8
_rlnOriginXAngst #9
_rlnOriginYAngst #10
000001@stack.mrcs 1 12000.5 11000.25 30.0 10.0 20.0 30.0 1.5 -2.5
000002@stack.mrcs 2 13000.5 12500.25 -45.0 110.0 70.0 -30.0 0.0 2.5
000003@stack.mrcs 1 14000.5 13000.25 90.0 -170.0 160.0 130.0 -1.5 0.5
000004@stack.mrcs 2 15000.5 14000.25 0.0 0.0 0.0 0.0 0.0 0.0
000005@stack.mrcs 1 16000.5 15000.25 12.0 45.0 90.0 180.0 2.5 2.5
000006@stack.mrcs 2 17000.5 16000.25 -12.0 -45.0 135.0 -180.0 -2.5 -2.5
)";

const std::string kRelion30 = R"(
data_

loop_
_rlnImageName #1
_rlnDefocusU #2
_rlnDefocusV #3
_rlnDefocusAngle #4
_rlnVoltage #5
_rlnSphericalAberration #6
_rlnAmplitudeContrast #7
_rlnDetectorPixelSize #8
_rlnMagnification #9
_rlnAngleRot #10
_rlnAngleTilt #11
_rlnAnglePsi #12
_rlnOriginX #13
_rlnOriginY #14
1@stack.mrcs 12000 11000 30 300 2.7 0.1 5.0 20000 10 20 30 1 -1
2@stack.mrcs 13000 12000 40 300 2.7 0.1 5.0 20000 40 50 60 0 0
3@stack.mrcs 14000 13000 50 300 2.7 0.1 5.0 20000 70 80 90 -1 1
6@stack.mrcs 15000 14000 60 300 2.7 0.1 5.0 20000 0 0 0 2 2
)";

const std::string kStackList = "# one stack, twice\nstack.mrcs\n\n  stack.mrcs  \n";

// Image names a hostile or damaged file might hold.
const std::vector<std::string> kImageNames{
    "0@stack.mrcs", "7@stack.mrcs", "2147483647@stack.mrcs", "2147483648@stack.mrcs", "-1@stack.mrcs",
    "1@missing.mrcs", "1@/proc/self/mem", "1@/dev/zero", "1@.", "1@stack.mrcs@stack.mrcs", "1@", "@stack.mrcs",
    "x@stack.mrcs", "1.5@stack.mrcs", "1@../stack.mrcs", "stack.mrcs"};

std::string stackBytes(const fs::path& folder)
{
    cryo::Volume v(8, 8, 6, 2.5f);
    for (std::size_t i = 0; i < v.data.size(); ++i)
        v.data[i] = float(i % 13);
    cryo::writeMrc(folder / "stack.mrcs", v, {cryo::MrcMode::Float32, true});
    std::ifstream in(folder / "stack.mrcs", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A data row of a loop (a line starting with a digit), or any line.
std::size_t someRow(fuzz::Mutator& m, const std::vector<std::string>& lines)
{
    for (int tries = 0; tries < 20; ++tries) {
        const std::size_t i = m.below(lines.size());
        if (!lines[i].empty() && lines[i][0] >= '0' && lines[i][0] <= '9')
            return i;
    }
    return m.below(lines.size());
}

void mutateStar(fuzz::Mutator& m, std::vector<std::string>& lines)
{
    switch (m.below(5)) {
    case 0: m.mutateLines(lines); break;
    case 1: m.mutateToken(lines[m.below(lines.size())]); break;
    case 2: {   // the image name of a row
        std::string& row = lines[someRow(m, lines)];
        row = m.pick(kImageNames) + row.substr(std::min(row.find(' '), row.size()));
        break;
    }
    case 3: {   // a field of a row
        std::string& row = lines[someRow(m, lines)];
        m.mutateToken(row);
        break;
    }
    default:   // many rows: counts far beyond the stack, still small files
        lines.insert(lines.end(), 100 + m.below(2000), lines[someRow(m, lines)]);
    }
}

} // namespace

class TestFuzzStar : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string m_stack;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_stack = stackBytes(m_dir.path().toStdString());
    }

    void noCrashHangOrRunawayAllocation()
    {
        fuzz::Target target;
        target.name = "star";
        target.caseCount = kCases;
        target.write = [this](std::size_t i, const fs::path& folder) {
            fuzz::Mutator m = fuzz::Mutator::forCase(kSeed, i);
            const std::size_t kind = m.below(5);   // 0-2: RELION 3.1, 3: RELION 3.0, 4: a stack list
            std::vector<std::string> lines =
                fuzz::Mutator::splitLines(kind < 3 ? kRelion31 : (kind == 3 ? kRelion30 : kStackList));
            const bool structured = m.chance(0.85);
            if (structured)
                for (std::size_t n = 1 + m.below(3); n > 0 && !lines.empty(); --n)
                    mutateStar(m, lines);
            std::string text = fuzz::Mutator::joinLines(lines);
            if (!structured || m.chance(0.15))
                m.havoc(text);
            std::ofstream(folder / "stack.mrcs", std::ios::binary) << m_stack;
            // Odd cases open metadata only, as `cryoscape info` and a reopened run do.
            const fs::path file = folder / ("case-" + std::to_string(i) + (i % 2 ? "-metadata" : "") +
                                            (kind == 4 ? ".txt" : ".star"));
            std::ofstream(file, std::ios::binary) << text;
            return file;
        };
        target.open = [](const fs::path& file) {
            if (file.extension() == ".star")   // a round trip must not trip either
                cryo::StarFile::parse(cryo::StarFile::read(file).toString(), file);
            drivers::openParticlesWith(file, file.stem().string().find("-metadata") == std::string::npos);
        };
        fuzz::verifyTarget(target, m_dir.path().toStdString());
    }
};

QTEST_GUILESS_MAIN(TestFuzzStar)
#include "tst_fuzz_star.moc"
