// The main window's exploration parts: opening a run into the latent-space dock, maps
// decoded on click (preview, then full), undo/redo, export of the selection, sessions
// with autosave.
#include "MainWindow.h"

#include "ClusterGallery.h"
#include "CryodrgnRunOpener.h"
#include "ExplorerPanel.h"
#include "LandscapeController.h"
#include "ParticleMontage.h"
#include "MapDecoder.h"
#include "RunSummary.h"
#include "ScatterPanel.h"
#include "SelectionModel.h"
#include "SelectionPanel.h"
#include "SessionIO.h"
#include "ThresholdPanel.h"
#include "VolumeViewer.h"
#include "analysis/MapMeasures.h"
#include "io/H5File.h"
#include "particles/ParticleDataset.h"
#include "particles/SubsetExport.h"
#include "run/RunFile.h"
#include "run/RunParticles.h"
#include "run/RunPoses.h"
#include "RunFollowController.h"
#include "RunLoader.h"
#include "ValidationController.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cmath>
#include <filesystem>

namespace {

constexpr int kAutosaveMs = 60 * 1000;

} // namespace

void MainWindow::createExplorerUi()
{
    m_explorerDock = new QDockWidget(tr("Latent space"), this);
    m_explorerDock->setObjectName(QStringLiteral("latentDock"));
    addDockWidget(Qt::LeftDockWidgetArea, m_explorerDock);
    m_selectionDock = new QDockWidget(tr("Selections"), this);
    m_selectionDock->setObjectName(QStringLiteral("selectionDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_selectionDock);

    m_galleryDock = new QDockWidget(tr("Cluster maps"), this);
    m_galleryDock->setObjectName(QStringLiteral("galleryDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_galleryDock);
    m_montage = new ParticleMontage;
    m_montage->setGrid(10, 2);
    m_montage->setMinimumSize(240, 150);   // a strip under the panels, not its default 480 × 360
    m_montageDock = new QDockWidget(tr("Selected particles"), this);
    m_montageDock->setObjectName(QStringLiteral("montageDock"));
    m_montageDock->setWidget(m_montage);
    addDockWidget(Qt::BottomDockWidgetArea, m_montageDock);
    tabifyDockWidget(m_galleryDock, m_montageDock);

    m_decoder = new MapDecoder(this);
    connect(m_decoder, &MapDecoder::mapReady, this, &MainWindow::showDecodedMap);
    connect(m_decoder, &MapDecoder::failed, this,
            [this](const QString& message) { reportError(tr("Cannot decode maps"), message); });
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kAutosaveMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, [this] { autosave(); });
    m_loader = new RunLoader(this);
    connectRunLoader();
}

void MainWindow::createExplorerMenus(QMenu* file, QMenu* edit)
{
    file->addSeparator();
    file->addAction(tr("Open &Session…"), this, &MainWindow::chooseSessionToOpen);
    QAction* save = file->addAction(tr("&Save Session…"), this, &MainWindow::chooseSessionToSave);
    save->setShortcut(QKeySequence::Save);
    file->addSeparator();
    QAction* exportSel = file->addAction(tr("&Export Selection…"), this, [this] { chooseExportPath(false); });
    exportSel->setShortcut(Qt::CTRL | Qt::Key_E);
    exportSel->setStatusTip(tr("Write the selected particles as RELION .star, cryoSPARC .cs, index list or cryoDRGN .pkl"));
    file->addAction(tr("Export &Complement…"), this, [this] { chooseExportPath(true); });

    m_undo = edit->addAction(tr("&Undo Selection"), this, [this] {
        if (m_explorer)
            m_explorer->selection()->undo();
    });
    m_undo->setShortcut(Qt::CTRL | Qt::Key_Z);
    m_redo = edit->addAction(tr("&Redo Selection"), this, [this] {
        if (m_explorer)
            m_explorer->selection()->redo();
    });
    m_redo->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    edit->addSeparator();
    edit->addAction(tr("&Invert Selection"), this, [this] {
        if (m_explorer)
            m_explorer->selection()->invertCurrent();
    });
    edit->addAction(tr("&Clear Selection"), this, [this] {
        if (m_explorer)
            m_explorer->selection()->clearCurrent();
    });
    edit->addAction(tr("&Map of Selection"), this, [this] {
        if (m_explorer)
            m_explorer->requestSelectionMap();
    });
    updateUndoActions();
}

void MainWindow::updateUndoActions()
{
    const SelectionModel* model = m_explorer ? m_explorer->selection() : nullptr;
    m_undo->setEnabled(model && model->canUndo());
    m_redo->setEnabled(model && model->canRedo());
    m_undo->setText(model && model->canUndo() ? tr("&Undo %1").arg(model->undoText()) : tr("&Undo Selection"));
    m_redo->setText(model && model->canRedo() ? tr("&Redo %1").arg(model->redoText()) : tr("&Redo Selection"));
}

bool MainWindow::openRun(const QString& runDirOrFile)
{
    if (!QFileInfo::exists(runDirOrFile)) {
        reportError(tr("Cannot open run"), tr("%1: no such file or directory").arg(runDirOrFile));
        return false;
    }
    if (m_follow->followIfRunning(runDirOrFile))
        return true;   // another process still trains it: the Training monitor follows it
    RunLoadRequest request;
    request.path = runDirOrFile;
    m_loader->open(request);
    return true;
}

// Reports from the background open (RunLoader), in the order they arrive.
void MainWindow::connectRunLoader()
{
    m_openProgress = new QProgressBar(this);
    m_openProgress->setRange(0, 1000);
    m_openProgress->setMaximumWidth(160);
    m_openProgress->hide();
    statusBar()->addPermanentWidget(m_openProgress);
    JobRunner* runner = m_loader->runner();
    connect(runner, &JobRunner::progress, this, [this](double fraction, const QString& stage) {
        m_openProgress->setValue(int(fraction * 1000));
        m_openProgress->setFormat(stage);
        m_openProgress->setTextVisible(true);
        m_openProgress->show();
    });
    connect(m_loader, &RunLoader::summaryReady, this, [this](const QString& summary) { m_lastRunSummary = summary; });
    connect(m_loader, &RunLoader::tablesReady, this, &MainWindow::showRunTables);
    connect(m_loader, &RunLoader::particlesReady, this, &MainWindow::showRunParticles);
    connect(m_loader, &RunLoader::notExplorable, this, [this](const QString& runDir, const QString& why) {
        if (!openHomogeneousRun(runDir))   // no latents yet: the summary is all there is
            showNote(tr("Training run"), m_lastRunSummary + QStringLiteral("\n\n") + why, false);
    });
    connect(runner, &JobRunner::failed, this, [this](const QString& message) {
        reportError(m_loader->request().cryodrgn ? tr("Cannot open the cryoDRGN run") : tr("Cannot open run"), message);
    });
    connect(runner, &JobRunner::ended, this, [this](JobRunner::State state) {
        m_openProgress->hide();
        finishRunOpen(state == JobRunner::State::Completed);   // MainWindowSession.cpp
        Q_EMIT runOpenEnded(state == JobRunner::State::Completed);
    });
}

bool MainWindow::isOpeningRun() const
{
    return m_loader->isLoading();
}

void MainWindow::showRunTables(std::shared_ptr<const RunTables> tables)
{
    autosave();   // the run shown so far
    closeExplorer();
    m_homogeneousRun.clear();
    m_explorer = new ExplorerPanel(tables, m_explorerDock);
    m_explorerDock->setWidget(m_explorer);
    m_selectionDock->setWidget(m_explorer->selectionPanel());
    m_explorerDock->show();
    m_selectionDock->show();

    connect(m_explorer, &ExplorerPanel::mapRequested, this,
            [this](const std::vector<float>& z, const QString& description, qint64) { requestMap(z, description); });
    connect(m_explorer, &ExplorerPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(m_explorer->selection(), &SelectionModel::changed, this, &MainWindow::updateUndoActions);
    connect(m_explorer->selection(), &SelectionModel::changed, this, &MainWindow::updateMontage);
    m_gallery = new ClusterGallery(tables, m_galleryDock);
    m_galleryDock->setWidget(m_gallery);
    connect(m_gallery, &ClusterGallery::mapRequested, this,
            [this](const std::vector<float>& z, const QString& description, qint64) { requestMap(z, description); });
    connect(m_gallery, &ClusterGallery::clusterSelectRequested, m_explorer->selectionPanel(),
            &SelectionPanel::selectCluster);
    m_galleryDock->show();
    m_montageDock->show();
    m_galleryDock->raise();
    createTrajectoryPanel();
    m_landscape->openRun(m_explorer);   // the run's landscape analysis, when stored
    m_validation->openRun(m_explorer);
    // Once the docks are laid out: the scatter panels and the 3D view share the width, the
    // right-hand column and the bottom strip stay small (MainWindowTrajectory.cpp).
    QTimer::singleShot(0, this, &MainWindow::arrangeExplorerDocks);
    updateMontage();
    updateUndoActions();
    m_sessionPath.clear();
    m_decodedShown = false;
    m_decoder->openRun(tables->runDir);
    m_autosaveTimer->start();
    setWindowTitle(tr("%1 — Cryoscape").arg(RunSummary::title(tables->config, tables->runDir)));
    m_runLabel->setText(RunSummary::title(tables->config, tables->runDir));
    m_cryodrgn->showRun(tables->runDir);
    m_runTablesShown = true;
    // Start with the map of the particle nearest the centre of the first k-means cluster.
    const std::int64_t first = tables->kmeans->centerParticles.empty() ? 0 : tables->kmeans->centerParticles[0];
    requestMap(tables->zRow(std::size_t(first)), tr("particle %1 · centre of cluster 0").arg(first));
}

void MainWindow::showRunParticles(const RunParticles& particles)
{
    if (!m_explorer)
        return;
    m_explorer->setParticles(particles);
    updateMontage();
    if (!particles.problem.isEmpty())
        statusBar()->showMessage(tr("Particles not available (no defocus/pose colours, no export): %1")
                                     .arg(particles.problem), 15000);
}

void MainWindow::closeExplorer()
{
    if (!m_explorer)
        return;
    m_validation->openRun(nullptr);
    delete m_selectionDock->widget();   // the selection panel refers to the old model
    delete m_explorer;
    delete m_gallery;
    m_explorer = nullptr;
    m_gallery = nullptr;
}

// A homogeneous run (a consensus map; homogeneous ab initio): no latent space to explore, its
// one map in the viewer. False when the run has a latent (it has not finished an epoch yet).
bool MainWindow::openHomogeneousRun(const QString& runDirOrFile)
{
    const auto path = cryo::runFilePath(runDirOrFile.toStdString());
    try {
        if (cryo::readRunConfig(cryo::H5File(path, cryo::H5File::Mode::ReadOnly)).model.zdim != 0)
            return false;
    } catch (const std::exception&) {
        return false;
    }
    autosave();
    closeExplorer();
    for (QDockWidget* dock : {m_explorerDock, m_selectionDock, m_galleryDock, m_montageDock, m_trajectoryDock})
        if (dock)
            dock->hide();   // nothing to explore
    const QString runDir = QString::fromStdString(std::filesystem::absolute(path).parent_path().string());
    m_homogeneousRun = runDir;
    m_sessionPath.clear();
    m_decodedShown = false;
    m_decoder->openRun(runDir);
    ++m_mapTag;
    m_mapDescription = tr("the run's map (homogeneous: no latent space)");
    m_mapClock.start();
    m_decoder->request({}, m_mapTag);
    const cryo::RunConfig config = cryo::readRunConfig(cryo::H5File(path, cryo::H5File::Mode::ReadOnly));
    setWindowTitle(tr("%1 — Cryoscape").arg(RunSummary::title(config, runDir)));
    m_runLabel->setText(RunSummary::title(config, runDir));
    m_cryodrgn->showRun(runDir);
    statusBar()->showMessage(tr("Homogeneous run: one map, no latent space to explore"), 15000);
    return true;
}

void MainWindow::requestMap(const std::vector<float>& z, const QString& description)
{
    if (z.empty())
        return;
    ++m_mapTag;
    m_mapDescription = description;
    m_mapClock.start();
    m_decoder->request(z, m_mapTag);
}

void MainWindow::showDecodedMap(std::shared_ptr<const cryo::Volume> map, bool preview, quint64 tag, double ms)
{
    if (tag != m_mapTag || !map)
        return;   // an older click: a newer map is on its way
    // Keep the camera and the contour level in σ units from one decoded map to the next.
    const double sigma = m_decodedShown ? m_threshold->sigmaLevel() : std::nan("");
    const double shownLevel = m_level;
    m_volume = *map;
    m_stats = cryo::computeStats(m_volume);
    m_level = std::isnan(sigma) ? cryo::defaultContourLevel(m_stats) : m_stats.mean + sigma * m_stats.rms;
    if (tag == m_trajectoryPreviewTag && m_decodedShown)
        m_level = shownLevel;   // trajectory frames keep the absolute level
    if (m_hasPendingLevel && !preview) {   // a session's level applies to full maps
        m_level = m_pendingLevel;
        m_hasPendingLevel = false;
    }
    m_threshold->setMap(m_volume, m_stats, m_level);
    m_viewer->setVolume(m_volume, !m_decodedShown);
    m_viewer->setLevel(m_level);
    if (m_hasPendingCamera) {   // a session's camera, once the first map has set one up
        setViewerCamera(m_pendingCamera);
        m_hasPendingCamera = false;
    }
    m_decodedShown = true;
    updateStatus();
    const double shownMs = double(m_mapClock.nsecsElapsed()) / 1e6;
    if (preview)
        m_previewLatencyMs = shownMs;
    m_decodeText = tr("%1 · %2 %3 ms (shown %4 ms after the request)")
                       .arg(m_mapDescription, preview ? tr("preview") : tr("full map"))
                       .arg(ms, 0, 'f', 0)
                       .arg(shownMs, 0, 'f', 0);
    m_mapLabel->setText(m_mapLabel->text() + QStringLiteral(" · ") + m_decodeText);
    Q_EMIT mapShown(preview, tag);
}

void MainWindow::updateMontage()
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

bool MainWindow::exportSelection(const QString& path, bool complement)
{
    // The run's particles and which of them: the explorer's selection, or all of a homogeneous run's.
    std::shared_ptr<const cryo::ParticleDataset> dataset;
    QString runDir, which;
    cryo::SubsetExportRequest request;
    try {
        if (m_explorer) {
            const RunParticles& particles = m_explorer->particles();
            if (!particles.dataset)
                throw std::runtime_error(tr("The run's particles cannot be opened: %1").arg(particles.problem).toStdString());
            dataset = particles.dataset;
            runDir = m_explorer->tables().runDir;
            request.selection = m_explorer->selection()->current().indices();
            request.invert = complement;
            which = complement ? tr("complement of the selection") : tr("the selection");
        } else if (!m_homogeneousRun.isEmpty()) {
            runDir = m_homogeneousRun;
            const cryo::RunConfig config = cryo::readRunConfig(
                cryo::H5File(cryo::runFilePath(runDir.toStdString()), cryo::H5File::Mode::ReadOnly));
            dataset = std::make_shared<const cryo::ParticleDataset>(cryo::openRunParticles(config));
            request.invert = true;   // the complement of nothing: every particle
            which = tr("all: a homogeneous run has no selection");
        } else {
            reportError(tr("Export"), tr("Open a run first."));
            return false;
        }
    } catch (const std::exception& e) {
        reportError(tr("Export"), QString::fromUtf8(e.what()));
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    const std::filesystem::path out = path.toStdString();
    if (suffix == QLatin1String("star"))
        request.star = out;
    else if (suffix == QLatin1String("cs"))
        request.cs = out;
    else if (suffix == QLatin1String("txt"))
        request.txt = out;
    else if (suffix == QLatin1String("pkl"))
        request.pkl = out;
    else {
        reportError(tr("Export"), tr("%1: unknown format (use .star, .cs, .txt or .pkl)").arg(path));
        return false;
    }
    try {
        if (!request.star.empty() || !request.cs.empty()) {   // an ab initio run's particles carry its poses
            const cryo::H5File run(cryo::runFilePath(runDir.toStdString()), cryo::H5File::Mode::ReadOnly);
            request.poses = cryo::exportPoses(run, *dataset);
        }
        const cryo::SubsetExportResult result = cryo::exportSubset(*dataset, request);
        QString text = tr("Wrote %1 of %2 particles (%3) to %4")
                           .arg(QLocale().toString(qulonglong(result.exported.size())),
                                QLocale().toString(qulonglong(dataset->size())), which, path);
        if (!request.poses.empty())
            text += tr(", with the poses this run found ab initio");
        for (const std::string& note : result.notes)
            text += QStringLiteral("\n") + QString::fromStdString(note);
        showNote(tr("Export"), text, false);
        return true;
    } catch (const std::exception& e) {
        reportError(tr("Export failed"), QString::fromUtf8(e.what()));
        return false;
    }
}

void MainWindow::chooseExportPath(bool complement)
{
    if (!m_explorer && m_homogeneousRun.isEmpty()) {
        reportError(tr("Export"), tr("Open a run first."));
        return;
    }
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastDirectory")).toString();
    const QString path = QFileDialog::getSaveFileName(
        this, complement ? tr("Export Complement") : tr("Export Selection"), dir,
        tr("RELION particles (*.star);;cryoSPARC particles (*.cs);;Index list (*.txt);;cryoDRGN indices (*.pkl)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    exportSelection(path, complement);
}
