#include "ExplorerPanel.h"

#include "LatentScatterView.h"
#include "ProgressValue.h"
#include "ScatterPanel.h"
#include "SelectionModel.h"
#include "SelectionPanel.h"
#include "UmapJob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

QString formatZ(const std::vector<float>& z)
{
    QStringList parts;
    for (float v : z)
        parts << QString::number(v, 'f', 2);
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

} // namespace

ExplorerPanel::ExplorerPanel(std::shared_ptr<const RunTables> tables, QWidget* parent)
    : QWidget(parent), m_tables(std::move(tables))
{
    m_selection = new SelectionModel(this);
    m_selection->reset(m_tables->count());
    m_selectionPanel = new SelectionPanel(m_selection);
    m_selectionPanel->setParent(this, Qt::Widget);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    for (int i = 0; i < 2; ++i) {
        m_panels[i] = new ScatterPanel(splitter);
        m_panels[i]->setSelectionModel(m_selection);
        splitter->addWidget(m_panels[i]);
    }
    m_count = new QLabel(this);
    m_selectionMap = new QPushButton(tr("Map of Selection"), this);
    m_selectionMap->setToolTip(tr("Decode the map at the mean z of the selected particles"));
    connect(m_selectionMap, &QPushButton::clicked, this, &ExplorerPanel::requestSelectionMap);

    m_umapJob = new UmapJob(this);
    m_umapButton = new QPushButton(tr("Compute UMAP"), this);
    m_umapButton->setToolTip(tr("This run has no UMAP yet: compute it (about 40 s per 100,000 particles) and "
                                "store it in run.h5"));
    m_umapButton->setVisible(!m_tables->umap);
    m_umapProgress = new QProgressBar(this);
    m_umapProgress->setRange(0, 1000);
    m_umapProgress->setMaximumWidth(140);
    m_umapProgress->hide();
    connect(m_umapButton, &QPushButton::clicked, this, &ExplorerPanel::computeUmap);
    connect(m_umapJob, &UmapJob::progress, this, [this](double f) { progressvalue::setLater(m_umapProgress, int(f * 1000)); });
    connect(m_umapJob, &UmapJob::finished, this, &ExplorerPanel::umapFinished);
    connect(m_umapJob, &UmapJob::failed, this, [this](const QString& why) {
        m_umapProgress->hide();
        m_umapButton->setText(tr("Compute UMAP"));
        Q_EMIT message(tr("UMAP not computed: %1").arg(why));
    });
    connect(m_umapJob, &UmapJob::cancelled, this, [this] {
        m_umapProgress->hide();
        m_umapButton->setText(tr("Compute UMAP"));
        Q_EMIT message(tr("UMAP cancelled"));
    });

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_count, 1);
    bar->addWidget(m_umapProgress);
    bar->addWidget(m_umapButton);
    bar->addWidget(m_selectionMap);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter, 1);
    layout->addLayout(bar);

    buildSources(false);
    for (int i = 0; i < 2; ++i)
        connectPanel(i);
    auto unpainted = std::make_shared<int>(2);
    for (ScatterPanel* panel : m_panels)
        connect(panel->view(), &LatentScatterView::painted, this, [this, unpainted] {
            if (--*unpainted == 0)
                Q_EMIT panelsPainted();
        }, Qt::SingleShotConnection);
    connect(m_selection, &SelectionModel::changed, this, &ExplorerPanel::updateCount);
    updateCount();
}

QList<ScatterEmbedding> ExplorerPanel::buildEmbeddings()
{
    m_embeddingKeys.clear();
    QList<ScatterEmbedding> embeddings;
    for (const RunTables::Axes& a : m_tables->axes) {
        const auto [name, xTitle, yTitle] = axesTitles(a);
        embeddings.append({name, xTitle, yTitle, a.x, a.y, a.order});
        m_embeddingKeys << a.key;
    }
    return embeddings;
}

// The axes chooser's entry and the two axis titles.
std::array<QString, 3> ExplorerPanel::axesTitles(const RunTables::Axes& a)
{
    const int c = a.first + 1;   // 1-based, as shown
    switch (a.kind) {
    case RunTables::Axes::Kind::Pca:
        return {tr("PCA %1/%2").arg(c).arg(c + 1), tr("PC %1").arg(c), tr("PC %1").arg(c + 1)};
    case RunTables::Axes::Kind::Umap:
        return {tr("UMAP"), tr("UMAP 1"), tr("UMAP 2")};
    case RunTables::Axes::Kind::Z:
        return {tr("z%1 / z%2").arg(c).arg(c + 1), tr("z%1").arg(c), tr("z%1").arg(c + 1)};
    case RunTables::Axes::Kind::ZByParticle:
        break;
    }
    return {tr("z1 / particle"), tr("z1"), tr("particle")};
}

