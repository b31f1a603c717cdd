#include "ScatterDecorations.h"

#include "ScatterColours.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>

#include <cmath>

std::vector<double> niceTicks(double low, double high, int target)
{
    std::vector<double> ticks;
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high) || target < 1)
        return ticks;
    const double raw = (high - low) / target;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= 0.7 * raw) {
            step = m * magnitude;
            break;
        }
    for (double t = std::ceil(low / step) * step; t <= high + step * 1e-9; t += step)
        ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    return ticks;
}

namespace {

QString tickLabel(double value)
{
    return QString::number(value, 'g', 4).replace(QLatin1Char('-'), QChar(0x2212));
}

void paintAxes(QPainter& p, const ScatterDecorations& d)
{
    const QRect& r = d.plot;
    const QFontMetrics fm(p.font());
    p.setPen(QPen(QColor(60, 60, 60), 1));
    p.drawRect(r.adjusted(0, 0, -1, -1));
    const auto sx = r.width() / d.view.width(), sy = r.height() / d.view.height();
    for (double t : niceTicks(d.view.left(), d.view.right(), std::max(3, r.width() / 75))) {
        const int x = r.left() + int(std::lround((t - d.view.left()) * sx));
        p.drawLine(x, r.bottom(), x, r.bottom() + 5);
        const QString text = tickLabel(t);
        p.drawText(x - fm.horizontalAdvance(text) / 2, r.bottom() + 7 + fm.ascent(), text);
    }
    for (double t : niceTicks(d.view.top(), d.view.bottom(), std::max(3, r.height() / 55))) {
        const int y = r.top() + int(std::lround((d.view.bottom() - t) * sy));
        p.drawLine(r.left() - 5, y, r.left(), y);
        const QString text = tickLabel(t);
        p.drawText(r.left() - 8 - fm.horizontalAdvance(text), y + fm.ascent() / 2 - 1, text);
    }
    p.save();
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(r.left(), r.bottom() + 8 + fm.height(), r.width(), fm.height() + 4),
               Qt::AlignHCenter | Qt::AlignTop, d.xTitle);
    p.save();
    p.translate(r.left() - 46, r.center().y());
    p.rotate(-90);
    p.drawText(QRect(-r.height() / 2, -fm.height(), r.height(), fm.height() + 4),
               Qt::AlignHCenter | Qt::AlignBottom, d.yTitle);
    p.restore();
    p.restore();
}

void paintColourBar(QPainter& p, const ScatterDecorations& d)
{
    const QRect bar(d.plot.right() + 16, d.plot.top() + 18, 14, std::max(20, d.plot.height() - 18));
    QImage ramp(1, bar.height(), QImage::Format_RGB32);
    for (int row = 0; row < bar.height(); ++row)
        ramp.setPixel(0, row, scattercolours::viridis(1.0 - double(row) / std::max(1, bar.height() - 1)));
    p.drawImage(bar, ramp);
    p.setPen(QColor(60, 60, 60));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    const QFontMetrics fm(p.font());
    p.drawText(QRect(bar.left() - 12, d.plot.top(), ScatterDecorations::colourBarMargin() - 8, 16),
               Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(d.colourTitle, Qt::ElideRight, 88));
    const double low = d.logColourBar ? 0.0 : d.colourLow;
    const double high = d.logColourBar ? std::log10(std::max(d.colourHigh, 1.0)) : d.colourHigh;
    if (!(high > low))
        return;
    for (double t : niceTicks(low, high, std::max(2, bar.height() / 50))) {
        if (d.logColourBar && std::abs(t - std::round(t)) > 1e-9)
            continue;  // decades only
        const int y = bar.bottom() - int(std::lround((t - low) / (high - low) * (bar.height() - 1)));
        p.drawLine(bar.right(), y, bar.right() + 4, y);
        const QString text = d.logColourBar ? QString::number(std::pow(10.0, t), 'g', 6) : tickLabel(t);
        p.drawText(bar.right() + 7, y + fm.ascent() / 2 - 1, text);
    }
}

void paintLegend(QPainter& p, const ScatterDecorations& d)
{
    const QFontMetrics fm(p.font());
    const int shown = int(std::min<std::size_t>(d.legend.size(), 12));
    int width = 0;
    for (int k = 0; k < shown; ++k)
        width = std::max(width, fm.horizontalAdvance(d.legend[std::size_t(k)].first));
    const int rowH = fm.height() + 2;
    const int rows = shown + (d.legend.size() > std::size_t(shown) ? 1 : 0);
    const QRect box(d.plot.right() - width - 36, d.plot.top() + 6, width + 30, rows * rowH + 8);
    p.setPen(QColor(180, 180, 180));
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRect(box);
    for (int k = 0; k < shown; ++k) {
        const auto& [name, colour] = d.legend[std::size_t(k)];
        const int y = box.top() + 4 + k * rowH;
        p.fillRect(QRect(box.left() + 6, y + 3, 10, rowH - 6), colour);
        p.setPen(QColor(40, 40, 40));
        p.drawText(box.left() + 22, y + fm.ascent() + 1, name);
    }
    if (rows > shown)
        p.drawText(box.left() + 22, box.top() + 4 + shown * rowH + fm.ascent() + 1,
                   QCoreApplication::translate("ScatterDecorations", "… %1 more").arg(d.legend.size() - std::size_t(shown)));
}

} // namespace

void ScatterDecorations::paint(QPainter& painter) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    paintAxes(painter, *this);
    if (colourBar)
        paintColourBar(painter, *this);
    if (!legend.empty())
        paintLegend(painter, *this);
    painter.setPen(QColor(40, 40, 40));
    painter.drawText(QRect(plot.left(), 0, plot.width(), plot.top() - 2), Qt::AlignLeft | Qt::AlignVCenter,
                     status);
    painter.restore();
}
