#include "MainWindow.h"

#include "CryodrgnRunOpener.h"

#include "LandscapeController.h"
#include "ValidationController.h"
#include "ParticlesDialog.h"
#include "RecentFiles.h"
#include "ThresholdPanel.h"
#include "VolumeViewer.h"
#include "analysis/MapMeasures.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QColorDialog>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QScreen>
#include <QStatusBar>

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

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Cryoscape"));
    setAcceptDrops(true);
    m_viewer = new VolumeViewer(this);
    setCentralWidget(m_viewer);

    m_threshold = new ThresholdPanel(this);
    auto* dock = new QDockWidget(tr("Contour level"), this);
    dock->setObjectName(QStringLiteral("contourDock"));
    dock->setWidget(m_threshold);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    connect(m_threshold, &ThresholdPanel::levelChanged, this, &MainWindow::setLevel);

    m_mapLabel = new QLabel(tr("No map open — File → Open Map… or drop an .mrc, .star or .cs file here"), this);
    m_levelLabel = new QLabel(this);
    statusBar()->addWidget(m_mapLabel, 1);
    statusBar()->addPermanentWidget(m_levelLabel);
    m_runLabel = new QLabel(this);   // which run is open ("… · cryoDRGN run, epoch 12")
    statusBar()->addPermanentWidget(m_runLabel);

    createTrainingUi();
    createExplorerUi();
    createTrajectoryUi();
    createMenus();
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // Scatter panels, 3D view and docks side by side need room: most of the screen.
        const QSize available = screen() ? screen()->availableSize() : QSize(1400, 900);
        resize(std::max(1400, int(available.width() * 0.92)), std::max(900, int(available.height() * 0.9)));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_trainingDock->hide();   // shown when a run starts
    m_explorerDock->hide();   // shown when a run opens
    m_selectionDock->hide();
    m_galleryDock->hide();
    m_montageDock->hide();
    m_trajectoryDock->hide();
    m_landscape = new LandscapeController(this);   // Analysis → Landscape… and its dock
    m_validation = new ValidationController(this, analysisMenu());   // Analysis → Backproject Selection
    const QColor background = settings.value(QStringLiteral("view/background")).value<QColor>();
    if (background.isValid())
        m_viewer->setBackground(background);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Map…"), this, &MainWindow::chooseMapToOpen);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a density map (.mrc, .map)"));
    QAction* particles = file->addAction(tr("Open &Particles…"), this, &MainWindow::chooseParticlesToOpen);
    particles->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    particles->setStatusTip(tr("Open a particle dataset (.star, .cs, .mrcs, .txt) and look at its images"));
    QAction* openRun = file->addAction(tr("Open R&un…"), this, &MainWindow::chooseRunToOpen);
    openRun->setStatusTip(tr("Open a training run: its directory or run.h5, or a cryoDRGN output directory"));
    QMenu* recentMenu = file->addMenu(tr("Open &Recent"));
    m_recent = new RecentFiles(recentMenu, this);
    RunOpenerHost host;
    host.note = [this](const QString& title, const QString& message, bool warning) { showNote(title, message, warning); };
    host.remember = [this](const QString& path) { m_recent->add(path); };
    m_cryodrgn = new CryodrgnRunOpener(this, file, m_loader, std::move(host));
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
    file->addSeparator();
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    createExplorerMenus(file, edit);
    createTrajectoryMenus(file, analysisMenu());
    createMovieMenu(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* reset = view->addAction(tr("&Reset Camera"), m_viewer, &VolumeViewer::resetCamera);
    reset->setShortcut(Qt::Key_R | Qt::CTRL);
    QMenu* background = view->addMenu(tr("&Background"));
    const std::pair<QString, QColor> presets[] = {
        {tr("Dark blue"), QColor(28, 32, 44)}, {tr("Black"), Qt::black}, {tr("White"), Qt::white}};
    for (const auto& [name, color] : presets) {
        const QColor c = color;
        background->addAction(name, this, [this, c] {
            m_viewer->setBackground(c);
            QSettings().setValue(QStringLiteral("view/background"), c);
        });
    }
    background->addAction(tr("Other…"), this, &MainWindow::chooseBackground);
    QAction* outline = view->addAction(tr("Show &Outline"));
    outline->setCheckable(true);
    outline->setChecked(true);
    m_outlineAction = outline;
    connect(outline, &QAction::toggled, m_viewer, &VolumeViewer::setOutlineVisible);
    QAction* axes = view->addAction(tr("Show &Axes"));
    axes->setCheckable(true);
    axes->setChecked(true);
    m_axesAction = axes;
    connect(axes, &QAction::toggled, m_viewer, &VolumeViewer::setAxesVisible);

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    QAction* train = model->addAction(tr("&Train…"), this, &MainWindow::showTrainingDialog);
    train->setShortcut(Qt::CTRL | Qt::Key_T);
    train->setStatusTip(tr("Train a model of the structural heterogeneity of a particle dataset"));
    model->addAction(m_trainingDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Cryoscape"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
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
    m_recent->add(path);
    showVolume(volume, QFileInfo(path).fileName());
    return true;
}

bool MainWindow::openFile(const QString& path)
{
    if (path.endsWith(QLatin1String(".session.h5")) || path.endsWith(QLatin1String(".autosave")) ||
        path.endsWith(QLatin1String("session.autosave.h5")))
        return openSession(path);
    if (CryodrgnRunOpener::isCryodrgnRun(path))
    {
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
    m_recent->add(path);
    m_particlesPath = path;
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
    m_volume = volume;
    m_stats = cryo::computeStats(m_volume);
    m_level = cryo::defaultContourLevel(m_stats);
    m_threshold->setMap(m_volume, m_stats, m_level);
    m_viewer->setVolume(m_volume, true);
    m_viewer->setLevel(m_level);
    setWindowTitle(tr("%1 — Cryoscape").arg(title));
    updateStatus();
}

void MainWindow::setLevel(double level)
{
    m_level = level;
    m_viewer->setLevel(level);
    updateStatus();
}

void MainWindow::updateStatus()
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

QString MainWindow::statusText() const { return m_mapLabel->text() + QStringLiteral(" | ") + m_levelLabel->text(); }

void MainWindow::chooseMapToOpen()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastDirectory")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Map"), dir,
                                                      tr("Maps (*.mrc *.map *.mrcs);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    openMap(path);
}

void MainWindow::chooseParticlesToOpen()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastDirectory")).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Particles"), dir,
        tr("Particle datasets (*.star *.cs *.mrcs *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    openParticles(path);
}

void MainWindow::chooseBackground()
{
    const QColor c = QColorDialog::getColor(m_viewer->background(), this, tr("Background Colour"));
    if (!c.isValid())
        return;
    m_viewer->setBackground(c);
    QSettings().setValue(QStringLiteral("view/background"), c);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cryoscape"),
                       tr("<h3>Cryoscape %1</h3>"
                          "<p>Exploring structural heterogeneity in cryo-EM data.</p>"
                          "<p>Built with Qt %2, VTK, FFTW3, Eigen, HDF5 and LibTorch.</p>")
                           .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::reportError(const QString& title, const QString& message)
{
    if (m_interactive)
        QMessageBox::critical(this, title, message);
    else
        std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(message));
    statusBar()->showMessage(message, 10000);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmStopTraining()) {
        event->ignore();
        return;
    }
    autosave();
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
