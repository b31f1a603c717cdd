#include "MainWindow.h"

#include "CryodrgnRunOpener.h"
#include "ExplorerController.h"
#include "FileChoice.h"
#include "LandscapeController.h"
#include "MapDecoder.h"
#include "MapStage.h"
#include "MovieController.h"
#include "ParticlesDialog.h"
#include "RecentFiles.h"
#include "RunFollowController.h"
#include "SessionController.h"
#include "TrainingDockController.h"
#include "TrainingController.h"
#include "TrajectoryController.h"
#include "ValidationController.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace {

bool isParticleFile(const QString& path)
{
    static const QStringList suffixes{"star", "cs", "mrcs", "txt"};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

bool isOpenable(const QString& path)
{
    static const QStringList suffixes{"mrc", "map", "star", "cs", "mrcs", "txt", "h5"};
    return QFileInfo(path).isDir() || suffixes.contains(QFileInfo(path).suffix().toLower());
}

bool isSessionFile(const QString& path)
{
    return path.endsWith(QLatin1String(".session.h5")) || path.endsWith(QLatin1String(".autosave")) ||
           path.endsWith(QLatin1String("session.autosave.h5"));
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_stage(new MapStage(this))
{
    setWindowTitle(tr("Cryoscape"));
    setAcceptDrops(true);
    createMenus();
    createFeatures();
    connectFeatures();
    m_file->addSeparator();
    QAction* quit = m_file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Cryoscape"), this, [this] {
        QMessageBox::about(this, tr("About Cryoscape"),
                           tr("<h3>Cryoscape %1</h3>"
                              "<p>Exploring structural heterogeneity in cryo-EM data.</p>"
                              "<p>Built with Qt %2, VTK, FFTW3, Eigen, HDF5 and LibTorch.</p>")
                               .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    restoreLayout();
}

// The menus the features fill; File's own entries open things.
void MainWindow::createMenus()
{
    m_file = menuBar()->addMenu(tr("&File"));
    QAction* open = m_file->addAction(tr("&Open Map…"), this, [this] {
        const QString path = chooseFileToOpen(this, tr("Open Map"), tr("Maps (*.mrc *.map *.mrcs);;All files (*)"));
        if (!path.isEmpty())
            openMap(path);
    });
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a density map (.mrc, .map)"));
    QAction* particles = m_file->addAction(tr("Open &Particles…"), this, [this] {
        const QString path = chooseFileToOpen(this, tr("Open Particles"),
                                              tr("Particle datasets (*.star *.cs *.mrcs *.txt);;All files (*)"));
        if (!path.isEmpty())
            openParticles(path);
    });
    particles->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    particles->setStatusTip(tr("Open a particle dataset (.star, .cs, .mrcs, .txt) and look at its images"));
    QAction* openRun = m_file->addAction(tr("Open R&un…"), this, [this] {
        const QString path = chooseFileToOpen(
            this, tr("Open Run"),
            tr("Runs (run.h5 config.yaml config.pkl weights*.pkl);;Cryoscape runs (run.h5);;"
               "cryoDRGN runs (config.yaml config.pkl weights*.pkl);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);   // run.h5, or a file of a cryoDRGN directory (weights.N.pkl: that epoch)
    });
    openRun->setStatusTip(tr("Open a training run: its directory or run.h5, or a cryoDRGN output directory"));
    m_recent = new RecentFiles(m_file->addMenu(tr("Open &Recent")), this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
    m_file->addSeparator();
    m_edit = menuBar()->addMenu(tr("&Edit"));
    m_analysis = menuBar()->addMenu(tr("&Analysis"));
    m_stage->fillViewMenu(menuBar()->addMenu(tr("&View")));
    m_model = menuBar()->addMenu(tr("&Model"));
}

void MainWindow::createFeatures()
{
    m_training = new TrainingDockController(*this);
    m_follow = new RunFollowController(m_training->monitor(), [this] { return m_training->controller()->isRunning(); },
                                       this);
    m_explorer = new ExplorerController(*this);
    m_cryodrgn = new CryodrgnRunOpener(*this, m_explorer->loader());
    m_sessions = new SessionController(*this, *m_explorer);
    m_trajectories = new TrajectoryController(*this);
    m_movies = new MovieController(*this);
    m_landscape = new LandscapeController(*this);
    m_validation = new ValidationController(*this);
    // [cluster maps | particles] [trajectory] [selections] under the 3D view, which needs
    // room between the latent panels (left) and the contour level (right).
    splitDockWidget(m_trajectories->dock(), m_explorer->selectionDock(), Qt::Horizontal);
}

// How the features follow each other: a finished training opens its run, an open run goes
// to every feature that works on it, a trajectory can become a movie.
void MainWindow::connectFeatures()
{
    connect(m_stage, &MapStage::mapShown, this, &MainWindow::mapShown);
    connect(m_stage->decoder(), &MapDecoder::failed, this,
            [this](const QString& message) { reportError(tr("Cannot decode maps"), message); });
    connect(m_training, &TrainingDockController::runFinished, this, &MainWindow::runFinished);
    connect(this, &MainWindow::runFinished, this, &MainWindow::openRun);
    connect(m_training, &TrainingDockController::trainingStarted, m_follow, &RunFollowController::stop);
    connect(m_follow, &RunFollowController::epochArrived, m_training, &TrainingDockController::showEpochLatents);
    connect(m_follow, &RunFollowController::runEnded, this, &MainWindow::openRun);
    connect(m_follow, &RunFollowController::message, this, [this](const QString& text) { message(text, 15000); });
    connect(m_explorer, &ExplorerController::runShown, this, [this](ExplorerPanel* explorer, const QString& runDir) {
        m_trajectories->openRun(explorer);
        m_landscape->openRun(explorer);   // the run's landscape analysis, when stored
        m_validation->openRun(explorer);
        m_movies->openRun(explorer);
        m_cryodrgn->showRun(runDir);
        if (explorer)   // once the docks are laid out
            QTimer::singleShot(0, this, &MainWindow::arrangeExplorerDocks);
    });
    connect(m_explorer, &ExplorerController::openEnded, this, [this](bool completed) { Q_EMIT runOpenEnded(completed); });
    connect(m_trajectories, &TrajectoryController::movieRequested, m_movies, &MovieController::showDialog);
    connect(m_movies, &MovieController::exportEnded, this, &MainWindow::movieExportEnded);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // Scatter panels, 3D view and docks side by side need room: most of the screen.
        const QSize available = screen() ? screen()->availableSize() : QSize(1400, 900);
        resize(std::max(1400, int(available.width() * 0.92)), std::max(900, int(available.height() * 0.9)));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        if (dock->objectName() != QLatin1String("contourDock"))
            dock->hide();   // shown when a run starts or opens
}

// The scatter panels and the 3D view share the width; the right-hand column and the bottom
// strip stay small.
void MainWindow::arrangeExplorerDocks()
{
    const int w = width();
    QDockWidget* selections = m_explorer->selectionDock();
    if (auto* contour = findChild<QDockWidget*>(QStringLiteral("contourDock")))
        resizeDocks({m_explorer->explorerDock(), contour}, {int(w * 0.38), contour->minimumSizeHint().width()},
                    Qt::Horizontal);
    const int right = selections->minimumSizeHint().width();
    resizeDocks({m_explorer->galleryDock(), m_trajectories->dock(), selections},
                {int(w * 0.36), std::max(200, w - int(w * 0.36) - right), right}, Qt::Horizontal);
    resizeDocks({m_explorer->galleryDock()}, {190}, Qt::Vertical);
}

bool MainWindow::openMap(const QString& path)
{
    cryo::Volume volume;
    try {
        volume = cryo::readMrc(path.toStdString());
    } catch (const std::exception& e) {
        reportError(tr("Cannot open map"), QString::fromUtf8(e.what()));
        return false;
    }
    remember(path);
    showVolume(volume, QFileInfo(path).fileName());
    return true;
}

bool MainWindow::openFile(const QString& path)
{
    if (isSessionFile(path))
        return m_sessions->openSession(path);
    if (CryodrgnRunOpener::isCryodrgnRun(path)) {
        m_cryodrgn->open(path);   // a cryoDRGN output directory, or its config or weights
        return true;
    }
    if (QFileInfo(path).isDir() || QFileInfo(path).suffix().toLower() == QLatin1String("h5"))
        return openRun(path);   // a run directory or its run.h5
    return isParticleFile(path) ? openParticles(path) != nullptr : openMap(path);
}

ParticlesDialog* MainWindow::openParticles(const QString& path)
{
    cryo::ParticleDatasetOptions options;
    options.requireImages = false;   // still show the summary when stacks are missing
    std::shared_ptr<cryo::ParticleDataset> dataset;
    try {
        dataset = std::make_shared<cryo::ParticleDataset>(cryo::ParticleDataset::open(path.toStdString(), options));
    } catch (const std::exception& e) {
        reportError(tr("Cannot open particles"), QString::fromUtf8(e.what()));
        return nullptr;
    }
    remember(path);
    m_training->setParticlesPath(path);
    auto* dialog = new ParticlesDialog(dataset, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    if (!dataset->problems().empty()) {
        QStringList problems;
        for (const std::string& p : dataset->problems())
            problems << QString::fromStdString(p);
        reportError(tr("Problems in %1").arg(QFileInfo(path).fileName()), problems.join(QLatin1Char('\n')));
    }
    return dialog;
}

void MainWindow::showVolume(const cryo::Volume& volume, const QString& title)
{
    m_stage->showVolume(volume);
    setWindowTitle(tr("%1 — Cryoscape").arg(title));
}

bool MainWindow::openRun(const QString& runDirOrFile)
{
    if (QFileInfo::exists(runDirOrFile) && m_follow->followIfRunning(runDirOrFile))
        return true;   // another process still trains it: the Training monitor follows it
    return m_explorer->openRun(runDirOrFile);
}

bool MainWindow::isOpeningRun() const { return m_explorer->isOpening(); }
QString MainWindow::statusText() const { return m_stage->statusText(); }
VolumeViewer* MainWindow::viewer() const { return m_stage->viewer(); }
ExplorerPanel* MainWindow::explorer() const { return m_explorer->explorer(); }

QMenu* MainWindow::menu(Menu which)
{
    switch (which) {
    case Menu::File: return m_file;
    case Menu::Edit: return m_edit;
    case Menu::Model: return m_model;
    case Menu::Analysis: return m_analysis;
    }
    return m_file;
}

void MainWindow::message(const QString& text, int milliseconds) { statusBar()->showMessage(text, milliseconds); }

void MainWindow::note(const QString& title, const QString& message, bool warning)
{
    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
    if (!m_interactive) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(message));
        return;
    }
    auto* box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title, message,
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);   // training signals and the window keep going while it is open
    box->show();
}

void MainWindow::reportError(const QString& title, const QString& message)
{
    if (m_interactive)
        QMessageBox::critical(this, title, message);
    else
        std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(message));
    statusBar()->showMessage(message, 10000);
}

void MainWindow::remember(const QString& path) { m_recent->add(path); }

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_training->confirmStop()) {
        event->ignore();
        return;
    }
    m_sessions->autosave();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile() && isOpenable(urls.first().toLocalFile()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    for (const QUrl& url : urls)
        openFile(url.toLocalFile());
    event->acceptProposedAction();
}
