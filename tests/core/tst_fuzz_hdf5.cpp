// Fuzzing our HDF5 files as Cryoscape reopens them: a run.h5 with every table an explored
// run holds (config, history, z, PCA, UMAP, k-means, ab initio poses, landscape) and a
// session file, mutated through HDF5 itself (tests/support/H5Mutator.h: attributes with
// edge values, arrays or strings; datasets of another rank, type or 2^40 unstored values;
// deleted objects; looping soft links) and by byte damage. Every case must be accepted or
// refused with a FileError naming the file; none may crash, hang or allocate beyond 200 MB.
#include "support/FuzzMutator.h"
#include "support/FuzzTest.h"
#include "support/H5Mutator.h"
#include "support/ReaderDrivers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kRunCases = 1500, kSessionCases = 1000;
constexpr std::size_t kParticles = 50;
constexpr int kZdim = 4;

std::vector<float> ramp(std::size_t n, float scale)
{
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = scale * float(int(i % 11) - 5);
    return v;
}

void writeRunSeed(const fs::path& path)
{
    cryo::H5File f(path, cryo::H5File::Mode::Create);
    cryo::RunConfig c;
    c.model.zdim = kZdim;
    c.particles = "/nonexistent/particles.star";
    c.particleCount = kParticles;
    c.boxSize = 16;
    c.pixelSize = 2.5;
    cryo::writeRunConfig(f, c);
    cryo::writeHistory(f, {{1, 0.5, 0.4, 0.1, 2.0, 25.0}, {2, 0.4, 0.35, 0.05, 2.0, 25.0}});
    cryo::writeLatents(f, {kParticles, kZdim, ramp(kParticles * kZdim, 0.1f), ramp(kParticles * kZdim, -0.2f)});
    cryo::writePoses(f, {kParticles, ramp(kParticles * 9, 0.1f), ramp(kParticles * 2, 0.5f)});
    cryo::writePca(f, {cryo::LatentPca(ramp(kZdim, 0.1f), ramp(2 * kZdim, 0.3f), {2.0f, 1.0f}), kParticles,
                       ramp(kParticles * 2, 1.0f)});
    cryo::UmapTable umap;
    umap.count = kParticles;
    umap.coordinates = ramp(kParticles * 2, 0.7f);
    cryo::writeUmap(f, umap);
    cryo::KMeansTable kmeans{kParticles, 3, kZdim, std::vector<std::int32_t>(kParticles, 1), ramp(3 * kZdim, 0.2f),
                             {0, 10, 20}, 7, 1.5};
    cryo::writeKMeans(f, kmeans);
    cryo::LandscapeTable landscape;
    landscape.count = kParticles;
    landscape.clusters = 2;
    landscape.components = 2;
    landscape.labels.assign(kParticles, 1);
    landscape.volumePc = ramp(kParticles * 2, 0.3f);
    landscape.sketchParticles = {1, 5, 9};
    landscape.sketchClusters = {0, 1, 1};
    landscape.sketchVolumePc = ramp(6, 0.5f);
    landscape.explainedVariance = {3.0f, 1.0f};
    cryo::writeLandscape(f, landscape);
    f.close();
}

void writeSessionSeed(const fs::path& path)
{
    cryo::SessionState s;
    s.run = path.parent_path() / "run";
    s.selections = {{"open", "#1f77b4", {0, 3, 17, 40}}, {"closed", "#ff7f0e", {1, 2}}, {"empty", "#2ca02c", {}}};
    s.activeSelection = 1;
    s.panels = {{"pca:0,1", "kmeans"}, {"umap", "selection"}};
    s.kmeansClusters = 3;
    s.highlightedClusters = {0, 2};
    s.viewer.hasIsoLevel = true;
    s.viewer.isoLevel = 0.5;
    cryo::writeSession(path, s);
}

std::string fileBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

struct H5Seed {
    std::string bytes;
    fuzz::H5Objects objects;
};

// Case i: the seed, mutated through HDF5 (85 %), then byte damage (the rest, and 10 % more).
fuzz::Target h5Target(const std::string& name, std::uint64_t randomSeed, std::size_t cases, const H5Seed& seed,
                      void (*open)(const fs::path&))
{
    fuzz::Target target;
    target.name = name;
    target.caseCount = cases;
    target.write = [&seed, randomSeed](std::size_t i, const fs::path& folder) {
        fuzz::Mutator m = fuzz::Mutator::forCase(randomSeed, i);
        const fs::path file = folder / ("case-" + std::to_string(i) + ".h5");
        std::ofstream(file, std::ios::binary) << seed.bytes;
        const bool structured = m.chance(0.85);
        if (structured) {
            const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
            fuzz::H5Mutator(m, f).mutate(seed.objects);
            H5Fclose(f);
        }
        if (!structured || m.chance(0.1)) {
            std::string bytes = fileBytes(file);
            m.havoc(bytes);
            std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
        }
        return file;
    };
    target.open = open;
    return target;
}

} // namespace

class TestFuzzHdf5 : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    H5Seed m_run, m_session;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);   // the mutator's own failed calls are expected
        const fs::path run = fs::path(m_dir.path().toStdString()) / "run.h5";
        writeRunSeed(run);
        drivers::openRun(run);   // the seeds must open, or every case would only test refusals
        m_run = {fileBytes(run), fuzz::listH5Objects(run)};
        const fs::path session = fs::path(m_dir.path().toStdString()) / "seed.session.h5";
        writeSessionSeed(session);
        drivers::openSession(session);
        m_session = {fileBytes(session), fuzz::listH5Objects(session)};
        QVERIFY(m_run.objects.datasets.size() > 20 && m_run.objects.attributes.size() > 20);
    }

    void runFile()
    {
        fuzz::verifyTarget(h5Target("run", 0x52554e31, kRunCases, m_run, drivers::openRun), m_dir.path().toStdString());
    }
    void sessionFile()
    {
        fuzz::verifyTarget(h5Target("session", 0x53455331, kSessionCases, m_session, drivers::openSession),
                           m_dir.path().toStdString());
    }
};

QTEST_GUILESS_MAIN(TestFuzzHdf5)
#include "tst_fuzz_hdf5.moc"
