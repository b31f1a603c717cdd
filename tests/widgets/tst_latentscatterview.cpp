// The latent scatter view: pixels where points are (and are not), lasso / rectangle through
// real mouse events, zoom/pan mapping, nearest-point click, panels linked by one selection
// model, and the selection panel's commands.
#include "LatentScatterView.h"
#include "ScatterColours.h"
#include "ScatterPanel.h"
#include "SelectionModel.h"
#include "SelectionPanel.h"
#include "analysis/PolygonSelect.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>
#include <random>

namespace {

ScatterColumn column(std::vector<float> v)
{
    return std::make_shared<const std::vector<float>>(std::move(v));
}

// n random points in two blobs around (-2, 0) and (2, 1), fixed seed.
std::pair<ScatterColumn, ScatterColumn> blobs(std::size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.0f, 0.7f);
    std::vector<float> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = (i % 2 ? 2.0f : -2.0f) + g(rng);
        y[i] = (i % 2 ? 1.0f : 0.0f) + g(rng);
    }
    return {column(std::move(x)), column(std::move(y))};
}

QRgb pixelAt(const QImage& image, QPointF pos)
{
    return image.pixel(int(std::floor(pos.x())), int(std::floor(pos.y()))) & 0xffffffu;
}

// Press at the first vertex, move through the others, release at the last one.
void drawLasso(QWidget* widget, const QList<QPoint>& vertices, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(widget, Qt::LeftButton, modifiers, vertices.first());
    for (int k = 1; k < vertices.size(); ++k)
        QTest::mouseMove(widget, vertices[k]);
    QTest::mouseRelease(widget, Qt::LeftButton, modifiers, vertices.last());
}

} // namespace