QList<ScatterColourSource> ExplorerPanel::buildColours(QList<ScatterValueColumn>& ranges)
{
    const RunTables& t = *m_tables;
    m_colourKeys.clear();
    ScatterColouring density;
    density.kind = ScatterColouring::Kind::Density;
    QList<ScatterColourSource> colours{{tr("density"), density}};
    m_colourKeys << QStringLiteral("density");
    ScatterColouring clusters;
    clusters.kind = ScatterColouring::Kind::Categories;
    clusters.title = tr("cluster");
    clusters.labels = t.kmeansLabels;
    colours.append({tr("k-means (%1)").arg(t.kmeans->clusters), clusters});
    m_colourKeys << QStringLiteral("kmeans");
    auto addValues = [&](const QString& key, const QString& name, const ScatterColumn& c) {
        ScatterColouring colouring;
        colouring.kind = ScatterColouring::Kind::Values;
        colouring.title = name;
        colouring.values = c;
        colours.append({name, colouring});
        m_colourKeys << key;
        ranges.append({name, c});
    };
    if (m_particles.defocus)
        addValues(QStringLiteral("defocus"), tr("defocus (Å)"), m_particles.defocus);
    if (m_particles.angles[0]) {
        addValues(QStringLiteral("rot"), tr("rot (°)"), m_particles.angles[0]);
        addValues(QStringLiteral("tilt"), tr("tilt (°)"), m_particles.angles[1]);
        addValues(QStringLiteral("psi"), tr("psi (°)"), m_particles.angles[2]);
    }
    for (int c = 0; c < t.zdim(); ++c)
        addValues(QStringLiteral("z:%1").arg(c), tr("z%1").arg(c + 1), t.zColumns[std::size_t(c)]);
    return colours;
}

void ExplorerPanel::setParticles(const RunParticles& particles)
{
    m_particles = particles;
    if (m_particles.dataset)
        buildSources(true);
}

void ExplorerPanel::buildSources(bool rebuild)
{
    const QString leftEmbedding = embeddingKey(0), rightEmbedding = embeddingKey(1);
    const QString colours0 = colourKey(0), colours1 = colourKey(1);
    const QList<ScatterEmbedding> axes = buildEmbeddings();
    QList<ScatterValueColumn> ranges;
    const QList<ScatterColourSource> colours = buildColours(ranges);
    // A new explorer: PCA on the left coloured by density; UMAP (else the first z pair) on the
    // right, coloured by cluster. A rebuild keeps the choices.
    const int right = std::max<int>(0, m_embeddingKeys.indexOf(m_tables->umap ? QStringLiteral("umap") : QStringLiteral("z:0,1")));
    for (int i = 0; i < 2; ++i) {
        m_panels[i]->setEmbeddings(axes, i == 0 ? 0 : right);
        m_panels[i]->setColourSources(colours, i);
        m_panels[i]->view()->setPointDescriber([this](qint64 p) { return describeParticle(p); });
    }
    if (rebuild) {   // keep the choices
        setEmbeddingKey(0, leftEmbedding);
        setEmbeddingKey(1, rightEmbedding);
        setColourKey(0, colours0);
        setColourKey(1, colours1);
        m_selectionPanel->setRangeColumns(ranges);
        return;
    }
    m_selectionPanel->setClusterLabels(m_tables->kmeansLabels);
    m_selectionPanel->setRangeColumns(ranges);
}

void ExplorerPanel::connectPanel(int index)
{
    connect(m_panels[index]->view(), &LatentScatterView::pointClicked, this,
            [this, index](qint64 particle, double x, double y) {
                QString description;
                std::vector<float> z = clickedZ(index, particle, x, y, &description);
                const bool exact = embeddingKey(index).startsWith(QLatin1String("pca"));
                Q_EMIT mapRequested(z, description, exact ? -1 : particle);
            });
}

QString ExplorerPanel::describeParticle(qint64 index) const
{
    if (index < 0 || std::size_t(index) >= m_tables->count())
        return {};
    return tr("z = %1\ncluster %2")
        .arg(formatZ(m_tables->zRow(std::size_t(index))))
        .arg(m_tables->kmeans->labels[std::size_t(index)]);
}

