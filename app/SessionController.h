#pragma once
// Exploration sessions (docs/session-file.md): File → Open Session… / Save Session…, and an
// autosave every minute, before another run replaces the open one and on quit. A session
// restores the run, the named and current selections, each scatter panel's axes and
// colours, and the viewer's contour level, camera, background and overlays.
#include "SessionIO.h"

#include <QObject>
#include <QString>

#include <memory>
#include <utility>

class ExplorerController;
class ExplorerPanel;
class QTimer;
class WindowHost;

class SessionController : public QObject {
    Q_OBJECT
public:
    SessionController(WindowHost& host, ExplorerController& explorer);

    bool saveSession(const QString& path);
    // Opens the session's run (in the background) and applies the session once it is open.
    bool openSession(const QString& path);
    bool autosave();   // to the autosave path; false when there is nothing to save
    QString sessionPath() const { return m_sessionPath; }

private:
    void runShown(ExplorerPanel* explorer);
    void openEnded(bool completed, bool shown);
    ExplorerSession currentSession() const;
    void applySession(const ExplorerSession& session);
    // An autosave newer than `saved` (or than nothing): asks whether to use it (interactive
    // only); returns the file to read, `saved` otherwise.
    QString offerAutosave(const QString& autosave, const QString& saved);
    void chooseSessionToSave();

    WindowHost& m_host;
    ExplorerController& m_explorer;
    QTimer* m_autosaveTimer;
    QString m_sessionPath;
    // A session waiting for its run to open (path, contents).
    std::shared_ptr<const std::pair<QString, ExplorerSession>> m_pendingSession;
};
