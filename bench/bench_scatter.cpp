// Latent scatter timings (printed, never asserted), 1,000,000 points by default:
//   full redraw (rasterise + paint the widget into an image) after a pan and after a zoom,
//   for categorical, continuous and density colouring; a 50-vertex lasso (selection
//   alone, 1 and 2 threads, and the whole edit: model + undo step + redraw).
// bench_scatter [--points N] [--png demo.png]: --png also writes a demo screenshot of two
// linked panels and the selection panel (run with QT_QPA_PLATFORM=offscreen or under Xvfb).
#include "LatentScatterView.h"
#include "ScatterPanel.h"
#include "SelectionModel.h"
#include "SelectionPanel.h"
#include "ScatterRaster.h"
#include "analysis/PointGrid.h"
#include "analysis/PolygonSelect.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QSplitter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <thread>

namespace {

struct Synthetic {
    ScatterColumn pc1, pc2, umap1, umap2, defocus;
    ScatterLabels clusters;
};

// Five Gaussian clusters plus a curved "hinge" trajectory; a UMAP-like second embedding
// that spreads the clusters; defocus uncorrelated with both.
Synthetic makeData(std::size_t n)
{
    std::mt19937 rng(42);
    std::normal_distribution<float> g(0.0f, 1.0f);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    const float cx[5] = {-3.0f, 2.5f, 0.5f, 4.0f, -1.0f}, cy[5] = {-1.0f, 2.0f, -3.0f, -1.5f, 3.0f};
    const float spread[5] = {0.55f, 0.4f, 0.7f, 0.3f, 0.45f};
    std::vector<float> x(n), y(n), ux(n), uy(n), df(n);
    std::vector<std::int32_t> label(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 4 == 3) {  // the curve: label 5
            const float t = u(rng);
            x[i] = -4.0f + 8.0f * t + 0.12f * g(rng);
            y[i] = 2.5f * std::sin(3.0f * t) - 2.0f + 0.12f * g(rng);
            label[i] = 5;
        } else {
            const int k = int(rng() % 5);
            x[i] = cx[k] + spread[k] * g(rng);
            y[i] = cy[k] + spread[k] * g(rng);
            label[i] = k;
        }
        ux[i] = 6.0f * std::tanh(0.45f * x[i]) + 0.3f * g(rng);
        uy[i] = 6.0f * std::tanh(0.45f * y[i]) + 0.8f * std::sin(1.3f * x[i]);
        df[i] = 15000.0f + 6000.0f * u(rng);
    }
    auto col = [](std::vector<float>& v) { return std::make_shared<const std::vector<float>>(std::move(v)); };
    return {col(x), col(y), col(ux), col(uy), col(df),
            std::make_shared<const std::vector<std::int32_t>>(std::move(label))};
}

struct Timing {
    double median, best;
};

template <class F>
Timing timeRuns(int runs, F&& f)
{
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        f(r);
        ms.push_back(double(timer.nsecsElapsed()) * 1e-6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front()};
}

void benchRedraw(const Synthetic& data, const ScatterColouring& colouring, const char* name)
{
    LatentScatterView view;
    view.resize(1000, 700);
    view.setPoints(data.pc1, data.pc2);
    view.setColouring(colouring);
    view.renderToImage();  // warm-up
    double rasterMs = 0;
    const Timing pan = timeRuns(15, [&](int r) {
        view.panByPixels(QPointF(r % 2 ? -7 : 7, 3));
        view.renderToImage();
        rasterMs += view.lastRasterMs();
    });
    const double panRaster = rasterMs / 15;
    rasterMs = 0;
    const QPointF centre = view.plotRect().center();
    const Timing zoom = timeRuns(15, [&](int r) {
        view.zoomAt(centre, r % 2 ? 1.25 : 0.8);
        view.renderToImage();
        rasterMs += view.lastRasterMs();
    });
    std::printf("redraw %-11s pan: median %6.1f ms (best %5.1f, raster %5.1f)   zoom: median %6.1f ms (best %5.1f, raster %5.1f)\n",
                name, pan.median, pan.best, panRaster, zoom.median, zoom.best, rasterMs / 15);
}

