#include "LandscapeController.h"

#include "ExplorerPanel.h"
#include "LandscapeDialog.h"
#include "LandscapePanel.h"
#include "FileChoice.h"
#include "MapStage.h"
#include "WindowHost.h"
#include "SelectionModel.h"
#include "ThresholdPanel.h"
#include "VolumeViewer.h"
#include "io/H5File.h"
#include "io/MapSeries.h"
#include "util/Error.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMainWindow>

LandscapeController::LandscapeController(WindowHost& host)
    : QObject(host.mainWindow()), m_host(host), m_job(new LandscapeJob(this))
{
    QMainWindow* window = host.mainWindow();
    m_dock = new QDockWidget(tr("Landscape"), window);
    m_dock->setObjectName(QStringLiteral("landscapeDock"));
    window->addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    m_dock->hide();   // shown with a run's analysis, or when one is started
    m_action = host.menu(WindowHost::Menu::Analysis)->addAction(tr("&Landscape…"), this, &LandscapeController::showDialog);
    m_action->setStatusTip(tr("Decode volumes across the latent space, cluster them and find their principal "
                              "components (landscape analysis)"));
    m_action->setEnabled(false);   // until a run with latents is open
    connect(m_job, &LandscapeJob::progress, this, [this](double f, const QString& text) {
        if (m_panel)
            m_panel->showProgress(f, text);
    });
    connect(m_job, &LandscapeJob::finished, this, &LandscapeController::jobFinished);
    connect(m_job, &LandscapeJob::failed, this, &LandscapeController::jobFailed);
    connect(m_job, &LandscapeJob::cancelled, this, [this] {
        if (m_panel)
            m_panel->showIdle();
        message(tr("Landscape analysis cancelled"));
    });
}

std::shared_ptr<const LandscapeState> LandscapeController::readState(const QString& runDir)
{
    const auto path = cryo::runFilePath(runDir.toStdString());
    std::optional<cryo::LandscapeTable> table;
    {
        const cryo::H5File file(path, cryo::H5File::Mode::ReadOnly);
        table = cryo::readLandscape(file);
    }
    if (!table)
        return nullptr;
    auto state = std::make_shared<LandscapeState>();
    state->runDir = runDir;
    state->table = std::move(*table);
    try {
        state->maps = cryo::readLandscapeMaps(runDir.toStdString(), state->table.clusters);
        if (!state->maps)
            state->mapsProblem = tr("%1 not found (made by an older version?): run the analysis again")
                                     .arg(QString::fromStdString(cryo::landscapeMapsDir(runDir.toStdString()).string()));
    } catch (const std::exception& e) {
        state->mapsProblem = QString::fromUtf8(e.what());
    }
    return state;
}

void LandscapeController::openRun(ExplorerPanel* explorer)
{
    if (m_job->isRunning())
        m_job->cancel();   // its result belongs to the run shown before
    delete m_panel;
    m_explorer = explorer;
    m_action->setEnabled(explorer != nullptr);
    if (!explorer) {
        m_dock->hide();
        return;
    }
    m_panel = new LandscapePanel(explorer->sharedTables(), explorer->selection(), m_dock);
    m_dock->setWidget(m_panel);
    // The panel's scatter points at the explorer's selection model: it goes with it.
    connect(explorer->selection(), &QObject::destroyed, m_panel, [panel = m_panel] { delete panel; });
    connect(m_panel, &LandscapePanel::volumeRequested, this, &LandscapeController::showVolume);
    connect(m_panel, &LandscapePanel::computeRequested, this, &LandscapeController::showDialog);
    connect(m_panel, &LandscapePanel::cancelRequested, m_job, &LandscapeJob::cancel);
    connect(m_panel, &LandscapePanel::exportRequested, this, &LandscapeController::chooseExportDir);
    std::shared_ptr<const LandscapeState> state;
    try {
        state = readState(explorer->tables().runDir);
    } catch (const std::exception& e) {
        message(tr("Landscape analysis not read: %1").arg(QString::fromUtf8(e.what())));
    }
    m_panel->setState(state);
    if (state) {
        showDock();
        if (!state->maps)
            message(tr("Landscape maps not available: %1").arg(state->mapsProblem));
    } else {
        m_dock->hide();
    }
}

