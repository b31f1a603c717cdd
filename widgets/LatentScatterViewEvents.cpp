// LatentScatterView: painting and mouse / keyboard interaction.
#include "LatentScatterView.h"

#include "ScatterColours.h"
#include "ScatterDecorations.h"
#include "SelectionModel.h"
#include "analysis/PolygonSelect.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace {

cryo::SelectionMode modeFor(Qt::KeyboardModifiers modifiers)
{
    const bool shift = modifiers & Qt::ShiftModifier, ctrl = modifiers & Qt::ControlModifier;
    if (shift && ctrl)
        return cryo::SelectionMode::Intersect;
    if (shift)
        return cryo::SelectionMode::Add;
    if (ctrl)
        return cryo::SelectionMode::Subtract;
    return cryo::SelectionMode::Replace;
}

} // namespace

// The frame in the plot rectangle; a frame of another view (drawn before a zoom, pan or
// resize, the current one still being drawn) moved and scaled to where its data are now.
void LatentScatterView::paintFrame(QPainter& painter, const QRect& plot) const
{
    if (m_frame.image.isNull())
        return;
    if (m_frame.view == m_view) {
        painter.drawImage(QRectF(plot), m_frame.image);
        return;
    }
    const QRectF view = m_frame.view;   // top() is the smallest y: the bottom edge on screen
    const QRectF target = QRectF(dataToWidget(view.left(), view.bottom()), dataToWidget(view.right(), view.top()));
    painter.save();
    painter.setClipRect(plot);
    painter.fillRect(plot, Qt::white);
    painter.drawImage(target.normalized(), m_frame.image);
    painter.restore();
}

void LatentScatterView::paintEvent(QPaintEvent*)
{
    const bool current = ensureFrame(m_drawHere);
    QPainter p(this);
    p.fillRect(rect(), QColor(250, 250, 250));
    const QRect plot = plotRect();
    paintFrame(p, plot);

    ScatterDecorations d;
    d.plot = plot;
    d.view = m_view;
    d.xTitle = m_xTitle, d.yTitle = m_yTitle;
    using Kind = ScatterColouring::Kind;
    d.colourBar = m_colouring.kind == Kind::Values || m_colouring.kind == Kind::Density;
    d.colourTitle = m_colouring.kind == Kind::Density ? tr("points / pixel") : m_colouring.title;
    d.logColourBar = m_colouring.kind == Kind::Density;
    d.colourLow = d.logColourBar ? 1.0 : m_valueLow;
    d.colourHigh = d.logColourBar ? double(std::max<std::uint32_t>(m_frame.maxCount, 1)) : m_valueHigh;
    d.legend = m_legend;
    const QLocale locale;
    d.status = tr("%1 particles").arg(locale.toString(qulonglong(pointCount())));
    if (m_model && m_model->particleCount() == pointCount() && pointCount() > 0)
        d.status += tr("  ·  %1 selected").arg(locale.toString(qulonglong(m_model->current().count())));
    d.paint(p);

    if (m_regionOutline.size() >= 3 && m_outline.isEmpty()) {
        QPolygonF outline;
        for (const QPointF& d : m_regionOutline)
            outline << dataToWidget(d.x(), d.y());
        p.setRenderHint(QPainter::Antialiasing);
        p.setClipRect(plot);
        p.setPen(QPen(QColor(20, 20, 20), 1.2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(outline);
    }
    if (m_outline.size() >= 2) {
        p.setRenderHint(QPainter::Antialiasing);
        p.setClipRect(plot);
        p.setPen(QPen(QColor(20, 20, 20), 1.5, Qt::DashLine));
        p.setBrush(QColor(0, 0, 0, 20));
        p.drawPolygon(m_outline);
    }
    paintOverlays(p);
    if (current) {
        ++m_currentPaints;
        Q_EMIT painted();
    }
}

void LatentScatterView::paintOverlays(QPainter& painter)
{
    if (m_overlay.isEmpty() && m_pathAnchors.isEmpty())
        return;
    painter.save();
    painter.setClipRect(plotRect());
    const auto toWidget = [this](QPointF d) { return dataToWidget(d.x(), d.y()); };
    paintScatterOverlay(painter, m_overlay, toWidget);
    QPolygonF anchors;
    for (qint64 i : m_pathAnchors)
        if (i >= 0 && std::size_t(i) < pointCount())
            anchors << QPointF((*m_x)[std::size_t(i)], (*m_y)[std::size_t(i)]);
    paintPathInProgress(painter, anchors, toWidget);
    painter.restore();
}

void LatentScatterView::setOverlay(const ScatterOverlay& overlay)
{
    m_overlay = overlay;
    update();
}

void LatentScatterView::finishPath()
{
    const QList<qint64> anchors = std::exchange(m_pathAnchors, {});
    update();
    if (!anchors.isEmpty())
        Q_EMIT pathDrawn(anchors);
}

void LatentScatterView::cancelPath()
{
    const bool had = !m_pathAnchors.isEmpty();
    m_pathAnchors.clear();
    update();
    if (had)
        Q_EMIT pathCancelled();
}

void LatentScatterView::resizeEvent(QResizeEvent*)
{
    m_frameDirty = true;
}

void LatentScatterView::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = m_lastPos = event->position();
    if (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton) {
        m_drag = Drag::Pan;
    } else if (event->button() == Qt::LeftButton) {
        m_drag = m_tool == Tool::Lasso ? Drag::Lasso : m_tool == Tool::Rectangle ? Drag::Rectangle : Drag::MaybeClick;
        m_outline.clear();
        if (m_drag == Drag::Lasso)
            m_outline << m_pressPos;
    }
}

void LatentScatterView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    switch (m_drag) {
    case Drag::None:
        showHover(pos, event->globalPosition());
        return;
    case Drag::MaybeClick:
        if ((pos - m_pressPos).manhattanLength() <= 4)
            return;
        m_drag = Drag::Pan;
        [[fallthrough]];
    case Drag::Pan:
        panByPixels(pos - m_lastPos);
        break;
    case Drag::Lasso:
        if (m_outline.isEmpty() || QLineF(m_outline.last(), pos).length() >= 2.0)
            m_outline << pos;
        update();
        break;
    case Drag::Rectangle:
        m_outline = QPolygonF(QRectF(m_pressPos, pos).normalized());
        update();
        break;
    }
    m_lastPos = pos;
}

