#include "LatentPreview.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {
constexpr std::size_t kMaxPoints = 20000;   // evenly strided subset above this: painting stays cheap
}

LatentPreview::LatentPreview(QWidget* parent) : QWidget(parent)
{
    setToolTip(tr("Where each particle sits in the first two latent dimensions, updated after every epoch. "
                  "Groups and paths appearing here are the conformations the model is learning."));
}

void LatentPreview::setLatents(const std::vector<float>& zMu, int zdim, int epoch)
{
    m_points.clear();
    m_zdim = zdim;
    m_epoch = epoch;
    const std::size_t count = zdim > 0 ? zMu.size() / std::size_t(zdim) : 0;
    const std::size_t stride = std::max<std::size_t>(1, (count + kMaxPoints - 1) / kMaxPoints);
    double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
    for (std::size_t i = 0; i < count; i += stride) {
        const float* z = zMu.data() + i * std::size_t(zdim);
        const double x = zdim >= 2 ? z[0] : double(i);
        const double y = zdim >= 2 ? z[1] : z[0];
        if (!std::isfinite(x) || !std::isfinite(y))
            continue;
        m_points.emplace_back(x, y);
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
    m_bounds = m_points.empty() ? QRectF() : QRectF(QPointF(x0, y0), QPointF(x1, y1));
    update();
}

void LatentPreview::clear()
{
    m_points.clear();
    m_zdim = -1;
    m_epoch = 0;
    update();
}

void LatentPreview::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    p.setPen(palette().color(QPalette::Text));
    const QRectF title(4, 2, width() - 8, fm.height());
    if (m_zdim < 0 || (m_zdim > 0 && m_points.empty())) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("The latent space appears here after the first epoch."));
        return;
    }
    if (m_zdim == 0) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Homogeneous model: no latent space."));
        return;
    }
    p.drawText(title, Qt::AlignLeft, m_zdim >= 2 ? tr("z₁ vs z₂ · epoch %1").arg(m_epoch) : tr("z₁ by particle · epoch %1").arg(m_epoch));
    const QRectF area = QRectF(rect()).adjusted(6, fm.height() + 6, -6, -6);
    const double w = std::max(m_bounds.width(), 1e-9), h = std::max(m_bounds.height(), 1e-9);
    QColor dot = palette().color(QPalette::Highlight);
    dot.setAlphaF(m_points.size() > 2000 ? 0.25 : 0.6);
    p.setPen(Qt::NoPen);
    p.setBrush(dot);
    for (const QPointF& z : m_points) {
        const double x = area.left() + (z.x() - m_bounds.left()) / w * area.width();
        const double y = area.bottom() - (z.y() - m_bounds.top()) / h * area.height();
        p.drawRect(QRectF(x - 1, y - 1, 2, 2));
    }
}
