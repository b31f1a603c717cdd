// Trajectories in the explorer (issue #6) on a real tiny trained run, in the main window
// (under xvfb-run: the window holds the 3D view): PC and k-means trajectories match the core
// functions, a path drawn with clicks snaps its anchors to the nearest particles and follows
// the latent graph, the path is drawn on both linked panels, anchors off the graph's largest
// part move onto it, the drawing keys, the movie hook, and the layout leaves the 3D view room.
// Frames, playing and exports: tst_trajectoryframes.
#include "ExplorerPanel.h"
#include "LatentGraphJob.h"
#include "LatentScatterView.h"
#include "MainWindow.h"
#include "TrajectoryController.h"
#include "ScatterPanel.h"
#include "SelectionModel.h"
#include "support/TinyRun.h"
#include "TrajectoryPanel.h"
#include "VolumeViewer.h"
#include "VtkView.h"
#include "analysis/LatentGraph.h"
#include "analysis/Trajectory.h"
#include "util/BlasEnvironment.h"
#include "util/Error.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <queue>

namespace {

// Particles reachable from `start` in the graph.
std::vector<char> component(const cryo::LatentGraph& graph, std::int64_t start)
{
    std::vector<char> seen(graph.count(), 0);
    std::queue<std::int64_t> todo;
    todo.push(start);
    seen[std::size_t(start)] = 1;
    while (!todo.empty()) {
        const std::int64_t n = todo.front();
        todo.pop();
        for (const auto& e : graph.edges(std::size_t(n)))
            if (!seen[std::size_t(e.to)])
                seen[std::size_t(e.to)] = 1, todo.push(e.to);
    }
    return seen;
}

} // namespace