void ExplorerPanel::updateCount()
{
    m_count->setText(countText());
    m_selectionMap->setEnabled(!m_selection->current().empty());
}

QString ExplorerPanel::countText() const
{
    const QLocale locale;
    const std::size_t n = m_selection->current().count();
    const double percent = 100.0 * double(n) / double(std::max<std::size_t>(1, m_tables->count()));
    return tr("Selected: %1 of %2 particles (%3 %)")
        .arg(locale.toString(qulonglong(n)), locale.toString(qulonglong(m_tables->count())))
        .arg(percent, 0, 'f', 1);
}

QString ExplorerPanel::embeddingKey(int panel) const
{
    const int i = m_panels[panel]->currentEmbedding();
    return i >= 0 && i < m_embeddingKeys.size() ? m_embeddingKeys[i] : QString();
}

QString ExplorerPanel::colourKey(int panel) const
{
    const int i = m_panels[panel]->currentColourSource();
    return i >= 0 && i < m_colourKeys.size() ? m_colourKeys[i] : QString();
}

bool ExplorerPanel::setEmbeddingKey(int panel, const QString& key)
{
    const int i = m_embeddingKeys.indexOf(key);
    if (i >= 0)
        m_panels[panel]->setCurrentEmbedding(i);
    return i >= 0;
}

bool ExplorerPanel::setColourKey(int panel, const QString& key)
{
    const int i = m_colourKeys.indexOf(key);
    if (i >= 0)
        m_panels[panel]->setCurrentColourSource(i);
    return i >= 0;
}

std::vector<float> ExplorerPanel::clickedZ(int panel, qint64 index, double x, double y, QString* description) const
{
    const QString key = embeddingKey(panel);
    const RunTables& t = *m_tables;
    if (key.startsWith(QLatin1String("pca:"))) {
        const QStringList ij = key.mid(4).split(QLatin1Char(','));
        std::vector<float> pcs(std::size_t(t.pca.pca.componentCount()), 0.f);
        pcs[std::size_t(ij[0].toInt())] = float(x);
        pcs[std::size_t(ij[1].toInt())] = float(y);
        std::vector<float> z = t.pca.pca.inverseProject(pcs);
        if (description)
            *description = tr("z = %1 · PC%2 = %3, PC%4 = %5 (inverse PCA)")
                               .arg(formatZ(z))
                               .arg(ij[0].toInt() + 1)
                               .arg(x, 0, 'f', 2)
                               .arg(ij[1].toInt() + 1)
                               .arg(y, 0, 'f', 2);
        return z;
    }
    if (index < 0 || std::size_t(index) >= t.count())
        return {};
    std::vector<float> z = t.zRow(std::size_t(index));
    if (description)
        *description = tr("z = %1 · particle %2 · cluster %3")
                           .arg(formatZ(z))
                           .arg(index)
                           .arg(t.kmeans->labels[std::size_t(index)]);
    return z;
}

void ExplorerPanel::computeUmap()
{
    if (m_umapJob->isRunning()) {
        m_umapJob->cancel();
        return;
    }
    auto z = std::shared_ptr<const cryo::LatentTable>(m_tables, &m_tables->latents);   // shares ownership
    const QString runFile = QString::fromStdString(cryo::runFilePath(m_tables->runDir.toStdString()).string());
    if (!m_umapJob->start(z, runFile))
        return;
    m_umapProgress->setValue(0);
    m_umapProgress->show();
    m_umapButton->setText(tr("Cancel UMAP"));
}

void ExplorerPanel::umapFinished(const cryo::UmapTable& table, const RunTables::Axes& axes, const QString& storeProblem)
{
    auto tables = std::make_shared<RunTables>(*m_tables);
    tables->addUmap(table, axes);
    m_tables = std::move(tables);
    m_umapProgress->hide();
    m_umapButton->hide();
    buildSources(true);
    setEmbeddingKey(1, QStringLiteral("umap"));   // the new embedding on the right
    Q_EMIT message(storeProblem.isEmpty() ? tr("UMAP computed and stored in run.h5")
                                          : tr("UMAP computed, but not stored: %1").arg(storeProblem));
    Q_EMIT umapReady();
}

void ExplorerPanel::requestSelectionMap()
{
    const std::vector<std::size_t> indices = m_selection->current().indices();
    if (indices.empty())
        return;
    const std::vector<float> z = m_tables->meanZ(indices);
    Q_EMIT mapRequested(z, tr("z = %1 · mean of %2 selected particles").arg(formatZ(z)).arg(indices.size()), -1);
}
