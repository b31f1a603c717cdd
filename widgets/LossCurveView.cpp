#include "LossCurveView.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double kLogFloor = 1e-12;

// About `count` round tick positions (1, 2, 5 × 10^k apart) covering low..high.
std::vector<double> niceTicks(double low, double high, int count)
{
    std::vector<double> ticks;
    const double span = high - low;
    if (!(span > 0) || !std::isfinite(span))
        return ticks;
    const double raw = span / std::max(1, count);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double step = (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * magnitude;
    for (double t = std::ceil(low / step - 1e-9) * step; t <= high + step * 1e-9; t += step)
        ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    return ticks;
}

// Ticks for a log10 axis (low, high in decades): at 1, 2, 5 × 10^k, or only at powers of
// ten over a wide range, or at every integer mantissa over a narrow one; returned in decades.
std::vector<double> logTicks(double low, double high)
{
    const std::vector<std::vector<double>> mantissas{{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    std::vector<double> ticks;
    for (const auto& set : mantissas) {
        ticks.clear();
        for (double k = std::floor(low); k <= std::ceil(high); ++k)
            for (double m : set) {
                const double t = k + std::log10(m);
                if (t >= low - 1e-9 && t <= high + 1e-9)
                    ticks.push_back(t);
            }
        if (ticks.size() >= 3)
            break;
    }
    if (ticks.size() < 2)
        return niceTicks(low, high, 4);   // less than a factor of two in view
    const std::size_t stride = (ticks.size() + 7) / 8;   // at most 8 labels
    std::vector<double> thinned;
    for (std::size_t i = 0; i < ticks.size(); i += stride)
        thinned.push_back(ticks[i]);
    return thinned;
}

QColor seriesColor(LossCurveView::Series series)
{
    switch (series) {
    case LossCurveView::Series::Loss: return QColor(40, 110, 200);
    case LossCurveView::Series::Mse: return QColor(230, 130, 30);
    case LossCurveView::Series::Kld: return QColor(60, 160, 80);
    }
    return Qt::gray;
}

double valueOf(const cryo::EpochRecord& r, LossCurveView::Series series)
{
    switch (series) {
    case LossCurveView::Series::Loss: return r.loss;
    case LossCurveView::Series::Mse: return r.mse;
    case LossCurveView::Series::Kld: return r.kld;
    }
    return 0;
}

constexpr LossCurveView::Series kAllSeries[] = {LossCurveView::Series::Loss, LossCurveView::Series::Mse,
                                                LossCurveView::Series::Kld};

} // namespace

LossCurveView::LossCurveView(QWidget* parent) : QWidget(parent)
{
    setToolTip(tr("Loss per epoch: the total loss that training minimises, the image error (MSE) and the "
                  "latent regularisation (KL). The hollow marks are the running values of the current epoch."));
}

void LossCurveView::setHistory(const std::vector<cryo::EpochRecord>& history)
{
    m_epochs = history;
    update();
}

void LossCurveView::addEpoch(const cryo::EpochRecord& record)
{
    std::erase_if(m_epochs, [&](const cryo::EpochRecord& r) { return r.epoch >= record.epoch; });
    m_epochs.push_back(record);
    if (m_running && m_running->position <= record.epoch)
        m_running.reset();
    update();
}

void LossCurveView::setRunning(double position, double loss, double mse, double kld)
{
    m_running = RunningPoint{position, loss, mse, kld};
    update();
}

void LossCurveView::clearRunning()
{
    m_running.reset();
    update();
}

void LossCurveView::clear()
{
    m_epochs.clear();
    m_running.reset();
    update();
}

void LossCurveView::setLogScale(bool logScale)
{
    m_logScale = logScale;
    update();
}

void LossCurveView::setTotalEpochs(int epochs)
{
    m_totalEpochs = std::max(0, epochs);
    update();
}

QRectF LossCurveView::plotRect() const
{
    const QFontMetrics fm(font());
    const double left = fm.horizontalAdvance(QStringLiteral("0.0000e-00")) * 0.75 + 8;
    const double bottom = fm.height() * 2 + 6;
    const double top = fm.height() + 10;   // the legend row
    return QRectF(left, top, std::max(10.0, width() - left - 12), std::max(10.0, height() - top - bottom));
}

LossCurveView::Range LossCurveView::xRange() const
{
    double high = m_totalEpochs;
    if (!m_epochs.empty())
        high = std::max(high, double(m_epochs.back().epoch));
    if (m_running)
        high = std::max(high, std::ceil(m_running->position));
    return {0.0, std::max(1.0, high)};
}

double LossCurveView::plotted(double value) const
{
    return m_logScale ? std::log10(std::max(value, kLogFloor)) : value;
}

LossCurveView::Range LossCurveView::yRange() const
{
    double low = std::numeric_limits<double>::infinity(), high = -low;
    auto include = [&](double v) {
        if (!std::isfinite(v) || (m_logScale && v <= 0))
            return;
        low = std::min(low, plotted(v));
        high = std::max(high, plotted(v));
    };
    for (const auto& r : m_epochs)
        for (Series s : kAllSeries)
            include(valueOf(r, s));
    if (m_running) {
        include(m_running->loss);
        include(m_running->mse);
        include(m_running->kld);
    }
    if (!std::isfinite(low))
        return m_logScale ? Range{-3, 0} : Range{0, 1};
    if (!m_logScale)
        low = std::min(low, 0.0);
    const double pad = std::max((high - low) * 0.05, m_logScale ? 0.1 : std::abs(high) * 0.05 + 1e-12);
    return {m_logScale ? low - pad : low, high + pad};
}

QPointF LossCurveView::toWidget(double x, double value) const
{
    const QRectF r = plotRect();
    const Range xr = xRange(), yr = yRange();
    const double tx = (x - xr.low) / (xr.high - xr.low);
    const double ty = (plotted(value) - yr.low) / (yr.high - yr.low);
    return {r.left() + tx * r.width(), r.bottom() - ty * r.height()};
}

bool LossCurveView::drawable(double value) const
{
    return std::isfinite(value) && !(m_logScale && value <= 0);
}

std::vector<QPointF> LossCurveView::epochPoints(Series series) const
{
    std::vector<QPointF> points;
    for (const auto& r : m_epochs)
        if (drawable(valueOf(r, series)))
            points.push_back(toWidget(r.epoch, valueOf(r, series)));
    return points;
}

std::optional<QPointF> LossCurveView::runningPoint(Series series) const
{
    if (!m_running)
        return std::nullopt;
    const cryo::EpochRecord running{0, m_running->loss, m_running->mse, m_running->kld, 0, 0};
    const double v = valueOf(running, series);
    return drawable(v) ? std::optional<QPointF>(toWidget(m_running->position, v)) : std::nullopt;
}

std::vector<QPointF> LossCurveView::seriesPoints(Series series) const
{
    std::vector<QPointF> points = epochPoints(series);
    if (const auto running = runningPoint(series))
        points.push_back(*running);
    return points;
}

void LossCurveView::paintAxes(QPainter& p) const
{
    const QRectF r = plotRect();
    const QFontMetrics fm(font());
    const QColor text = palette().color(QPalette::Text);
    const QColor grid = palette().color(QPalette::Mid);
    const Range xr = xRange(), yr = yRange();
    p.setPen(QPen(grid, 0, Qt::DotLine));
    for (double t : m_logScale ? logTicks(yr.low, yr.high) : niceTicks(yr.low, yr.high, 5)) {
        const double y = r.bottom() - (t - yr.low) / (yr.high - yr.low) * r.height();
        p.setPen(QPen(grid, 0, Qt::DotLine));
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        p.setPen(text);
        const QString label = QString::number(m_logScale ? std::pow(10.0, t) : t, 'g', 3);
        p.drawText(QRectF(0, y - fm.height() / 2.0, r.left() - 5, fm.height()), Qt::AlignRight | Qt::AlignVCenter, label);
    }
    for (double t : niceTicks(xr.low, xr.high, std::max(2, int(r.width() / 60)))) {
        if (std::abs(t - std::round(t)) > 1e-9)
            continue;   // whole epochs only
        const double x = r.left() + (t - xr.low) / (xr.high - xr.low) * r.width();
        p.setPen(text);
        p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4));
        p.drawText(QRectF(x - 30, r.bottom() + 4, 60, fm.height()), Qt::AlignHCenter | Qt::AlignTop, QString::number(t, 'f', 0));
    }
    p.setPen(text);
    p.drawRect(r);
    p.drawText(QRectF(r.left(), r.bottom() + 4 + fm.height(), r.width(), fm.height() + 2), Qt::AlignHCenter,
               m_logScale ? tr("epoch  (loss axis logarithmic)") : tr("epoch"));
}

