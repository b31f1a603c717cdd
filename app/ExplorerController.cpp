#include "ExplorerController.h"

#include "ClusterGallery.h"
#include "ExplorerPanel.h"
#include "FileChoice.h"
#include "MapStage.h"
#include "ParticleMontage.h"
#include "ProgressValue.h"
#include "RunLoader.h"
#include "RunSummary.h"
#include "SelectionModel.h"
#include "SelectionPanel.h"
#include "WindowHost.h"
#include "io/H5File.h"
#include "particles/ParticleDataset.h"
#include "run/RunFile.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>

#include <filesystem>

ExplorerController::ExplorerController(WindowHost& host)
    : QObject(host.mainWindow()), m_host(host), m_loader(new RunLoader(this))
{
    createDocks();
    createMenus();
    connectLoader();
}

void ExplorerController::createDocks()
{
    QMainWindow* window = m_host.mainWindow();
    auto dock = [window](const QString& title, const char* name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, window);
        d->setObjectName(QString::fromLatin1(name));
        window->addDockWidget(area, d);
        return d;
    };
    m_explorerDock = dock(tr("Latent space"), "latentDock", Qt::LeftDockWidgetArea);
    m_selectionDock = dock(tr("Selections"), "selectionDock", Qt::RightDockWidgetArea);
    m_galleryDock = dock(tr("Cluster maps"), "galleryDock", Qt::BottomDockWidgetArea);
    m_montage = new ParticleMontage;
    m_montage->setGrid(10, 2);
    m_montage->setMinimumSize(240, 150);   // a strip under the panels, not its default 480 × 360
    m_montageDock = dock(tr("Selected particles"), "montageDock", Qt::BottomDockWidgetArea);
    m_montageDock->setWidget(m_montage);
    window->tabifyDockWidget(m_galleryDock, m_montageDock);
    m_runLabel = new QLabel(window);
    window->statusBar()->addPermanentWidget(m_runLabel);
}

void ExplorerController::createMenus()
{
    QMenu* file = m_host.menu(WindowHost::Menu::File);
    QAction* exportSel = file->addAction(tr("&Export Selection…"), this, [this] { chooseExportPath(false); });
    exportSel->setShortcut(Qt::CTRL | Qt::Key_E);
    exportSel->setStatusTip(tr("Write the selected particles as RELION .star, cryoSPARC .cs, index list or cryoDRGN .pkl"));
    file->addAction(tr("Export &Complement…"), this, [this] { chooseExportPath(true); });

    QMenu* edit = m_host.menu(WindowHost::Menu::Edit);
    auto onSelection = [this](auto action) {
        return [this, action] {
            if (m_explorer)
                action(*m_explorer);
        };
    };
    m_undo = edit->addAction(tr("&Undo Selection"), this, onSelection([](ExplorerPanel& e) { e.selection()->undo(); }));
    m_undo->setShortcut(Qt::CTRL | Qt::Key_Z);
    m_redo = edit->addAction(tr("&Redo Selection"), this, onSelection([](ExplorerPanel& e) { e.selection()->redo(); }));
    m_redo->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    edit->addSeparator();
    edit->addAction(tr("&Invert Selection"), this, onSelection([](ExplorerPanel& e) { e.selection()->invertCurrent(); }));
    edit->addAction(tr("&Clear Selection"), this, onSelection([](ExplorerPanel& e) { e.selection()->clearCurrent(); }));
    edit->addAction(tr("&Map of Selection"), this, onSelection([](ExplorerPanel& e) { e.requestSelectionMap(); }));
    updateUndoActions();
}

void ExplorerController::updateUndoActions()
{
    const SelectionModel* model = m_explorer ? m_explorer->selection() : nullptr;
    m_undo->setEnabled(model && model->canUndo());
    m_redo->setEnabled(model && model->canRedo());
    m_undo->setText(model && model->canUndo() ? tr("&Undo %1").arg(model->undoText()) : tr("&Undo Selection"));
    m_redo->setText(model && model->canRedo() ? tr("&Redo %1").arg(model->redoText()) : tr("&Redo Selection"));
}

bool ExplorerController::openRun(const QString& runDirOrFile)
{
    if (!QFileInfo::exists(runDirOrFile)) {
        m_host.reportError(tr("Cannot open run"), tr("%1: no such file or directory").arg(runDirOrFile));
        return false;
    }
    RunLoadRequest request;
    request.path = runDirOrFile;
    m_loader->open(request);
    return true;
}

// Until the open ended: loading, or the panels shown and the rest still to follow.
bool ExplorerController::isOpening() const { return m_loader->isLoading() || m_restToShow != nullptr; }

