#include "SessionController.h"

#include "ExplorerController.h"
#include "ExplorerPanel.h"
#include "FileChoice.h"
#include "MapStage.h"
#include "SelectionModel.h"
#include "WindowHost.h"
#include "run/RunFile.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>

#include <filesystem>

namespace {

constexpr int kAutosaveMs = 60 * 1000;

cryo::SelectionSet toSet(std::size_t count, const std::vector<std::int64_t>& indices)
{
    cryo::SelectionSet set(count);
    for (std::int64_t i : indices)
        set.set(std::size_t(i));   // throws UsageError out of range
    return set;
}

std::vector<std::int64_t> toInt64(const std::vector<std::size_t>& v) { return {v.begin(), v.end()}; }

} // namespace

SessionController::SessionController(WindowHost& host, ExplorerController& explorer)
    : QObject(host.mainWindow()), m_host(host), m_explorer(explorer), m_autosaveTimer(new QTimer(this))
{
    m_autosaveTimer->setInterval(kAutosaveMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, [this] { autosave(); });
    connect(&explorer, &ExplorerController::aboutToShowRun, this, [this] { autosave(); });   // the run shown so far
    connect(&explorer, &ExplorerController::runShown, this, &SessionController::runShown);
    connect(&explorer, &ExplorerController::openEnded, this, &SessionController::openEnded);
    QMenu* file = host.menu(WindowHost::Menu::File);
    file->addAction(tr("Open &Session…"), this, [this] {
        const QString path = chooseFileToOpen(m_host.mainWindow(), tr("Open Session"),
                                              tr("Cryoscape sessions (*.session.h5 *.autosave *.h5);;All files (*)"));
        if (!path.isEmpty())
            openSession(path);
    });
    QAction* save = file->addAction(tr("&Save Session…"), this, &SessionController::chooseSessionToSave);
    save->setShortcut(QKeySequence::Save);
}

void SessionController::runShown(ExplorerPanel* explorer)
{
    m_sessionPath.clear();
    if (explorer)
        m_autosaveTimer->start();
}

ExplorerSession SessionController::currentSession() const
{
    const ExplorerPanel* explorer = m_explorer.explorer();
    ExplorerSession s;
    const SelectionModel* model = explorer->selection();
    s.run = explorer->tables().runDir;
    for (int i = 0; i < model->namedCount(); ++i) {
        const cryo::SelectionSet& set = model->named()[std::size_t(i)].set;
        s.named.append({model->namedName(i), model->namedColour(i), toInt64(set.indices())});
        if (s.activeNamed < 0 && !set.empty() && set == model->current())
            s.activeNamed = i;
    }
    s.current = toInt64(model->current().indices());
    for (int p = 0; p < 2; ++p) {
        s.embeddings << explorer->embeddingKey(p);
        s.colours << explorer->colourKey(p);
    }
    s.kmeansClusters = explorer->tables().kmeans->clusters;
    const MapViewState view = m_host.stage().viewState();
    s.hasLevel = view.level.has_value();
    s.level = view.level.value_or(0.0);
    s.background = view.background;
    s.showOutline = view.showOutline;
    s.showAxes = view.showAxes;
    s.hasCamera = view.camera.has_value();
    s.camera = view.camera.value_or(std::array<double, 9>{});
    return s;
}

void SessionController::applySession(const ExplorerSession& s)
{
    ExplorerPanel* explorer = m_explorer.explorer();
    SelectionModel* model = explorer->selection();
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
        explorer->setEmbeddingKey(p, s.embeddings[p]);
        explorer->setColourKey(p, s.colours.value(p));
    }
    MapViewState view;
    view.background = s.background;
    view.showOutline = s.showOutline;
    view.showAxes = s.showAxes;
    if (s.hasLevel)
        view.level = s.level;
    if (s.hasCamera)
        view.camera = s.camera;
    m_host.stage().restoreView(view);
}

