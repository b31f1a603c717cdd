#include "TrajectoryPanel.h"

#include "ExplorerPanel.h"
#include "FormFields.h"
#include "LatentGraphJob.h"
#include "LatentScatterView.h"
#include "ScatterPanel.h"
#include "TrajectoryFrames.h"
#include "analysis/LatentGraph.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

QWidget* row(std::initializer_list<std::pair<QString, QWidget*>> items, QWidget* parent)
{
    auto* w = new QWidget(parent);
    auto* layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const auto& [label, widget] : items) {
        if (!label.isEmpty())
            layout->addWidget(new QLabel(label, w));
        layout->addWidget(widget);
    }
    layout->addStretch(1);
    return w;
}

} // namespace

TrajectoryPanel::TrajectoryPanel(ExplorerPanel* explorer, MapDecoder* decoder, QWidget* parent)
    : QWidget(parent), m_explorer(explorer), m_tables(explorer->sharedTables()),
      m_graph(new LatentGraphJob(m_tables, this)), m_frames(new TrajectoryFrames(decoder, this)),
      m_timer(new QTimer(this))
{
    m_status = new QLabel(tr("Choose a source and press Compute, or draw a path on a panel (its “Path” tool)."),
                          this);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(buildSourceRow());
    layout->addWidget(buildPlayerRow());
    layout->addWidget(m_status);
    layout->addStretch(1);

    setFramesPerSecond(8);
    connect(m_timer, &QTimer::timeout, this, &TrajectoryPanel::tick);
    connect(m_frames, &TrajectoryFrames::frameDecoded, this, &TrajectoryPanel::frameDecoded);
    connect(m_frames, &TrajectoryFrames::progress, this, [this] { m_progress->setText(progressText()); });
    connect(m_graph, &LatentGraphJob::ready, this, [this] {
        setStatus(tr("Latent graph: %1 particles, cutoff %2, mean degree %3; the largest connected part has "
                     "%4 particles")
                      .arg(m_graph->graph()->count())
                      .arg(m_graph->graph()->cutoff(), 0, 'g', 3)
                      .arg(m_graph->graph()->meanDegree(), 0, 'f', 1)
                      .arg(m_graph->largestComponent()));
        if (m_pathPending)
            computePath();
    });
    connect(m_graph, &LatentGraphJob::failed, this,
            [this](const QString& why) { setStatus(tr("The latent graph could not be built: %1").arg(why)); });
    connectExplorer();
    updateButtons();
}

QWidget* TrajectoryPanel::buildSourceRow()
{
    const int zdim = std::max(1, m_tables->zdim());
    m_source = new QComboBox(this);
    m_source->addItems({tr("PC of z"), tr("k-means centres"), tr("Path drawn on a panel"),
                        tr("Named selections (means)")});
    m_options = new QStackedWidget(this);
    m_component = makeSpinBox(this, 1, zdim, 1);
    m_points = makeSpinBox(this, 2, 500, 20);
    m_low = new QDoubleSpinBox(this);
    m_high = new QDoubleSpinBox(this);
    for (QDoubleSpinBox* box : {m_low, m_high}) {
        box->setRange(0, 100);
        box->setDecimals(1);
        box->setSuffix(tr(" %"));
    }
    m_low->setValue(5);
    m_high->setValue(95);
    m_options->addWidget(row({{tr("PC"), m_component}, {tr("frames"), m_points}, {tr("from"), m_low}, {tr("to"), m_high}},
                             this));
    m_steps = makeSpinBox(this, 1, 100, 4);
    m_steps->setToolTip(tr("Frames per leg between consecutive centres of the chain"));
    m_options->addWidget(row({{tr("frames per leg"), m_steps}}, this));
    m_pathFrames = makeSpinBox(this, 2, 500, 20);
    m_pathFrames->setToolTip(tr("At most this many frames: path nodes at evenly spaced lengths along it"));
    m_degree = new QDoubleSpinBox(this);
    m_degree->setRange(1, 10);
    m_degree->setDecimals(1);
    m_degree->setValue(cryo::LatentGraphOptions{}.meanDegree);
    m_degree->setToolTip(tr("Mean number of kNN edges kept per particle (of at most %1): more joins more of the "
                            "data, fewer keeps paths on dense regions")
                             .arg(cryo::LatentGraphOptions{}.maxNeighbors));
    m_anchorLabel = new QLabel(tr("no path drawn yet"), this);
    m_options->addWidget(
        row({{tr("frames ≤"), m_pathFrames}, {tr("neighbours"), m_degree}, {QString(), m_anchorLabel}}, this));
    m_selectionSteps = makeSpinBox(this, 1, 100, 6);
    m_selectionSteps->setToolTip(tr("Frames per leg between the means of consecutive named selections"));
    m_options->addWidget(row({{tr("frames per leg"), m_selectionSteps},
                              {QString(), new QLabel(tr("through the named selections' mean z, in list order"), this)}},
                             this));
    connect(m_source, &QComboBox::currentIndexChanged, m_options, &QStackedWidget::setCurrentIndex);
    m_compute = new QPushButton(tr("Compute"), this);
    m_compute->setToolTip(tr("Build the trajectory's frames and decode their maps in the background"));
    connect(m_compute, &QPushButton::clicked, this, &TrajectoryPanel::compute);
    // Two rows (source, its options) keep the dock narrow beside the selections.
    auto* w = new QWidget(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Source:"), w));
    top->addWidget(m_source);
    top->addStretch(1);
    top->addWidget(m_compute);
    auto* layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_options);
    return w;
}

