#include "ValidationController.h"

#include "ExplorerPanel.h"
#include "SelectionModel.h"
#include "SelectionPanel.h"
#include "ValidationPanel.h"
#include "WindowHost.h"
#include "io/H5File.h"
#include "run/RunFile.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

#include <algorithm>
#include <thread>

namespace {

// An ab initio run keeps the poses it found in run.h5; those are the ones its decoder saw.
bool runHasOwnPoses(const QString& runDir)
{
    try {
        const cryo::H5File run(cryo::runFilePath(runDir.toStdString()), cryo::H5File::Mode::ReadOnly);
        return run.exists("/particles/rotations");
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

ValidationController::ValidationController(WindowHost& host)
    : QObject(host.mainWindow()), m_host(host), m_dock(new QDockWidget(tr("Validation"), host.mainWindow())),
      m_panel(new ValidationPanel(m_dock)), m_job(new ValidationJob(this))
{
    m_dock->setObjectName(QStringLiteral("validationDock"));
    m_dock->setWidget(m_panel);
    host.mainWindow()->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();   // shown with the first backprojection
    m_action = host.menu(WindowHost::Menu::Analysis)->addAction(tr("&Backproject Selection"), this, &ValidationController::backprojectSelection);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_action->setStatusTip(tr("Backproject the selected particles with their poses and CTF, and show the map beside "
                              "the decoder's map of the same particles, with their FSC"));
    m_action->setEnabled(false);   // until a run with latents is open
    connect(m_job, &ValidationJob::progress, m_panel, &ValidationPanel::showProgress);
    connect(m_job, &ValidationJob::finished, this, &ValidationController::jobFinished);
    connect(m_job, &ValidationJob::failed, this, &ValidationController::jobFailed);
    connect(m_job, &ValidationJob::cancelled, this, [this] {
        m_panel->showFailure(tr("cancelled"));
        message(tr("Backprojection cancelled"));
    });
    connect(m_panel, &ValidationPanel::cancelRequested, m_job, &ValidationJob::cancel);
}

void ValidationController::openRun(ExplorerPanel* explorer)
{
    if (m_job->isRunning())
        m_job->cancel();   // its result belongs to the run shown before
    m_explorer = explorer;
    m_action->setEnabled(explorer != nullptr);
    if (explorer)
        explorer->selectionPanel()->addSelectionCommand(m_action);   // the same command under the selection
}

bool ValidationController::backprojectSelection()
{
    if (!m_explorer || m_job->isRunning()) {
        message(m_job->isRunning() ? tr("A backprojection is running already.") : tr("Open a trained run first."));
        return false;
    }
    const RunTables& tables = m_explorer->tables();
    const std::vector<std::size_t> selection = m_explorer->selection()->current().indices();
    if (selection.empty()) {
        message(tr("Select particles in the latent space first (lasso, rectangle or a k-means cluster)."));
        return false;
    }
    ValidationRequest request;
    request.runDir = tables.runDir;
    request.config = tables.config;
    request.selection = selection;
    request.meanZ = tables.meanZ(selection);
    request.runPoses = runHasOwnPoses(tables.runDir);
    request.threads = int(std::max(1u, std::thread::hardware_concurrency() - 1));
    if (!m_job->start(std::move(request)))
        return false;
    m_jobRunDir = tables.runDir;
    m_jobSelection = tr("the selection (%L1 particles)").arg(selection.size());
    m_panel->showProgress(0, tr("starting…"));
    showDock();
    return true;
}

void ValidationController::showDock()
{
    // A tab beside the latent-space dock, as the landscape's: two map viewers need its width,
    // and the 3D view in the centre keeps its own.
    auto* explorerDock = m_explorer ? qobject_cast<QDockWidget*>(m_explorer->parentWidget()) : nullptr;
    if (!m_tabbed && explorerDock && !explorerDock->isFloating()) {
        m_host.mainWindow()->tabifyDockWidget(explorerDock, m_dock);
        m_tabbed = true;
    }
    m_dock->show();
    m_dock->raise();
}

void ValidationController::jobFinished(std::shared_ptr<const ValidationResult> result)
{
    if (!m_explorer || m_explorer->tables().runDir != m_jobRunDir)
        return;   // another run has been opened since
    m_panel->showResult(result, m_jobSelection);
    message(m_panel->summaryText());
}

void ValidationController::jobFailed(const QString& text)
{
    m_panel->showFailure(text);
    message(tr("Backprojection not done: %1").arg(text));
}

void ValidationController::message(const QString& text) { m_host.message(text, 15000); }