// The rasteriser's passes alone (no widget): where a redraw's time goes.
void benchRasterPasses(const Synthetic& data)
{
    ScatterRaster raster;
    const ScatterRaster::Viewport viewport{QRectF(-6, -6, 12, 12), QSize(840, 625)};
    std::vector<QRgb> colours(data.pc1->size());
    for (std::size_t i = 0; i < colours.size(); ++i)
        colours[i] = 0x1f77b4 + QRgb((*data.clusters)[i]) * 0x101010;
    const Timing acc = timeRuns(15, [&](int) { raster.accumulate(*data.pc1, *data.pc2, colours, viewport, 1); });
    QElapsedTimer timer;
    timer.start();
    const auto order = spatialOrder(*data.pc1, *data.pc2);
    std::vector<float> x(order.size()), y(order.size());
    std::vector<QRgb> c(order.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        x[k] = (*data.pc1)[order[k]], y[k] = (*data.pc2)[order[k]], c[k] = colours[order[k]];
    const double orderMs = double(timer.nsecsElapsed()) * 1e-6;
    const Timing sorted = timeRuns(15, [&](int) { raster.accumulate(x, y, c, viewport, 1); });
    ScatterRaster::Style style;
    QImage image;
    const Timing compose = timeRuns(15, [&](int) { image = raster.compose(style); });
    std::printf("raster passes 840x625: accumulate in particle order median %5.1f ms (best %5.1f), in spatial order "
                "%5.1f ms (best %5.1f; ordering once: %.0f ms), compose median %5.1f ms (best %5.1f)\n",
                acc.median, acc.best, sorted.median, sorted.best, orderMs, compose.median, compose.best);
}

// Hover / click: building the nearest-point grid, then single queries.
void benchNearest(const Synthetic& data)
{
    QElapsedTimer timer;
    timer.start();
    const cryo::PointGrid grid(*data.pc1, *data.pc2);
    const double buildMs = double(timer.nsecsElapsed()) * 1e-6;
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> where(-6.0, 6.0);
    std::int64_t sum = 0;
    timer.restart();
    const int queries = 20000;
    for (int q = 0; q < queries; ++q)
        sum += grid.nearest(where(rng), where(rng), 70.0, 50.0, 8.0);
    std::printf("nearest point: grid build %.1f ms, %.2f us per hover query (checksum %lld)\n", buildMs,
                double(timer.nsecsElapsed()) * 1e-3 / queries, static_cast<long long>(sum));
}

std::vector<cryo::PlanePoint> lasso50()
{
    std::vector<cryo::PlanePoint> polygon;
    for (int k = 0; k < 50; ++k) {
        const double a = 2 * M_PI * k / 50, r = 2.6 + 0.8 * std::sin(5 * a);
        polygon.push_back({0.5 + r * std::cos(a), 0.0 + r * std::sin(a)});
    }
    return polygon;
}

void benchLasso(const Synthetic& data)
{
    const auto polygon = lasso50();
    const std::span<const float> x(*data.pc1), y(*data.pc2);
    std::size_t selected = 0;
    for (int threads : {1, 2}) {
        const Timing t = timeRuns(15, [&](int) { selected = cryo::selectInPolygon(x, y, polygon, threads).count(); });
        std::printf("lasso 50 vertices, %d thread(s): median %5.1f ms (best %5.1f), %zu of %zu selected\n",
                    threads, t.median, t.best, selected, x.size());
    }
    // The whole user-visible edit: region, model + undo snapshot, overlay and repaint.
    SelectionModel model;
    model.reset(x.size());
    LatentScatterView view;
    view.resize(1000, 700);
    view.setPoints(data.pc1, data.pc2);
    view.setSelectionModel(&model);
    view.renderToImage();
    const Timing edit = timeRuns(15, [&](int r) {
        const auto region = cryo::selectInPolygon(x, y, polygon);
        model.combineCurrent(region, r % 2 ? cryo::SelectionMode::Subtract : cryo::SelectionMode::Replace, "Lasso");
        view.renderToImage();
    });
    std::printf("lasso edit + selection redraw: median %5.1f ms (best %5.1f)\n", edit.median, edit.best);
}

void writeDemo(const Synthetic& data, const QString& path)
{
    SelectionModel model;
    model.reset(data.pc1->size());
    QWidget window;
    window.resize(1500, 640);
    auto* layout = new QHBoxLayout(&window);
    auto* left = new ScatterPanel(&window);
    auto* right = new ScatterPanel(&window);
    auto* panel = new SelectionPanel(&model, &window);
    const QList<ScatterEmbedding> embeddings{{"PCA", "PC 1", "PC 2", data.pc1, data.pc2},
                                             {"UMAP", "UMAP 1", "UMAP 2", data.umap1, data.umap2}};
    const QList<ScatterColourSource> colours{
        {"k-means", {ScatterColouring::Kind::Categories, "cluster", data.clusters, {}}},
        {"density", {ScatterColouring::Kind::Density, {}, {}, {}}},
        {"defocus", {ScatterColouring::Kind::Values, QString::fromUtf8("defocus (Å)"), {}, data.defocus}}};
    for (ScatterPanel* p : {left, right}) {
        p->setSelectionModel(&model);
        p->setEmbeddings(embeddings);
        p->setColourSources(colours);
        layout->addWidget(p, 3);
    }
    right->setCurrentEmbedding(1);
    right->setCurrentColourSource(1);
    panel->setClusterLabels(data.clusters);
    panel->setRangeColumns({{"defocus", data.defocus}, {"PC 1", data.pc1}});
    layout->addWidget(panel, 1);
    // A named selection from a cluster, and a lasso as the current selection.
    panel->selectCluster(1);
    model.addNamedFromCurrent("open state");
    QPolygonF lasso;
    for (const auto& p : lasso50())
        lasso << QPointF(p.x, p.y);
    left->view()->selectRegion(lasso, cryo::SelectionMode::Replace, "Lasso");
    window.show();
    QApplication::processEvents();
    const bool ok = window.grab().save(path);
    std::printf("demo screenshot %s: %s\n", qPrintable(path), ok ? "written" : "FAILED");
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::size_t n = 1000000;
    QString png;
    const QStringList args = app.arguments();
    for (int k = 1; k + 1 < args.size(); ++k) {
        if (args[k] == "--points")
            n = args[k + 1].toULongLong();
        if (args[k] == "--png")
            png = args[k + 1];
    }
    std::printf("bench_scatter: %zu points, widget 1000x700, %u hardware threads\n", n,
                std::thread::hardware_concurrency());
    QElapsedTimer timer;
    timer.start();
    const Synthetic data = makeData(n);
    std::printf("synthetic data: %.0f ms\n", double(timer.nsecsElapsed()) * 1e-6);
    benchRedraw(data, {ScatterColouring::Kind::Categories, "cluster", data.clusters, {}}, "categories");
    benchRedraw(data, {ScatterColouring::Kind::Values, "defocus", {}, data.defocus}, "values");
    benchRedraw(data, {ScatterColouring::Kind::Density, {}, {}, {}}, "density");
    benchRedraw(data, {}, "plain");
    benchRasterPasses(data);
    benchLasso(data);
    benchNearest(data);
    if (!png.isEmpty())
        writeDemo(data, png);
    return 0;
}
