#include "LandscapePanel.h"

#include "ClusterGallery.h"
#include "ExplainedVarianceView.h"
#include "LatentScatterView.h"
#include "ProgressValue.h"
#include "RunTables.h"
#include "ScatterPanel.h"
#include "SelectionModel.h"
#include "analysis/PolygonSelect.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kThumbnail = 80;     // pixels
constexpr int kStepsPerSigma = 4;  // slider resolution: ¼ σ
constexpr int kSigmas = 2;         // slider range: ±2 σ

ScatterColumn column(std::vector<float> values) { return std::make_shared<const std::vector<float>>(std::move(values)); }

std::vector<float> pcColumn(const cryo::LandscapeTable& t, int c)
{
    std::vector<float> out(t.count);
    for (std::size_t i = 0; i < t.count; ++i)
        out[i] = t.volumePc[i * std::size_t(t.components) + std::size_t(c)];
    return out;
}

} // namespace

LandscapePanel::LandscapePanel(std::shared_ptr<const RunTables> tables, SelectionModel* selection, QWidget* parent)
    : QWidget(parent), m_tables(std::move(tables)), m_selection(selection)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_progressText = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop the landscape analysis (nothing is stored)"));
    m_compute = new QPushButton(tr("Run Landscape…"), this);
    m_compute->setToolTip(tr("Decode volumes across the latent space, cluster them and find their principal "
                             "components (Analysis → Landscape…)"));
    connect(m_cancel, &QPushButton::clicked, this, &LandscapePanel::cancelRequested);
    connect(m_compute, &QPushButton::clicked, this, &LandscapePanel::computeRequested);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_progressText);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addWidget(m_compute);

    m_scatter = new ScatterPanel(this);
    m_scatter->setSelectionModel(m_selection);
    m_scatter->view()->setPointDescriber([this](qint64 i) { return describeParticle(i); });
    m_variance = new ExplainedVarianceView(this);
    m_variance->setToolTip(tr("Explained variance of the volume PCs"));
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_variance, 1);
    sideLayout->addWidget(buildAlongPc());
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_scatter);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(buildGallery());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    showIdle();   // and, with no state yet, fills the panel with the "no analysis yet" advice
}

QWidget* LandscapePanel::buildAlongPc()
{
    auto* box = new QGroupBox(tr("Volumes along a volume PC"), this);
    m_pc = new QComboBox(box);
    m_pc->setToolTip(tr("Which volume PC to move along"));
    m_along = new QSlider(Qt::Horizontal, box);
    m_along->setRange(-kSigmas * kStepsPerSigma, kSigmas * kStepsPerSigma);
    m_along->setTracking(false);   // one map per release, not one per pixel dragged
    m_along->setToolTip(tr("Mean volume plus this many standard deviations of the sketch volumes along the PC"));
    m_alongText = new QLabel(box);
    m_alongText->setWordWrap(true);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_pc);
    layout->addWidget(m_along);
    layout->addWidget(m_alongText);
    auto show = [this] { showAlongPc(m_pc->currentIndex(), double(m_along->value()) / kStepsPerSigma); };
    connect(m_along, &QSlider::valueChanged, this, show);
    connect(m_pc, &QComboBox::activated, this, show);
    return box;
}

QWidget* LandscapePanel::buildGallery()
{
    auto* box = new QWidget(this);
    m_gallery = new QListWidget(box);
    m_gallery->setViewMode(QListView::IconMode);
    m_gallery->setIconSize(QSize(kThumbnail, kThumbnail));
    m_gallery->setGridSize(QSize(kThumbnail + 64, kThumbnail + 38));
    m_gallery->setMinimumHeight(kThumbnail + 60);   // one row with its captions, and a scroll bar
    m_gallery->setResizeMode(QListView::Adjust);
    m_gallery->setMovement(QListView::Static);
    m_gallery->setWordWrap(true);
    m_gallery->setToolTip(tr("Mean volume of each landscape cluster; click to show it"));
    m_selectMode = new QComboBox(box);
    m_selectMode->addItems({tr("Replace"), tr("Add")});
    m_selectMode->setToolTip(tr("Replace the current selection with the cluster's particles, or add them to it"));
    m_select = new QPushButton(tr("Select Particles"), box);
    m_select->setToolTip(tr("Select the particles of the clicked cluster (then File → Export Selection…)"));
    m_export = new QPushButton(tr("Export Cluster Maps…"), box);
    m_export->setToolTip(tr("Write every cluster mean as .mrc, with a ChimeraX script opening them as a series"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_selectMode);
    buttons->addWidget(m_select);
    buttons->addWidget(m_export);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_gallery, 1);
    layout->addLayout(buttons);
    connect(m_gallery, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { setCurrentCluster(item->data(Qt::UserRole).toInt()); });
    connect(m_select, &QPushButton::clicked, this, [this] {
        selectClusterParticles(currentCluster(),
                               m_selectMode->currentIndex() == 0 ? cryo::SelectionMode::Replace : cryo::SelectionMode::Add);
    });
    connect(m_export, &QPushButton::clicked, this, &LandscapePanel::exportRequested);
    return box;
}

