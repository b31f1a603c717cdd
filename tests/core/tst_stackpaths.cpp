// Where a .star's image stacks are found (particles/StackPathResolver.h): the normal layouts
// open unchanged — a stack beside the .star, a RELION project with the .star in a job folder
// and paths relative to the project root, a data folder given by the user — and a name that
// could mean two different files is refused naming both, whatever the current folder.
#include "io/MrcFile.h"
#include "particles/DatasetSummary.h"
#include "particles/ParticleDataset.h"
#include "support/Errors.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

// A 4×4 stack of two images, every pixel `value`, so a test can tell stacks apart.
void writeStack(const fs::path& path, float value)
{
    fs::create_directories(path.parent_path());
    Volume v(4, 4, 2, 1.5f);
    std::fill(v.data.begin(), v.data.end(), value);
    writeMrc(path, v, {MrcMode::Float32, true});
}

void writeStar(const fs::path& path, const std::string& stackReference)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "data_optics\nloop_\n_rlnOpticsGroup\n_rlnImagePixelSize\n_rlnImageSize\n1 1.5 4\n\n"
                           "data_particles\nloop_\n_rlnImageName\n_rlnOpticsGroup\n"
                        << "1@" << stackReference << " 1\n2@" << stackReference << " 1\n";
}

// Runs the test body in `folder` as the current folder, restoring the old one after.
class InFolder {
public:
    explicit InFolder(const fs::path& folder) : m_old(fs::current_path()) { fs::current_path(folder); }
    ~InFolder() { fs::current_path(m_old); }

private:
    fs::path m_old;
};

float firstPixel(const ParticleDataset& d) { return d.readImage(0).front(); }

QString openError(const fs::path& star)
{
    return errorOf([&] { ParticleDataset::open(star); });
}

} // namespace

class TestStackPaths : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    fs::path root() const { return fs::path(m_dir.path().toStdString()); }

private Q_SLOTS:
    void stackBesideTheStar()
    {
        const fs::path folder = root() / "beside";
        writeStack(folder / "particles.mrcs", 1.0f);
        writeStar(folder / "particles.star", "particles.mrcs");
        fs::create_directories(root() / "elsewhere");
        InFolder cwd(root() / "elsewhere");
        const ParticleDataset d = ParticleDataset::open(folder / "particles.star");
        QCOMPARE(d.stacks()[0].origin, StackOrigin::BesideMetadata);
        QCOMPARE(firstPixel(d), 1.0f);
        // Opened from its own folder, the same file is reached by two routes: not ambiguous.
        InFolder inside(folder);
        QCOMPARE(ParticleDataset::open("particles.star").stacks()[0].origin, StackOrigin::BesideMetadata);
    }

    void relionJobFolderInAProject()
    {
        const fs::path project = root() / "project";
        writeStack(project / "Extract/job007/Movies/mic1.mrcs", 2.0f);
        writeStar(project / "Class3D/job012/run_it025_data.star", "Extract/job007/Movies/mic1.mrcs");
        InFolder cwd(root());
        const ParticleDataset d = ParticleDataset::open(project / "Class3D/job012/run_it025_data.star");
        QCOMPARE(d.stacks()[0].origin, StackOrigin::ProjectRoot);
        QCOMPARE(firstPixel(d), 2.0f);
    }

    void projectMarkedByItsPipeline()
    {
        const fs::path project = root() / "pipeline";
        writeStack(project / "Extract/job003/a.mrcs", 3.0f);
        std::ofstream(project / "default_pipeline.star") << "data_pipeline_general\n_rlnPipeLineJobCounter 4\n";
        writeStar(project / "exports/selected/particles.star", "Extract/job003/a.mrcs");
        const ParticleDataset d = ParticleDataset::open(project / "exports/selected/particles.star");
        QCOMPARE(d.stacks()[0].origin, StackOrigin::ProjectRoot);
        QCOMPARE(firstPixel(d), 3.0f);
    }

    void dataFolderIsAskedFirst()
    {
        const fs::path folder = root() / "moved";
        writeStar(folder / "particles.star", "Extract/job7/stack.mrcs");
        writeStack(root() / "data" / "stack.mrcs", 4.0f);
        QVERIFY(openError(folder / "particles.star").contains("stack 'Extract/job7/stack.mrcs' not found"));
        ParticleDatasetOptions options;
        options.dataDirectory = root() / "data";
        const ParticleDataset d = ParticleDataset::open(folder / "particles.star", options);
        QCOMPARE(d.stacks()[0].origin, StackOrigin::DataDirectory);
        QCOMPARE(firstPixel(d), 4.0f);
    }

    void twoFilesOfTheSameNameAreRefused()
    {
        const fs::path folder = root() / "twice";
        writeStack(folder / "job" / "particles.mrcs", 5.0f);
        writeStack(folder / "particles.mrcs", 6.0f);   // same name and count, other images
        writeStar(folder / "job" / "particles.star", "particles.mrcs");
        InFolder cwd(folder);
        const QString error = openError(folder / "job" / "particles.star");
        const QString beside = QString::fromStdString((folder / "job" / "particles.mrcs").string());
        const QString here = QString::fromStdString((folder / "particles.mrcs").string());
        QVERIFY2(error.contains("particles.star: data_particles row 1 (line 12): stack 'particles.mrcs' could be "),
                 qPrintable(error));
        QVERIFY2(error.contains(beside + " (beside the metadata file)") && error.contains(here + " (in the current folder)"),
                 qPrintable(error));
        QVERIFY(error.contains("--datadir"));
        // Metadata only (`cryoscape info`): listed as a problem, no images.
        ParticleDatasetOptions metadataOnly;
        metadataOnly.requireImages = false;
        const ParticleDataset d = ParticleDataset::open(folder / "job" / "particles.star", metadataOnly);
        QVERIFY(!d.imagesAvailable());
        QVERIFY(std::any_of(d.problems().begin(), d.problems().end(),
                            [](const std::string& p) { return p.find("two different files") != std::string::npos; }));
        // The user says which: the data folder decides.
        ParticleDatasetOptions chosen;
        chosen.dataDirectory = folder;
        QCOMPARE(firstPixel(ParticleDataset::open(folder / "job" / "particles.star", chosen)), 6.0f);
    }

    void summaryNamesTheStackFolder()
    {
        const fs::path folder = root() / "summary";
        writeStack(folder / "particles.mrcs", 1.0f);
        writeStar(folder / "particles.star", "particles.mrcs");
        const ParticleDataset d = ParticleDataset::open(folder / "particles.star");
        const QString text = QString::fromStdString(describeDataset(d, false));
        QVERIFY2(text.contains("Stacks from:    " + QString::fromStdString(folder.string()) +
                               " (beside the metadata file; 1 stack)\n"),
                 qPrintable(text));
        const QString json = QString::fromStdString(describeDataset(d, true));
        QVERIFY2(json.contains("\"stack_folders\": [{\"folder\": \"" + QString::fromStdString(folder.string()) +
                               "\", \"found\": \"beside the metadata file\", \"stacks\": 1}]"),
                 qPrintable(json));
    }
};

QTEST_GUILESS_MAIN(TestStackPaths)
#include "tst_stackpaths.moc"
