// cryoDRGN decoders reproduce `cryodrgn eval_vol` (model/CryodrgnDecoder.h): every reference
// map in ../shared/fixtures/cryodrgn-eval, decoded from its checkpoint, within 1e-5 × max |ref|
// (hartley + gaussian; fourier + geom_lowf with its Hermitian split and sphere mask; the
// downsampled evaluations, whose intensity cryoDRGN leaves (D/d)³ times the full map's), and a
// 4.x abinit HyperVolume that cryoDRGN trained on our data (tests/data/cryodrgn-abinit).
// Also: the decoder refuses a config that does not belong to the weights.
#include "io/MrcFile.h"
#include "model/VolumeGenerator.h"
#include "support/CryodrgnFixtures.h"
#include "util/Error.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace cryodrgn_fixtures;

namespace {

std::unique_ptr<cryo::VolumeGenerator> open(const fs::path& weights, const fs::path& config)
{
    cryo::RunConfig run;
    run.cryodrgnWeights = weights;
    run.cryodrgnConfig = config;
    return cryo::openCryodrgnVolumeGenerator(run, 1);
}

} // namespace

class TestCryodrgnDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reproducesEvalVol_data()
    {
        QTest::addColumn<QString>("weights");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("box");
        const QString het = QString::fromStdString((kExternal / "het_weights.pkl").string());
        const QString hetConfig = QString::fromStdString((kExternal / "het_config.yaml").string());
        const QString f = QString::fromStdString((kEval / "fourier_weights.pkl").string());
        const QString fConfig = QString::fromStdString((kEval / "fourier_config.yaml").string());
        QTest::newRow("hartley gaussian") << het << hetConfig << "vol.mrc" << 64;
        QTest::newRow("hartley gaussian -d 32") << het << hetConfig << "vol_d32.mrc" << 32;
        QTest::newRow("fourier geom_lowf") << f << fConfig << "f.mrc" << 32;
        QTest::newRow("fourier geom_lowf -d 16") << f << fConfig << "f_d16.mrc" << 16;
        // The 4.x abinit's HyperVolume (its output mask and the zeroed kx = ky = 0 column included).
        const QString abinit = QStringLiteral(CRYOSCAPE_TEST_DATA_DIR "/cryodrgn-abinit/");
        QTest::newRow("abinit HyperVolume") << abinit + "weights.0.pkl" << abinit + "config.yaml" << abinit + "vol_z0.mrc" << 32;
    }
    void reproducesEvalVol()
    {
        QFETCH(QString, weights);
        QFETCH(QString, config);
        QFETCH(QString, reference);
        QFETCH(int, box);
        auto generator = open(weights.toStdString(), config.toStdString());
        const std::vector<float> z = generator->zdim() == 8 ? hetZ0() : generator->zdim() == 4 ? fourierZ()
                                                                                                : std::vector<float>{0.1018207f, 0.116454892f};
        const cryo::Volume ours = generator->generate(z, box);
        const cryo::Volume ref = cryo::readMrc(kEval / reference.toStdString());   // an absolute path stays one
        const int D = generator->config().boxSize;
        const double cube = double(D) / box;   // eval_vol -d leaves the crop (D/d)³ brighter
        const double error = relativeMapError(ours, ref, cube * cube * cube);
        qInfo("%s: max |ours - ref| = %.2e x max |ref|", qPrintable(reference), error);
        QVERIFY2(error <= 1e-5, qPrintable(QString::number(error)));
        QCOMPARE(ours.voxelSize, float(1.0 * D / box));   // the true voxel of the crop (eval_vol writes --Apix)
    }

    void previewIsTheHalfSizeCrop()
    {
        auto generator = open(kExternal / "het_weights.pkl", kExternal / "het_config.yaml");
        const cryo::Volume preview = generator->generate(hetZ0(), cryo::VolumeGenerator::Quality::Preview);
        const cryo::Volume ref = cryo::readMrc(kEval / "vol_d32.mrc");
        QCOMPARE(preview.nx, 32);
        QVERIFY(relativeMapError(preview, ref, 8.0) <= 1e-5);
    }

    void clickBoxesFitTheBudget()
    {
        // The het decoder (hartley, every lattice point): 8·56 + 3·8·8 + 8 = 648 multiply-adds per point.
        auto generator = open(kExternal / "het_weights.pkl", kExternal / "het_config.yaml");
        QCOMPARE(generator->multiplyAdds(32), 648.0 * 33 * 33 * 33);
        QCOMPARE(generator->clickBoxes(1e12), (std::vector<int>{32, 64}));
        // D/2 costs 23 M: a budget of 1 M puts the largest box within it first, (10 + 1)³ · 648 ≤ 1e6 < 13³ · 648.
        QCOMPARE(generator->clickBoxes(1e6), (std::vector<int>{10, 32, 64}));
        QCOMPARE(generator->generate(hetZ0(), 10).nx, 10);
    }

    void refusesMismatchedConfigAndZ()
    {
        QString error;
        try {
            open(kExternal / "het_weights.pkl", kEval / "fourier_config.yaml");
        } catch (const cryo::FileError& e) {
            error = e.what();
        }
        QVERIFY2(error.contains("het_weights.pkl") && error.contains("does the config belong to these weights?"),
                 qPrintable(error));
        auto generator = open(kExternal / "het_weights.pkl", kExternal / "het_config.yaml");
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, generator->generate(std::vector<float>(3, 0.0f), 64));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, generator->generate(hetZ0(), 63));
    }
};

QTEST_GUILESS_MAIN(TestCryodrgnDecoder)
#include "tst_cryodrgndecoder.moc"
