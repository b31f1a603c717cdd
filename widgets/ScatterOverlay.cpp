#include "ScatterOverlay.h"

#include <QPainter>
#include <QPen>

namespace {

QPolygonF mapped(const QPolygonF& points, const std::function<QPointF(QPointF)>& toWidget)
{
    QPolygonF out;
    out.reserve(points.size());
    for (const QPointF& p : points)
        out << toWidget(p);
    return out;
}

} // namespace

void paintScatterOverlay(QPainter& painter, const ScatterOverlay& overlay,
                         const std::function<QPointF(QPointF)>& toWidget)
{
    if (overlay.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // A white halo under a dark line reads on every colour map.
    const QPolygonF path = mapped(overlay.path, toWidget);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(path);
    painter.setPen(QPen(QColor(200, 30, 40), 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(path);
    const QPolygonF frames = mapped(overlay.frames, toWidget);
    painter.setPen(QPen(QColor(255, 255, 255), 1.0));
    painter.setBrush(QColor(200, 30, 40));
    for (const QPointF& p : frames)
        painter.drawEllipse(p, 3.0, 3.0);
    painter.setPen(QPen(QColor(20, 20, 20), 1.5));
    painter.setBrush(QColor(255, 210, 0));
    for (const QPointF& p : mapped(overlay.anchors, toWidget))
        painter.drawRect(QRectF(p - QPointF(4.5, 4.5), QSizeF(9, 9)));
    if (overlay.current >= 0 && overlay.current < frames.size()) {
        painter.setPen(QPen(QColor(20, 20, 20), 2.0));
        painter.setBrush(QColor(0, 220, 255));
        painter.drawEllipse(frames[overlay.current], 7.0, 7.0);
    }
    painter.restore();
}

void paintPathInProgress(QPainter& painter, const QPolygonF& anchors, const std::function<QPointF(QPointF)>& toWidget)
{
    if (anchors.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QPolygonF points = mapped(anchors, toWidget);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(20, 20, 20), 1.5, Qt::DashLine));
    painter.drawPolyline(points);
    painter.setPen(QPen(QColor(20, 20, 20), 1.5));
    painter.setBrush(QColor(255, 210, 0));
    for (const QPointF& p : points)
        painter.drawRect(QRectF(p - QPointF(4.5, 4.5), QSizeF(9, 9)));
    painter.restore();
}
