// Exploring a real (tiny) trained run in the main window (under xvfb-run: the window holds
// the 3D view): opening fills two linked panels (PCA left, UMAP right), a lasso's count
// shows and undoes, a click decodes a map (preview, then full), the selection exports to
// .star / .cs / .txt with exactly the selected particles, and a session round trip restores
// named and current selections and panel choices. CRYOSCAPE_SCREENSHOT_DIR keeps pictures.
#include "support/OpenRun.h"
#include "ClusterGallery.h"
#include "ExplorerPanel.h"
#include "ParticleMontage.h"
#include "LatentScatterView.h"
#include "MainWindow.h"
#include "ExplorerController.h"
#include "MapStage.h"
#include "SessionController.h"
#include "ScatterPanel.h"
#include "VtkView.h"
#include "SelectionModel.h"
#include "UmapJob.h"
#include "analysis/PolygonSelect.h"
#include "particles/ParticleDataset.h"
#include "run/RunAnalyses.h"
#include "support/TinyRun.h"
#include "util/BlasEnvironment.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <filesystem>

namespace {

std::vector<std::size_t> readIndexList(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<std::size_t> out;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out.push_back(line.trimmed().toULongLong());
    return out;
}

} // namespace

class TestExplorer : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_run;
    static constexpr int kParticles = 240;

    void saveScreenshot(QWidget& w, const QString& name)
    {
        const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w.grab().save(QDir(dir).filePath(name)));
    }

    // The left half of the PCA panel (PC 1 below its median), as a lasso would select it.
    static QPolygonF leftHalf(const RunTables& t)
    {
        std::vector<float> pc1 = t.pcaColumn(0);
        std::nth_element(pc1.begin(), pc1.begin() + std::ptrdiff_t(pc1.size() / 2), pc1.end());
        const double median = pc1[pc1.size() / 2];
        return QPolygonF({QPointF(-1e3, -1e3), QPointF(median, -1e3), QPointF(median, 1e3), QPointF(-1e3, 1e3)});
    }

    // Independent count of the particles inside the polygon (PC 1 / PC 2).
    static std::vector<std::size_t> inside(const RunTables& t, const QPolygonF& polygon)
    {
        const std::vector<float> x = t.pcaColumn(0), y = t.pcaColumn(1);
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (polygon.containsPoint(QPointF(x[i], y[i]), Qt::OddEvenFill))
                out.push_back(i);
        return out;
    }

    std::unique_ptr<MainWindow> openWindow() { return showTinyRunWindow(); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8());
        m_run = makeTinyRun(m_dir.path(), {.particles = kParticles, .motion = cryo::MotionKind::Discrete, .seed = 5});
        std::filesystem::copy(m_run.toStdString(), m_dir.filePath("run_no_umap").toStdString(),
                              std::filesystem::copy_options::recursive);
        addStandInUmap(m_run, 0);   // z1, z2: so that the right panel has a UMAP to show
    }

    void openRunFillsLinkedPanels()
    {
        auto window = openWindow();
        QVERIFY(openAndWait(*window, m_run));
        ExplorerPanel* explorer = window->explorer();
        QVERIFY(explorer);
        QVERIFY(window->explorerController()->explorerDock()->isVisible());
        QCOMPARE(explorer->tables().count(), std::size_t(kParticles));
        QCOMPARE(explorer->embeddingKey(0), QStringLiteral("pca:0,1"));
        QCOMPARE(explorer->embeddingKey(1), QStringLiteral("umap"));
        QCOMPARE(explorer->colourKey(1), QStringLiteral("kmeans"));
        for (int p = 0; p < 2; ++p)
            QCOMPARE(explorer->panel(p)->view()->pointCount(), std::size_t(kParticles));
        QVERIFY(explorer->particles().dataset);   // the particles were found: defocus and poses colour
        QVERIFY(explorer->setColourKey(0, QStringLiteral("defocus")));
        QVERIFY(explorer->setColourKey(0, QStringLiteral("tilt")));
        QVERIFY(!explorer->setColourKey(0, QStringLiteral("no such column")));
        QVERIFY(explorer->setEmbeddingKey(0, QStringLiteral("z:2,3")));
        QCOMPARE(explorer->panel(0)->view()->pointCount(), std::size_t(kParticles));
        // The PCA read back from memory agrees with a fresh projection of z.
        const RunTables& t = explorer->tables();
        const auto again = t.pca.pca.project(t.latents.mu.data(), t.count());
        for (std::size_t i = 0; i < again.size(); i += 37)
            QCOMPARE(again[i], t.pca.projections[i]);
    }

    void computeUmapFromTheWindow()
    {
        const QString run = m_dir.filePath("run_no_umap");
        auto window = openWindow();
        QVERIFY(openAndWait(*window, run));
        ExplorerPanel* explorer = window->explorer();
        QCOMPARE(explorer->embeddingKey(1), QStringLiteral("z:0,1"));   // no UMAP: z1 / z2 on the right
        QVERIFY(!explorer->setEmbeddingKey(1, QStringLiteral("umap")));
        QSignalSpy ready(explorer, &ExplorerPanel::umapReady);
        QSignalSpy progress(explorer->umapJob(), &UmapJob::progress);
        explorer->computeUmap();
        QVERIFY(ready.wait(60000));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(explorer->embeddingKey(1), QStringLiteral("umap"));
        QCOMPARE(explorer->panel(1)->view()->pointCount(), std::size_t(kParticles));
        const cryo::H5File file(cryo::runFilePath(run.toStdString()), cryo::H5File::Mode::ReadOnly);
        const auto stored = cryo::readUmap(file);   // there next time
        QVERIFY(stored);
        QCOMPARE(stored->coordinates, explorer->tables().umap->coordinates);
    }

    void lassoCountUndoRedo()
    {
        auto window = openWindow();
        QVERIFY(openAndWait(*window, m_run));
        ExplorerPanel* explorer = window->explorer();
        const QPolygonF polygon = leftHalf(explorer->tables());
        const std::vector<std::size_t> expected = inside(explorer->tables(), polygon);
        QVERIFY(expected.size() > kParticles / 4 && expected.size() < kParticles);
        explorer->panel(0)->view()->selectRegion(polygon, cryo::SelectionMode::Replace, QStringLiteral("lasso"));
        QCOMPARE(explorer->selection()->current().indices(), expected);
        QVERIFY2(explorer->countText().contains(QString::number(expected.size())), qPrintable(explorer->countText()));
        QCOMPARE(explorer->panel(1)->view()->pointCount(), std::size_t(kParticles));   // linked: one model
        // The montage pages through exactly the selected particles.
        ParticleMontage* montage = window->explorerController()->selectionMontage();
        QCOMPARE(montage->pageCount(), int((expected.size() + std::size_t(montage->imagesPerPage()) - 1) /
                                           std::size_t(montage->imagesPerPage())));
        saveScreenshot(*window, "explorer-lasso.png");
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keySequence(window.get(), QKeySequence(Qt::CTRL | Qt::Key_Z));
        QCOMPARE(explorer->selection()->current().count(), std::size_t(0));
        QTest::keySequence(window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        QCOMPARE(explorer->selection()->current().count(), expected.size());
        QAction* invert = findAction(*window, QStringLiteral("&Invert Selection"));
        QVERIFY(invert);
        invert->trigger();
        QCOMPARE(explorer->selection()->current().count(), kParticles - expected.size());
    }

    void clickShowsPreviewThenFullMap()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QSignalSpy shown(window.get(), &MainWindow::mapShown);
        QVERIFY(openAndWait(*window, m_run));
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 20000);   // the first cluster's map on opening
        shown.clear();
        // Click a particle in the UMAP panel: its own z is decoded.
        ExplorerPanel* explorer = window->explorer();
        LatentScatterView* view = explorer->panel(1)->view();
        const std::vector<float> ux = explorer->tables().umapColumn(0), uy = explorer->tables().umapColumn(1);
        const std::size_t particle = 17;
        const QPointF at = view->dataToWidget(ux[particle], uy[particle]);
        const qint64 nearest = view->pointNear(at);
        QVERIFY(nearest >= 0);
        QTest::mouseClick(view, Qt::LeftButton, {}, at.toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 20000);
        QCOMPARE(shown[0][0].toBool(), true);    // preview first
        QCOMPARE(shown[1][0].toBool(), false);   // then the full map
        QVERIFY2(window->statusText().contains(QStringLiteral("16 × 16 × 16")), qPrintable(window->statusText()));
        const QString text = window->mapStage()->decodeText();
        QVERIFY2(text.contains(QStringLiteral("particle %1 ").arg(nearest)), qPrintable(text));
        QVERIFY(window->mapStage()->lastPreviewLatencyMs() > 0);
        qInfo("click → preview shown after %.1f ms (D = 16)", window->mapStage()->lastPreviewLatencyMs());
        // A click on the PCA panel decodes the inverse PCA (no particle named).
        shown.clear();
        LatentScatterView* pca = explorer->panel(0)->view();
        QTest::mouseClick(pca, Qt::LeftButton, {}, pca->plotRect().center());
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 20000);
        QVERIFY2(window->mapStage()->decodeText().contains(QStringLiteral("inverse PCA")), qPrintable(window->mapStage()->decodeText()));
        saveScreenshot(*window, "explorer-click.png");
        // The gallery decodes one thumbnail per k-means cluster; a click shows that map.
        ClusterGallery* gallery = window->explorerController()->clusterGallery();
        QTRY_COMPARE_WITH_TIMEOUT(gallery->thumbnailCount(), explorer->tables().kmeans->clusters, 30000);
    }

    void thumbnailIsTheProjectionAlongZ()
    {
        cryo::Volume v;
        v.nx = v.ny = v.nz = 4;
        v.data.assign(64, 0.f);
        for (int z = 0; z < 4; ++z)
            v.data[std::size_t(z * 16 + 2 * 4 + 1)] = 1.f;   // a rod along z at x = 1, y = 2
        const QImage image = ClusterGallery::projectionImage(v, 4);
        QCOMPARE(image.size(), QSize(4, 4));
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x)   // image rows run top-down, y up
                QCOMPARE(qGray(image.pixel(x, y)), (x == 1 && y == 3 - 2) ? 255 : 0);
    }

    void exportWritesExactlyTheSelection()
    {
        auto window = openWindow();
        QVERIFY(openAndWait(*window, m_run));
        ExplorerPanel* explorer = window->explorer();
        QVERIFY(!window->explorerController()->exportSelection(m_dir.filePath("empty.star"), false));   // nothing selected: refused
        const QPolygonF polygon = leftHalf(explorer->tables());
        explorer->panel(0)->view()->selectRegion(polygon, cryo::SelectionMode::Replace);
        const std::vector<std::size_t> selected = explorer->selection()->current().indices();
        const cryo::ParticleDataset& source = *explorer->particles().dataset;
        for (const char* name : {"sel.star", "sel.cs"}) {
            const QString path = m_dir.filePath(name);
            QVERIFY(window->explorerController()->exportSelection(path, false));
            cryo::ParticleDatasetOptions o;
            o.requireImages = false;
            const auto back = cryo::ParticleDataset::open(path.toStdString(), o);
            QCOMPARE(back.size(), selected.size());
            for (std::size_t k = 0; k < selected.size(); ++k)   // same particles, same order
                QCOMPARE(back.particles()[k].ctf.defocusU, source.particles()[selected[k]].ctf.defocusU);
        }
        QVERIFY(window->explorerController()->exportSelection(m_dir.filePath("sel.txt"), false));
        QCOMPARE(readIndexList(m_dir.filePath("sel.txt")), selected);
        QVERIFY(window->explorerController()->exportSelection(m_dir.filePath("rest.txt"), true));
        QCOMPARE(readIndexList(m_dir.filePath("rest.txt")).size(), kParticles - selected.size());
        QVERIFY(!window->explorerController()->exportSelection(m_dir.filePath("sel.xyz"), false));   // unknown format: an error, no crash
        QVERIFY(!window->explorerController()->exportSelection(m_dir.filePath("no/such/dir/sel.star"), false));
    }

    void sessionRoundTrip()
    {
        const QString session = m_dir.filePath("a.session.h5");
        std::vector<std::size_t> named, current;
        std::array<double, 9> camera{};
        {
            auto window = openWindow();
            QSignalSpy shown(window.get(), &MainWindow::mapShown);
            QVERIFY(openAndWait(*window, m_run));
            ExplorerPanel* explorer = window->explorer();
            explorer->panel(0)->view()->selectRegion(leftHalf(explorer->tables()), cryo::SelectionMode::Replace);
            named = explorer->selection()->current().indices();
            explorer->selection()->addNamedFromCurrent(QStringLiteral("left lobe"), QColor(0x12, 0x34, 0x56));
            explorer->selection()->invertCurrent();
            current = explorer->selection()->current().indices();
            QVERIFY(explorer->setColourKey(1, QStringLiteral("defocus")));
            QVERIFY(explorer->setEmbeddingKey(0, QStringLiteral("z:0,1")));
            QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 20000);   // a map, so that the camera counts
            std::array<double, 9> c{};
            QVERIFY(window->mapStage()->camera(c));
            c[0] += 40;   // move the eye sideways
            window->mapStage()->setCamera(c);
            QVERIFY(window->mapStage()->camera(camera));
            QVERIFY(window->sessions()->saveSession(session));
            QVERIFY(QFile::exists(session));
        }
        auto window = openWindow();
        QSignalSpy shown(window.get(), &MainWindow::mapShown);
        QVERIFY(openAndWait(*window, session));   // by its name, as from the command line
        ExplorerPanel* explorer = window->explorer();
        QVERIFY(explorer);
        QCOMPARE(explorer->selection()->namedCount(), 1);
        QCOMPARE(explorer->selection()->namedName(0), QStringLiteral("left lobe"));
        QCOMPARE(explorer->selection()->namedColour(0), QColor(0x12, 0x34, 0x56));
        QCOMPARE(explorer->selection()->named()[0].set.indices(), named);
        QCOMPARE(explorer->selection()->current().indices(), current);
        QCOMPARE(explorer->embeddingKey(0), QStringLiteral("z:0,1"));
        QCOMPARE(explorer->colourKey(1), QStringLiteral("defocus"));
        QCOMPARE(window->sessions()->sessionPath(), session);
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 2, 20000);
        std::array<double, 9> restored{};
        QVERIFY(window->mapStage()->camera(restored));
        for (int i = 0; i < 9; ++i)
            QVERIFY2(std::abs(restored[std::size_t(i)] - camera[std::size_t(i)]) < 1e-6, qPrintable(QString::number(i)));
        QTest::qWait(1000);   // a few thumbnails, for the picture
        saveScreenshot(*window, "explorer-session-reopened.png");
        // Autosave goes next to the session; a broken session file is reported, not a crash.
        QVERIFY(window->sessions()->autosave());
        QVERIFY(QFile::exists(session + QStringLiteral(".autosave")));
        QFile broken(m_dir.filePath("broken.session.h5"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not hdf5");
        broken.close();
        QVERIFY(!window->sessions()->openSession(broken.fileName()));
    }
};

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);   // else OpenBLAS runs its slow generic kernels here
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("CryoscapeTest");
    QCoreApplication::setApplicationName("tst_explorer");
    TestExplorer test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_explorer.moc"