QWidget* TrajectoryPanel::buildPlayerRow()
{
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, 0);
    m_slider->setMinimumWidth(160);
    m_frameLabel = new QLabel(this);
    m_play = new QPushButton(tr("Play"), this);
    m_loop = new QCheckBox(tr("Loop"), this);
    m_loop->setChecked(true);
    m_fps = makeSpinBox(this, 1, 60, 8);
    m_fps->setSuffix(tr(" frames/s"));
    m_progress = new QLabel(this);
    m_export = new QPushButton(tr("Export Maps…"), this);
    m_export->setToolTip(tr("Write every frame as .mrc and a ChimeraX script opening them as a volume series"));
    m_movie = new QPushButton(tr("Movie…"), this);
    m_movie->setToolTip(tr("Render a movie (MP4 or GIF) along the trajectory"));
    connect(m_slider, &QSlider::valueChanged, this, &TrajectoryPanel::setCurrentFrame);
    connect(m_play, &QPushButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(m_fps, &QSpinBox::valueChanged, this, &TrajectoryPanel::setFramesPerSecond);
    connect(m_export, &QPushButton::clicked, this, &TrajectoryPanel::exportRequested);
    connect(m_movie, &QPushButton::clicked, this, [this] {
        Q_EMIT movieRequested(m_trajectory.frames, m_trajectory.zdim, m_trajectory.title);
    });
    auto* w = new QWidget(this);
    auto* scrub = new QHBoxLayout;
    scrub->addWidget(m_play);
    scrub->addWidget(m_slider, 1);
    scrub->addWidget(m_frameLabel);
    auto* more = new QHBoxLayout;
    for (QWidget* item : {static_cast<QWidget*>(m_loop), static_cast<QWidget*>(m_fps), static_cast<QWidget*>(m_progress)})
        more->addWidget(item);
    more->addStretch(1);
    more->addWidget(m_export);
    more->addWidget(m_movie);
    auto* layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(scrub);
    layout->addLayout(more);
    return w;
}

void TrajectoryPanel::connectExplorer()
{
    for (int p = 0; p < 2; ++p) {
        ScatterPanel* panel = m_explorer->panel(p);
        panel->setPathToolVisible(true);
        LatentScatterView* view = panel->view();
        connect(panel, &ScatterPanel::embeddingChanged, this, &TrajectoryPanel::rebuildOverlays);
        connect(view, &LatentScatterView::pathAnchorsChanged, this, [this](const QList<qint64>& anchors) {
            m_graph->start(graphOptions());   // while the user is still clicking
            m_anchorLabel->setText(tr("drawing: %1 anchors (double-click or Enter ends)").arg(anchors.size()));
        });
        connect(view, &LatentScatterView::pathDrawn, this, [this](const QList<qint64>& anchors) {
            setPathAnchors(std::vector<std::int64_t>(anchors.begin(), anchors.end()));
        });
        connect(view, &LatentScatterView::pathCancelled, this,
                [this] { m_anchorLabel->setText(tr("path cancelled")); });
    }
    connect(m_explorer, &ExplorerPanel::umapReady, this, [this] {
        m_tables = m_explorer->sharedTables();
        rebuildOverlays();
    });
}

void TrajectoryPanel::setSource(Source source) { m_source->setCurrentIndex(int(source)); }

TrajectoryPanel::Source TrajectoryPanel::source() const { return Source(m_source->currentIndex()); }

void TrajectoryPanel::setPcOptions(int component, int points, double lowPercentile, double highPercentile)
{
    m_component->setValue(component + 1);
    m_points->setValue(points);
    m_low->setValue(lowPercentile);
    m_high->setValue(highPercentile);
}

void TrajectoryPanel::setStepsPerLeg(int steps)
{
    m_steps->setValue(steps);
    m_selectionSteps->setValue(steps);
}

void TrajectoryPanel::setPathFrames(int frames) { m_pathFrames->setValue(frames); }

void TrajectoryPanel::setGraphMeanDegree(double meanDegree) { m_degree->setValue(meanDegree); }

void TrajectoryPanel::setPathAnchors(const std::vector<std::int64_t>& anchors)
{
    m_anchors = anchors;
    setSource(Source::DrawnPath);
    m_anchorLabel->setText(tr("%1 anchors").arg(anchors.size()));
    compute();
}

