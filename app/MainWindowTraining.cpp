// The main window's training parts: Model → Train…, File → Open Run…, the Training dock
// with the monitor, progress in the status bar, and quitting while a run is going.
#include "MainWindow.h"

#include "RunFollowController.h"
#include "RunSummary.h"
#include "TrainingBackend.h"
#include "TrainingController.h"
#include "TrainingDialog.h"
#include "TrainingMonitor.h"
#include "LatentScatterView.h"
#include "ScatterPanel.h"
#include "analysis/LatentPca.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>

#include <cstdio>

void MainWindow::createTrainingUi()
{
    m_monitor = new TrainingMonitor(this);
    m_trainingDock = new QDockWidget(tr("Training"), this);
    m_trainingDock->setObjectName(QStringLiteral("trainingDock"));
    m_trainingDock->setWidget(m_monitor);
    addDockWidget(Qt::BottomDockWidgetArea, m_trainingDock);
    m_trainingDock->toggleViewAction()->setText(tr("Training &Monitor"));

    m_trainingLabel = new QLabel(this);
    m_trainingProgress = new QProgressBar(this);
    m_trainingProgress->setRange(0, 1000);
    m_trainingProgress->setMaximumWidth(160);
    m_trainingProgress->setTextVisible(false);
    statusBar()->addPermanentWidget(m_trainingLabel);
    statusBar()->addPermanentWidget(m_trainingProgress);
    m_trainingLabel->hide();
    m_trainingProgress->hide();

    m_follow = new RunFollowController(m_monitor, [this] { return m_training->isRunning(); }, this);
    connect(m_follow, &RunFollowController::epochArrived, this, &MainWindow::showEpochLatents);
    connect(m_follow, &RunFollowController::runEnded, this, &MainWindow::openRun);
    connect(m_follow, &RunFollowController::message, this, [this](const QString& text) { statusBar()->showMessage(text, 15000); });
    m_training = new TrainingController(defaultTrainingFunction(), this);
    connectTraining();
    connect(m_monitor, &TrainingMonitor::cancelRequested, this, [this] { m_training->cancel(); });
    connect(m_monitor, &TrainingMonitor::resumeRequested, this, [this] { m_training->resume(); });
    connect(this, &MainWindow::runFinished, this, &MainWindow::openRun);

    // The latent space while training: PCA of z after each epoch, zoom kept between epochs.
    m_trainingScatter = new ScatterPanel;
    ScatterColouring density;
    density.kind = ScatterColouring::Kind::Density;
    m_trainingScatter->setColourSources({{tr("density"), density}});
    m_monitor->setLatentView(m_trainingScatter);
}

void MainWindow::showEpochLatents(const cryo::EpochSummary& summary)
{
    const int zdim = summary.zdim;
    const std::size_t count = zdim > 0 ? summary.zMu.size() / std::size_t(zdim) : 0;
    if (count < 2)
        return;   // homogeneous: nothing to show
    std::vector<float> x(count), y(count);
    QString xTitle = tr("PC 1"), yTitle = tr("PC 2");
    try {
        const auto pca = cryo::LatentPca::fit(summary.zMu.data(), count, zdim, std::min(zdim, 2));
        const std::vector<float> p = pca.project(summary.zMu.data(), count);
        const int pcs = pca.componentCount();
        for (std::size_t i = 0; i < count; ++i) {
            x[i] = p[i * std::size_t(pcs)];
            y[i] = pcs > 1 ? p[i * std::size_t(pcs) + 1] : float(i);
        }
        if (pcs < 2)
            yTitle = tr("particle");
    } catch (const std::exception&) {   // degenerate z (e.g. all equal early on): skip this epoch
        return;
    }
    auto column = [](std::vector<float> v) { return std::make_shared<const std::vector<float>>(std::move(v)); };
    const bool first = m_trainingScatter->view()->pointCount() != count;
    m_trainingScatter->setEmbeddings({{tr("PCA of z"), xTitle, yTitle,
                                       column(std::move(x)), column(std::move(y))}});
    if (first)
        m_trainingScatter->view()->resetView();
}

