#include "MapStage.h"

#include "MapDecoder.h"
#include "ThresholdPanel.h"
#include "VolumeViewer.h"
#include "VtkView.h"

#include <QAction>
#include <QColorDialog>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <cmath>

namespace {

const QString kBackgroundKey = QStringLiteral("view/background");

} // namespace

MapStage::MapStage(QMainWindow* window)
    : QObject(window), m_viewer(new VolumeViewer(window)), m_threshold(new ThresholdPanel(window)),
      m_decoder(new MapDecoder(this)), m_mapLabel(new QLabel(window)), m_levelLabel(new QLabel(window))
{
    window->setCentralWidget(m_viewer);
    auto* dock = new QDockWidget(tr("Contour level"), window);
    dock->setObjectName(QStringLiteral("contourDock"));
    dock->setWidget(m_threshold);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    connect(m_threshold, &ThresholdPanel::levelChanged, this, &MapStage::setLevel);
    m_mapLabel->setText(tr("No map open — File → Open Map… or drop an .mrc, .star or .cs file here"));
    window->statusBar()->addWidget(m_mapLabel, 1);
    window->statusBar()->addPermanentWidget(m_levelLabel);
    connect(m_decoder, &MapDecoder::mapReady, this, &MapStage::showDecodedMap);
    const QColor background = QSettings().value(kBackgroundKey).value<QColor>();
    if (background.isValid())
        m_viewer->setBackground(background);
}

void MapStage::fillViewMenu(QMenu* view)
{
    QAction* reset = view->addAction(tr("&Reset Camera"), m_viewer, &VolumeViewer::resetCamera);
    reset->setShortcut(Qt::Key_R | Qt::CTRL);
    QMenu* background = view->addMenu(tr("&Background"));
    const std::pair<QString, QColor> presets[] = {
        {tr("Dark blue"), QColor(28, 32, 44)}, {tr("Black"), Qt::black}, {tr("White"), Qt::white}};
    for (const auto& [name, color] : presets) {
        const QColor c = color;
        background->addAction(name, this, [this, c] { setBackground(c); });
    }
    background->addAction(tr("Other…"), this, [this] {
        const QColor c = QColorDialog::getColor(m_viewer->background(), m_viewer, tr("Background Colour"));
        if (c.isValid())
            setBackground(c);
    });
    m_outline = view->addAction(tr("Show &Outline"));
    m_outline->setCheckable(true);
    m_outline->setChecked(true);
    connect(m_outline, &QAction::toggled, m_viewer, &VolumeViewer::setOutlineVisible);
    m_axes = view->addAction(tr("Show &Axes"));
    m_axes->setCheckable(true);
    m_axes->setChecked(true);
    connect(m_axes, &QAction::toggled, m_viewer, &VolumeViewer::setAxesVisible);
}

void MapStage::setBackground(const QColor& colour)
{
    m_viewer->setBackground(colour);
    QSettings().setValue(kBackgroundKey, colour);
}

void MapStage::showVolume(const cryo::Volume& volume)
{
    m_volume = volume;
    m_stats = cryo::computeStats(m_volume);
    m_level = cryo::defaultContourLevel(m_stats);
    m_threshold->setMap(m_volume, m_stats, m_level);
    m_viewer->setVolume(m_volume, true);
    m_viewer->setLevel(m_level);
    updateStatus();
}

// The one rule for maps that follow each other: the camera stays, and so does the level --
// in σ units between maps of one run, or absolute between the frames of a trajectory.
void MapStage::present(const cryo::Volume& map, KeepLevel keep)
{
    const double sigma = m_decodedShown ? m_threshold->sigmaLevel() : std::nan("");
    m_volume = map;
    m_stats = cryo::computeStats(m_volume);
    if (!m_decodedShown)
        m_level = cryo::defaultContourLevel(m_stats);
    else if (keep == KeepLevel::Sigma)
        m_level = m_stats.mean + sigma * m_stats.rms;
    m_threshold->setMap(m_volume, m_stats, m_level);
    m_viewer->setVolume(m_volume, !m_decodedShown);
    m_viewer->setLevel(m_level);
    m_decodedShown = true;
    updateStatus();
}

void MapStage::describe(const QString& text)
{
    m_decodeText = text;
    m_mapLabel->setText(m_mapLabel->text() + QStringLiteral(" · ") + text);
}

void MapStage::showMapKeepingView(const cryo::Volume& map, const QString& description)
{
    ++m_mapTag;   // a decode still on its way must not replace this map
    m_mapDescription = description;
    present(map, KeepLevel::Sigma);
    describe(description);
}

void MapStage::showFrame(const cryo::Volume& map, const QString& description)
{
    ++m_mapTag;   // a click's map still on its way would replace this frame: drop it
    m_mapDescription = description;
    present(map, KeepLevel::Absolute);
    describe(tr("%1 · full map (cached)").arg(description));
    Q_EMIT mapShown(false, m_mapTag);
}

