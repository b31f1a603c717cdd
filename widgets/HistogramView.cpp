#include "HistogramView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

HistogramView::HistogramView(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(60);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Histogram of map values (log scale). Click or drag to set the contour level."));
}

void HistogramView::setHistogram(const cryo::Histogram& histogram)
{
    m_histogram = histogram;
    update();
}

void HistogramView::setLevel(double level)
{
    m_level = level;
    update();
}

double HistogramView::valueAt(double x) const
{
    const double t = std::clamp(x / std::max(1, width() - 1), 0.0, 1.0);
    return m_histogram.low + t * (double(m_histogram.high) - m_histogram.low);
}

double HistogramView::xOf(double value) const
{
    const double range = double(m_histogram.high) - m_histogram.low;
    return range > 0 ? (value - m_histogram.low) / range * (width() - 1) : 0.0;
}

void HistogramView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_histogram.counts.empty())
        return;
    p.setRenderHint(QPainter::Antialiasing);
    const auto maxCount = *std::max_element(m_histogram.counts.begin(), m_histogram.counts.end());
    const double logMax = std::log1p(double(maxCount));
    const double binWidth = double(width()) / double(m_histogram.counts.size());
    QPainterPath path(QPointF(0, height()));
    for (std::size_t i = 0; i < m_histogram.counts.size(); ++i) {
        const double h = logMax > 0 ? std::log1p(double(m_histogram.counts[i])) / logMax : 0.0;
        const double y = height() - h * (height() - 4);
        path.lineTo(i * binWidth, y);
        path.lineTo((i + 1) * binWidth, y);
    }
    path.lineTo(width(), height());
    path.closeSubpath();
    p.fillPath(path, palette().highlight().color().lighter(130));
    p.setPen(QPen(palette().highlight().color(), 1));
    p.drawPath(path);

    const double x = xOf(m_level);
    p.setPen(QPen(QColor(220, 60, 40), 2));
    p.drawLine(QPointF(x, 0), QPointF(x, height()));
}

void HistogramView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && !m_histogram.counts.empty())
        Q_EMIT levelPicked(valueAt(event->position().x()));
}

void HistogramView::mouseMoveEvent(QMouseEvent* event)
{
    if ((event->buttons() & Qt::LeftButton) && !m_histogram.counts.empty())
        Q_EMIT levelPicked(valueAt(event->position().x()));
}
