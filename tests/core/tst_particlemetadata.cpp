// ParticleMetadataWriter: converting between RELION and cryoSPARC keeps CTF, poses,
// optics and images (read back through ParticleDataset).
#include "particles/ParticleDataset.h"
#include "particles/ParticleMetadataWriter.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const char* name) { return fs::path(CRYOSCAPE_FIXTURES_DIR) / name; }

double maxDifference(const std::array<float, 9>& a, const std::array<float, 9>& b)
{
    double d = 0;
    for (std::size_t i = 0; i < 9; ++i)
        d = std::max(d, double(std::fabs(a[i] - b[i])));
    return d;
}

// Same particles, CTF, poses and geometry (to float precision).
void compareDatasets(const ParticleDataset& a, const ParticleDataset& b)
{
    QCOMPARE(b.size(), a.size());
    QCOMPARE(b.boxSize(), a.boxSize());
    QVERIFY(std::fabs(b.pixelSize() - a.pixelSize()) < 1e-5);
    QCOMPARE(b.hasCtf(), a.hasCtf());
    QCOMPARE(b.hasPoses(), a.hasPoses());
    QCOMPARE(b.opticsGroups().size(), a.opticsGroups().size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const CtfParams& x = a.particles()[i].ctf;
        const CtfParams& y = b.particles()[i].ctf;
        QVERIFY(std::fabs(x.defocusU - y.defocusU) < 0.01f && std::fabs(x.defocusV - y.defocusV) < 0.01f);
        QVERIFY2(std::fabs(x.defocusAngle - y.defocusAngle) < 1e-3f, qPrintable(QString::number(i)));
        QVERIFY(std::fabs(x.voltage - y.voltage) < 1e-4f);
        QVERIFY(std::fabs(x.sphericalAberration - y.sphericalAberration) < 1e-5f);
        QVERIFY(std::fabs(x.amplitudeContrast - y.amplitudeContrast) < 1e-6f);
        QCOMPARE(b.particles()[i].image, a.particles()[i].image);
        if (a.hasPoses()) {
            QVERIFY2(maxDifference(a.poses()[i].rotation, b.poses()[i].rotation) < 2e-5,
                     qPrintable(QString("particle %1").arg(i)));
            QVERIFY(std::fabs(a.poses()[i].shiftX - b.poses()[i].shiftX) < 1e-4f);
            QVERIFY(std::fabs(a.poses()[i].shiftY - b.poses()[i].shiftY) < 1e-4f);
        }
    }
}

} // namespace

class TestParticleMetadata : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void relionToCryosparcAndBack();
    void cryosparcToRelion();
    void rejectsInconsistentMetadata();
};

void TestParticleMetadata::relionToCryosparcAndBack()
{
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    fs::copy_file(fixture("relion31.mrcs"), folder / "relion31.mrcs");
    const ParticleDataset original = ParticleDataset::open(fixture("relion31.star"));
    const ParticleMetadata metadata = metadataOf(original);
    writeCryosparcCs(folder / "converted.cs", metadata);
    writeRelionStar(folder / "converted.star", metadata);
    const ParticleDataset cs = ParticleDataset::open(folder / "converted.cs");
    const ParticleDataset star = ParticleDataset::open(folder / "converted.star");
    compareDatasets(original, cs);
    compareDatasets(original, star);
    // The Euler triple itself survives (tilt is inside (0, 180) here).
    for (std::size_t i = 0; i < original.size(); ++i)
        for (std::size_t k = 0; k < 3; ++k)
            QVERIFY(std::fabs(std::remainder(original.poses()[i].angles[k] - star.poses()[i].angles[k], 360.f)) < 1e-3f);
    QVERIFY(cs.readImage(3) == original.readImage(3));
    // And from the .cs back to RELION once more.
    writeRelionStar(folder / "again.star", metadataOf(cs));
    compareDatasets(original, ParticleDataset::open(folder / "again.star"));
}

void TestParticleMetadata::cryosparcToRelion()
{
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    ParticleDatasetOptions metadataOnly;
    metadataOnly.requireImages = false;
    const ParticleDataset cs = ParticleDataset::open(fixture("cryosparc_P12_J24_001_particles.cs"), metadataOnly);
    writeRelionStar(folder / "p12.star", metadataOf(cs));
    compareDatasets(cs, ParticleDataset::open(folder / "p12.star", metadataOnly));
}

void TestParticleMetadata::rejectsInconsistentMetadata()
{
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    ParticleMetadata m = metadataOf(ParticleDataset::open(fixture("relion31.star")));
    m.poses.pop_back();
    QVERIFY_THROWS_EXCEPTION(UsageError, writeRelionStar(folder / "x.star", m));
    m = metadataOf(ParticleDataset::open(fixture("relion31.star")));
    m.particles[2].stack = 3;
    QVERIFY_THROWS_EXCEPTION(UsageError, writeCryosparcCs(folder / "x.cs", m));
    QVERIFY(!fs::exists(folder / "x.cs"));
}

QTEST_GUILESS_MAIN(TestParticleMetadata)
#include "tst_particlemetadata.moc"
