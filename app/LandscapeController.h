#pragma once
// Landscape analysis in the main window: the "Analysis → Landscape…" action (options
// dialog, then a LandscapeJob on a worker thread), the "Landscape" dock with its
// LandscapePanel for the open run (read back from run.h5 and RUN/landscape/ when stored),
// cluster-mean and along-PC maps shown in the window's viewer, and "Export Cluster Maps…"
// (.mrc per cluster + a ChimeraX series script at the viewer's level and colour).
#include "ExplorerPanel.h"
#include "LandscapeJob.h"
#include "LandscapePanel.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class WindowHost;
class QAction;
class QDockWidget;
class QMenu;

class LandscapeController : public QObject {
    Q_OBJECT
public:
    // Adds the dock (hidden) and the Analysis menu entry to the host's window (its parent).
    explicit LandscapeController(WindowHost& host);

    // A run was opened in the explorer: a new panel on its tables and selection, filled
    // from run.h5 / RUN/landscape/ when they hold an analysis (a running job is cancelled).
    void openRun(ExplorerPanel* explorer);

    LandscapePanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    LandscapeJob* job() const { return m_job; }
    QAction* action() const { return m_action; }

    // Starts the analysis of the open run without the dialog; false when no run is open
    // or a job is running.
    bool start(const cryo::LandscapeOptions& options, bool fullMaps);
    void showDialog();
    // Writes cluster_NN.mrc for every cluster mean and cluster_maps.cxc (a ChimeraX volume
    // series at the viewer's current level and surface colour) into `dir`. Returns the
    // maps written; problem gets the reason when nothing could be written.
    std::vector<std::filesystem::path> exportClusterMaps(const QString& dir, QString* problem = nullptr);

    // The state read back from a run (null when run.h5 has no landscape). The maps are
    // optional: when RUN/landscape/ is missing or inconsistent, mapsProblem says why.
    static std::shared_ptr<const LandscapeState> readState(const QString& runDir);

private:
    void chooseExportDir();
    void jobFinished(std::shared_ptr<const LandscapeState> state, const QString& storeProblem);
    void jobFailed(const QString& message);
    void showVolume(std::shared_ptr<const cryo::Volume> map, const QString& description);
    void message(const QString& text);
    void showDock();

    WindowHost& m_host;
    QDockWidget* m_dock;
    QAction* m_action;
    LandscapeJob* m_job;
    QPointer<LandscapePanel> m_panel;
    QPointer<ExplorerPanel> m_explorer;
    QString m_jobRunDir;   // the run the running job belongs to
    cryo::LandscapeOptions m_lastOptions;
    bool m_lastFullMaps = false;
    bool m_tabbed = false;
};
