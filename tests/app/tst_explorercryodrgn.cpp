// A cryoDRGN output directory in the main window (under xvfb-run: the window holds the 3D
// view), as a user meets it: dropped or opened by name (config.yaml, weights.N.pkl), the title
// and status bar say "cryoDRGN run, epoch N", a click decodes a map with the cryoDRGN decoder
// (the same map `cryodrgn eval_vol` writes), a lasso selects, File → Locate Particles… finds the
// particle file the config named on another machine, and the selection exports to .star/.cs/
// .csg with exactly the chosen particles, which Backproject Selection also validates. Our files
// stay in <dir>/cryoscape/.
// CRYOSCAPE_SCREENSHOT_DIR keeps pictures.
#include "support/OpenRun.h"
#include "CryodrgnRunOpener.h"
#include "ExplorerPanel.h"
#include "LatentScatterView.h"
#include "MainWindow.h"
#include "ExplorerController.h"
#include "MapStage.h"
#include "MapDecoder.h"
#include "ScatterPanel.h"
#include "SelectionModel.h"
#include "ValidationController.h"
#include "ValidationJob.h"
#include "ValidationPanel.h"
#include "VtkView.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "sim/Simulator.h"
#include "support/CryodrgnFixtures.h"
#include "support/TinyRun.h"
#include "util/BlasEnvironment.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace cryodrgn_fixtures;

namespace {

constexpr int kParticles = 120;

QString statusBarText(MainWindow& window)
{
    QStringList texts;
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
        texts << label->text();
    return texts.join(QStringLiteral(" | "));
}

} // namespace