class TestLatentScatterView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pixelsShowPointsAndBackground()
    {
        LatentScatterView view;
        view.resize(400, 300);
        // (The category legend sits in the top right corner: keep the points away from it.)
        const std::vector<float> px{1, 5, 8}, py{1, 5, 2};
        view.setPoints(column(px), column(py));
        view.setColouring({ScatterColouring::Kind::Categories, "class",
                           std::make_shared<const std::vector<std::int32_t>>(std::vector<std::int32_t>{0, 1, 2}), {}});
        view.setViewRect(QRectF(0, 0, 10, 10));
        const QImage image = view.renderToImage();
        for (int k = 0; k < 3; ++k) {
            const QPointF pos = view.dataToWidget(px[std::size_t(k)], py[std::size_t(k)]);
            QVERIFY(view.plotRect().contains(pos.toPoint()));
            // A single point per pixel is drawn opaque in its category's colour.
            QCOMPARE(pixelAt(image, pos), scattercolours::category(k) & 0xffffffu);
        }
        // Empty plot area is white.
        QCOMPARE(pixelAt(image, view.dataToWidget(1, 8)), 0xffffffu);
        QCOMPARE(pixelAt(image, view.dataToWidget(3, 6)), 0xffffffu);
        QCOMPARE(pixelAt(image, view.dataToWidget(5, 1)), 0xffffffu);
        // y grows upwards.
        QVERIFY(view.dataToWidget(5, 9).y() < view.dataToWidget(5, 1).y());
    }

    // The legend: the labels present once each in label order, negatives as one "unassigned".
    void legendListsTheLabelsPresent()
    {
        LatentScatterView view;
        view.setPoints(column({1, 2, 3, 4, 5, 6}), column({1, 2, 3, 4, 5, 6}));
        view.setColouring({ScatterColouring::Kind::Categories, "class", std::make_shared<const std::vector<std::int32_t>>(std::vector<std::int32_t>{3, -1, 0, -2, 3, 5}), {}});
        QStringList shown, expected;
        for (const auto& [name, colour] : view.legend())
            shown << QStringLiteral("%1 %2").arg(name).arg(colour.rgb() & 0xffffffu);
        for (const auto& [name, label] : std::vector<std::pair<QString, int>>{{"unassigned", -1}, {"class 0", 0}, {"class 3", 3}, {"class 5", 5}})
            expected << QStringLiteral("%1 %2").arg(name).arg(scattercolours::category(label) & 0xffffffu);
        QCOMPARE(shown, expected);
    }

    void densityMakesCrowdedPixelsDarker()
    {
        LatentScatterView view;
        view.resize(300, 300);
        std::vector<float> x(2001, 2.0f), y(2001, 2.0f);
        x[0] = 8.0f, y[0] = 8.0f;  // one lonely point; 2000 on one spot
        view.setPoints(column(x), column(y));
        view.setViewRect(QRectF(0, 0, 10, 10));
        const QImage image = view.renderToImage();
        const QColor crowded(pixelAt(image, view.dataToWidget(2, 2)));
        const QColor lonely(pixelAt(image, view.dataToWidget(8, 8)));
        QVERIFY2(crowded.lightness() < lonely.lightness() && lonely.lightness() < 255,
                 qPrintable(QString("crowded %1, lonely %2").arg(crowded.lightness()).arg(lonely.lightness())));
    }

    // A render order made beforehand (off the GUI thread: RunTables) draws the same pixels as
    // the one the view makes itself; one made for other points (another count) is not used.
    void aRenderOrderHandedOverDrawsTheSame()
    {
        const auto [x, y] = blobs(5000, 3);
        std::vector<std::int32_t> labels(5000);
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = std::int32_t(i % 7);
        const ScatterColouring clusters{ScatterColouring::Kind::Categories, "class",
                                        std::make_shared<const std::vector<std::int32_t>>(labels), {}};
        const ScatterOrder order = makeRenderOrder(x, y);
        QVERIFY(order);
        QCOMPARE(order->order, spatialOrder(*x, *y));
        for (std::size_t k = 0; k < order->order.size(); ++k)
            QVERIFY((*x)[order->order[k]] == order->x[k] && (*y)[order->order[k]] == order->y[k]);
        const auto [fewX, fewY] = blobs(100, 4);
        LatentScatterView own, handed, mismatched;
        own.setPoints(x, y);
        handed.setPoints(x, y, false, order);
        mismatched.setPoints(x, y, false, makeRenderOrder(fewX, fewY));
        for (LatentScatterView* view : {&own, &handed, &mismatched}) {
            view->resize(400, 300);
            view->setColouring(clusters);
        }
        const QImage expected = own.renderToImage();
        QCOMPARE(handed.renderToImage(), expected);
        QCOMPARE(mismatched.renderToImage(), expected);
        QVERIFY(!makeRenderOrder(x, fewY));   // columns of different lengths
    }

    void badInputIsHarmless()
    {
        LatentScatterView view;
        view.resize(300, 300);
        view.setPoints(column({NAN, 1, INFINITY, 2}), column({0, NAN, 1, 2}));
        QVERIFY(view.viewRect().contains(QPointF(2, 2)));  // the one finite point
        view.renderToImage();
        QCOMPARE(view.pointNear(view.dataToWidget(0, 0)), qint64(3));
        view.setPoints(column({1, 2, 3}), column({1, 2}));  // mismatched columns: nothing shown
        QCOMPARE(view.pointCount(), std::size_t(0));
        view.renderToImage();
        QCOMPARE(view.pointNear(QPointF(100, 100)), qint64(-1));
        const QRectF before = view.viewRect();
        view.setViewRect(QRectF(0, 0, NAN, 1));
        view.setViewRect(QRectF(0, 0, 0, 1));
        QCOMPARE(view.viewRect(), before);
        for (int k = 0; k < 400; ++k)
            view.zoomAt(QPointF(150, 150), 0.5);  // stops at the smallest view
        QVERIFY(view.viewRect().width() > 0);
        // A selection model over another particle count is ignored, not applied.
        SelectionModel model;
        model.reset(10);
        view.setPoints(column({1, 2}), column({1, 2}));
        view.setSelectionModel(&model);
        view.selectRegion(QPolygonF({QPointF(0, 0), QPointF(3, 0), QPointF(3, 3)}), cryo::SelectionMode::Add);
        QCOMPARE(model.current().count(), std::size_t(0));
        QVERIFY(!model.canUndo());
        view.renderToImage();
    }

    void zoomAndPanChangeTheMapping()
    {
        LatentScatterView view;
        view.resize(500, 400);
        view.setPoints(column({0, 10}), column({0, 10}));
        view.setViewRect(QRectF(0, 0, 10, 10));
        const QPointF anchor = view.dataToWidget(3, 4);
        const QPointF other = view.dataToWidget(6, 8);
        view.zoomAt(anchor, 0.5);
        QCOMPARE(view.viewRect().width(), 5.0);
        QVERIFY((view.dataToWidget(3, 4) - anchor).manhattanLength() < 1e-6);  // fixed under cursor
        const QPointF zoomed = view.dataToWidget(6, 8);
        QVERIFY(std::abs((zoomed - anchor).x() - 2 * (other - anchor).x()) < 1e-6);
        QVERIFY(std::abs((zoomed - anchor).y() - 2 * (other - anchor).y()) < 1e-6);

        view.panByPixels(QPointF(30, -20));
        QVERIFY((view.dataToWidget(3, 4) - (anchor + QPointF(30, -20))).manhattanLength() < 1e-6);

        // The wheel zooms in around the cursor as well.
        const QRectF before = view.viewRect();
        QWheelEvent wheel(anchor, view.mapToGlobal(anchor), {}, QPoint(0, 120), Qt::NoButton, {},
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(view.viewRect().width() < before.width());
        view.resetView();
        QVERIFY(view.viewRect().contains(QPointF(0, 0)) && view.viewRect().contains(QPointF(10, 10)));
        QVERIFY(view.viewRect().width() < 11.0);

        // A live update (training epoch) keeps the zoom; a new data set fits the view.
        view.setViewRect(QRectF(1, 1, 2, 2));
        view.setPoints(column({0, 20}), column({0, 20}), true);
        QCOMPARE(view.viewRect(), QRectF(1, 1, 2, 2));
        view.setPoints(column({0, 20}), column({0, 20}));
        QVERIFY(view.viewRect().contains(QPointF(20, 20)));
    }

    void clickGivesNearestPoint()
    {
        LatentScatterView view;
        view.resize(600, 450);
        const auto [x, y] = blobs(20000, 5);
        view.setPoints(x, y);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &LatentScatterView::pointClicked);
        const QRect plot = view.plotRect();
        for (const QPoint click : {plot.center(), plot.topLeft() + QPoint(40, 50), plot.bottomRight() - QPoint(90, 20)}) {
            QTest::mouseClick(&view, Qt::LeftButton, {}, click);
            // Brute force over all points in screen distance.
            std::size_t best = 0;
            double bestD = 1e300;
            for (std::size_t i = 0; i < x->size(); ++i) {
                const QPointF d = view.dataToWidget((*x)[i], (*y)[i]) - QPointF(click);
                const double dist = d.x() * d.x() + d.y() * d.y();
                if (dist < bestD)
                    bestD = dist, best = i;
            }
            QCOMPARE(spy.last().at(0).toLongLong(), qint64(best));
            QCOMPARE(spy.last().at(1).toDouble(), double((*x)[best]));
            QVERIFY(view.describePoint(qint64(best)).contains(QString::number(best)));
        }
        QCOMPARE(spy.count(), 3);
        // Hover finds nothing far from every point.
        QCOMPARE(view.pointNear(QPointF(plot.left() + 2, plot.top() + 2), 1.0), qint64(-1));
    }

    // The hover grid is made off the GUI thread with the render order (RunTables): hover and
    // click then pick the particle the view's own grid picks. Without one, above
    // kGridOnGuiThread points, hover is off (no freeze) and a click scans: the same particle.
    void hoverAndClickPickTheSameParticleWithTheGridHandedOver()
    {
        const auto [x, y] = blobs(5000, 6);
        LatentScatterView own, handed;
        own.setPoints(x, y);
        const ScatterOrder order = makeRenderOrder(x, y, true);
        QVERIFY(order->grid);
        QVERIFY(!makeRenderOrder(x, y)->grid);
        handed.setPoints(x, y, false, order);
        own.resize(500, 400), handed.resize(500, 400);
        handed.show();
        QVERIFY(QTest::qWaitForWindowExposed(&handed));
        QVERIFY(own.hoverAvailable() && handed.hoverAvailable());
        const QRect plot = own.plotRect();
        std::mt19937 rng(2);
        for (int k = 0; k < 50; ++k) {
            const QPoint at(plot.left() + int(rng() % unsigned(plot.width())), plot.top() + int(rng() % unsigned(plot.height())));
            QCOMPARE(handed.pointNear(at, 8.0), own.pointNear(at, 8.0));
            QCOMPARE(handed.pointNear(at), own.pointNear(at));
        }
        QSignalSpy hovered(&handed, &LatentScatterView::pointHovered);
        const QPoint onPoint = handed.dataToWidget((*x)[7], (*y)[7]).toPoint();
        QTest::mouseMove(&handed, onPoint);
        QVERIFY(!hovered.isEmpty());
        QCOMPARE(hovered.last().at(0).toLongLong(), own.pointNear(onPoint, 8.0));
        QVERIFY(hovered.last().at(0).toLongLong() >= 0);
    }

    void withoutAGridHoverIsOffAndClicksScan()
    {
        const std::size_t n = LatentScatterView::kGridOnGuiThread + 1;
        const auto [x, y] = blobs(n, 8);
        LatentScatterView bare, handed;
        bare.setPoints(x, y);   // the view sorts them itself; no grid for this many
        handed.setPoints(x, y, false, makeRenderOrder(x, y, true));
        QSignalSpy hovered(&bare, &LatentScatterView::pointHovered), clickedBare(&bare, &LatentScatterView::pointClicked),
            clickedHanded(&handed, &LatentScatterView::pointClicked);
        bare.resize(500, 400), handed.resize(500, 400);
        bare.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bare));
        QVERIFY(!bare.hoverAvailable() && handed.hoverAvailable());
        const QPoint onPoint = bare.dataToWidget((*x)[11], (*y)[11]).toPoint();
        QTest::mouseMove(&bare, onPoint);
        QVERIFY(!hovered.isEmpty());
        QCOMPARE(hovered.last().at(0).toLongLong(), qint64(-1));   // no hover yet: nothing built, nothing shown
        const QList<QPoint> clicks{onPoint, bare.plotRect().center(), bare.plotRect().topLeft() + QPoint(30, 40)};
        for (const QPoint at : clicks)
            QTest::mouseClick(&bare, Qt::LeftButton, {}, at);
        bare.hide();
        handed.show();
        QVERIFY(QTest::qWaitForWindowExposed(&handed));
        for (const QPoint at : clicks)
            QTest::mouseClick(&handed, Qt::LeftButton, {}, at);
        QCOMPARE(clickedBare.count(), 3);
        QCOMPARE(clickedHanded.count(), 3);
        for (int k = 0; k < 3; ++k)
            QCOMPARE(clickedBare.at(k).at(0).toLongLong(), clickedHanded.at(k).at(0).toLongLong());
    }

    void lassoSelectsThePointsInside()
    {
        SelectionModel model;
        LatentScatterView view;
        view.resize(600, 450);
        const auto [x, y] = blobs(50000, 9);
        model.reset(x->size());
        view.setPoints(x, y);
        view.setSelectionModel(&model);
        view.setTool(LatentScatterView::Tool::Lasso);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPoint c = view.plotRect().center();
        const QList<QPoint> lasso{c + QPoint(-150, -100), c + QPoint(10, -120), c + QPoint(40, 60),
                                  c + QPoint(-60, 30), c + QPoint(-170, 90), c + QPoint(-150, -100)};
        QSignalSpy spy(&view, &LatentScatterView::regionSelected);
        drawLasso(&view, lasso);
        QCOMPARE(spy.count(), 1);
        std::vector<cryo::PlanePoint> polygon;
        for (const QPoint& p : lasso) {
            const QPointF d = view.widgetToData(p);
            polygon.push_back({d.x(), d.y()});
        }
        std::size_t expected = 0;
        for (std::size_t i = 0; i < x->size(); ++i) {
            const bool in = cryo::pointInPolygon((*x)[i], (*y)[i], polygon);
            expected += in;
            QCOMPARE(model.current().contains(i), in);
        }
        QVERIFY(expected > 1000);
        QCOMPARE(model.current().count(), expected);

        // Selected points are drawn in the highlight colour.
        const QImage image = view.renderToImage();
        const std::size_t first = model.current().indices().front();
        QCOMPARE(pixelAt(image, view.dataToWidget((*x)[first], (*y)[first])),
                 scattercolours::selectionHighlight().rgb() & 0xffffffu);

        // Ctrl subtracts a rectangle; Shift+Ctrl intersects; undo restores.
        view.setTool(LatentScatterView::Tool::Rectangle);
        const QRect box(c + QPoint(-100, -60), c + QPoint(0, 20));
        drawLasso(&view, {box.topLeft(), box.center(), box.bottomRight()}, Qt::ControlModifier);
        const QPointF d0 = view.widgetToData(box.topLeft()), d1 = view.widgetToData(box.bottomRight());
        std::size_t remaining = 0;
        for (std::size_t i = 0; i < x->size(); ++i) {
            const bool inBox = (*x)[i] >= d0.x() && (*x)[i] <= d1.x() && (*y)[i] <= d0.y() && (*y)[i] >= d1.y();
            const bool inLasso = cryo::pointInPolygon((*x)[i], (*y)[i], polygon);
            if (inBox)
                QVERIFY(!model.current().contains(i));
            remaining += inLasso && !inBox;
        }
        QVERIFY(remaining < expected);
        QVERIFY(std::abs(double(model.current().count()) - double(remaining)) <= 3.0);  // box edges
        model.undo();
        QCOMPARE(model.current().count(), expected);
    }

    void modifiersChooseTheMode_data()
    {
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<int>("mode");
        QTest::newRow("none = replace") << int(Qt::NoModifier) << int(cryo::SelectionMode::Replace);
        QTest::newRow("shift = add") << int(Qt::ShiftModifier) << int(cryo::SelectionMode::Add);
        QTest::newRow("ctrl = subtract") << int(Qt::ControlModifier) << int(cryo::SelectionMode::Subtract);
        QTest::newRow("both = intersect") << int(Qt::ShiftModifier | Qt::ControlModifier)
                                          << int(cryo::SelectionMode::Intersect);
    }
    void modifiersChooseTheMode()
    {
        QFETCH(int, modifiers);
        QFETCH(int, mode);
        SelectionModel model;
        LatentScatterView view;
        view.resize(400, 400);
        // Points on a 20 x 20 grid over [0, 19]².
        std::vector<float> x, y;
        for (int j = 0; j < 20; ++j)
            for (int i = 0; i < 20; ++i)
                x.push_back(float(i)), y.push_back(float(j));
        model.reset(x.size());
        view.setPoints(column(x), column(y));
        view.setSelectionModel(&model);
        view.setViewRect(QRectF(-1, -1, 21, 21));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Start with the left half (x < 10) selected.
        cryo::SelectionSet left(x.size());
        for (std::size_t i = 0; i < x.size(); ++i)
            left.set(i, x[i] < 9.5f);
        model.combineCurrent(left, cryo::SelectionMode::Replace, "left");
        // Rectangle over the bottom half (y < 10).
        view.setTool(LatentScatterView::Tool::Rectangle);
        const QPoint a = view.dataToWidget(-0.5, 9.5).toPoint(), b = view.dataToWidget(19.5, -0.5).toPoint();
        drawLasso(&view, {a, (a + b) / 2, b}, Qt::KeyboardModifiers(modifiers));
        for (std::size_t i = 0; i < x.size(); ++i) {
            const bool inLeft = x[i] < 9.5f, inBottom = y[i] < 9.5f;
            bool expected = inBottom;
            if (mode == int(cryo::SelectionMode::Add)) expected = inLeft || inBottom;
            if (mode == int(cryo::SelectionMode::Subtract)) expected = inLeft && !inBottom;
            if (mode == int(cryo::SelectionMode::Intersect)) expected = inLeft && inBottom;
            QCOMPARE(model.current().contains(i), expected);
        }
    }

    void hoverReportsTheNearbyPoint()
    {
        LatentScatterView view;
        view.resize(400, 300);
        view.setPoints(column({1, 5, 9}), column({1, 5, 2}));
        view.setColouring({ScatterColouring::Kind::Categories, "class",
                           std::make_shared<const std::vector<std::int32_t>>(std::vector<std::int32_t>{4, 7, 2}), {}});
        view.setViewRect(QRectF(0, 0, 10, 10));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &LatentScatterView::pointHovered);
        QTest::mouseMove(&view, (view.dataToWidget(5, 5) + QPointF(3, -2)).toPoint());
        QVERIFY(!spy.isEmpty());
        QCOMPARE(spy.last().at(0).toLongLong(), qint64(1));
        QCOMPARE(view.describePoint(1), QString("Particle 1\nx = 5\ny = 5\nclass: 7"));
        view.setPointDescriber([](qint64 index) { return QString("z = (%1, 0.5)").arg(index * 2); });
        QVERIFY(view.describePoint(1).endsWith("class: 7\nz = (2, 0.5)"));
        QTest::mouseMove(&view, view.dataToWidget(3, 8).toPoint());  // nothing within 8 px
        QCOMPARE(spy.last().at(0).toLongLong(), qint64(-1));
    }

    void linkedPanelsShareTheSelection()
    {
        SelectionModel model;
        const auto [x, y] = blobs(4000, 3);
        model.reset(x->size());
        ScatterPanel left, right;
        left.resize(500, 400), right.resize(500, 400);
        left.setSelectionModel(&model), right.setSelectionModel(&model);
        const QList<ScatterEmbedding> embeddings{{"PCA", "PC1", "PC2", x, y}, {"swapped", "PC2", "PC1", y, x}};
        left.setEmbeddings(embeddings), right.setEmbeddings(embeddings);
        left.show(), right.show();
        QVERIFY(QTest::qWaitForWindowExposed(&right));
        right.setCurrentEmbedding(1);
        QCOMPARE(right.view()->viewRect().left(), left.view()->viewRect().top());

        cryo::SelectionSet region(x->size());
        for (std::size_t i = 0; i < x->size(); i += 2)
            region.set(i);  // the left blob (even indices)
        model.combineCurrent(region, cryo::SelectionMode::Replace, "test");
        const QImage image = right.view()->renderToImage();
        const QRgb highlight = scattercolours::selectionHighlight().rgb() & 0xffffffu;
        int highlighted = 0, checked = 0;
        for (std::size_t i = 0; i < x->size(); i += 97, ++checked)
            highlighted += pixelAt(image, right.view()->dataToWidget((*y)[i], (*x)[i])) == highlight;
        // Even points are all highlighted; odd (unselected) ones only where an even one overlaps.
        QVERIFY2(highlighted >= checked / 2 - 1 && highlighted < checked * 3 / 4,
                 qPrintable(QString("%1 of %2").arg(highlighted).arg(checked)));
    }

    void selectionPanelCommands()
    {
        SelectionModel model;
        model.reset(10);
        SelectionPanel panel(&model);
        auto labels = std::make_shared<const std::vector<std::int32_t>>(std::vector<std::int32_t>{0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
        panel.setClusterLabels(labels);
        panel.setRangeColumns({{"defocus", column({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})}});
        panel.selectCluster(0);
        QCOMPARE(model.current().indices(), (std::vector<std::size_t>{0, 3, 6, 9}));
        panel.saveCurrentAsNamed();
        auto* list = panel.findChild<QTreeWidget*>();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(1), QString("4"));
        QVERIFY(panel.findChildren<QLabel*>().first()->text().contains("4 of 10"));
        panel.selectRange(0, 2.5, 6.5);
        QCOMPARE(model.current().indices(), (std::vector<std::size_t>{3, 4, 5, 6}));

        auto button = [&](const QString& text) {
            for (auto* b : panel.findChildren<QPushButton*>())
                if (b->text() == text)
                    return b;
            return static_cast<QPushButton*>(nullptr);
        };
        button("Invert")->click();
        QCOMPARE(model.current().count(), std::size_t(6));
        button("Undo")->click();
        QCOMPARE(model.current().count(), std::size_t(4));
        QVERIFY(button("Redo")->isEnabled());
        // Rename and hide through the list, as a user would.
        list->topLevelItem(0)->setText(0, "cluster 0");
        QCOMPARE(model.namedName(0), QString("cluster 0"));
        list->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
        QVERIFY(!model.named()[0].visible);
        list->setCurrentItem(list->topLevelItem(0));
        button("Make current")->click();
        QCOMPARE(model.current().count(), std::size_t(4));
        button("Delete")->click();
        QCOMPARE(list->topLevelItemCount(), 0);
        button("Undo")->click();
        QCOMPARE(list->topLevelItemCount(), 1);
    }
};

QTEST_MAIN(TestLatentScatterView)
#include "tst_latentscatterview.moc"
