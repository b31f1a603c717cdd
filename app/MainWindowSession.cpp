// The main window's session parts: File → Save Session… / Open Session…, autosave every
// minute and on quit (docs/session-file.md). A session restores the run, the named and
// current selections, each scatter panel's axes and colours, and the viewer's contour
// level, background and overlays.
#include "MainWindow.h"

#include "ExplorerPanel.h"
#include "SelectionModel.h"
#include "SessionIO.h"
#include "VolumeViewer.h"
#include "VtkView.h"
#include "run/RunFile.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>

#include <vtkCamera.h>
#include <vtkRenderer.h>

namespace {

cryo::SelectionSet toSet(std::size_t count, const std::vector<std::int64_t>& indices)
{
    cryo::SelectionSet set(count);
    for (std::int64_t i : indices)
        set.set(std::size_t(i));   // throws UsageError out of range
    return set;
}

std::vector<std::int64_t> toInt64(const std::vector<std::size_t>& v) { return {v.begin(), v.end()}; }

} // namespace

ExplorerSession MainWindow::currentSession() const
{
    ExplorerSession s;
    const SelectionModel* model = m_explorer->selection();
    s.run = m_explorer->tables().runDir;
    for (int i = 0; i < model->namedCount(); ++i) {
        const cryo::SelectionSet& set = model->named()[std::size_t(i)].set;
        s.named.append({model->namedName(i), model->namedColour(i), toInt64(set.indices())});
        if (s.activeNamed < 0 && !set.empty() && set == model->current())
            s.activeNamed = i;
    }
    s.current = toInt64(model->current().indices());
    for (int p = 0; p < 2; ++p) {
        s.embeddings << m_explorer->embeddingKey(p);
        s.colours << m_explorer->colourKey(p);
    }
    s.kmeansClusters = m_explorer->tables().kmeans->clusters;
    s.hasLevel = m_decodedShown;
    s.level = m_level;
    s.background = m_viewer->background();
    s.showOutline = !m_outlineAction || m_outlineAction->isChecked();
    s.showAxes = !m_axesAction || m_axesAction->isChecked();
    s.hasCamera = m_decodedShown && viewerCamera(s.camera);
    return s;
}

void MainWindow::applySession(const ExplorerSession& s)
{
    SelectionModel* model = m_explorer->selection();
    const std::size_t count = model->particleCount();
    for (const SessionSelection& n : s.named) {
        model->combineCurrent(toSet(count, n.indices), cryo::SelectionMode::Replace, tr("session"));
        model->addNamedFromCurrent(n.name, n.colour);
    }
    if (s.current.empty())
        model->clearCurrent();
    else
        model->combineCurrent(toSet(count, s.current), cryo::SelectionMode::Replace, tr("session"));
    for (int p = 0; p < std::min<qsizetype>(2, s.embeddings.size()); ++p) {
        m_explorer->setEmbeddingKey(p, s.embeddings[p]);
        m_explorer->setColourKey(p, s.colours.value(p));
    }
    if (s.background.isValid())
        m_viewer->setBackground(s.background);
    if (m_outlineAction)
        m_outlineAction->setChecked(s.showOutline);
    if (m_axesAction)
        m_axesAction->setChecked(s.showAxes);
    m_hasPendingLevel = s.hasLevel;
    m_pendingLevel = s.level;
    m_hasPendingCamera = s.hasCamera;
    m_pendingCamera = s.camera;
}

bool MainWindow::viewerCamera(std::array<double, 9>& c) const
{
    if (!m_viewer->view())
        return false;
    vtkCamera* camera = m_viewer->view()->renderer()->GetActiveCamera();
    camera->GetPosition(&c[0]);
    camera->GetFocalPoint(&c[3]);
    camera->GetViewUp(&c[6]);
    return true;
}

void MainWindow::setViewerCamera(const std::array<double, 9>& c)
{
    if (!m_viewer->view())
        return;
    vtkRenderer* renderer = m_viewer->view()->renderer();
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->SetPosition(c[0], c[1], c[2]);
    camera->SetFocalPoint(c[3], c[4], c[5]);
    camera->SetViewUp(c[6], c[7], c[8]);
    renderer->ResetCameraClippingRange();
    m_viewer->view()->requestRender();
}

