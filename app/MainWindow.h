#pragma once
// The main window: wiring only. The map stage (3D viewer, contour level, View menu) and the
// feature controllers (training, exploring a run, sessions, trajectories, movies, landscape,
// validation, cryoDRGN runs) own their actions, docks and jobs, and reach the window through
// WindowHost, which the window implements: menus, messages, docks.
#include "WindowHost.h"
#include "io/Volume.h"

#include <QMainWindow>

class CryodrgnRunOpener;
class ExplorerController;
class ExplorerPanel;
class LandscapeController;
class MapStage;
class MovieController;
class ParticlesDialog;
class RecentFiles;
class RunFollowController;
class SessionController;
class TrainingDockController;
class TrajectoryController;
class ValidationController;
class VolumeViewer;

class MainWindow : public QMainWindow, public WindowHost {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens a map; on failure tells the user (dialog, or stderr when not interactive)
    // and keeps what was shown before.
    bool openMap(const QString& path);
    // Opens a map, a particle dataset, a session or a training run (directory or .h5; a
    // cryoDRGN output directory, its config or a weights.N.pkl in it), by the file's suffix.
    bool openFile(const QString& path);
    // Opens a particle dataset (.star, .cs, .mrcs, .txt) and shows its summary and images;
    // problems found are listed in a dialog. Returns the dialog, or nullptr on failure.
    ParticlesDialog* openParticles(const QString& path);
    // Shows a map that was made in memory (the demo map).
    void showVolume(const cryo::Volume& volume, const QString& title);
    // Opens a run for exploration in the background: true when it started; the panels
    // appear as their data arrives, runOpenEnded follows.
    bool openRun(const QString& runDirOrFile);
    bool isOpeningRun() const;

    // Not interactive: errors go to stderr instead of dialogs (--screenshot, tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }
    QString statusText() const;
    VolumeViewer* viewer() const;
    ExplorerPanel* explorer() const;   // of the open run; nullptr when none

    MapStage* mapStage() const { return m_stage; }
    TrainingDockController* training() const { return m_training; }
    ExplorerController* explorerController() const { return m_explorer; }
    SessionController* sessions() const { return m_sessions; }
    TrajectoryController* trajectories() const { return m_trajectories; }
    MovieController* movies() const { return m_movies; }
    LandscapeController* landscape() const { return m_landscape; }
    ValidationController* validation() const { return m_validation; }
    // Following a run another process trains: openRun shows its monitor.
    RunFollowController* runFollow() const { return m_follow; }

    // WindowHost
    QMainWindow* mainWindow() override { return this; }
    MapStage& stage() override { return *m_stage; }
    QMenu* menu(Menu which) override;
    void message(const QString& text, int milliseconds = 10000) override;
    void note(const QString& title, const QString& message, bool warning) override;
    void reportError(const QString& title, const QString& message) override;
    void remember(const QString& path) override;
    bool isInteractive() const override { return m_interactive; }

Q_SIGNALS:
    // A decoded map (or a trajectory frame) was put in the viewer (tag: the request's number).
    void mapShown(bool preview, quint64 tag);
    // A movie was written (ok, its path) or not (cancelled or failed: the reason).
    void movieExportEnded(bool ok, const QString& pathOrMessage);
    // A training run ended normally (not cancelled, not failed): it is opened.
    void runFinished(const QString& runDir);
    // A run (or session) opened by openRun/openFile finished opening (ok) or failed/was cancelled.
    void runOpenEnded(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createFeatures();
    void connectFeatures();
    void arrangeExplorerDocks();
    void restoreLayout();

    MapStage* m_stage;
    RecentFiles* m_recent = nullptr;
    QMenu* m_file = nullptr;
    QMenu* m_edit = nullptr;
    QMenu* m_model = nullptr;
    QMenu* m_analysis = nullptr;
    bool m_interactive = true;
    TrainingDockController* m_training = nullptr;
    ExplorerController* m_explorer = nullptr;
    SessionController* m_sessions = nullptr;
    TrajectoryController* m_trajectories = nullptr;
    MovieController* m_movies = nullptr;
    LandscapeController* m_landscape = nullptr;
    ValidationController* m_validation = nullptr;
    CryodrgnRunOpener* m_cryodrgn = nullptr;
    RunFollowController* m_follow = nullptr;
};
