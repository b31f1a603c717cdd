#include "ExplainedVarianceView.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <numeric>

ExplainedVarianceView::ExplainedVarianceView(QWidget* parent) : QWidget(parent) {}

void ExplainedVarianceView::setValues(std::vector<float> variances, double total, const QString& caption)
{
    m_variances = std::move(variances);
    m_total = total > 0 ? total : std::accumulate(m_variances.begin(), m_variances.end(), 0.0);
    m_caption = caption;
    QStringList lines;
    const std::vector<double> percent = percentages();
    for (std::size_t i = 0; i < percent.size(); ++i)
        lines << tr("PC %1: %2 %").arg(i + 1).arg(percent[i], 0, 'f', 1);
    setToolTip(m_caption + QStringLiteral("\n") + lines.join(QLatin1Char('\n')));
    update();
}

std::vector<double> ExplainedVarianceView::percentages() const
{
    std::vector<double> out;
    for (float v : m_variances)
        out.push_back(m_total > 0 ? 100.0 * v / m_total : 0.0);
    return out;
}

void ExplainedVarianceView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const int top = fm.height() + 4, bottom = height() - fm.height() - 2;
    p.setPen(palette().text().color());
    p.drawText(QRect(4, 0, width() - 8, fm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter, m_caption);
    const std::vector<double> percent = percentages();
    if (percent.empty() || bottom <= top)
        return;
    const double highest = std::max(1e-9, *std::max_element(percent.begin(), percent.end()));
    const double slot = double(width() - 8) / double(percent.size());
    const bool labelAll = slot > fm.horizontalAdvance(QStringLiteral("88.8")) + 2;
    for (std::size_t i = 0; i < percent.size(); ++i) {
        const double h = percent[i] / highest * (bottom - top - fm.height());
        const QRectF bar(4 + i * slot + slot * 0.15, bottom - h, slot * 0.7, h);
        p.fillRect(bar, i < 3 ? palette().highlight().color() : palette().highlight().color().lighter(150));
        p.setPen(palette().text().color());
        if (labelAll || i == 0)
            p.drawText(QRectF(bar.left() - slot * 0.15, bar.top() - fm.height(), slot, fm.height()), Qt::AlignCenter,
                       QString::number(percent[i], 'f', percent[i] < 10 ? 1 : 0));
        p.drawText(QRectF(4 + i * slot, bottom + 1, slot, fm.height()), Qt::AlignCenter, QString::number(i + 1));
    }
}
