// The main window's trajectory parts (issue #6): the Trajectory dock of the open run, frames
// shown at the viewer's fixed contour level, export of the shown map and of all frames with a
// ChimeraX script.
#include "MainWindow.h"

#include "ExplorerPanel.h"
#include "MapDecoder.h"
#include "ThresholdPanel.h"
#include "TrajectoryFrames.h"
#include "TrajectoryPanel.h"
#include "VolumeViewer.h"
#include "analysis/MapMeasures.h"
#include "io/ChimeraXScript.h"
#include "io/MapSeries.h"
#include "io/MrcFile.h"
#include "util/Error.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

#include <fstream>

void MainWindow::createTrajectoryUi()
{
    m_trajectoryDock = new QDockWidget(tr("Trajectory"), this);
    m_trajectoryDock->setObjectName(QStringLiteral("trajectoryDock"));
    // The 3D view needs room between the latent panels (left) and the contour level (right):
    // the selections leave the right-hand column for the bottom strip, beside the trajectory
    // controls and the cluster maps: [cluster maps | particles] [trajectory] [selections].
    addDockWidget(Qt::BottomDockWidgetArea, m_trajectoryDock);
    splitDockWidget(m_trajectoryDock, m_selectionDock, Qt::Horizontal);
}

void MainWindow::arrangeExplorerDocks()
{
    const int w = width();
    if (auto* contour = findChild<QDockWidget*>(QStringLiteral("contourDock")))
        resizeDocks({m_explorerDock, contour}, {int(w * 0.38), contour->minimumSizeHint().width()}, Qt::Horizontal);
    const int selections = m_selectionDock->minimumSizeHint().width();
    resizeDocks({m_galleryDock, m_trajectoryDock, m_selectionDock},
                {int(w * 0.36), std::max(200, w - int(w * 0.36) - selections), selections}, Qt::Horizontal);
    resizeDocks({m_galleryDock}, {190}, Qt::Vertical);
}

QMenu* MainWindow::analysisMenu()
{
    for (QAction* action : menuBar()->actions())   // other analyses may have made it already
        if (action->menu() && action->text() == tr("&Analysis"))
            return action->menu();
    return menuBar()->addMenu(tr("&Analysis"));
}

void MainWindow::createTrajectoryMenus(QMenu* file, QMenu* analysis)
{
    QAction* show = analysis->addAction(tr("&Trajectory…"), this, [this] {
        if (!m_trajectory) {
            reportError(tr("Trajectory"), tr("Open a run first."));
            return;
        }
        m_trajectoryDock->show();
        m_trajectoryDock->raise();
    });
    show->setStatusTip(tr("Maps along a PC of z, through the k-means centres or along a path drawn on a panel"));
    file->addSeparator();
    QAction* shown = file->addAction(tr("Export Shown &Map…"), this, &MainWindow::chooseShownMapPath);
    shown->setStatusTip(tr("Write the map in the 3D view as .mrc"));
    QAction* frames = file->addAction(tr("Export &Trajectory Maps…"), this, &MainWindow::chooseTrajectoryExportDir);
    frames->setStatusTip(tr("Write every frame of the trajectory as .mrc with a ChimeraX script"));
}

