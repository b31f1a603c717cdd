#include "ParticleMontage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kCaptionHeight = 16;
constexpr int kNavigationHeight = 36;
}

ParticleMontage::ParticleMontage(QWidget* parent) : QWidget(parent)
{
    m_previous = new QPushButton(tr("◀ Previous"), this);
    m_next = new QPushButton(tr("Next ▶"), this);
    m_pageLabel = new QLabel(this);
    auto* navigation = new QHBoxLayout;
    navigation->addWidget(m_previous);
    navigation->addStretch();
    navigation->addWidget(m_pageLabel);
    navigation->addStretch();
    navigation->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addLayout(navigation);
    connect(m_previous, &QPushButton::clicked, this, [this] { setPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setPage(m_page + 1); });
    setMinimumSize(480, 360);
    loadPage();
}

void ParticleMontage::setSource(ImageSource source)
{
    m_source = std::move(source);
    m_page = -1;
    setPage(0);
}

void ParticleMontage::setGrid(int columns, int rows)
{
    m_columns = std::max(1, columns);
    m_rows = std::max(1, rows);
    m_page = -1;
    setPage(0);
}

int ParticleMontage::pageCount() const
{
    return m_source.count > 0 ? (m_source.count + imagesPerPage() - 1) / imagesPerPage() : 0;
}

void ParticleMontage::setPage(int page)
{
    page = std::clamp(page, 0, std::max(0, pageCount() - 1));
    if (page == m_page)
        return;
    m_page = page;
    loadPage();
}

void ParticleMontage::loadPage()
{
    m_images.clear();
    m_captions.clear();
    const int first = m_page * imagesPerPage();
    const int n = std::min(imagesPerPage(), m_source.count - first);
    if (n > 0 && m_source.read) {
        const std::size_t pixels = std::size_t(m_source.box) * m_source.box;
        std::vector<float> buffer(pixels * std::size_t(n));
        try {
            m_source.read(first, n, buffer.data());
            for (int i = 0; i < n; ++i) {
                m_images.push_back(toGrayImage(buffer.data() + pixels * i, m_source.box));
                m_captions << (m_source.caption ? m_source.caption(first + i) : QString::number(first + i));
            }
        } catch (const std::exception& e) {
            m_images.clear();
            m_captions.clear();
            Q_EMIT readFailed(QString::fromUtf8(e.what()));
        }
    }
    m_pageLabel->setText(pageCount() > 0 ? tr("Page %1 of %2 (images %3–%4 of %5)")
                                               .arg(m_page + 1)
                                               .arg(pageCount())
                                               .arg(first + 1)
                                               .arg(first + std::max(n, 0))
                                               .arg(m_source.count)
                                         : tr("No images"));
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < pageCount());
    update();
}

// Grey levels from mean - 3σ (black) to mean + 3σ (white) of each image, so that noisy
// particles of any scale are visible.
QImage ParticleMontage::toGrayImage(const float* pixels, int box)
{
    const std::size_t n = std::size_t(box) * box;
    double sum = 0, sumSq = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sum += pixels[i];
        sumSq += double(pixels[i]) * pixels[i];
    }
    const double mean = sum / double(n);
    const double sigma = std::sqrt(std::max(1e-20, sumSq / double(n) - mean * mean));
    QImage image(box, box, QImage::Format_Grayscale8);
    for (int y = 0; y < box; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < box; ++x) {
            const double t = (pixels[std::size_t(y) * box + x] - mean) / (6 * sigma) + 0.5;
            line[x] = uchar(std::clamp(t, 0.0, 1.0) * 255.0 + 0.5);
        }
    }
    return image.mirrored(false, true);   // image row 0 is at the bottom, as in RELION's display
}

void ParticleMontage::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const int usableHeight = height() - kNavigationHeight;
    const int cellWidth = width() / m_columns;
    const int cellHeight = usableHeight / m_rows;
    const int side = std::max(8, std::min(cellWidth, cellHeight - kCaptionHeight) - 4);
    for (int i = 0; i < int(m_images.size()); ++i) {
        const int column = i % m_columns, row = i / m_columns;
        const QRect target(column * cellWidth + (cellWidth - side) / 2, row * cellHeight + 2, side, side);
        p.drawImage(target, m_images[std::size_t(i)]);
        p.drawText(QRect(column * cellWidth, target.bottom() + 1, cellWidth, kCaptionHeight),
                   Qt::AlignCenter, m_captions.value(i));
    }
}
