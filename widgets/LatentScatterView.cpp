#include "LatentScatterView.h"

#include "ScatterColours.h"
#include "ScatterDecorations.h"
#include "SelectionModel.h"
#include "analysis/PolygonSelect.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

// 1st and 99th percentile of the finite values: a colour range that outliers do not squash.
std::pair<double, double> robustRange(const std::vector<float>& values)
{
    std::vector<float> finite;
    finite.reserve(values.size());
    for (float v : values)
        if (std::isfinite(v))
            finite.push_back(v);
    if (finite.empty())
        return {0.0, 1.0};
    auto at = [&](double q) {
        auto nth = finite.begin() + std::ptrdiff_t(q * double(finite.size() - 1));
        std::nth_element(finite.begin(), nth, finite.end());
        return double(*nth);
    };
    const double low = at(0.01), high = at(0.99);
    return high > low ? std::pair{low, high} : std::pair{low - 0.5, low + 0.5};
}

} // namespace

LatentScatterView::LatentScatterView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(&m_frameWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_backgroundFrame == m_framesRequested) {   // else a frame drawn here since replaced it
            m_frame = m_frameWatcher.result();
            m_framePending = false;
        }
        update();   // shows it, or asks for the next one when something changed meanwhile
    });
}

std::size_t LatentScatterView::pointCount() const
{
    return m_x && m_y && m_x->size() == m_y->size() ? m_x->size() : 0;
}

void LatentScatterView::setPoints(ScatterColumn x, ScatterColumn y, bool keepView, ScatterOrder order)
{
    if (x == m_x && y == m_y && (!order || order == m_order)) {   // the same points again
        if (!keepView)
            resetView();
        return;
    }
    m_x = std::move(x), m_y = std::move(y);
    m_grid.reset();
    const std::size_t n = pointCount();
    if (!order || order->order.size() != n)
        order = n ? makeRenderOrder(m_x, m_y) : std::make_shared<const ScatterRenderOrder>();
    m_order = std::move(order);
    updatePointColours();
    if (!keepView)
        resetView();
    m_frameDirty = true;
    update();
}

void LatentScatterView::setAxisTitles(const QString& xTitle, const QString& yTitle)
{
    m_xTitle = xTitle, m_yTitle = yTitle;
    update();
}

void LatentScatterView::setColouring(const ScatterColouring& colouring)
{
    const ScatterColouring& c = m_colouring;
    if (c.kind == colouring.kind && c.title == colouring.title && c.labels == colouring.labels &&
        c.values == colouring.values && c.low == colouring.low && c.high == colouring.high)
        return;   // the panels are rebuilt with the same sources (e.g. the particles arrived)
    m_colouring = colouring;
    updatePointColours();
    m_frameDirty = true;
    update();
}

void LatentScatterView::setSelectionModel(SelectionModel* model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &SelectionModel::changed, this, [this] {
            m_frameDirty = true;
            m_regionOutline.clear();
            update();
        });
    m_frameDirty = true;
    update();
}

void LatentScatterView::setPointDescriber(std::function<QString(qint64)> describer)
{
    m_describer = std::move(describer);
}

void LatentScatterView::setTool(Tool tool)
{
    if (tool != Tool::DrawPath)
        cancelPath();
    m_tool = tool;
    setCursor(tool == Tool::Pointer ? Qt::ArrowCursor : Qt::CrossCursor);
}

// The legend of category colours: one entry per label present (labels are small integers,
// e.g. clusters; `present` is indexed by label - low).
void LatentScatterView::updateLegend(std::int64_t low, const std::vector<char>& present)
{
    m_legend.clear();
    bool unassigned = false;   // every negative label is one grey "unassigned" entry
    for (std::size_t k = 0; k < present.size(); ++k) {
        const std::int64_t label = low + std::int64_t(k);
        if (!present[k] || (label < 0 && std::exchange(unassigned, true)))
            continue;
        m_legend.push_back({label < 0 ? tr("unassigned") : tr("%1 %2").arg(m_colouring.title).arg(label),
                            QColor(scattercolours::category(int(label)))});
    }
}

