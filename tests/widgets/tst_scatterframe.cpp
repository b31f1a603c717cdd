// Scatter frames drawn on a worker thread (above LatentScatterView's point count): until the
// frame arrives the view says it is not current (no painted()), then it shows exactly what
// a frame drawn on the GUI thread shows, after data, zoom and selection changes alike;
// renderToImage never waits; a view destroyed while its frame is drawn is not reached by it.
#include "LatentScatterView.h"
#include "SelectionModel.h"

#include <QSignalSpy>
#include <QThreadPool>
#include <QtTest>

#include <random>

namespace {

ScatterColumn column(std::vector<float> v)
{
    return std::make_shared<const std::vector<float>>(std::move(v));
}

// n points in three blobs with their blob as label, fixed seed.
struct Points {
    ScatterColumn x, y;
    ScatterLabels labels;
};
Points threeBlobs(std::size_t n)
{
    std::mt19937 rng(5);
    std::normal_distribution<float> g(0.0f, 0.6f);
    std::vector<float> x(n), y(n);
    std::vector<std::int32_t> labels(n);
    for (std::size_t i = 0; i < n; ++i) {
        labels[i] = std::int32_t(i % 3);
        x[i] = 2.5f * float(labels[i]) + g(rng);
        y[i] = float(labels[i] % 2) + g(rng);
    }
    return {column(std::move(x)), column(std::move(y)),
            std::make_shared<const std::vector<std::int32_t>>(std::move(labels))};
}

// A view of the points, coloured by blob, linked to `model`, shown at a fixed size.
void setUp(LatentScatterView& view, const Points& points, SelectionModel& model)
{
    view.resize(420, 320);
    view.setPoints(points.x, points.y);
    ScatterColouring colouring;
    colouring.kind = ScatterColouring::Kind::Categories;
    colouring.title = QStringLiteral("blob");
    colouring.labels = points.labels;
    view.setColouring(colouring);
    view.setSelectionModel(&model);
}

// The same points in two views linked to one model: one draws its frames on a worker thread
// (above 1,000 points), the other on the GUI thread.
struct TwoViews {
    Points points = threeBlobs(6000);
    SelectionModel model;
    LatentScatterView background, here;
    TwoViews()
    {
        model.reset(6000);
        background.setFramesInBackgroundAbove(1000);
        setUp(background, points, model);
        setUp(here, points, model);
    }
};

// Paints `view` now; true when that paint showed the current frame.
bool paintShowedCurrentFrame(LatentScatterView& view)
{
    const std::size_t before = view.currentFramesPainted();
    view.repaint();
    return view.currentFramesPainted() > before;
}

} // namespace

class TestScatterFrame : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void backgroundFramesEqualFramesDrawnHere()
    {
        TwoViews views;
        LatentScatterView &background = views.background, &here = views.here;
        background.show(), here.show();
        QVERIFY(QTest::qWaitForWindowExposed(&background));
        QVERIFY(QTest::qWaitForWindowExposed(&here));

        auto expectSame = [&](const char* step) {
            QTRY_VERIFY_WITH_TIMEOUT(paintShowedCurrentFrame(background), 20000);
            QVERIFY(paintShowedCurrentFrame(here));
            const QImage a = background.grab().toImage(), b = here.grab().toImage();
            if (a != b)
                QFAIL(qPrintable(QStringLiteral("%1: the background frame differs").arg(QLatin1String(step))));
        };

        // The data: the first paint cannot show the points yet.
        QSignalSpy painted(&background, &LatentScatterView::painted);
        background.repaint();
        if (background.currentFramesPainted() == 0) {   // the worker may be quicker than repaint()
            QCOMPARE(painted.count(), 0);
            QCOMPARE(background.lastRasterMs(), 0.0);
        }
        expectSame("first frame");
        QVERIFY(painted.count() > 0);
        QVERIFY(background.lastRasterMs() > 0);

        // A zoom: both views the same view rectangle, then the same frame.
        background.zoomAt(QPointF(200, 160), 0.5);
        here.setViewRect(background.viewRect());
        expectSame("zoomed");

        // A selection (the model both share) is drawn on top in the highlight colour.
        cryo::SelectionSet region(6000);
        for (std::size_t i = 0; i < 6000; i += 3)
            region.set(i);
        views.model.combineCurrent(region, cryo::SelectionMode::Replace, QStringLiteral("blob 0"));
        expectSame("selected");

        // A resize: a new frame of the new size.
        background.resize(500, 360), here.resize(500, 360);
        expectSame("resized");
    }

    void renderToImageDrawsAtOnce()
    {
        TwoViews views;
        LatentScatterView &background = views.background, &here = views.here;
        background.zoomAt(QPointF(150, 120), 0.7);
        here.setViewRect(background.viewRect());
        QCOMPARE(background.renderToImage(), here.renderToImage());
        QVERIFY(background.lastRasterMs() > 0);
    }

    void viewDestroyedWhileItsFrameIsDrawn()
    {
        const Points points = threeBlobs(300000);
        SelectionModel model;
        model.reset(300000);
        for (int k = 0; k < 5; ++k) {
            auto* view = new LatentScatterView;
            setUp(*view, points, model);
            view->show();
            view->repaint();   // 300,000 points: drawn on a worker
            QCOMPARE(view->currentFramesPainted(), std::size_t(0));
            delete view;
        }
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();   // a frame arriving now has nowhere to go: no crash
    }
};

QTEST_MAIN(TestScatterFrame)
#include "tst_scatterframe.moc"
