// DatasetSummary: values computed from the fixtures, JSON that parses, problems listed.
#include "particles/DatasetSummary.h"
#include "particles/ParticleDataset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const char* name) { return fs::path(CRYOSCAPE_FIXTURES_DIR) / name; }

QJsonObject parseJson(const std::string& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "JSON error" << error.errorString() << "at" << error.offset << QString::fromStdString(text);
    return doc.object();
}

} // namespace

class TestParticleSummary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void relion31();
    void sixGroupsMetadataOnly();
    void flagsSuspiciousValues();
};

void TestParticleSummary::relion31()
{
    const ParticleDataset d = ParticleDataset::open(fixture("relion31.star"));
    const DatasetSummary s = summarizeDataset(d);
    QCOMPARE(s.count, std::size_t(5));
    QCOMPARE(s.boxSize, 256);
    QCOMPARE(s.defocusU.min, double(12506.042289f));
    QCOMPARE(s.defocusU.max, double(13108.082418f));
    QVERIFY(s.hasPoses && s.hasCtf);
    QVERIFY(s.problems.empty());
    const std::string text = describeDataset(d, false);
    QVERIFY2(QString::fromStdString(text).contains("Count:          5\n"), text.c_str());
    QVERIFY(QString::fromStdString(text).contains("Pixel size:     2.806 Å"));
    QVERIFY(QString::fromStdString(text).contains("Problems:       none"));
    const QJsonObject json = parseJson(describeDataset(d, true));
    QCOMPARE(json["count"].toInt(), 5);
    QCOMPARE(json["box"].toInt(), 256);
    QCOMPARE(json["optics_groups"].toArray()[0].toObject()["particles"].toInt(), 5);
    QCOMPARE(json["optics_groups"].toArray()[0].toObject()["name"].toString(), QString("opticsGroup1"));
    QVERIFY(std::fabs(json["ctf"].toObject()["defocus_u_A"].toObject()["max"].toDouble() - 13108.082418) < 1e-3);
    QCOMPARE(json["poses"].toBool(), true);
    QVERIFY(json["problems"].toArray().isEmpty());
}

void TestParticleSummary::sixGroupsMetadataOnly()
{
    ParticleDatasetOptions options;
    options.requireImages = false;
    const ParticleDataset d = ParticleDataset::open(fixture("relion31.6opticsgroups.star"), options);
    const DatasetSummary s = summarizeDataset(d);
    QCOMPARE(s.opticsGroups.size(), std::size_t(6));
    std::size_t total = 0;
    for (std::size_t n : s.particlesPerGroup)
        total += n;
    QCOMPARE(total, std::size_t(139));
    QCOMPARE(s.missingStacks, s.stackCount);
    QCOMPARE(s.pixelSize.min, 1.24);
    QCOMPARE(s.sphericalAberration.min, double(2.6f));
    const QJsonObject json = parseJson(summaryJson(s));
    QCOMPARE(json["optics_groups"].toArray().size(), 6);
    QCOMPARE(json["missing_stacks"].toInt(), int(s.stackCount));
    QVERIFY(json["problems"].toArray().size() >= 1);
    QVERIFY(json["problems"].toArray()[0].toString().contains("not found"));
    QVERIFY(QString::fromStdString(summaryText(s)).contains("missing or unreadable"));
}

void TestParticleSummary::flagsSuspiciousValues()
{
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    fs::copy_file(fixture("relion31.mrcs"), folder / "relion31.mrcs");
    std::ofstream(folder / "odd \"name\".star")
        << "data_optics\nloop_\n_rlnOpticsGroup\n_rlnImagePixelSize\n_rlnVoltage\n_rlnAmplitudeContrast\n1 2.8 300 1.5\n"
           "data_particles\nloop_\n_rlnImageName\n_rlnDefocusU\n_rlnDefocusV\n"
           "1@relion31.mrcs 10000 9000\n2@relion31.mrcs -5 9000\n3@relion31.mrcs 0 0\n";
    const ParticleDataset d = ParticleDataset::open(folder / "odd \"name\".star");
    const DatasetSummary s = summarizeDataset(d);
    QStringList problems;
    for (const std::string& p : s.problems)
        problems << QString::fromStdString(p);
    QVERIFY2(problems.contains("2 particle(s) with defocus <= 0 Å (first: particle 1)"), qPrintable(problems.join("; ")));
    QVERIFY(problems.contains("3 particle(s) with amplitude contrast outside 0-1 (first: particle 0)"));
    const QJsonObject json = parseJson(summaryJson(s));
    QVERIFY(json["source"].toString().endsWith("odd \"name\".star"));
    QCOMPARE(json["problems"].toArray().size(), 2);
    QCOMPARE(json["poses"].toBool(), false);
}

QTEST_GUILESS_MAIN(TestParticleSummary)
#include "tst_particlesummary.moc"