bool LandscapeController::start(const cryo::LandscapeOptions& options, bool fullMaps)
{
    if (!m_explorer || !m_panel || m_job->isRunning())
        return false;
    auto tables = m_explorer->sharedTables();
    LandscapeJobRequest request;
    request.runDir = tables->runDir;
    request.z = std::shared_ptr<const cryo::LatentTable>(tables, &tables->latents);   // shares ownership
    request.options = options;
    request.fullMaps = fullMaps;
    if (!m_job->start(std::move(request)))
        return false;
    m_jobRunDir = tables->runDir;
    m_lastOptions = options;
    m_lastFullMaps = fullMaps;
    m_panel->showProgress(0, tr("starting…"));
    showDock();
    return true;
}

void LandscapeController::showDialog()
{
    if (!m_explorer || m_job->isRunning())
        return;
    LandscapeDialog dialog(m_explorer->tables().count(), m_host.mainWindow());
    dialog.setOptions(m_lastOptions, m_lastFullMaps);
    if (dialog.exec() == QDialog::Accepted)
        start(dialog.options(), dialog.fullMaps());
}

void LandscapeController::jobFinished(std::shared_ptr<const LandscapeState> state, const QString& storeProblem)
{
    if (!m_panel || !m_explorer || state->runDir != m_explorer->tables().runDir)
        return;   // another run has been opened since
    m_panel->showIdle();
    m_panel->setState(state);
    showDock();
    const auto& t = state->table;
    message(storeProblem.isEmpty()
                ? tr("Landscape: %1 clusters of %2 sketch volumes, stored in run.h5 and %3")
                      .arg(t.clusters)
                      .arg(t.sketchParticles.size())
                      .arg(QString::fromStdString(cryo::landscapeMapsDir(state->runDir.toStdString()).string()))
                : tr("Landscape computed, but not stored: %1").arg(storeProblem));
    if (state->maps && !state->maps->clusterMeans.empty())
        m_panel->setCurrentCluster(0);
}

void LandscapeController::showDock()
{
    // A tab beside the latent-space dock: both scatters are wide and share one selection.
    auto* explorerDock = m_explorer ? qobject_cast<QDockWidget*>(m_explorer->parentWidget()) : nullptr;
    if (!m_tabbed && explorerDock && !explorerDock->isFloating()) {
        m_host.mainWindow()->tabifyDockWidget(explorerDock, m_dock);
        m_tabbed = true;
    }
    m_dock->show();
    m_dock->raise();
}

void LandscapeController::jobFailed(const QString& message)
{
    if (m_panel)
        m_panel->showIdle();
    this->message(tr("Landscape analysis not done: %1").arg(message));
}

void LandscapeController::showVolume(std::shared_ptr<const cryo::Volume> map, const QString& description)
{
    if (map)
        m_host.stage().showMapKeepingView(*map, description);
}

void LandscapeController::message(const QString& text) { m_host.message(text, 15000); }

std::vector<std::filesystem::path> LandscapeController::exportClusterMaps(const QString& dir, QString* problem)
{
    const LandscapeState* state = m_panel ? m_panel->state() : nullptr;
    try {
        if (!state || !state->maps)
            throw cryo::UsageError(tr("no cluster maps to export").toStdString());
        const std::filesystem::path out = dir.toStdString();
        const auto maps = cryo::writeMapSeries(out, "cluster_", state->maps->clusterMeans, 2);
        cryo::ChimeraXSeriesStyle style;
        style.level = m_host.stage().thresholdPanel()->level();
        if (!(style.level > 0))   // nothing shown yet: the series' own level
            style.level = cryo::seriesLevel(state->maps->clusterMeans);
        style.color = m_host.stage().viewer()->surfaceColor().name().toStdString();
        cryo::writeChimeraXSeriesScript(out / "cluster_maps.cxc", maps, style);
        return maps;
    } catch (const std::exception& e) {
        if (problem)
            *problem = QString::fromUtf8(e.what());
        return {};
    }
}

void LandscapeController::chooseExportDir()
{
    const QString dir = chooseDirectory(m_host.mainWindow(), tr("Export Cluster Maps"));
    if (dir.isEmpty())
        return;
    QString problem;
    const auto maps = exportClusterMaps(dir, &problem);
    message(maps.empty() ? tr("Cluster maps not exported: %1").arg(problem)
                         : tr("Wrote %1 cluster maps and cluster_maps.cxc to %2").arg(maps.size()).arg(dir));
}