class TestExplorerCryodrgn : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path m_run, m_particles;

    void saveScreenshot(QWidget& w, const QString& name)
    {
        const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w.grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8());
        const fs::path root = m_dir.path().toStdString();
        cryo::SimulationOptions sim;   // the particles the run "was trained on", elsewhere on this machine
        sim.outDir = root / "data";
        sim.particles = kParticles;
        sim.box = 64;
        sim.seed = 9;
        cryo::simulateDataset(sim);
        m_particles = root / "data" / "particles.star";
        m_run = root / "cryodrgn_out";
        makeHetRun(m_run, 6, kParticles, "/scratch/cluster/job42/particles.star");
        makeHetRun(m_run, 7, kParticles, "/scratch/cluster/job42/particles.star");
    }

    void openShowsEpochAndDecodesTheCryodrgnMap()
    {
        auto window = showTinyRunWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QSignalSpy shown(window.get(), &MainWindow::mapShown);
        // As from Open Run…: the weights file of epoch 6 (not the newest, 7).
        QVERIFY(openAndWait(*window, QString::fromStdString((m_run / "weights.6.pkl").string())));
        ExplorerPanel* explorer = window->explorer();
        QVERIFY(explorer);
        QCOMPARE(explorer->tables().count(), std::size_t(kParticles));
        QVERIFY2(window->windowTitle().contains("cryodrgn_out · cryoDRGN run, epoch 6"), qPrintable(window->windowTitle()));
        QVERIFY2(statusBarText(*window).contains("cryoDRGN run, epoch 6"), qPrintable(statusBarText(*window)));
        QVERIFY(!explorer->particles().dataset);   // the config names a file on the cluster
        QVERIFY(fs::exists(m_run / "cryoscape" / "epoch_6" / "run.h5"));

        // A click on particle 0 decodes its z with the cryoDRGN decoder: vol.mrc of eval_vol.
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 30000);   // the first cluster's map on opening
        shown.clear();
        LatentScatterView* view = explorer->panel(1)->view();
        QVERIFY(explorer->setEmbeddingKey(1, QStringLiteral("z:0,1")));
        const QPointF at = view->dataToWidget(explorer->tables().zRow(0)[0], explorer->tables().zRow(0)[1]);
        QTest::mouseClick(view, Qt::LeftButton, {}, at.toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 30000);
        QCOMPARE(shown.back()[0].toBool(), false);   // the full map
        const qint64 clicked = view->pointNear(at);
        QVERIFY2(window->mapStage()->decodeText().contains(QStringLiteral("particle %1 ").arg(clicked)), qPrintable(window->mapStage()->decodeText()));
        // The map of particle 0's z (z0 of the fixtures) is the one eval_vol wrote: vol.mrc.
        shown.clear();
        window->mapStage()->requestMap(explorer->tables().zRow(0), QStringLiteral("particle 0"));
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 30000);
        const cryo::Volume ref = cryo::readMrc(kEval / "vol.mrc");
        const cryo::Volume& map = window->mapStage()->volume();
        QCOMPARE(map.nx, 64);
        double worst = 0, peak = 0;
        for (std::size_t i = 0; i < ref.data.size(); ++i) {
            worst = std::max(worst, double(std::abs(map.data[i] - ref.data[i])));
            peak = std::max(peak, double(std::abs(ref.data[i])));
        }
        QVERIFY2(worst <= 1e-5 * peak, qPrintable(QString::number(worst / peak)));
        saveScreenshot(*window, "cryodrgn-open.png");

        // The epoch menu lists both epochs; choosing 7 opens it.
        QAction* seven = findAction(*window, QStringLiteral("Epoch 7 (weights.7.pkl)"));
        QVERIFY(seven && seven->isEnabled());
        QSignalSpy ended(window.get(), &MainWindow::runOpenEnded);
        seven->trigger();
        QVERIFY(waitUntilOpened(*window, ended));
        QVERIFY2(window->windowTitle().contains("epoch 7"), qPrintable(window->windowTitle()));
    }

    void locateParticlesLassoAndExport()
    {
        auto window = showTinyRunWindow();
        QVERIFY(openAndWait(*window, QString::fromStdString(m_run.string())));   // dropped: the newest epoch
        QVERIFY(window->windowTitle().contains("epoch 7"));
        // File → Locate Particles… (the dialog's answer given directly).
        CryodrgnRunOpener* opener = window->findChild<CryodrgnRunOpener*>();
        QVERIFY(opener);
        QSignalSpy ended(window.get(), &MainWindow::runOpenEnded);
        opener->open(QString::fromStdString(m_run.string()), 7, QString::fromStdString(m_particles.string()));
        QVERIFY(waitUntilOpened(*window, ended));
        ExplorerPanel* explorer = window->explorer();
        QVERIFY(explorer && explorer->particles().dataset);
        QVERIFY(explorer->particles().dataset->imagesAvailable());
        QVERIFY(explorer->setColourKey(0, QStringLiteral("defocus")));

        // Lasso the particles left of PC 1's median; export them.
        std::vector<float> pc1 = explorer->tables().pcaColumn(0);
        std::vector<float> sorted = pc1;
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2), sorted.end());
        const double median = sorted[sorted.size() / 2];
        const QPolygonF left({QPointF(-1e3, -1e3), QPointF(median, -1e3), QPointF(median, 1e3), QPointF(-1e3, 1e3)});
        explorer->panel(0)->view()->selectRegion(left, cryo::SelectionMode::Replace, QStringLiteral("lasso"));
        const std::vector<std::size_t> selected = explorer->selection()->current().indices();
        QVERIFY(selected.size() > kParticles / 4 && selected.size() < kParticles);
        for (std::size_t i : selected)
            QVERIFY(pc1[i] < median);
        saveScreenshot(*window, "cryodrgn-lasso.png");

        // Backproject Selection works on a cryoDRGN run as on ours: the lassoed particles with
        // their poses and CTF, beside the cryoDRGN decoder's map of the same box.
        ValidationController* validation = window->validation();
        QVERIFY(validation->action()->isEnabled());
        QSignalSpy finished(validation->job(), &ValidationJob::finished);
        QSignalSpy failed(validation->job(), &ValidationJob::failed);
        validation->action()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 300000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const std::shared_ptr<const ValidationResult> result = validation->panel()->result();
        QVERIFY(result);
        QCOMPARE(result->backprojection.particles, selected.size());
        QCOMPARE(result->decoded.nx, result->backprojection.map.nx);
        saveScreenshot(*window, "cryodrgn-backprojection.png");
        const fs::path out = m_particles.parent_path();
        QVERIFY(window->explorerController()->exportSelection(QString::fromStdString((out / "lasso.star").string()), false));
        QVERIFY(window->explorerController()->exportSelection(QString::fromStdString((out / "lasso.cs").string()), false));
        QVERIFY(fs::exists(out / "lasso.csg"));
        cryo::ParticleDatasetOptions o;
        o.requireImages = false;
        const cryo::ParticleDataset source = cryo::ParticleDataset::open(m_particles, o);
        for (const char* name : {"lasso.star", "lasso.cs"}) {
            const cryo::ParticleDataset back = cryo::ParticleDataset::open(out / name, o);
            QCOMPARE(back.size(), selected.size());
            for (std::size_t k = 0; k < selected.size(); ++k)
                QCOMPARE(back.particles()[k].ctf.defocusU, source.particles()[selected[k]].ctf.defocusU);
        }
        // cryoDRGN's own files untouched: still exactly config, weights and z of two epochs.
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(m_run))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        QCOMPARE(names, (std::vector<std::string>{"config.yaml", "cryoscape", "weights.6.pkl", "weights.7.pkl", "z.6.pkl", "z.7.pkl"}));
    }

    void refusesABadCheckpointWithItsName()
    {
        const fs::path bad = fs::path(m_dir.path().toStdString()) / "evil_run";
        makeHetRun(bad, 1, 10);
        fs::copy_file(kEval / "evil.pkl", bad / "weights.1.pkl", fs::copy_options::overwrite_existing);
        auto window = showTinyRunWindow();
        QSignalSpy failed(window->mapStage()->decoder(), &MapDecoder::failed);
        QVERIFY(openAndWait(*window, QString::fromStdString(bad.string())));   // the latent space opens...
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);                 // ...the decoder refuses, by name
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains("weights.1.pkl") && message.contains("posix.system"), qPrintable(message));
    }
};

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("CryoscapeTest");
    QCoreApplication::setApplicationName("tst_explorercryodrgn");
    TestExplorerCryodrgn test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_explorercryodrgn.moc"
