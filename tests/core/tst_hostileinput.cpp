// The hostile inputs of issue 24 (tests/data/hostile/README.md), each opened the way
// `cryoscape info` / `cryoscape export --index` open it, in a memory-capped worker process
// (tests/support/FuzzHarness.h): each must be refused with a FileError naming the file and
// saying what is wrong — no crash, no hang, no allocation beyond 200 MB.
#include "support/Errors.h"
#include "support/FuzzHarness.h"
#include "support/ReaderDrivers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const fs::path kHostile = fs::path(CRYOSCAPE_TEST_DATA_DIR) / "hostile";

using Writer = std::function<fs::path(const fs::path& folder)>;
using Opener = std::function<void(const fs::path& file)>;

Writer copyOf(const char* name)
{
    return [name](const fs::path& folder) {
        fs::copy(kHostile / name, folder / name);
        return folder / name;
    };
}

// A pickle that nests `depth` TUPLE1 opcodes (after `opening`), far beyond any real file.
Writer deepPickle(const char* name, std::string opening, std::size_t depth)
{
    return [=](const fs::path& folder) {
        std::ofstream out(folder / name, std::ios::binary);
        out << "\x80\x04" << opening << std::string(depth, '\x85') << '.';
        return folder / name;
    };
}

// ambiguous-stack/ copied; opened from its top folder, as a user in that folder would.
fs::path writeAmbiguousStack(const fs::path& folder)
{
    fs::copy(kHostile / "ambiguous-stack", folder, fs::copy_options::recursive);
    return folder / "Extract" / "particles.star";
}

void openFromItsRunFolder(const fs::path& file)
{
    if (chdir(file.parent_path().parent_path().c_str()) != 0)   // only ever in the worker process
        throw std::runtime_error("cannot enter the case folder");
    drivers::openParticles(file);
}

struct Reproducer {
    const char* name;
    Writer write;
    Opener open;
    const char* expected;   // part of the refusal
};

const std::vector<Reproducer>& reproducers()
{
    static const std::vector<Reproducer> list{
        {"map 2^30 cubed", copyOf("mrc-nx-ny-nz-2pow30.mrc"), drivers::openMap, "need more than 2^64 bytes"},
        {"stack 2^30 cubed", copyOf("mrcs-nx-ny-nz-2pow30.mrcs"), drivers::openParticles, "need more than 2^64 bytes"},
        {"map 65536^2 x 2^30", copyOf("mrc-65536x65536x2pow30.mrc"), drivers::openMap, "need more than 2^64 bytes"},
        {"stack 65536^2 x 2^30", copyOf("mrcs-65536x65536x2pow30.mrcs"), drivers::openParticles, "need more than 2^64 bytes"},
        {"cs zero-length field", copyOf("cs-zero-length-field.cs"), drivers::openParticles,
         "field 'blob/shape' (<u4) holds 0 value(s) per record, expected 1"},
        {"empty index pickle", copyOf("index-empty.pkl"), drivers::openIndex, "holds no particle indices"},
        {"ambiguous stack", writeAmbiguousStack, openFromItsRunFolder, "two different files"},
        {"300,000 nested TUPLE1", deepPickle("nested-tuple1.pkl", "N", 300000), drivers::openIndex,
         "pickle nests too deeply"},
        {"1,000,000 TUPLE1 under EMPTY_LIST", deepPickle("nested-under-list.pkl", "]", 1000000), drivers::openIndex,
         "the pickle builds more than"},
    };
    return list;
}

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusedCleanly_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < reproducers().size(); ++i)
            QTest::newRow(reproducers()[i].name) << int(i);
    }

    void refusedCleanly()
    {
        QFETCH(int, index);
        const Reproducer& r = reproducers()[std::size_t(index)];
        QTemporaryDir work;
        fuzz::Target target{r.name, 1, [&](std::size_t, const fs::path& folder) { return r.write(folder); }, r.open};
        const fuzz::Report report = fuzz::run(target, work.path().toStdString());
        if (report.refused == 1)
            qInfo("%s: refused in %.3f s", r.name, report.slowestCaseSeconds);
        QVERIFY2(report.failures.empty(), report.failures.empty() ? "" : report.failures.front().c_str());
        QCOMPARE(report.refused, std::size_t(1));

        // Safe in this process now: check what the refusal says.
        const fs::path folder = fs::path(work.path().toStdString()) / "again";
        fs::create_directories(folder);
        const fs::path file = r.write(folder);
        const fs::path here = fs::current_path();
        const QString message = errorOf([&] { r.open(file); });
        fs::current_path(here);
        QVERIFY2(message.contains(QString::fromStdString(file.filename().string())), qPrintable(message));
        QVERIFY2(message.contains(QString::fromUtf8(r.expected)), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