void LandscapePanel::setState(std::shared_ptr<const LandscapeState> state)
{
    m_state = std::move(state);
    if (!m_state) {
        m_summary->setText(tr("No landscape analysis yet: Analysis → Landscape… decodes volumes across the latent "
                              "space, clusters them and finds their principal components."));
    } else {
        const cryo::LandscapeTable& t = m_state->table;
        m_summary->setText(tr("%1 sketch volumes (%2 maps) · %3 clusters (%4 linkage) · mask %5 voxels · "
                              "z → volume-PC regression R² %6")
                               .arg(t.sketchParticles.size())
                               .arg(QString::fromStdString(t.quality))
                               .arg(t.clusters)
                               .arg(QString::fromStdString(t.linkage))
                               .arg(t.maskVoxels, 0, 'f', 0)
                               .arg(t.regressionR2, 0, 'f', 2));
    }
    fillScatter();
    fillGallery();
    fillAlongPc();
    // Older run files lack the total: percentages of the kept PCs then.
    const bool total = m_state && m_state->table.totalVariance > 0;
    m_variance->setValues(m_state ? m_state->table.explainedVariance : std::vector<float>{},
                          total ? m_state->table.totalVariance : 0,
                          total ? tr("variance explained (%)") : tr("variance (% of kept PCs)"));
}

void LandscapePanel::fillScatter()
{
    QList<ScatterEmbedding> axes;
    QList<ScatterColourSource> colours;
    if (m_state && m_state->table.components > 0) {
        const cryo::LandscapeTable& t = m_state->table;
        const int pcs = std::min(t.components, 3);
        for (int a = 0; a < pcs; ++a)
            for (int b = a + 1; b < pcs; ++b)
                axes.append({tr("volume PC%1 × PC%2").arg(a + 1).arg(b + 1), tr("volume PC %1").arg(a + 1),
                             tr("volume PC %1").arg(b + 1), column(pcColumn(t, a)), column(pcColumn(t, b))});
        if (pcs == 1) {   // one volume PC: against the particle index
            std::vector<float> index(t.count);
            for (std::size_t i = 0; i < t.count; ++i)
                index[i] = float(i);
            axes.append({tr("volume PC1 / particle"), tr("volume PC 1"), tr("particle"), column(pcColumn(t, 0)),
                         column(std::move(index))});
        }
        ScatterColouring clusters;
        clusters.kind = ScatterColouring::Kind::Categories;
        clusters.title = tr("landscape cluster");
        clusters.labels = std::make_shared<const std::vector<std::int32_t>>(t.labels);
        colours.append({tr("landscape cluster (%1)").arg(t.clusters), clusters});
        ScatterColouring density;
        density.kind = ScatterColouring::Kind::Density;
        colours.append({tr("density"), density});
        if (m_tables->kmeans) {
            ScatterColouring kmeans;
            kmeans.kind = ScatterColouring::Kind::Categories;
            kmeans.title = tr("k-means");
            kmeans.labels = std::make_shared<const std::vector<std::int32_t>>(m_tables->kmeans->labels);
            colours.append({tr("k-means (%1)").arg(m_tables->kmeans->clusters), kmeans});
        }
    }
    m_scatter->setEmbeddings(axes);
    m_scatter->setColourSources(colours);
    if (!axes.isEmpty()) {
        m_scatter->setCurrentEmbedding(0);
        m_scatter->setCurrentColourSource(0);
    }
    m_scatter->setEnabled(!axes.isEmpty());
}

void LandscapePanel::fillGallery()
{
    m_gallery->clear();
    const bool maps = m_state && m_state->maps;
    if (maps) {
        const cryo::LandscapeTable& t = m_state->table;
        std::vector<int> volumes(std::size_t(t.clusters), 0), particles(std::size_t(t.clusters), 0);
        for (std::int32_t c : t.sketchClusters)
            ++volumes[std::size_t(c)];
        for (std::int32_t c : t.labels)
            ++particles[std::size_t(c)];
        for (int m = 0; m < t.clusters; ++m) {
            const QImage image = ClusterGallery::projectionImage(m_state->maps->clusterMeans[std::size_t(m)], kThumbnail);
            auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(image)),
                                             tr("%1: %2 volumes · %3 particles").arg(m).arg(volumes[std::size_t(m)])
                                                 .arg(particles[std::size_t(m)]),
                                             m_gallery);
            item->setData(Qt::UserRole, m);
            item->setToolTip(tr("Cluster %1: mean of %2 sketch volumes; %3 particles")
                                 .arg(m).arg(volumes[std::size_t(m)]).arg(particles[std::size_t(m)]));
        }
    } else if (m_state) {
        auto* item = new QListWidgetItem(tr("Cluster maps not available: %1").arg(m_state->mapsProblem), m_gallery);
        item->setFlags(Qt::NoItemFlags);
    }
    m_select->setEnabled(false);
    m_selectMode->setEnabled(m_state != nullptr);
    m_export->setEnabled(maps);
}