bool SessionController::saveSession(const QString& path)
{
    if (!m_explorer.explorer()) {
        m_host.reportError(tr("Save Session"), tr("Open a run first: a session records how a run is explored."));
        return false;
    }
    try {
        writeExplorerSession(path, currentSession());
    } catch (const std::exception& e) {
        m_host.reportError(tr("Cannot save the session"), QString::fromUtf8(e.what()));
        return false;
    }
    QFile::remove(explorerAutosavePath(path, {}));   // a deliberate save supersedes the autosave
    m_sessionPath = path;
    m_host.message(tr("Session saved to %1").arg(path), 5000);
    return true;
}

QString SessionController::offerAutosave(const QString& autosave, const QString& saved)
{
    const QFileInfo a(autosave), b(saved);
    if (!m_host.isInteractive() || !a.exists() || (b.exists() && a.lastModified() <= b.lastModified()))
        return saved;
    const auto answer = QMessageBox::question(
        m_host.mainWindow(), tr("Restore Autosave"),
        tr("An autosaved exploration state from %1 was found. Restore it?")
            .arg(QLocale().toString(a.lastModified(), QLocale::ShortFormat)));
    return answer == QMessageBox::Yes ? autosave : saved;
}

bool SessionController::openSession(const QString& path)
{
    ExplorerSession s;
    try {
        s = readExplorerSession(offerAutosave(explorerAutosavePath(path, {}), path));
    } catch (const std::exception& e) {
        m_host.reportError(tr("Cannot open the session"), QString::fromUtf8(e.what()));
        return false;
    }
    if (!m_explorer.openRun(s.run))
        return false;
    m_pendingSession = std::make_shared<const std::pair<QString, ExplorerSession>>(path, std::move(s));
    return true;   // applied once the run is open (openEnded)
}

// The background open of a run ended: the session that asked for it, else the autosave of
// the run if the user wants it back.
void SessionController::openEnded(bool completed, bool shown)
{
    const auto pending = std::exchange(m_pendingSession, nullptr);
    const ExplorerPanel* explorer = m_explorer.explorer();
    if (pending) {
        const auto& [path, s] = *pending;
        const auto runDir = std::filesystem::absolute(cryo::runFilePath(s.run.toStdString())).parent_path();
        if (!completed || !shown || !explorer || explorer->tables().runDir != QString::fromStdString(runDir.string())) {
            m_host.reportError(tr("Cannot open the session"), tr("%1: its run %2 cannot be explored").arg(path, s.run));
            return;
        }
        try {
            applySession(s);
        } catch (const std::exception& e) {   // e.g. indices beyond the run's particle count
            m_host.reportError(tr("Cannot open the session"), tr("%1: %2").arg(path, QString::fromUtf8(e.what())));
            return;
        }
        m_sessionPath = path;
        return;
    }
    if (!completed || !shown || !explorer)
        return;
    const QString autosaved = explorerAutosavePath({}, explorer->tables().runDir);
    if (offerAutosave(autosaved, {}) == autosaved) {
        try {
            applySession(readExplorerSession(autosaved));
        } catch (const std::exception& e) {
            m_host.reportError(tr("Cannot restore the autosave"), QString::fromUtf8(e.what()));
        }
    }
}

bool SessionController::autosave()
{
    const ExplorerPanel* explorer = m_explorer.explorer();
    if (!explorer)
        return false;
    const QString path = explorerAutosavePath(m_sessionPath, explorer->tables().runDir);
    try {
        writeExplorerSession(path, currentSession());
    } catch (const std::exception& e) {
        m_host.message(tr("Autosave failed: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    return true;
}

void SessionController::chooseSessionToSave()
{
    QString start = m_sessionPath;
    if (start.isEmpty() && m_explorer.explorer())
        start = QDir(m_explorer.explorer()->tables().runDir).filePath(QStringLiteral("explore.session.h5"));
    const QString path = chooseFileToSave(m_host.mainWindow(), tr("Save Session"),
                                          tr("Cryoscape sessions (*.session.h5);;HDF5 files (*.h5)"), start);
    if (!path.isEmpty())
        saveSession(path);
}