void LatentScatterView::updatePointColours()
{
    m_pointColours.reset();
    m_legend.clear();
    const std::size_t n = pointCount();
    const std::vector<std::uint32_t>& order = m_order->order;
    using Kind = ScatterColouring::Kind;
    if (m_colouring.kind == Kind::Categories && m_colouring.labels && m_colouring.labels->size() == n) {
        // One pass through a table of the labels' range that also marks the labels present
        // (a call per point, or separate passes, cost 2–3× this at 10^6 points on the GUI thread).
        const std::vector<std::int32_t>& labels = *m_colouring.labels;
        const auto [low, high] = labelRange(labels);
        const bool tabled = std::int64_t(high) - low < 65536;   // else one palette call per point
        std::vector<QRgb> palette;
        for (std::int64_t label = low; tabled && label <= high; ++label)
            palette.push_back(scattercolours::category(int(label)));
        std::vector<char> present(tabled ? palette.size() : 0, 0);
        auto colours = std::make_shared<std::vector<QRgb>>(n);
        for (std::size_t k = 0; k < n; ++k) {
            const std::int32_t label = labels[order[k]];
            if (tabled) {
                const std::size_t slot = std::size_t(std::int64_t(label) - low);
                (*colours)[k] = palette[slot];
                present[slot] = 1;
            } else {
                (*colours)[k] = scattercolours::category(label);
            }
        }
        m_pointColours = std::move(colours);
        updateLegend(low, present);
    } else if (m_colouring.kind == Kind::Values && m_colouring.values && m_colouring.values->size() == n) {
        const auto [low, high] = m_colouring.low <= m_colouring.high
                                     ? std::pair{m_colouring.low, m_colouring.high}
                                     : robustRange(*m_colouring.values);
        m_valueLow = low, m_valueHigh = high > low ? high : low + 1.0;
        std::array<QRgb, 256> table;
        for (std::size_t k = 0; k < table.size(); ++k)
            table[k] = scattercolours::viridis(double(k) / 255.0);
        const double scale = 255.0 / (m_valueHigh - m_valueLow);
        auto colours = std::make_shared<std::vector<QRgb>>(n);
        for (std::size_t k = 0; k < n; ++k) {
            const float v = (*m_colouring.values)[order[k]];
            (*colours)[k] = std::isfinite(v) ? table[std::size_t(std::clamp((v - m_valueLow) * scale, 0.0, 255.0))]
                                             : scattercolours::missingValue();
        }
        m_pointColours = std::move(colours);
    }
}

QRect LatentScatterView::plotRect() const
{
    using Kind = ScatterColouring::Kind;
    const bool bar = m_colouring.kind == Kind::Values || m_colouring.kind == Kind::Density;
    const int right = bar ? ScatterDecorations::colourBarMargin() : 16;
    return QRect(QPoint(66, 26), QPoint(std::max(80, width() - right), std::max(60, height() - 50)));
}

QPointF LatentScatterView::dataToWidget(double x, double y) const
{
    const QRect r = plotRect();
    return {r.left() + (x - m_view.left()) / m_view.width() * r.width(),
            r.top() + (m_view.bottom() - y) / m_view.height() * r.height()};
}

QPointF LatentScatterView::widgetToData(QPointF pos) const
{
    const QRect r = plotRect();
    return {m_view.left() + (pos.x() - r.left()) / r.width() * m_view.width(),
            m_view.bottom() - (pos.y() - r.top()) / r.height() * m_view.height()};
}

void LatentScatterView::resetView()
{
    double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
    for (std::size_t i = 0, n = pointCount(); i < n; ++i) {
        const float x = (*m_x)[i], y = (*m_y)[i];
        if (std::isfinite(x) && std::isfinite(y))
            x0 = std::min(x0, double(x)), x1 = std::max(x1, double(x)), y0 = std::min(y0, double(y)),
            y1 = std::max(y1, double(y));
    }
    if (x0 > x1)
        x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    const double padX = std::max((x1 - x0) * 0.04, 1e-6), padY = std::max((y1 - y0) * 0.04, 1e-6);
    setViewRect(QRectF(QPointF(x0 - padX, y0 - padY), QPointF(x1 + padX, y1 + padY)));
}

void LatentScatterView::setViewRect(const QRectF& dataRect)
{
    // Refuse degenerate or non-finite views (zooming far in or out ends at the limits).
    const bool finite = std::isfinite(dataRect.left()) && std::isfinite(dataRect.top())
                        && std::isfinite(dataRect.width()) && std::isfinite(dataRect.height());
    if (!finite || !(dataRect.width() > 1e-12) || !(dataRect.height() > 1e-12) || dataRect.width() > 1e12
        || dataRect.height() > 1e12)
        return;
    m_view = dataRect;
    markViewChanged();
}

void LatentScatterView::markViewChanged()
{
    m_frameDirty = true;
    update();
    Q_EMIT viewChanged(m_view);
}

void LatentScatterView::zoomAt(QPointF widgetPos, double factor)
{
    if (!(factor > 0))
        return;
    const QPointF d = widgetToData(widgetPos);
    const double left = d.x() - (d.x() - m_view.left()) * factor;
    const double top = d.y() - (d.y() - m_view.top()) * factor;
    setViewRect(QRectF(left, top, m_view.width() * factor, m_view.height() * factor));
}

