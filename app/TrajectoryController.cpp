#include "TrajectoryController.h"

#include "FileChoice.h"
#include "MapDecoder.h"
#include "MapStage.h"
#include "TrajectoryFrames.h"
#include "TrajectoryPanel.h"
#include "VolumeViewer.h"
#include "WindowHost.h"
#include "io/ChimeraXScript.h"
#include "io/MapSeries.h"
#include "io/MrcFile.h"
#include "util/Error.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

#include <fstream>

TrajectoryController::TrajectoryController(WindowHost& host)
    : QObject(host.mainWindow()), m_host(host), m_dock(new QDockWidget(tr("Trajectory"), host.mainWindow()))
{
    m_dock->setObjectName(QStringLiteral("trajectoryDock"));
    host.mainWindow()->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    QAction* show = host.menu(WindowHost::Menu::Analysis)->addAction(tr("&Trajectory…"), this, [this] {
        if (!m_panel) {
            m_host.reportError(tr("Trajectory"), tr("Open a run first."));
            return;
        }
        m_dock->show();
        m_dock->raise();
    });
    show->setStatusTip(tr("Maps along a PC of z, through the k-means centres or along a path drawn on a panel"));
    QMenu* file = host.menu(WindowHost::Menu::File);
    file->addSeparator();
    QAction* shown = file->addAction(tr("Export Shown &Map…"), this, &TrajectoryController::chooseShownMapPath);
    shown->setStatusTip(tr("Write the map in the 3D view as .mrc"));
    QAction* frames = file->addAction(tr("Export &Trajectory Maps…"), this, &TrajectoryController::chooseExportDir);
    frames->setStatusTip(tr("Write every frame of the trajectory as .mrc with a ChimeraX script"));
}

void TrajectoryController::openRun(ExplorerPanel* explorer)
{
    delete m_panel;
    m_panel = nullptr;
    if (!explorer) {
        m_dock->hide();
        return;
    }
    MapStage& stage = m_host.stage();
    m_panel = new TrajectoryPanel(explorer, stage.decoder(), m_dock);
    m_dock->setWidget(m_panel);
    m_dock->show();
    connect(m_panel, &TrajectoryPanel::showMap, this,
            [&stage](std::shared_ptr<const cryo::Volume> map, const QString& description) {
                if (map)
                    stage.showFrame(*map, description);
            });
    connect(m_panel, &TrajectoryPanel::previewRequested, &stage, &MapStage::requestFramePreview);
    connect(m_panel, &TrajectoryPanel::exportRequested, this, &TrajectoryController::chooseExportDir);
    connect(m_panel, &TrajectoryPanel::movieRequested, this, &TrajectoryController::movieRequested);
    connect(m_panel, &TrajectoryPanel::message, this, [this](const QString& text) { m_host.message(text); });
}

bool TrajectoryController::exportShownMap(const QString& path)
{
    const cryo::Volume& map = m_host.stage().volume();
    if (map.data.empty()) {
        m_host.reportError(tr("Export Shown Map"), tr("No map is shown."));
        return false;
    }
    try {
        cryo::writeMrc(path.toStdString(), map);
    } catch (const std::exception& e) {
        m_host.reportError(tr("Export failed"), QString::fromUtf8(e.what()));
        return false;
    }
    m_host.message(tr("Wrote %1 (%2 × %3 × %4, %5 Å/voxel)")
                       .arg(path)
                       .arg(map.nx)
                       .arg(map.ny)
                       .arg(map.nz)
                       .arg(map.voxelSize, 0, 'f', 3));
    return true;
}

bool TrajectoryController::exportTrajectoryMaps(const QString& dir)
{
    if (!m_panel || m_panel->trajectory().frameCount() == 0) {
        m_host.reportError(tr("Export Trajectory Maps"), tr("Compute a trajectory first (Analysis → Trajectory…)."));
        return false;
    }
    const TrajectoryFrames* frames = m_panel->frames();
    if (!frames->isComplete()) {
        m_host.reportError(tr("Export Trajectory Maps"),
                           tr("The frames are still being decoded (%1). Try again when all are done.")
                               .arg(m_panel->progressText()));
        return false;
    }
    try {
        const std::filesystem::path out = dir.toStdString();
        const auto paths = cryo::writeMapSeries(out, "frame_", frames->volumes());
        cryo::ChimeraXSeriesStyle style;
        style.level = m_host.stage().level();
        style.color = m_host.stage().viewer()->surfaceColor().name().toStdString();
        cryo::writeChimeraXSeriesScript(out / "trajectory.cxc", paths, style);
        const LatentTrajectory& t = m_panel->trajectory();
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
        m_host.reportError(tr("Export failed"), QString::fromUtf8(e.what()));
        return false;
    }
    m_host.message(tr("Wrote %1 maps and trajectory.cxc to %2").arg(frames->frameCount()).arg(dir));
    return true;
}

void TrajectoryController::chooseShownMapPath()
{
    const QString path = chooseFileToSave(m_host.mainWindow(), tr("Export Shown Map"), tr("MRC maps (*.mrc)"));
    if (!path.isEmpty())
        exportShownMap(path.endsWith(QLatin1String(".mrc"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".mrc"));
}

void TrajectoryController::chooseExportDir()
{
    const QString dir = chooseDirectory(m_host.mainWindow(), tr("Export Trajectory Maps to Folder"));
    if (!dir.isEmpty())
        exportTrajectoryMaps(dir);
}
