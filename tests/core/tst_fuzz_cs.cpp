// Fuzzing cryoSPARC .cs files (structured .npy) as particle datasets: a valid file of six
// particles pointing at a small stack beside it, whose header dict is rebuilt with mutated
// field lists (dropped, repeated, renamed), dtypes ('<U1000000', 'O', '|S0', ...), sub-array
// shapes ((0,), (2^40, 2^40), ...), record counts and fortran_order; whose preamble (version,
// header length) and records are damaged; plus random byte damage. Every case must be
// accepted or refused with a FileError naming the file; none may crash, hang or allocate
// beyond 200 MB.
#include "support/FuzzMutator.h"
#include "support/FuzzTest.h"
#include "support/ReaderDrivers.h"

#include "formats/NpyFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kCases = 3000;
constexpr std::uint64_t kSeed = 0x43533031;   // "CS01"
constexpr std::size_t kParticles = 6;

struct Field {
    std::string name, dtype, shape;   // shape: "" for a scalar, "(3,)" for a sub-array
};

const std::vector<Field> kFields{
    {"uid", "<u8", ""},           {"blob/path", "|S16", ""},       {"blob/idx", "<u4", ""},
    {"blob/shape", "<u4", "(2,)"}, {"blob/psize_A", "<f4", ""},     {"ctf/exp_group_id", "<u4", ""},
    {"ctf/df1_A", "<f4", ""},      {"ctf/df2_A", "<f4", ""},        {"ctf/df_angle_rad", "<f4", ""},
    {"ctf/accel_kv", "<f4", ""},   {"ctf/cs_mm", "<f4", ""},        {"ctf/amp_contrast", "<f4", ""},
    {"ctf/phase_shift_rad", "<f4", ""}, {"alignments3D/pose", "<f4", "(3,)"},
    {"alignments3D/shift", "<f4", "(2,)"}, {"alignments3D/psize_A", "<f4", ""}};

const std::vector<std::string> kDtypes{"<f8", "|S0", "<U1000000", "<c8", "O", ">f4", "<f2", "|b1", "<i8", "|V4",
                                       "<M8", "<u4", "S5", "<f16", "", "<i1", ">u8", "|S1000000000"};
const std::vector<std::string> kShapes{"()", "(0,)", "(1,)", "(2,)", "(3,)", "(1099511627776,)", "(-1,)", "(3, 3)",
                                       "(1099511627776, 1099511627776)", "(4294967296, 4294967296, 4294967296)",
                                       "((3,),)", "'x'", "(3.5,)", "(0, 5)"};
const std::vector<std::string> kCounts{"(6,)", "(0,)", "()", "(7,)", "(5,)", "(1099511627776,)", "(6, 2)",
                                       "(9223372036854775807,)", "(-6,)", "6", "(2, 3)", "(6, 0)", "[6]"};

// The records of a valid file (every field filled), as NpyFile writes them.
std::string validRecords()
{
    std::vector<cryo::NpyFieldSpec> specs;
    for (const Field& f : kFields)
        specs.push_back({f.name, f.dtype, f.shape == "(3,)" ? std::vector<std::int64_t>{3}
                                          : f.shape == "(2,)" ? std::vector<std::int64_t>{2} : std::vector<std::int64_t>{}});
    cryo::NpyFile cs = cryo::NpyFile::create(specs, kParticles);
    for (std::size_t r = 0; r < kParticles; ++r) {
        cs.setText(r, cs.fieldIndex("blob/path"), r % 2 ? "stack.mrcs" : ">stack.mrcs");
        cs.setNumber(r, cs.fieldIndex("blob/idx"), double(r));
        cs.setNumber(r, cs.fieldIndex("blob/shape"), 8, 0);
        cs.setNumber(r, cs.fieldIndex("blob/shape"), 8, 1);
        cs.setNumber(r, cs.fieldIndex("blob/psize_A"), 2.5);
        cs.setNumber(r, cs.fieldIndex("ctf/exp_group_id"), double(1 + r % 2));
        cs.setNumber(r, cs.fieldIndex("ctf/df1_A"), 12000 + 100.0 * double(r));
        cs.setNumber(r, cs.fieldIndex("ctf/df2_A"), 11000 + 100.0 * double(r));
        cs.setNumber(r, cs.fieldIndex("ctf/accel_kv"), 300);
        cs.setNumber(r, cs.fieldIndex("ctf/cs_mm"), 2.7);
        cs.setNumber(r, cs.fieldIndex("ctf/amp_contrast"), 0.1);
        for (std::size_t k = 0; k < 3; ++k)
            cs.setNumber(r, cs.fieldIndex("alignments3D/pose"), 0.3 * double(r + k), k);
        cs.setNumber(r, cs.fieldIndex("alignments3D/psize_A"), 2.5);
    }
    std::string bytes = cs.serialize();
    const std::size_t dataStart = 10 + std::size_t(std::uint8_t(bytes[8])) + 256 * std::size_t(std::uint8_t(bytes[9]));
    return bytes.substr(dataStart);
}

