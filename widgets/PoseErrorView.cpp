#include "PoseErrorView.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

const QColor kRotationColour(40, 110, 200);
const QColor kShiftColour(200, 90, 40);

// The smallest 1, 2 or 5 × 10^k at or above value (1 for value ≤ 0).
double roundUp(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= value * (1 - 1e-12))
            return m * magnitude;
    return 10 * magnitude;
}

} // namespace

PoseErrorView::PoseErrorView(QWidget* parent) : QWidget(parent)
{
    setToolTip(tr("How far the poses found so far are from the true ones (synthetic data only): the median "
                  "rotation error in degrees (blue, left axis) and the median shift error in pixels (orange, "
                  "right axis) after each epoch. Filled marks: epochs that searched the poses."));
}

void PoseErrorView::addEpoch(const Point& point)
{
    if (!(point.rotationDeg >= 0) || !(point.shiftPx >= 0))
        return;
    std::erase_if(m_points, [&](const Point& p) { return p.epoch >= point.epoch; });
    m_points.push_back(point);
    update();
}

void PoseErrorView::clear()
{
    m_points.clear();
    update();
}

void PoseErrorView::setTotalEpochs(int epochs)
{
    m_totalEpochs = std::max(0, epochs);
    update();
}

QRectF PoseErrorView::plotRect() const
{
    const QFontMetrics fm(font());
    const double side = fm.horizontalAdvance(QStringLiteral("000°")) + 8;
    const double top = fm.height() + 8, bottom = fm.height() + 8;
    return QRectF(side, top, std::max(10.0, width() - 2 * side), std::max(10.0, height() - top - bottom));
}

double PoseErrorView::xHigh() const
{
    const double last = m_points.empty() ? 0.0 : double(m_points.back().epoch);
    return std::max({1.0, double(m_totalEpochs), last});
}

double PoseErrorView::yHigh(bool shift) const
{
    double high = 0;
    for (const Point& p : m_points)
        high = std::max(high, shift ? p.shiftPx : p.rotationDeg);
    return shift ? roundUp(high) : std::min(roundUp(high), 180.0);   // no rotation is further than 180°
}

std::vector<QPointF> PoseErrorView::seriesPoints(bool shift) const
{
    const QRectF r = plotRect();
    const double xh = xHigh(), yh = yHigh(shift);
    std::vector<QPointF> points;
    for (const Point& p : m_points) {
        const double value = shift ? p.shiftPx : p.rotationDeg;
        points.emplace_back(r.left() + double(p.epoch) / xh * r.width(),
                            r.bottom() - std::min(value / yh, 1.0) * r.height());
    }
    return points;
}

void PoseErrorView::paintAxes(QPainter& p) const
{
    const QRectF r = plotRect();
    const QFontMetrics fm(font());
    const QColor text = palette().color(QPalette::Text);
    p.setPen(QPen(palette().color(QPalette::Mid), 0, Qt::DotLine));
    p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
    p.setPen(text);
    p.drawRect(r);
    const auto label = [](double v) { return QString::number(v, 'g', 3); };
    const double rot = yHigh(false), shift = yHigh(true);
    const double h = fm.height();
    p.setPen(kRotationColour);
    p.drawText(QRectF(0, r.top() - h / 2, r.left() - 4, h), Qt::AlignRight | Qt::AlignVCenter, label(rot) + "°");
    p.drawText(QRectF(0, r.bottom() - h / 2, r.left() - 4, h), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0°"));
    p.setPen(kShiftColour);
    p.drawText(QRectF(r.right() + 4, r.top() - h / 2, width() - r.right() - 4, h), Qt::AlignLeft | Qt::AlignVCenter,
               label(shift) + tr(" px"));
    p.drawText(QRectF(r.right() + 4, r.bottom() - h / 2, width() - r.right() - 4, h),
               Qt::AlignLeft | Qt::AlignVCenter, tr("0 px"));
    p.setPen(text);
    p.drawText(QRectF(r.left(), r.bottom() + 2, r.width(), h), Qt::AlignHCenter | Qt::AlignTop,
               tr("epoch (1 … %1)").arg(xHigh(), 0, 'f', 0));
    p.drawText(QRectF(r.left(), 2, r.width(), h), Qt::AlignHCenter | Qt::AlignTop,
               tr("median pose error: rotation (°), shift (px)"));
}

void PoseErrorView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing);
    paintAxes(p);
    for (const bool shift : {false, true}) {
        const QColor colour = shift ? kShiftColour : kRotationColour;
        const std::vector<QPointF> points = seriesPoints(shift);
        QPainterPath path;
        for (std::size_t i = 0; i < points.size(); ++i)
            i == 0 ? path.moveTo(points[i]) : path.lineTo(points[i]);
        p.setPen(QPen(colour, 2, shift ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(QPen(colour, 1.5));
        for (std::size_t i = 0; i < points.size(); ++i) {
            p.setBrush(m_points[i].searched ? QBrush(colour) : QBrush(palette().color(QPalette::Base)));
            p.drawEllipse(points[i], 3, 3);
        }
    }
}