void MainWindow::connectTraining()
{
    connect(m_training, &TrainingController::started, this, [this](const cryo::TrainingOptions& options) {
        const auto history = options.resume ? RunSummary::history(QString::fromStdString(options.outDir.string()))
                                            : std::vector<cryo::EpochRecord>{};
        m_monitor->startRun(options, history);
        if (options.resume && options.abInitio)
            m_monitor->setPoseErrorHistory(RunSummary::poseErrorHistory(QString::fromStdString(options.outDir.string())));
        m_trainingScatter->setEmbeddings({});
        m_trainingDock->show();
        m_trainingDock->raise();
        m_trainingProgress->setValue(m_monitor->progressPermille());
        m_trainingLabel->setText(options.resume ? tr("Resuming training…") : tr("Training starts…"));
        m_trainingLabel->show();
        m_trainingProgress->show();
    });
    connect(m_training, &TrainingController::started, m_follow, &RunFollowController::stop);
    connect(m_training, &TrainingController::progress, this, &MainWindow::showTrainingProgress);
    connect(m_training, &TrainingController::epochFinished, m_monitor, &TrainingMonitor::addEpoch);
    connect(m_training, &TrainingController::epochFinished, this, &MainWindow::showEpochLatents);
    connect(m_training, &TrainingController::finished, this, &MainWindow::trainingFinished);
    connect(m_training, &TrainingController::failed, this, &MainWindow::trainingFailed);
}

bool MainWindow::setTrainingFunction(cryo::TrainingFunction function)
{
    if (m_training->isRunning())
        return false;
    delete m_training;
    m_training = new TrainingController(std::move(function), this);
    connectTraining();
    return true;
}

bool MainWindow::startTraining(const cryo::TrainingOptions& options)
{
    if (!m_training->start(options)) {
        reportError(tr("Training"), tr("A training run is already going. Cancel it first."));
        return false;
    }
    return true;
}

void MainWindow::showTrainingDialog()
{
    if (m_training->isRunning()) {
        reportError(tr("Training"), tr("A training run is already going. Cancel it first."));
        return;
    }
    TrainingDialog dialog(this);
    if (!m_particlesPath.isEmpty())
        dialog.setParticles(m_particlesPath);
    if (dialog.exec() == QDialog::Accepted)
        startTraining(dialog.options());
}

void MainWindow::showTrainingProgress(const cryo::TrainingProgress& progress)
{
    m_monitor->showProgress(progress);
    m_trainingProgress->setValue(m_monitor->progressPermille());
    if (progress.stage == "pose search")
        m_trainingLabel->setText(tr("Pose search: epoch %1/%2").arg(progress.epoch).arg(progress.epochs));
    else
        m_trainingLabel->setText(tr("Training: epoch %1/%2 · %3 left")
                                     .arg(progress.epoch)
                                     .arg(progress.epochs)
                                     .arg(m_monitor->etaText()));
}

void MainWindow::trainingFinished(const cryo::TrainingResult& result)
{
    m_monitor->showFinished(result);
    m_trainingProgress->hide();
    const QString dir = QString::fromStdString(result.runDir.string());
    if (result.cancelled) {
        m_trainingLabel->setText(tr("Training cancelled after epoch %1").arg(result.epochsCompleted));
        return;
    }
    m_trainingLabel->setText(tr("Training finished: %1 epochs").arg(result.epochsCompleted));
    Q_EMIT runFinished(dir);
}

void MainWindow::trainingFailed(const QString& message)
{
    m_monitor->showFailed(message);
    m_trainingProgress->hide();
    m_trainingLabel->setText(tr("Training failed"));
    showNote(tr("Training failed"), message, true);
}

QString MainWindow::trainingStatusText() const { return m_trainingLabel->text(); }

void MainWindow::chooseRunToOpen()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastDirectory")).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Run"), dir,
        tr("Runs (run.h5 config.yaml config.pkl weights*.pkl);;Cryoscape runs (run.h5);;"
           "cryoDRGN runs (config.yaml config.pkl weights*.pkl);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    openFile(path);   // run.h5, or a file of a cryoDRGN directory (weights.N.pkl: that epoch)
}

// Non-modal, so that training signals and the window keep going while it is open.
void MainWindow::showNote(const QString& title, const QString& message, bool warning)
{
    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
    if (!m_interactive) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(message));
        return;
    }
    auto* box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title, message,
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

bool MainWindow::confirmStopTraining()
{
    if (!m_training->isRunning())
        return true;
    if (m_interactive &&
        QMessageBox::question(this, tr("Quit Cryoscape"),
                              tr("Training is running — stop it and quit? The last finished epoch is kept and "
                                 "can be resumed.")) != QMessageBox::Yes)
        return false;
    m_training->cancel();   // the controller joins the job when it is destroyed with the window
    return true;
}