void LatentScatterView::panByPixels(QPointF delta)
{
    const QRect r = plotRect();
    m_view.translate(-delta.x() / r.width() * m_view.width(), delta.y() / r.height() * m_view.height());
    markViewChanged();
}

int LatentScatterView::pointSize() const
{
    const std::size_t n = pointCount();
    return n <= 20000 ? 3 : n <= 200000 ? 2 : 1;
}

// Rasterise in device pixels so that points stay sharp on high-DPI screens.
QSize LatentScatterView::framePixels() const
{
    return (QSizeF(plotRect().size()) * std::max<qreal>(1.0, devicePixelRatioF())).toSize();
}

ScatterFrameRequest LatentScatterView::frameRequest() const
{
    ScatterFrameRequest request;
    request.order = m_order;
    request.x = m_x, request.y = m_y;
    request.colours = m_pointColours;
    if (m_model && m_model->particleCount() == pointCount()) {
        for (const auto& named : m_model->named())
            if (named.visible)
                request.layers.emplace_back(named.set, QRgb(named.colour));
        request.layers.emplace_back(m_model->current(), scattercolours::selectionHighlight().rgb());
    }
    request.viewport = {m_view, framePixels()};
    request.style.densityColours = m_colouring.kind == ScatterColouring::Kind::Density;
    request.pointSize = pointSize();
    return request;
}

bool LatentScatterView::ensureFrame(bool drawHere)
{
    if (!m_frameDirty && !m_framePending && m_frame.image.size() == framePixels())
        return true;
    if (!drawHere && pointCount() > m_backgroundAbove) {
        if (!m_frameWatcher.isRunning()) {   // one at a time: the next is asked for when it arrives
            m_frameDirty = false, m_framePending = true;
            m_backgroundFrame = ++m_framesRequested;
            m_frameWatcher.setFuture(QtConcurrent::run(drawScatterFrame, frameRequest()));
        }
        return false;
    }
    ++m_framesRequested;   // replaces a frame still being drawn in the background
    m_frame = drawScatterFrame(frameRequest());
    m_frameDirty = m_framePending = false;
    return true;
}

const cryo::PointGrid* LatentScatterView::grid() const
{
    if (m_order->grid)   // setPoints keeps only an order of the points' count
        return m_order->grid.get();
    const std::size_t n = pointCount();
    if (!m_grid && n <= kGridOnGuiThread)
        m_grid = std::make_unique<cryo::PointGrid>(std::span<const float>(n ? m_x->data() : nullptr, n),
                                                   std::span<const float>(n ? m_y->data() : nullptr, n));
    return m_grid.get();
}

std::int64_t LatentScatterView::pointNear(QPointF widgetPos, double maxPixels) const
{
    const std::size_t n = pointCount();
    if (n == 0)
        return -1;
    const QRect r = plotRect();
    const QPointF d = widgetToData(widgetPos);
    const double sx = r.width() / m_view.width(), sy = r.height() / m_view.height();
    if (const cryo::PointGrid* g = grid())
        return g->nearest(d.x(), d.y(), sx, sy, maxPixels);
    return cryo::nearestByScan(std::span<const float>(m_x->data(), n), std::span<const float>(m_y->data(), n), d.x(),
                               d.y(), sx, sy, maxPixels);
}

QString LatentScatterView::describePoint(std::int64_t index) const
{
    if (index < 0 || std::size_t(index) >= pointCount())
        return {};
    const auto i = std::size_t(index);
    QString text = tr("Particle %1\n%2 = %3\n%4 = %5")
                       .arg(index)
                       .arg(m_xTitle)
                       .arg(double((*m_x)[i]), 0, 'g', 5)
                       .arg(m_yTitle)
                       .arg(double((*m_y)[i]), 0, 'g', 5);
    using Kind = ScatterColouring::Kind;
    if (m_colouring.kind == Kind::Categories && m_colouring.labels && m_colouring.labels->size() > i)
        text += tr("\n%1: %2").arg(m_colouring.title).arg((*m_colouring.labels)[i]);
    if (m_colouring.kind == Kind::Values && m_colouring.values && m_colouring.values->size() > i)
        text += tr("\n%1: %2").arg(m_colouring.title).arg(double((*m_colouring.values)[i]), 0, 'g', 5);
    if (m_describer) {
        const QString extra = m_describer(index);
        if (!extra.isEmpty())
            text += QLatin1Char('\n') + extra;
    }
    return text;
}
