#include "FscPlot.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kLowest = -0.2, kHighest = 1.0;   // FSC range shown

} // namespace

FscPlot::FscPlot(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void FscPlot::setCurves(std::vector<Curve> curves)
{
    m_curves = std::move(curves);
    update();
}

QRectF FscPlot::plotRect() const
{
    const QFontMetrics fm = fontMetrics();
    const double left = fm.horizontalAdvance(QStringLiteral("-0.0")) + 12, bottom = 2.2 * fm.height() + 6;
    return QRectF(left, 8, std::max(10.0, width() - left - 10), std::max(10.0, height() - bottom - 8));
}

double FscPlot::maxFrequency() const
{
    double most = 0;
    for (const Curve& c : m_curves)
        if (!c.fsc.values.empty())
            most = std::max(most, c.fsc.frequency(c.fsc.shellCount() - 1));
    return most > 0 ? most : 0.5;
}

QPointF FscPlot::toWidget(double frequency, double fsc) const
{
    const QRectF r = plotRect();
    const double x = r.left() + r.width() * frequency / maxFrequency();
    const double y = r.bottom() - r.height() * (std::clamp(fsc, kLowest, kHighest) - kLowest) / (kHighest - kLowest);
    return {x, y};
}

std::vector<QPointF> FscPlot::curvePoints(std::size_t index) const
{
    std::vector<QPointF> points;
    if (index >= m_curves.size())
        return points;
    const cryo::FscCurve& fsc = m_curves[index].fsc;
    for (std::size_t s = 0; s < fsc.shellCount(); ++s)
        points.push_back(toWidget(fsc.frequency(s), fsc.values[s]));
    return points;
}

void FscPlot::paintAxes(QPainter& p) const
{
    const QRectF r = plotRect();
    const QFontMetrics fm = fontMetrics();
    p.setPen(palette().color(QPalette::Mid));
    for (double v : {0.0, 0.5, 1.0}) {
        const double y = toWidget(0, v).y();
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        p.drawText(QRectF(0, y - fm.height() / 2.0, r.left() - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(v, 'f', 1));
    }
    p.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    for (double threshold : {0.143, 0.5})
        p.drawLine(toWidget(0, threshold), toWidget(maxFrequency(), threshold));
    // Ticks at round resolutions (Å) between 2 × Nyquist's and Nyquist.
    p.setPen(palette().color(QPalette::Text));
    const double nyquist = 1.0 / maxFrequency();
    for (double resolution : {50.0, 30.0, 20.0, 15.0, 10.0, 8.0, 6.0, 5.0, 4.0, 3.0, 2.5, 2.0}) {
        if (resolution < nyquist || 1.0 / resolution < 0.05 * maxFrequency())
            continue;
        const double x = toWidget(1.0 / resolution, 0).x();
        p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4));
        p.drawText(QRectF(x - 30, r.bottom() + 4, 60, fm.height()), Qt::AlignHCenter, QString::number(resolution));
    }
    p.drawText(QRectF(r.left(), r.bottom() + 4 + fm.height(), r.width(), fm.height()), Qt::AlignHCenter,
               tr("resolution (Å)"));
    p.drawRect(r);
}

void FscPlot::paintLegend(QPainter& p) const
{
    const QRectF r = plotRect();
    const QFontMetrics fm = fontMetrics();
    double y = r.top() + 4;
    for (const Curve& c : m_curves) {
        const double x = r.right() - fm.horizontalAdvance(c.label) - 28;
        p.setPen(QPen(c.colour, 2));
        p.drawLine(QPointF(x, y + fm.height() / 2.0), QPointF(x + 18, y + fm.height() / 2.0));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(x + 22, y + fm.ascent()), c.label);
        y += fm.height() + 2;
    }
}

void FscPlot::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    paintAxes(p);
    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        const std::vector<QPointF> points = curvePoints(i);
        if (points.size() < 2)
            continue;
        QPainterPath path(points.front());
        for (std::size_t k = 1; k < points.size(); ++k)
            path.lineTo(points[k]);
        p.setPen(QPen(m_curves[i].colour, 2));
        p.drawPath(path);
    }
    paintLegend(p);
    if (m_curves.empty()) {
        p.setPen(palette().color(QPalette::Mid));
        p.drawText(plotRect(), Qt::AlignCenter, tr("No FSC yet"));
    }
}