// Reports from the background open (RunLoader), in the order they arrive.
void ExplorerController::connectLoader()
{
    m_openProgress = new QProgressBar(m_host.mainWindow());
    m_openProgress->setRange(0, 1000);
    m_openProgress->setMaximumWidth(160);
    // Its room in the status bar is kept while hidden: showing it must not change the status
    // bar's height, which resizes the 3D view and re-renders it (~35 ms at the start of an open).
    QSizePolicy keepRoom = m_openProgress->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_openProgress->setSizePolicy(keepRoom);
    m_openProgress->hide();
    m_host.mainWindow()->statusBar()->addPermanentWidget(m_openProgress);
    JobRunner* runner = m_loader->runner();
    connect(runner, &JobRunner::progress, this, [this](double fraction, const QString& stage) {
        progressvalue::setLater(m_openProgress, int(fraction * 1000));
        m_openProgress->setFormat(stage);
        m_openProgress->setTextVisible(true);
        m_openProgress->show();
    });
    connect(m_loader, &RunLoader::summaryReady, this, [this](const QString& summary) { m_lastRunSummary = summary; });
    connect(m_loader, &RunLoader::tablesReady, this, &ExplorerController::showRunTables);
    connect(m_loader, &RunLoader::particlesReady, this, &ExplorerController::showRunParticles);
    connect(m_loader, &RunLoader::notExplorable, this, [this](const QString& runDir, const QString& why) {
        if (!openHomogeneousRun(runDir))   // no latents yet: the summary is all there is
            m_host.note(tr("Training run"), m_lastRunSummary + QStringLiteral("\n\n") + why, false);
    });
    connect(runner, &JobRunner::failed, this, [this](const QString& message) {
        m_host.reportError(m_loader->request().cryodrgn ? tr("Cannot open the cryoDRGN run") : tr("Cannot open run"),
                           message);
    });
    connect(runner, &JobRunner::stateChanged, this, [this](JobRunner::State state) {
        if (state == JobRunner::State::Running)
            showRestOfRun();   // another open starts: the last one is shown whole, and ends, first
    });
    connect(runner, &JobRunner::ended, this, [this](JobRunner::State state) {
        m_openProgress->hide();
        m_endedState = state;
        if (!m_restToShow)   // else showRestOfRun() says it, after runShown
            endOpen();
    });
}

void ExplorerController::endOpen()
{
    if (const std::optional<JobRunner::State> state = std::exchange(m_endedState, std::nullopt))
        Q_EMIT openEnded(*state == JobRunner::State::Completed, std::exchange(m_tablesShown, false));
}

// In three turns of the event loop, each followed by its own paint, so that input can come in
// between: the panels are built (hidden: nothing to paint yet), then shown (their first paint
// rasterises 10^6 points twice, ~15 ms), then the rest follows that paint. Built and shown at
// once, the delivery and that paint held the window ~70 ms in one stretch at a million
// particles. A window that does not paint (hidden) gets the rest after 100 ms.
void ExplorerController::showRunTables(std::shared_ptr<const RunTables> tables)
{
    Q_EMIT aboutToShowRun();
    closeExplorer();
    m_homogeneousRun.clear();
    m_explorer = new ExplorerPanel(tables, m_explorerDock);   // a hidden child until showExplorer
    connect(m_explorer, &ExplorerPanel::mapRequested, this, &ExplorerController::requestMap);
    connect(m_explorer, &ExplorerPanel::message, this, [this](const QString& text) { m_host.message(text); });
    connect(m_explorer->selection(), &SelectionModel::changed, this, &ExplorerController::updateUndoActions);
    connect(m_explorer->selection(), &SelectionModel::changed, this, &ExplorerController::updateMontage);
    m_tablesShown = true;
    m_restToShow = tables;
    QTimer::singleShot(1, m_explorer, [this] { showExplorer(); });
}

void ExplorerController::showExplorer()
{
    m_explorerDock->setWidget(m_explorer);
    m_selectionDock->setWidget(m_explorer->selectionPanel());
    for (QDockWidget* dock : {m_explorerDock, m_selectionDock})
        dock->show();
    connect(m_explorer, &ExplorerPanel::panelsPainted, this,
            [this] { QTimer::singleShot(1, m_explorer, [this] { showRestOfRun(); }); });
    QTimer::singleShot(100, m_explorer, [this] { showRestOfRun(); });   // showRestOfRun runs once
}

void ExplorerController::requestMap(const std::vector<float>& z, const QString& description)
{
    m_host.stage().requestMap(z, description);
}