void TrajectoryPanel::setTrajectory(LatentTrajectory trajectory)
{
    pause();
    m_trajectory = std::move(trajectory);
    m_current = 0;
    m_shownFull = false;
    m_frames->start(m_trajectory.frames, m_trajectory.zdim);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, std::max(0, m_trajectory.frameCount() - 1));
        m_slider->setValue(0);
    }
    QString text = tr("%1: %2 frames").arg(m_trajectory.title).arg(m_trajectory.frameCount());
    if (!m_trajectory.pathParticles.empty())
        text += tr(" (path length %1 in z)").arg(m_trajectory.pathLength, 0, 'f', 2);
    setStatus(text);
    rebuildOverlays();
    updateButtons();
    showFrame();
    Q_EMIT trajectoryChanged();
}

void TrajectoryPanel::rebuildOverlays()
{
    if (!m_explorer)
        return;
    for (int p = 0; p < 2; ++p)
        m_overlays[std::size_t(p)] =
            trajectoryOverlay(*m_tables, m_trajectory, m_explorer->embeddingKey(p), m_current);
    showCurrentOverlay();
}

void TrajectoryPanel::showCurrentOverlay()
{
    if (!m_explorer)
        return;
    for (int p = 0; p < 2; ++p) {
        m_overlays[std::size_t(p)].current = m_current;
        m_explorer->panel(p)->view()->setOverlay(m_overlays[std::size_t(p)]);
    }
}

void TrajectoryPanel::setCurrentFrame(int index)
{
    if (m_trajectory.frameCount() == 0)
        return;
    index = std::clamp(index, 0, m_trajectory.frameCount() - 1);
    const bool changed = index != m_current;
    m_current = index;
    if (m_slider->value() != index) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    showCurrentOverlay();
    if (changed || !m_shownFull)
        showFrame();
}

void TrajectoryPanel::showFrame()
{
    m_frameLabel->setText(tr("%1 / %2").arg(m_current + 1).arg(m_trajectory.frameCount()));
    if (auto map = m_frames->frame(m_current)) {
        m_shownFull = true;
        Q_EMIT showMap(std::move(map), frameDescription(m_current));
        return;
    }
    m_shownFull = false;
    m_frames->prioritize(m_current);
    Q_EMIT previewRequested(m_trajectory.frameZ(m_current), frameDescription(m_current));
}

void TrajectoryPanel::frameDecoded(int index)
{
    if (index == m_current && !m_shownFull)
        showFrame();
    updateButtons();
}

QString TrajectoryPanel::frameDescription(int index) const
{
    QString text = tr("trajectory frame %1 of %2 (%3)").arg(index + 1).arg(m_trajectory.frameCount()).arg(m_trajectory.title);
    if (m_trajectory.framesAtParticles)
        text += tr(" · particle %1").arg(m_trajectory.frameParticles[std::size_t(index)]);
    return text;
}

bool TrajectoryPanel::isPlaying() const { return m_timer->isActive(); }

void TrajectoryPanel::play()
{
    if (m_trajectory.frameCount() < 2)
        return;
    if (m_current == m_trajectory.frameCount() - 1 && !m_loop->isChecked())
        setCurrentFrame(0);
    m_timer->start();
    m_play->setText(tr("Pause"));
}

void TrajectoryPanel::pause()
{
    m_timer->stop();
    m_play->setText(tr("Play"));
}

void TrajectoryPanel::setLoop(bool loop) { m_loop->setChecked(loop); }

void TrajectoryPanel::setFramesPerSecond(int fps)
{
    if (m_fps->value() != fps)
        m_fps->setValue(fps);   // comes back here through valueChanged
    m_timer->setInterval(1000 / std::max(1, fps));
}

void TrajectoryPanel::tick()
{
    int next = m_current + 1;
    if (next >= m_trajectory.frameCount()) {
        if (!m_loop->isChecked()) {
            pause();
            return;
        }
        next = 0;
    }
    if (!m_frames->frame(next)) {   // not decoded yet: wait for it rather than flash a preview
        m_frames->prioritize(next);
        return;
    }
    setCurrentFrame(next);
}

void TrajectoryPanel::updateButtons()
{
    const bool any = m_trajectory.frameCount() > 0;
    m_play->setEnabled(m_trajectory.frameCount() > 1);
    m_slider->setEnabled(any);
    m_export->setEnabled(m_frames->isComplete());
    m_export->setToolTip(m_frames->isComplete()
                             ? tr("Write every frame as .mrc and a ChimeraX script opening them as a volume series")
                             : tr("Available when all frames are decoded"));
    m_movie->setEnabled(any);
    m_progress->setText(progressText());
}

void TrajectoryPanel::setStatus(const QString& text)
{
    m_status->setText(text);
    Q_EMIT message(text);
}

QString TrajectoryPanel::statusText() const { return m_status->text(); }

QString TrajectoryPanel::progressText() const
{
    if (m_frames->frameCount() == 0)
        return {};
    const QString text = tr("decoded %1/%2").arg(m_frames->decodedCount()).arg(m_frames->frameCount());
    return m_frames->isComplete() ? tr("%1 in %2 s").arg(text).arg(m_frames->secondsToComplete(), 0, 'f', 1) : text;
}