class TestTrajectory : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_run;

    std::unique_ptr<MainWindow> openWindow(QSize size = {1500, 950}) { return showTinyRunWindow(m_run, size); }

    // The leftmost and rightmost particles on UMAP of the graph's largest connected part.
    static std::pair<std::int64_t, std::int64_t> extremeAnchors(const RunTables& t, const cryo::LatentGraph& graph)
    {
        std::vector<char> largest;
        std::size_t largestSize = 0;
        for (std::size_t start = 0; start < t.count(); start += 7) {
            std::vector<char> c = component(graph, std::int64_t(start));
            const auto size = std::size_t(std::count(c.begin(), c.end(), 1));
            if (size > largestSize)
                largest = std::move(c), largestSize = size;
        }
        if (largestSize < t.count() / 2)
            return {-1, -1};
        const std::vector<float> ux = t.umapColumn(0);
        std::int64_t first = -1, last = -1;
        for (std::size_t i = 0; i < ux.size(); ++i)
            if (largest[i]) {
                if (first < 0 || ux[i] < ux[std::size_t(first)])
                    first = std::int64_t(i);
                if (last < 0 || ux[i] > ux[std::size_t(last)])
                    last = std::int64_t(i);
            }
        return {first, last};
    }

    static QPointF umapWidgetPosition(const RunTables& t, LatentScatterView* view, std::int64_t particle)
    {
        const auto p = std::size_t(particle);
        return view->dataToWidget(t.umap->coordinates[2 * p], t.umap->coordinates[2 * p + 1]);
    }

    // The particle nearest a widget position on the UMAP panel, by screen distance.
    static std::int64_t nearestOnScreen(const RunTables& t, LatentScatterView* view, QPoint at)
    {
        double best = INFINITY;
        std::int64_t nearest = -1;
        for (std::size_t i = 0; i < t.count(); ++i) {
            const QPointF w = umapWidgetPosition(t, view, std::int64_t(i));
            const double d = std::hypot(w.x() - at.x(), w.y() - at.y());
            if (d < best)
                best = d, nearest = std::int64_t(i);
        }
        return nearest;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8());
        m_run = makeTinyRun(m_dir.path());   // a hinge: drawn paths have somewhere to go
        addStandInUmap(m_run, 2);   // z3, z4: positions that do not follow from z1, z2
    }

    void pcTrajectoryMatchesCore_data()
    {
        QTest::addColumn<int>("component");
        QTest::addColumn<int>("points");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("PC1 default") << 0 << 20 << 5.0 << 95.0;
        QTest::newRow("PC2 narrow") << 1 << 7 << 20.0 << 80.0;
    }

    void pcTrajectoryMatchesCore()
    {
        QFETCH(int, component);
        QFETCH(int, points);
        QFETCH(double, low);
        QFETCH(double, high);
        auto window = openWindow();
        QVERIFY(window);
        TrajectoryPanel* panel = window->trajectories()->panel();
        QVERIFY(panel);
        QVERIFY(window->trajectories()->dock()->isVisible());
        panel->setSource(TrajectoryPanel::Source::PcOfZ);
        panel->setPcOptions(component, points, low, high);
        QVERIFY(panel->compute());
        const RunTables& t = window->explorer()->tables();
        const std::vector<float> expected =
            cryo::pcTrajectory(t.latents.mu.data(), t.count(), t.zdim(), component, points, low, high);
        QCOMPARE(panel->trajectory().frameCount(), points);
        QCOMPARE(panel->trajectory().frames, expected);
        // On the PCA 1/2 panel the frames lie on the PC's axis (the other PC at 0), in order.
        const ScatterOverlay& o = window->explorer()->panel(0)->view()->overlay();
        QCOMPARE(o.frames.size(), qsizetype(points));
        const std::vector<float> pc = t.pcaColumn(component);
        const double spread = *std::max_element(pc.begin(), pc.end()) - *std::min_element(pc.begin(), pc.end());
        for (int f = 1; f < points; ++f) {
            const double along = component == 0 ? o.frames[f].x() - o.frames[f - 1].x() : o.frames[f].y() - o.frames[f - 1].y();
            const double across = component == 0 ? o.frames[f].y() : o.frames[f].x();
            QVERIFY2(std::abs(along) > 1e-6 * spread, qPrintable(QString::number(f)));
            QVERIFY2(std::abs(across) < 1e-3 * spread, qPrintable(QString::number(across)));
        }
        // On the UMAP panel: the positions of the particles nearest each frame.
        const ScatterOverlay& u = window->explorer()->panel(1)->view()->overlay();
        QCOMPARE(u.frames.size(), qsizetype(points));
        const std::int64_t p = panel->trajectory().frameParticles.back();
        QCOMPARE(u.frames.back(), QPointF(t.umap->coordinates[std::size_t(2 * p)], t.umap->coordinates[std::size_t(2 * p + 1)]));
    }

    void centreTrajectoryChainsKMeans()
    {
        auto window = openWindow();
        QVERIFY(window);
        TrajectoryPanel* panel = window->trajectories()->panel();
        panel->setSource(TrajectoryPanel::Source::KMeansCentres);
        panel->setStepsPerLeg(3);
        QVERIFY(panel->compute());
        const cryo::KMeansTable& km = *window->explorer()->tables().kmeans;
        std::vector<float> chained;
        for (int c : cryo::chainCentres(km.centers.data(), km.clusters, km.zdim))
            chained.insert(chained.end(), km.centers.begin() + c * km.zdim, km.centers.begin() + (c + 1) * km.zdim);
        QCOMPARE(panel->trajectory().frames, cryo::interpolateAnchors(chained.data(), km.clusters, km.zdim, 3));
        QCOMPARE(panel->trajectory().frameCount(), (km.clusters - 1) * 3 + 1);
        QCOMPARE(window->explorer()->panel(1)->view()->overlay().anchors.size(), qsizetype(km.clusters));
    }

    void selectionMeansTrajectory()
    {
        auto window = openWindow();
        QVERIFY(window);
        TrajectoryPanel* panel = window->trajectories()->panel();
        SelectionModel* model = window->explorer()->selection();
        const RunTables& t = window->explorer()->tables();
        panel->setSource(TrajectoryPanel::Source::SelectionMeans);
        panel->setStepsPerLeg(5);
        QVERIFY(!panel->compute());   // no named selections yet: said so
        QVERIFY2(panel->statusText().contains(QStringLiteral("two named selections")), qPrintable(panel->statusText()));
        // Two selections: left and right of PC 1 = 0 on the PCA panel.
        const std::vector<float> pc1 = t.pcaColumn(0);
        std::vector<std::vector<std::size_t>> groups(2);
        for (std::size_t i = 0; i < pc1.size(); ++i)
            groups[pc1[i] < 0 ? 0 : 1].push_back(i);
        const QPolygonF left({QPointF(-1e3, -1e3), QPointF(0, -1e3), QPointF(0, 1e3), QPointF(-1e3, 1e3)});
        const QPolygonF right({QPointF(0, -1e3), QPointF(1e3, -1e3), QPointF(1e3, 1e3), QPointF(0, 1e3)});
        for (const QPolygonF& region : {left, right}) {
            window->explorer()->panel(0)->view()->selectRegion(region, cryo::SelectionMode::Replace);
            model->addNamedFromCurrent(QStringLiteral("side"), QColor(Qt::red));
        }
        QCOMPARE(model->named()[0].set.indices(), groups[0]);
        QVERIFY(panel->compute());
        std::vector<float> means = t.meanZ(groups[0]);
        const std::vector<float> second = t.meanZ(groups[1]);
        means.insert(means.end(), second.begin(), second.end());
        QCOMPARE(panel->trajectory().frames, cryo::interpolateAnchors(means.data(), 2, t.zdim(), 5));
        QCOMPARE(panel->trajectory().frameCount(), 6);
        QCOMPARE(window->explorer()->panel(0)->view()->overlay().anchors.size(), qsizetype(2));
    }

    void drawnPathFollowsTheGraph()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        TrajectoryPanel* panel = window->trajectories()->panel();
        const RunTables& t = window->explorer()->tables();
        const cryo::LatentGraph graph = cryo::LatentGraph::build(t.latents.mu.data(), t.count(), t.zdim());
        const auto [first, last] = extremeAnchors(t, graph);
        QVERIFY(first >= 0 && last != first);
        LatentScatterView* view = window->explorer()->panel(1)->view();
        view->setTool(LatentScatterView::Tool::DrawPath);
        QSignalSpy drawn(view, &LatentScatterView::pathDrawn);
        std::vector<std::int64_t> clicked;
        for (std::int64_t target : {first, last}) {
            // A click a few pixels off the particle: the anchor is the particle nearest the click.
            const QPoint at = (umapWidgetPosition(t, view, target) + QPointF(2, 1)).toPoint();
            clicked.push_back(nearestOnScreen(t, view, at));
            QTest::mouseClick(view, Qt::LeftButton, {}, at);
        }
        QCOMPARE(view->pathAnchors().size(), qsizetype(2));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(drawn.size(), 1);
        QCOMPARE(panel->source(), TrajectoryPanel::Source::DrawnPath);
        QTRY_VERIFY_WITH_TIMEOUT(panel->trajectory().frameCount() > 0 || panel->statusText().contains("No path"), 20000);
        QCOMPARE(panel->trajectory().anchorParticles, clicked);
        const cryo::LatentPath path = graph.path(clicked);
        QCOMPARE(panel->trajectory().pathParticles, path.nodes);
        QCOMPARE(panel->graphJob()->graph()->cutoff(), graph.cutoff());
        // Frames: path nodes, first and last anchors included, each frame's z its particle's.
        const LatentTrajectory& traj = panel->trajectory();
        QVERIFY(traj.frameCount() >= 2 && traj.frameCount() <= 20);
        QCOMPARE(traj.frameParticles.front(), clicked.front());
        QCOMPARE(traj.frameParticles.back(), clicked.back());
        for (int f = 0; f < traj.frameCount(); ++f) {
            QVERIFY(std::find(path.nodes.begin(), path.nodes.end(), traj.frameParticles[std::size_t(f)]) != path.nodes.end());
            QCOMPARE(traj.frameZ(f), t.zRow(std::size_t(traj.frameParticles[std::size_t(f)])));
        }
        if (const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window->grab().save(QDir(dir).filePath("trajectory-path.png")));
    }

    void pathIsDrawnOnBothPanels()
    {
        auto window = openWindow();
        QVERIFY(window);
        TrajectoryPanel* panel = window->trajectories()->panel();
        const RunTables& t = window->explorer()->tables();
        const cryo::LatentGraph graph = cryo::LatentGraph::build(t.latents.mu.data(), t.count(), t.zdim());
        const auto [first, last] = extremeAnchors(t, graph);
        panel->setPathAnchors({first, last});
        QTRY_VERIFY_WITH_TIMEOUT(panel->trajectory().frameCount() > 0, 20000);
        const cryo::LatentPath path = graph.path({first, last});
        // The polyline on both panels: the nodes' positions in each embedding.
        const ScatterOverlay& onUmap = window->explorer()->panel(1)->view()->overlay();
        const ScatterOverlay& onPca = window->explorer()->panel(0)->view()->overlay();
        QCOMPARE(onUmap.path.size(), qsizetype(path.nodes.size()));
        QCOMPARE(onPca.path.size(), qsizetype(path.nodes.size()));
        const std::vector<float> ux = t.umapColumn(0), uy = t.umapColumn(1), pc1 = t.pcaColumn(0), pc2 = t.pcaColumn(1);
        for (std::size_t k = 0; k < path.nodes.size(); ++k) {
            const std::size_t n = std::size_t(path.nodes[k]);
            QCOMPARE(onUmap.path[qsizetype(k)], QPointF(ux[n], uy[n]));
            QVERIFY(std::abs(onPca.path[qsizetype(k)].x() - pc1[n]) < 1e-4 && std::abs(onPca.path[qsizetype(k)].y() - pc2[n]) < 1e-4);
        }
        QCOMPARE(onPca.anchors.size(), qsizetype(2));
        QCOMPARE(onUmap.frames.size(), qsizetype(panel->trajectory().frameCount()));
        // A new embedding on a panel redraws the path there.
        QVERIFY(window->explorer()->setEmbeddingKey(0, QStringLiteral("z:0,1")));
        const std::size_t n0 = std::size_t(path.nodes.front());
        QCOMPARE(window->explorer()->panel(0)->view()->overlay().path.front(),
                 QPointF(t.latents.mu[n0 * 4], t.latents.mu[n0 * 4 + 1]));
    }

    void doubleClickEndsAndEscCancels()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        const RunTables& t = window->explorer()->tables();
        LatentScatterView* view = window->explorer()->panel(1)->view();
        view->setTool(LatentScatterView::Tool::DrawPath);
        QSignalSpy drawn(view, &LatentScatterView::pathDrawn);
        // A double-click ends a path (its point is the last anchor), once.
        QTest::mouseClick(view, Qt::LeftButton, {}, umapWidgetPosition(t, view, 3).toPoint());
        QTest::mouseDClick(view, Qt::LeftButton, {}, umapWidgetPosition(t, view, 11).toPoint());
        QCOMPARE(drawn.size(), 1);
        const auto anchors = drawn[0][0].value<QList<qint64>>();
        QCOMPARE(anchors, (QList<qint64>{nearestOnScreen(t, view, umapWidgetPosition(t, view, 3).toPoint()),
                                         nearestOnScreen(t, view, umapWidgetPosition(t, view, 11).toPoint())}));
        QVERIFY(view->pathAnchors().isEmpty());
        // Esc cancels a path being drawn; so does another tool.
        QSignalSpy cancelled(view, &LatentScatterView::pathCancelled);
        QTest::mouseClick(view, Qt::LeftButton, {}, view->plotRect().center());
        QCOMPARE(view->pathAnchors().size(), qsizetype(1));
        QTest::keyClick(view, Qt::Key_Escape);
        QVERIFY(view->pathAnchors().isEmpty());
        QTest::mouseClick(view, Qt::LeftButton, {}, view->plotRect().center());
        view->setTool(LatentScatterView::Tool::Pointer);
        QVERIFY(view->pathAnchors().isEmpty());
        QCOMPARE(cancelled.size(), 2);
        QCOMPARE(drawn.size(), 1);
    }

    void anchorsOffTheLargestPartAreMoved()
    {
        auto window = openWindow();
        QVERIFY(window);
        const RunTables& t = window->explorer()->tables();
        const cryo::LatentGraph graph = cryo::LatentGraph::build(t.latents.mu.data(), t.count(), t.zdim());
        const LatentGraphJob::Parts parts = LatentGraphJob::connectedParts(graph);
        // One anchor on the largest part, one off it (if this run's graph has such particles).
        std::int64_t on = -1, off = -1;
        for (std::size_t i = 0; i < t.count(); ++i)
            (parts.of[i] == parts.largest ? on : off) = std::int64_t(i);
        if (off < 0)
            QSKIP("the graph of this run is connected");
        // Independently: the largest part's particle nearest `off` in z.
        double best = INFINITY;
        std::int64_t expected = -1;
        for (std::size_t i = 0; i < t.count(); ++i) {
            if (parts.of[i] != parts.largest)
                continue;
            double d = 0;
            for (int c = 0; c < t.zdim(); ++c)
                d += std::pow(double(t.latents.mu[i * 4 + std::size_t(c)]) - t.latents.mu[std::size_t(off) * 4 + std::size_t(c)], 2);
            if (d < best)
                best = d, expected = std::int64_t(i);
        }
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, graph.path({on, off}));   // as drawn: not connected
        TrajectoryPanel* panel = window->trajectories()->panel();
        panel->setPathAnchors({on, off});
        QTRY_VERIFY_WITH_TIMEOUT(panel->trajectory().frameCount() > 0, 20000);
        QCOMPARE(panel->trajectory().anchorParticles, (std::vector<std::int64_t>{on, expected}));
        QCOMPARE(panel->trajectory().pathParticles, graph.path({on, expected}).nodes);
        QVERIFY2(panel->statusText().contains(QStringLiteral("%1 → %2").arg(off).arg(expected)), qPrintable(panel->statusText()));
        QCOMPARE(window->explorer()->panel(1)->view()->overlay().anchors.size(), qsizetype(2));
    }

    void movieButtonSendsTheFramesToTheMovieDialog()
    {
        auto window = openWindow();
        QVERIFY(window);
        TrajectoryPanel* panel = window->trajectories()->panel();
        QPushButton* movie = nullptr;
        for (QPushButton* b : panel->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Movie…"))
                movie = b;
        QVERIFY(movie);
        QVERIFY(!movie->isEnabled());   // no trajectory yet
        panel->setPcOptions(0, 4, 5, 95);
        QVERIFY(panel->compute());
        QVERIFY(movie->isEnabled());
        // The window opens its (modal) Export Movie dialog from this signal (through the
        // trajectory controller); take its place
        // here to see what it would be given.
        QVERIFY(QObject::disconnect(panel, &TrajectoryPanel::movieRequested, window->trajectories(), nullptr));
        std::vector<float> received;
        int zdim = 0;
        connect(panel, &TrajectoryPanel::movieRequested, this, [&](std::vector<float> z, int d, QString) {
            received = std::move(z);
            zdim = d;
        });
        movie->click();
        QCOMPARE(received, panel->trajectory().frames);
        QCOMPARE(zdim, 4);
    }

    void layoutLeavesTheViewerRoom()
    {
        auto window = openWindow({1600, 1000});
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QAction* menu = findAction(*window, QStringLiteral("&Trajectory…"));
        QVERIFY(menu);
        menu->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window->viewer()->width() >= 600, 5000);
        QVERIFY(window->trajectories()->dock()->isVisible());
        QVERIFY(!window->trajectories()->dock()->visibleRegion().isEmpty());
        QVERIFY(window->explorer()->panel(0)->view()->width() >= 250);
        qInfo("3D view %d × %d px in a 1600 × 1000 window", window->viewer()->width(), window->viewer()->height());
        if (const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window->grab().save(QDir(dir).filePath("trajectory-layout.png")));
    }
};

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("CryoscapeTest");
    QCoreApplication::setApplicationName("tst_trajectory");
    TestTrajectory test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_trajectory.moc"