// The cluster maps, the run's title, the features that follow the run (runShown), the montage
// and the first map.
void ExplorerController::showRestOfRun()
{
    const std::shared_ptr<const RunTables> tables = std::exchange(m_restToShow, nullptr);
    if (!tables || !m_explorer)
        return;
    m_gallery = new ClusterGallery(tables, m_galleryDock);
    m_galleryDock->setWidget(m_gallery);
    connect(m_gallery, &ClusterGallery::mapRequested, this, &ExplorerController::requestMap);
    connect(m_gallery, &ClusterGallery::clusterSelectRequested, m_explorer->selectionPanel(),
            &SelectionPanel::selectCluster);
    for (QDockWidget* dock : {m_galleryDock, m_montageDock})
        dock->show();
    m_galleryDock->raise();
    MapStage& stage = m_host.stage();
    stage.openRun(tables->runDir);
    showRunTitle(RunSummary::title(tables->config, tables->runDir));
    Q_EMIT runShown(m_explorer, tables->runDir);
    updateMontage();
    updateUndoActions();
    // Start with the map of the particle nearest the centre of the first k-means cluster.
    const std::int64_t first = tables->kmeans->centerParticles.empty() ? 0 : tables->kmeans->centerParticles[0];
    stage.requestMap(tables->zRow(std::size_t(first)), tr("particle %1 · centre of cluster 0").arg(first));
    endOpen();   // when the open ended before this ran
}

void ExplorerController::showRunTitle(const QString& title)
{
    m_host.mainWindow()->setWindowTitle(tr("%1 — Cryoscape").arg(title));
    m_runLabel->setText(title);
}

void ExplorerController::showRunParticles(const RunParticles& particles)
{
    if (!m_explorer)
        return;
    m_explorer->setParticles(particles);
    updateMontage();
    if (!particles.problem.isEmpty())
        m_host.message(tr("Particles not available (no defocus/pose colours, no export): %1").arg(particles.problem),
                       15000);
}

void ExplorerController::closeExplorer()
{
    m_restToShow.reset();
    if (!m_explorer)
        return;
    delete m_selectionDock->widget();   // the selection panel refers to the old model
    delete m_explorer;
    delete m_gallery;
    m_explorer = nullptr;
    m_gallery = nullptr;
}

bool ExplorerController::openHomogeneousRun(const QString& runDirOrFile)
{
    const auto path = cryo::runFilePath(runDirOrFile.toStdString());
    cryo::RunConfig config;
    try {
        config = cryo::readRunConfig(cryo::H5File(path, cryo::H5File::Mode::ReadOnly));
    } catch (const std::exception&) {
        return false;
    }
    if (config.model.zdim != 0)
        return false;
    Q_EMIT aboutToShowRun();
    closeExplorer();
    for (QDockWidget* dock : {m_explorerDock, m_selectionDock, m_galleryDock, m_montageDock})
        dock->hide();   // nothing to explore
    const QString runDir = QString::fromStdString(std::filesystem::absolute(path).parent_path().string());
    m_homogeneousRun = runDir;
    m_host.stage().openRun(runDir);
    m_host.stage().requestRunMap(tr("the run's map (homogeneous: no latent space)"));
    showRunTitle(RunSummary::title(config, runDir));
    Q_EMIT runShown(nullptr, runDir);
    m_host.message(tr("Homogeneous run: one map, no latent space to explore"), 15000);
    return true;
}

void ExplorerController::updateMontage()
{
    const std::shared_ptr<const RunTables> tables = m_explorer ? m_explorer->sharedTables() : nullptr;
    const std::shared_ptr<const cryo::ParticleDataset> dataset = m_explorer ? m_explorer->particles().dataset : nullptr;
    if (!tables || !dataset || !dataset->imagesAvailable()) {
        m_montage->setSource({});
        return;
    }
    auto indices = std::make_shared<const std::vector<std::size_t>>(m_explorer->selection()->current().indices());
    ParticleMontage::ImageSource source;
    source.count = int(indices->size());
    source.box = dataset->boxSize();
    source.read = [dataset, indices](int first, int n, float* out) {
        const std::size_t pixels = std::size_t(dataset->boxSize()) * std::size_t(dataset->boxSize());
        for (int i = 0; i < n; ++i)
            dataset->readImages((*indices)[std::size_t(first + i)], 1, out + std::size_t(i) * pixels);
    };
    source.caption = [tables, indices](int i) {
        const std::size_t particle = (*indices)[std::size_t(i)];
        return QStringLiteral("#%1 · k%2").arg(particle).arg(tables->kmeans->labels[particle]);
    };
    m_montage->setSource(std::move(source));
    m_montageDock->setWindowTitle(tr("Selected particles (%1)").arg(indices->size()));
}

void ExplorerController::chooseExportPath(bool complement)
{
    if (!m_explorer && m_homogeneousRun.isEmpty()) {
        m_host.reportError(tr("Export"), tr("Open a run first."));
        return;
    }
    const QString path = chooseFileToSave(
        m_host.mainWindow(), complement ? tr("Export Complement") : tr("Export Selection"),
        tr("RELION particles (*.star);;cryoSPARC particles (*.cs);;Index list (*.txt);;cryoDRGN indices (*.pkl)"));
    if (!path.isEmpty())
        exportSelection(path, complement);
}
