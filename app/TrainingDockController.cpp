#include "TrainingDockController.h"

#include "ProgressValue.h"
#include "RunSummary.h"
#include "ScatterPanel.h"
#include "LatentScatterView.h"
#include "TrainingBackend.h"
#include "TrainingController.h"
#include "TrainingDialog.h"
#include "TrainingMonitor.h"
#include "WindowHost.h"
#include "analysis/LatentPca.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>

TrainingDockController::TrainingDockController(WindowHost& host)
    : QObject(host.mainWindow()), m_host(host), m_training(new TrainingController(defaultTrainingFunction(), this)),
      m_monitor(new TrainingMonitor(host.mainWindow())), m_dock(new QDockWidget(tr("Training"), host.mainWindow())),
      m_progress(new QProgressBar(host.mainWindow())), m_label(new QLabel(host.mainWindow())), m_scatter(new ScatterPanel)
{
    m_dock->setObjectName(QStringLiteral("trainingDock"));
    m_dock->setWidget(m_monitor);
    host.mainWindow()->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->toggleViewAction()->setText(tr("Training &Monitor"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    host.mainWindow()->statusBar()->addPermanentWidget(m_label);
    host.mainWindow()->statusBar()->addPermanentWidget(m_progress);
    m_label->hide();
    m_progress->hide();
    connectTraining();
    connect(m_monitor, &TrainingMonitor::cancelRequested, this, [this] { m_training->cancel(); });
    connect(m_monitor, &TrainingMonitor::resumeRequested, this, [this] { m_training->resume(); });
    // The latent space while training: PCA of z after each epoch, zoom kept between epochs.
    ScatterColouring density;
    density.kind = ScatterColouring::Kind::Density;
    m_scatter->setColourSources({{tr("density"), density}});
    m_monitor->setLatentView(m_scatter);

    QMenu* model = host.menu(WindowHost::Menu::Model);
    QAction* train = model->addAction(tr("&Train…"), this, &TrainingDockController::showTrainingDialog);
    train->setShortcut(Qt::CTRL | Qt::Key_T);
    train->setStatusTip(tr("Train a model of the structural heterogeneity of a particle dataset"));
    model->addAction(m_dock->toggleViewAction());
}

void TrainingDockController::connectTraining()
{
    connect(m_training, &TrainingController::started, this, &TrainingDockController::started);
    connect(m_training, &TrainingController::progress, this, &TrainingDockController::showProgress);
    connect(m_training, &TrainingController::epochFinished, m_monitor, &TrainingMonitor::addEpoch);
    connect(m_training, &TrainingController::epochFinished, this, &TrainingDockController::showEpochLatents);
    connect(m_training, &TrainingController::finished, this, &TrainingDockController::finished);
    connect(m_training, &TrainingController::failed, this, &TrainingDockController::failed);
}

bool TrainingDockController::setTrainingFunction(cryo::TrainingFunction function)
{
    if (m_training->isRunning())
        return false;
    delete m_training;
    m_training = new TrainingController(std::move(function), this);
    connectTraining();
    return true;
}

bool TrainingDockController::startTraining(const cryo::TrainingOptions& options)
{
    if (!m_training->start(options)) {
        m_host.reportError(tr("Training"), tr("A training run is already going. Cancel it first."));
        return false;
    }
    return true;
}

void TrainingDockController::showTrainingDialog()
{
    if (m_training->isRunning()) {
        m_host.reportError(tr("Training"), tr("A training run is already going. Cancel it first."));
        return;
    }
    TrainingDialog dialog(m_host.mainWindow());
    if (!m_particlesPath.isEmpty())
        dialog.setParticles(m_particlesPath);
    if (dialog.exec() == QDialog::Accepted)
        startTraining(dialog.options());
}

void TrainingDockController::started(const cryo::TrainingOptions& options)
{
    const QString outDir = QString::fromStdString(options.outDir.string());
    m_monitor->startRun(options, options.resume ? RunSummary::history(outDir) : std::vector<cryo::EpochRecord>{});
    if (options.resume && options.abInitio)
        m_monitor->setPoseErrorHistory(RunSummary::poseErrorHistory(outDir));
    m_scatter->setEmbeddings({});
    m_dock->show();
    m_dock->raise();
    m_progress->setValue(m_monitor->progressPermille());
    m_label->setText(options.resume ? tr("Resuming training…") : tr("Training starts…"));
    m_label->show();
    m_progress->show();
    Q_EMIT trainingStarted();
}

void TrainingDockController::showEpochLatents(const cryo::EpochSummary& summary)
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
    const bool first = m_scatter->view()->pointCount() != count;
    m_scatter->setEmbeddings({{tr("PCA of z"), xTitle, yTitle, column(std::move(x)), column(std::move(y))}});
    if (first)
        m_scatter->view()->resetView();
}

void TrainingDockController::showProgress(const cryo::TrainingProgress& progress)
{
    m_monitor->showProgress(progress);
    progressvalue::setLater(m_progress, m_monitor->progressPermille());
    if (progress.stage == "pose search")
        m_label->setText(tr("Pose search: epoch %1/%2").arg(progress.epoch).arg(progress.epochs));
    else
        m_label->setText(tr("Training: epoch %1/%2 · %3 left")
                             .arg(progress.epoch)
                             .arg(progress.epochs)
                             .arg(m_monitor->etaText()));
}

void TrainingDockController::finished(const cryo::TrainingResult& result)
{
    m_monitor->showFinished(result);
    m_progress->hide();
    if (result.cancelled) {
        m_label->setText(tr("Training cancelled after epoch %1").arg(result.epochsCompleted));
        return;
    }
    m_label->setText(tr("Training finished: %1 epochs").arg(result.epochsCompleted));
    Q_EMIT runFinished(QString::fromStdString(result.runDir.string()));
}

void TrainingDockController::failed(const QString& message)
{
    m_monitor->showFailed(message);
    m_progress->hide();
    m_label->setText(tr("Training failed"));
    m_host.note(tr("Training failed"), message, true);
}

QString TrainingDockController::statusText() const { return m_label->text(); }

bool TrainingDockController::confirmStop()
{
    if (!m_training->isRunning())
        return true;
    if (m_host.isInteractive() &&
        QMessageBox::question(m_host.mainWindow(), tr("Quit Cryoscape"),
                              tr("Training is running — stop it and quit? The last finished epoch is kept and "
                                 "can be resumed.")) != QMessageBox::Yes)
        return false;
    m_training->cancel();   // the controller joins the job when it is destroyed with the window
    return true;
}