void MapStage::openRun(const QString& runDir)
{
    m_decodedShown = false;
    m_decoder->openRun(runDir);
}

void MapStage::requestMap(const std::vector<float>& z, const QString& description)
{
    if (z.empty())
        return;
    ++m_mapTag;
    m_mapDescription = description;
    m_mapClock.start();
    m_decoder->request(z, m_mapTag);
}

void MapStage::requestRunMap(const QString& description)
{
    ++m_mapTag;
    m_mapDescription = description;
    m_mapClock.start();
    m_decoder->request({}, m_mapTag);
}

void MapStage::requestFramePreview(const std::vector<float>& z, const QString& description)
{
    if (z.empty())
        return;
    ++m_mapTag;
    m_framePreviewTag = m_mapTag;
    m_mapDescription = description;
    m_mapClock.start();
    m_decoder->request(z, m_mapTag, /*previewOnly=*/true);   // the full map comes from the series
}

void MapStage::showDecodedMap(std::shared_ptr<const cryo::Volume> map, bool preview, quint64 tag, double ms)
{
    if (tag != m_mapTag || !map)
        return;   // an older click: a newer map is on its way
    present(*map, tag == m_framePreviewTag ? KeepLevel::Absolute : KeepLevel::Sigma);
    if (m_pendingLevel && !preview) {   // a session's level applies to full maps
        setLevel(*std::exchange(m_pendingLevel, std::nullopt));
        m_threshold->setLevel(m_level);
    }
    if (m_pendingCamera)   // a session's camera, once the first map has set one up
        setCamera(*std::exchange(m_pendingCamera, std::nullopt));
    const double shownMs = double(m_mapClock.nsecsElapsed()) / 1e6;
    if (preview)
        m_previewLatencyMs = shownMs;
    describe(tr("%1 · %2 %3 ms (shown %4 ms after the request)")
                 .arg(m_mapDescription, preview ? tr("preview") : tr("full map"))
                 .arg(ms, 0, 'f', 0)
                 .arg(shownMs, 0, 'f', 0));
    Q_EMIT mapShown(preview, tag);
}

MapViewState MapStage::viewState() const
{
    MapViewState s;
    s.background = m_viewer->background();
    s.showOutline = !m_outline || m_outline->isChecked();
    s.showAxes = !m_axes || m_axes->isChecked();
    std::array<double, 9> c{};
    if (m_decodedShown) {
        s.level = m_level;
        if (camera(c))
            s.camera = c;
    }
    return s;
}

void MapStage::restoreView(const MapViewState& s)
{
    if (s.background.isValid())
        m_viewer->setBackground(s.background);
    if (m_outline)
        m_outline->setChecked(s.showOutline);
    if (m_axes)
        m_axes->setChecked(s.showAxes);
    m_pendingLevel = s.level;
    m_pendingCamera = s.camera;
}

bool MapStage::camera(std::array<double, 9>& c) const
{
    if (!m_viewer->view())
        return false;
    vtkCamera* camera = m_viewer->view()->renderer()->GetActiveCamera();
    camera->GetPosition(&c[0]);
    camera->GetFocalPoint(&c[3]);
    camera->GetViewUp(&c[6]);
    return true;
}

void MapStage::setCamera(const std::array<double, 9>& c)
{
    if (!m_viewer->view())
        return;
    vtkRenderer* renderer = m_viewer->view()->renderer();
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->SetPosition(c[0], c[1], c[2]);
    camera->SetFocalPoint(c[3], c[4], c[5]);
    camera->SetViewUp(c[6], c[7], c[8]);
    renderer->ResetCameraClippingRange();
    m_viewer->view()->requestRender();
}

void MapStage::setLevel(double level)
{
    m_level = level;
    m_viewer->setLevel(level);
    updateStatus();
}

void MapStage::updateStatus()
{
    if (m_volume.data.empty())
        return;
    m_mapLabel->setText(tr("%1 × %2 × %3 voxels · %4 Å/voxel")
                            .arg(m_volume.nx)
                            .arg(m_volume.ny)
                            .arg(m_volume.nz)
                            .arg(m_volume.voxelSize, 0, 'f', 3));
    const double enclosed = cryo::enclosedVolume(m_volume, m_level);
    m_levelLabel->setText(tr("Level %1 (%2 σ) · enclosed volume %3 Å³")
                              .arg(m_level, 0, 'g', 4)
                              .arg(m_threshold->sigmaLevel(), 0, 'f', 2)
                              .arg(QLocale().toString(enclosed, 'f', 0)));
}

QString MapStage::statusText() const { return m_mapLabel->text() + QStringLiteral(" | ") + m_levelLabel->text(); }