bool MainWindow::saveSession(const QString& path)
{
    if (!m_explorer) {
        reportError(tr("Save Session"), tr("Open a run first: a session records how a run is explored."));
        return false;
    }
    try {
        writeExplorerSession(path, currentSession());
    } catch (const std::exception& e) {
        reportError(tr("Cannot save the session"), QString::fromUtf8(e.what()));
        return false;
    }
    QFile::remove(explorerAutosavePath(path, {}));   // a deliberate save supersedes the autosave
    m_sessionPath = path;
    statusBar()->showMessage(tr("Session saved to %1").arg(path), 5000);
    return true;
}

QString MainWindow::offerAutosave(const QString& autosave, const QString& saved)
{
    const QFileInfo a(autosave), b(saved);
    if (!m_interactive || !a.exists() || (b.exists() && a.lastModified() <= b.lastModified()))
        return saved;
    const auto answer = QMessageBox::question(
        this, tr("Restore Autosave"),
        tr("An autosaved exploration state from %1 was found. Restore it?")
            .arg(QLocale().toString(a.lastModified(), QLocale::ShortFormat)));
    return answer == QMessageBox::Yes ? autosave : saved;
}

bool MainWindow::openSession(const QString& path)
{
    ExplorerSession s;
    try {
        s = readExplorerSession(offerAutosave(explorerAutosavePath(path, {}), path));
    } catch (const std::exception& e) {
        reportError(tr("Cannot open the session"), QString::fromUtf8(e.what()));
        return false;
    }
    if (!openRun(s.run))
        return false;
    m_pendingSession = std::make_shared<const std::pair<QString, ExplorerSession>>(path, std::move(s));
    return true;   // applied once the run is open (finishRunOpen)
}

// The background open of a run ended: the session that asked for it, else the autosave of
// the run if the user wants it back.
void MainWindow::finishRunOpen(bool completed)
{
    const auto pending = std::exchange(m_pendingSession, nullptr);
    const bool shown = std::exchange(m_runTablesShown, false);
    if (pending) {
        const auto& [path, s] = *pending;
        const auto runDir = std::filesystem::absolute(cryo::runFilePath(s.run.toStdString())).parent_path();
        if (!completed || !shown || !m_explorer || m_explorer->tables().runDir != QString::fromStdString(runDir.string())) {
            reportError(tr("Cannot open the session"), tr("%1: its run %2 cannot be explored").arg(path, s.run));
            return;
        }
        try {
            applySession(s);
        } catch (const std::exception& e) {   // e.g. indices beyond the run's particle count
            reportError(tr("Cannot open the session"), tr("%1: %2").arg(path, QString::fromUtf8(e.what())));
            return;
        }
        m_sessionPath = path;
        return;
    }
    if (!completed || !shown || !m_explorer)
        return;
    const QString autosaved = explorerAutosavePath({}, m_explorer->tables().runDir);
    if (offerAutosave(autosaved, {}) == autosaved) {
        try {
            applySession(readExplorerSession(autosaved));
        } catch (const std::exception& e) {
            reportError(tr("Cannot restore the autosave"), QString::fromUtf8(e.what()));
        }
    }
}

bool MainWindow::autosave()
{
    if (!m_explorer)
        return false;
    const QString path = explorerAutosavePath(m_sessionPath, m_explorer->tables().runDir);
    try {
        writeExplorerSession(path, currentSession());
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(QString::fromUtf8(e.what())), 10000);
        return false;
    }
    return true;
}

void MainWindow::chooseSessionToSave()
{
    QString start = m_sessionPath;
    if (start.isEmpty() && m_explorer)
        start = QDir(m_explorer->tables().runDir).filePath(QStringLiteral("explore.session.h5"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Session"), start,
                                                      tr("Cryoscape sessions (*.session.h5);;HDF5 files (*.h5)"));
    if (!path.isEmpty())
        saveSession(path);
}

void MainWindow::chooseSessionToOpen()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastDirectory")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"), dir,
                                                      tr("Cryoscape sessions (*.session.h5 *.autosave *.h5);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    openSession(path);
}