void LatentScatterView::mouseReleaseEvent(QMouseEvent* event)
{
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (drag == Drag::MaybeClick && event->button() == Qt::LeftButton) {
        const std::int64_t index = pointNear(event->position());
        if (index >= 0 && m_tool == Tool::DrawPath) {
            if (m_pathAnchors.isEmpty() || m_pathAnchors.last() != index)   // a double-click's second click
                m_pathAnchors << index;
            update();
            Q_EMIT pathAnchorsChanged(m_pathAnchors);
        } else if (index >= 0) {
            Q_EMIT pointClicked(index, (*m_x)[std::size_t(index)], (*m_y)[std::size_t(index)]);
        }
    } else if (drag == Drag::Lasso || drag == Drag::Rectangle) {
        if (drag == Drag::Lasso)
            m_outline << event->position();
        finishRegion(event->modifiers());
    }
}

void LatentScatterView::finishRegion(Qt::KeyboardModifiers modifiers)
{
    const QPolygonF outline = std::exchange(m_outline, {});
    update();
    if (outline.size() < 3 || pointCount() == 0)
        return;
    QPolygonF dataPolygon;
    for (const QPointF& pos : outline)
        dataPolygon << widgetToData(pos);
    selectRegion(dataPolygon, modeFor(modifiers), m_tool == Tool::Rectangle ? tr("Rectangle") : tr("Lasso"));
}

void LatentScatterView::selectRegion(const QPolygonF& dataPolygon, cryo::SelectionMode mode,
                                     const QString& description)
{
    const std::size_t n = pointCount();
    std::vector<cryo::PlanePoint> polygon;
    for (const QPointF& d : dataPolygon)
        polygon.push_back({d.x(), d.y()});
    const cryo::SelectionSet region =
        cryo::selectInPolygon(std::span<const float>(n ? m_x->data() : nullptr, n),
                              std::span<const float>(n ? m_y->data() : nullptr, n), polygon);
    if (m_model && m_model->particleCount() == n)
        m_model->combineCurrent(region, mode, description.isEmpty() ? tr("Region") : description);
    m_regionOutline = dataPolygon;  // after the model's changed() cleared the old one
    update();
    Q_EMIT regionSelected(region, mode, dataPolygon);
}

void LatentScatterView::showHover(QPointF pos, QPointF globalPos)
{
    // Without a grid (millions of points, none handed over) a scan per mouse move would
    // cost ~2 ms: no hover then; clicks still find their point.
    const std::int64_t index = plotRect().contains(pos.toPoint()) && hoverAvailable() ? pointNear(pos, 8.0) : -1;
    if (index >= 0)
        QToolTip::showText(globalPos.toPoint(), describePoint(index), this);
    else
        QToolTip::hideText();
    Q_EMIT pointHovered(index);
}

void LatentScatterView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_tool == Tool::Pointer)
        resetView();
    else if (event->button() == Qt::LeftButton && m_tool == Tool::DrawPath) {
        m_drag = Drag::None;   // the release that follows must not start a new path
        // The double-click's point is the last anchor (already added when its first click
        // was released; synthetic double-clicks may come without that release).
        const std::int64_t index = pointNear(event->position());
        if (index >= 0 && (m_pathAnchors.isEmpty() || m_pathAnchors.last() != index))
            m_pathAnchors << index;
        finishPath();
    }
}

void LatentScatterView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomAt(event->position(), std::pow(0.8, steps));
    event->accept();
}

void LatentScatterView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Home || event->key() == Qt::Key_R) {
        resetView();
    } else if (m_tool == Tool::DrawPath && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        finishPath();
    } else if (m_tool == Tool::DrawPath && event->key() == Qt::Key_Escape && m_drag == Drag::None) {
        cancelPath();
    } else if (event->key() == Qt::Key_Escape && m_drag != Drag::None) {
        m_drag = Drag::None;
        m_outline.clear();
        update();
    } else {
        QWidget::keyPressEvent(event);
    }
}

void LatentScatterView::leaveEvent(QEvent*)
{
    Q_EMIT pointHovered(-1);
}

QImage LatentScatterView::renderToImage()
{
    QImage image(size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    m_drawHere = true;
    render(&image);
    m_drawHere = false;
    return image;
}
