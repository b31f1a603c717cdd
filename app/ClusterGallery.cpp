#include "ClusterGallery.h"

#include "MapDecoder.h"
#include "RunTables.h"

#include <QHBoxLayout>
#include <QImage>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int kThumbnail = 96;   // pixels
}

ClusterGallery::ClusterGallery(std::shared_ptr<const RunTables> tables, QWidget* parent)
    : QWidget(parent), m_tables(std::move(tables)), m_decoder(new MapDecoder(this)), m_list(new QListWidget(this)),
      m_select(new QPushButton(tr("Select Cluster"), this))
{
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumbnail, kThumbnail));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setSpacing(4);
    m_list->setToolTip(tr("Map at each k-means cluster's centre particle; click to show it"));
    m_select->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list, 1);
    auto* bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(m_select);
    layout->addLayout(bar);

    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int k = item->data(Qt::UserRole).toInt();
        const std::int64_t particle = m_tables->kmeans->centerParticles[std::size_t(k)];
        m_select->setEnabled(true);
        Q_EMIT mapRequested(m_tables->zRow(std::size_t(particle)),
                            tr("cluster %1 · particle %2 (nearest the centre)").arg(k).arg(particle), particle);
    });
    connect(m_select, &QPushButton::clicked, this, [this] {
        if (currentCluster() >= 0)
            Q_EMIT clusterSelectRequested(currentCluster());
    });
    connect(m_decoder, &MapDecoder::mapReady, this,
            [this](std::shared_ptr<const cryo::Volume> map, bool preview, quint64 tag, double) {
                if (!preview || !map || int(tag) != m_next)
                    return;
                const int k = int(tag);
                auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(projectionImage(*map, kThumbnail))),
                                                 tr("%1 (%2)").arg(k).arg(std::count(m_tables->kmeans->labels.begin(),
                                                                                     m_tables->kmeans->labels.end(), k)),
                                                 m_list);
                item->setData(Qt::UserRole, k);
                ++m_next;
                decodeNext();
            });
    m_decoder->openRun(m_tables->runDir);
    decodeNext();
}

void ClusterGallery::decodeNext()
{
    const auto& centres = m_tables->kmeans->centerParticles;
    if (m_next >= int(centres.size())) {
        Q_EMIT allDecoded();
        return;
    }
    m_decoder->request(m_tables->zRow(std::size_t(centres[std::size_t(m_next)])), quint64(m_next), /*previewOnly=*/true);
}

int ClusterGallery::thumbnailCount() const { return m_list->count(); }

int ClusterGallery::currentCluster() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : -1;
}

QImage ClusterGallery::projectionImage(const cryo::Volume& map, int size)
{
    const int nx = map.nx, ny = map.ny, nz = map.nz;
    std::vector<double> sum(std::size_t(nx) * std::size_t(ny), 0.0);
    for (int z = 0; z < nz; ++z)
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] += map.data[std::size_t(z) * sum.size() + i];
    const auto [lo, hi] = std::minmax_element(sum.begin(), sum.end());
    const double low = sum.empty() ? 0 : *lo, range = sum.empty() ? 1 : std::max(1e-12, *hi - *lo);
    QImage image(nx, ny, QImage::Format_Grayscale8);
    for (int y = 0; y < ny; ++y) {
        uchar* row = image.scanLine(ny - 1 - y);   // y up, as in the 3D view
        for (int x = 0; x < nx; ++x)
            row[x] = uchar(std::clamp(255.0 * (sum[std::size_t(y) * std::size_t(nx) + std::size_t(x)] - low) / range, 0.0, 255.0));
    }
    return image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}