void LandscapePanel::fillAlongPc()
{
    m_pc->clear();
    const int stored = alongPcAvailable() ? int(m_state->maps->eigenvolumes.size()) : 0;
    for (int c = 0; c < stored; ++c)
        m_pc->addItem(tr("volume PC %1").arg(c + 1));
    m_pc->setEnabled(stored > 0);
    m_along->setEnabled(stored > 0);
    m_along->blockSignals(true);
    m_along->setValue(0);
    m_along->blockSignals(false);
    if (!m_state)
        m_alongText->setText(tr("Run a landscape analysis first."));
    else if (stored == 0)
        m_alongText->setText(tr("Not available: the mean map and eigenvolumes were not stored with this run "
                                "(run the analysis again)."));
    else
        m_alongText->setText(tr("Move the slider: mean volume ± up to %1 σ along the chosen PC.").arg(kSigmas));
}

bool LandscapePanel::alongPcAvailable() const
{
    return m_state && m_state->maps && !m_state->maps->eigenvolumes.empty();
}

QString LandscapePanel::alongPcText() const { return m_alongText->text(); }

void LandscapePanel::showAlongPc(int component, double sigmas)
{
    if (!alongPcAvailable() || component < 0 || component >= int(m_state->maps->eigenvolumes.size()))
        return;
    const auto& variance = m_state->table.explainedVariance;
    const double sigma = std::size_t(component) < variance.size() ? std::sqrt(std::max(0.0f, variance[std::size_t(component)])) : 0;
    const double coordinate = sigmas * sigma;
    m_alongText->setText(tr("volume PC %1 = %2 σ (%3)")
                             .arg(component + 1)
                             .arg(sigmas, 0, 'f', 2)
                             .arg(coordinate, 0, 'f', 3));
    auto map = std::make_shared<const cryo::Volume>(m_state->maps->alongPc(component, coordinate));
    Q_EMIT volumeRequested(map, tr("landscape: volume PC %1 at %2 σ").arg(component + 1).arg(sigmas, 0, 'f', 2));
}

QString LandscapePanel::summaryText() const { return m_summary->text(); }

int LandscapePanel::galleryCount() const
{
    return m_state && m_state->maps ? m_gallery->count() : 0;
}

int LandscapePanel::currentCluster() const
{
    const QListWidgetItem* item = m_gallery->currentItem();
    return item && m_state && m_state->maps ? item->data(Qt::UserRole).toInt() : -1;
}

void LandscapePanel::setCurrentCluster(int cluster)
{
    if (!m_state || !m_state->maps || cluster < 0 || cluster >= m_gallery->count())
        return;
    m_gallery->setCurrentRow(cluster);
    m_select->setEnabled(true);
    auto map = std::make_shared<const cryo::Volume>(m_state->maps->clusterMeans[std::size_t(cluster)]);
    Q_EMIT volumeRequested(map, tr("landscape cluster %1 · mean map").arg(cluster));
}

void LandscapePanel::selectClusterParticles(int cluster, cryo::SelectionMode mode)
{
    if (!m_state || cluster < 0 || cluster >= m_state->table.clusters ||
        m_state->table.labels.size() != m_selection->particleCount())
        return;
    m_selection->combineCurrent(cryo::selectLabel(m_state->table.labels, cluster), mode,
                                tr("Landscape cluster %1").arg(cluster));
}

void LandscapePanel::showProgress(double fraction, const QString& text)
{
    progressvalue::setLater(m_progress, int(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
    m_progressText->setText(text);
    m_progress->show();
    m_progressText->show();
    m_cancel->show();
    m_compute->setEnabled(false);
    if (!m_state)   // not the "no analysis yet" advice while one is running
        m_summary->setText(tr("Landscape analysis of %1 particles:").arg(m_tables->count()));
}

void LandscapePanel::showIdle()
{
    m_progress->hide();
    m_progressText->hide();
    m_cancel->hide();
    m_compute->setEnabled(true);
    if (!m_state)
        setState(nullptr);
}

QString LandscapePanel::describeParticle(qint64 index) const
{
    if (!m_state || index < 0 || std::size_t(index) >= m_state->table.count)
        return {};
    const cryo::LandscapeTable& t = m_state->table;
    QStringList pcs;
    for (int c = 0; c < std::min(t.components, 3); ++c)
        pcs << QString::number(t.volumePc[std::size_t(index) * std::size_t(t.components) + std::size_t(c)], 'f', 2);
    return tr("landscape cluster %1\nvolume PC 1–3: (%2)").arg(t.labels[std::size_t(index)]).arg(pcs.join(QStringLiteral(", ")));
}