void LossCurveView::paintLegend(QPainter& p) const
{
    const QFontMetrics fm(font());
    const QString names[] = {tr("loss"), tr("MSE"), tr("KL")};
    double x = plotRect().left();
    const double y = 4 + fm.height() / 2.0;
    for (int i = 0; i < 3; ++i) {
        p.setPen(QPen(seriesColor(kAllSeries[i]), 2));
        p.drawLine(QPointF(x, y), QPointF(x + 18, y));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(x + 22, y + fm.ascent() / 2.0 - 1), names[i]);
        x += 22 + fm.horizontalAdvance(names[i]) + 16;
    }
}

void LossCurveView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing);
    paintAxes(p);
    paintLegend(p);
    p.setClipRect(plotRect().adjusted(-4, -4, 4, 4));
    for (Series s : kAllSeries) {
        const std::vector<QPointF> points = epochPoints(s);
        p.setPen(QPen(seriesColor(s), 2));
        p.setBrush(seriesColor(s));
        QPainterPath path;
        for (std::size_t i = 0; i < points.size(); ++i) {
            i == 0 ? path.moveTo(points[i]) : path.lineTo(points[i]);
            p.drawEllipse(points[i], 2.5, 2.5);
        }
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        if (const auto running = runningPoint(s)) {   // dashed to the running value, hollow mark
            if (!points.empty()) {
                p.setPen(QPen(seriesColor(s), 1.5, Qt::DashLine));
                p.drawLine(points.back(), *running);
            }
            p.setPen(QPen(seriesColor(s), 1.5));
            p.drawEllipse(*running, 4, 4);
        }
    }
}