std::string descr(const std::vector<Field>& fields)
{
    std::string text = "[";
    for (std::size_t i = 0; i < fields.size(); ++i)
        text += (i ? ", ('" : "('") + fields[i].name + "', '" + fields[i].dtype + "'" +
                (fields[i].shape.empty() ? "" : ", " + fields[i].shape) + ")";
    return text + "]";
}

// Magic, version, header length (padded to 64 like numpy), dict, records.
std::string npy(const std::string& dict, int version, const std::string& records)
{
    const std::size_t preamble = version == 1 ? 10 : 12;
    const std::size_t padded = (preamble + dict.size() + 1 + 63) / 64 * 64;
    std::string out = std::string("\x93NUMPY", 6) + char(version) + '\0';
    const std::size_t length = padded - preamble;
    out += char(length & 0xff);
    out += char((length >> 8) & 0xff);
    if (version != 1)
        out += std::string(2, '\0');
    return out + dict + std::string(padded - preamble - dict.size() - 1, ' ') + '\n' + records;
}

std::string mutatedCs(fuzz::Mutator& m, const std::string& records)
{
    std::vector<Field> fields = kFields;
    std::string count = "(6,)", fortran = "False";
    std::string data = records;
    for (std::size_t n = 1 + m.below(3); n > 0; --n) {
        Field& f = fields[m.below(fields.size())];
        switch (m.below(8)) {
        case 0: f.dtype = m.pick(kDtypes); break;
        case 1: f.shape = m.pick(kShapes); break;
        case 2: fields.erase(fields.begin() + std::ptrdiff_t(m.below(fields.size()))); break;
        case 3: fields.push_back(f); break;
        case 4: f.name = m.chance(0.5) ? "" : f.name + "x"; break;
        case 5: count = m.pick(kCounts); break;
        case 6: fortran = "True"; break;
        default: {   // damage the records: edge values anywhere, or a cut
            if (m.chance(0.5))
                data.resize(m.below(data.size() + 1));
            else
                for (int k = 0; k < 4 && !data.empty(); ++k)
                    fuzz::Mutator::put(data, m.below(data.size()), m.edgeInteger());
        }
        }
        if (fields.empty())
            fields.push_back({"uid", "<u8", ""});
    }
    const std::string dict = "{'descr': " + descr(fields) + ", 'fortran_order': " + fortran + ", 'shape': " + count + ", }";
    std::string bytes = npy(dict, m.chance(0.9) ? 1 : int(m.pick(std::vector<int>{0, 2, 3, 4, 255})), data);
    if (m.chance(0.1))   // a header length that disagrees with the dict
        fuzz::Mutator::put(bytes, 8, std::uint16_t(m.edgeInteger()));
    return bytes;
}

} // namespace

class TestFuzzCs : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string m_records, m_stack;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_records = validRecords();
        cryo::Volume v(8, 8, int(kParticles), 2.5f);
        const fs::path stack = fs::path(m_dir.path().toStdString()) / "stack.mrcs";
        cryo::writeMrc(stack, v, {cryo::MrcMode::Float32, true});
        std::ifstream in(stack, std::ios::binary);
        m_stack.assign(std::istreambuf_iterator<char>(in), {});
        // The unmutated seed must open: otherwise every case would only test refusals.
        const fs::path seed = fs::path(m_dir.path().toStdString()) / "seed.cs";
        std::ofstream(seed, std::ios::binary) << npy("{'descr': " + descr(kFields) +
                                                         ", 'fortran_order': False, 'shape': (6,), }", 1, m_records);
        QCOMPARE(cryo::ParticleDataset::open(seed).size(), kParticles);
    }

    void noCrashHangOrRunawayAllocation()
    {
        fuzz::Target target;
        target.name = "cs";
        target.caseCount = kCases;
        target.write = [this](std::size_t i, const fs::path& folder) {
            fuzz::Mutator m = fuzz::Mutator::forCase(kSeed, i);
            const bool structured = m.chance(0.85);
            std::string bytes = structured ? mutatedCs(m, m_records)
                                           : npy("{'descr': " + descr(kFields) +
                                                     ", 'fortran_order': False, 'shape': (6,), }", 1, m_records);
            if (!structured || m.chance(0.2))
                m.havoc(bytes);
            std::ofstream(folder / "stack.mrcs", std::ios::binary) << m_stack;
            const fs::path file = folder / ("case-" + std::to_string(i) + (i % 2 ? "-metadata" : "") + ".cs");
            std::ofstream(file, std::ios::binary) << bytes;
            return file;
        };
        target.open = [](const fs::path& file) {
            const cryo::NpyFile cs = cryo::NpyFile::read(file);   // as SubsetExport copies it back
            cs.serialize();
            if (cs.recordCount() > 0)
                cs.subset({cs.recordCount() - 1});
            drivers::openParticlesWith(file, file.stem().string().find("-metadata") == std::string::npos);
        };
        fuzz::verifyTarget(target, m_dir.path().toStdString());
    }
};

QTEST_GUILESS_MAIN(TestFuzzCs)
#include "tst_fuzz_cs.moc"