void MainWindow::createTrajectoryPanel()
{
    delete m_trajectory;
    m_trajectory = new TrajectoryPanel(m_explorer, m_decoder, m_trajectoryDock);
    m_trajectoryDock->setWidget(m_trajectory);
    m_trajectoryDock->show();
    connect(m_trajectory, &TrajectoryPanel::showMap, this, &MainWindow::showTrajectoryMap);
    connect(m_trajectory, &TrajectoryPanel::previewRequested, this, &MainWindow::requestTrajectoryPreview);
    connect(m_trajectory, &TrajectoryPanel::exportRequested, this, &MainWindow::chooseTrajectoryExportDir);
    connect(m_trajectory, &TrajectoryPanel::movieRequested, this, &MainWindow::exportMovieOfFrames);
    connect(m_trajectory, &TrajectoryPanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
}

void MainWindow::showTrajectoryMap(std::shared_ptr<const cryo::Volume> map, const QString& description)
{
    if (!map)
        return;
    ++m_mapTag;   // a click's map still on its way would replace this frame: drop it
    m_mapDescription = description;
    m_volume = *map;
    m_stats = cryo::computeStats(m_volume);
    if (!m_decodedShown)
        m_level = cryo::defaultContourLevel(m_stats);
    m_threshold->setMap(m_volume, m_stats, m_level);   // the level stays: frames are comparable
    m_viewer->setVolume(m_volume, !m_decodedShown);
    m_viewer->setLevel(m_level);
    m_decodedShown = true;
    updateStatus();
    m_decodeText = tr("%1 · full map (cached)").arg(description);
    m_mapLabel->setText(m_mapLabel->text() + QStringLiteral(" · ") + m_decodeText);
    Q_EMIT mapShown(false, m_mapTag);
}

void MainWindow::requestTrajectoryPreview(const std::vector<float>& z, const QString& description)
{
    if (z.empty())
        return;
    ++m_mapTag;
    m_trajectoryPreviewTag = m_mapTag;
    m_mapDescription = description;
    m_mapClock.start();
    m_decoder->request(z, m_mapTag, /*previewOnly=*/true);   // the full map comes from the series
}

bool MainWindow::exportShownMap(const QString& path)
{
    if (m_volume.data.empty()) {
        reportError(tr("Export Shown Map"), tr("No map is shown."));
        return false;
    }
    try {
        cryo::writeMrc(path.toStdString(), m_volume);
    } catch (const std::exception& e) {
        reportError(tr("Export failed"), QString::fromUtf8(e.what()));
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1 (%2 × %3 × %4, %5 Å/voxel)")
                                 .arg(path)
                                 .arg(m_volume.nx)
                                 .arg(m_volume.ny)
                                 .arg(m_volume.nz)
                                 .arg(m_volume.voxelSize, 0, 'f', 3),
                             10000);
    return true;
}

bool MainWindow::exportTrajectoryMaps(const QString& dir)
{
    if (!m_trajectory || m_trajectory->trajectory().frameCount() == 0) {
        reportError(tr("Export Trajectory Maps"), tr("Compute a trajectory first (Analysis → Trajectory…)."));
        return false;
    }
    const TrajectoryFrames* frames = m_trajectory->frames();
    if (!frames->isComplete()) {
        reportError(tr("Export Trajectory Maps"),
                    tr("The frames are still being decoded (%1). Try again when all are done.")
                        .arg(m_trajectory->progressText()));
        return false;
    }
    try {
        const std::filesystem::path out = dir.toStdString();
        const auto paths = cryo::writeMapSeries(out, "frame_", frames->volumes());
        cryo::ChimeraXSeriesStyle style;
        style.level = m_level;
        style.color = m_viewer->surfaceColor().name().toStdString();
        cryo::writeChimeraXSeriesScript(out / "trajectory.cxc", paths, style);
        const LatentTrajectory& t = m_trajectory->trajectory();
        std::ofstream text(out / "z.txt");
        text << "# " << t.title.toStdString() << ": one z per frame\n";
        for (int f = 0; f < t.frameCount(); ++f) {
            const std::vector<float> z = t.frameZ(f);
            for (std::size_t c = 0; c < z.size(); ++c)
                text << (c ? " " : "") << z[c];
            text << '\n';
        }
        if (!text)
            throw cryo::FileError(out / "z.txt", "cannot write");
    } catch (const std::exception& e) {
        reportError(tr("Export failed"), QString::fromUtf8(e.what()));
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1 maps and trajectory.cxc to %2").arg(frames->frameCount()).arg(dir), 10000);
    return true;
}

void MainWindow::chooseShownMapPath()
{
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Shown Map"),
                                                      settings.value(QStringLiteral("lastDirectory")).toString(),
                                                      tr("MRC maps (*.mrc)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    exportShownMap(path.endsWith(QLatin1String(".mrc"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".mrc"));
}

void MainWindow::chooseTrajectoryExportDir()
{
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Trajectory Maps to Folder"),
                                                          settings.value(QStringLiteral("lastDirectory")).toString());
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), dir);
    exportTrajectoryMaps(dir);
}
