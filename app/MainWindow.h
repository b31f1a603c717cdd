#pragma once
// The main window: the 3D map viewer in the centre, the contour level panel in a dock,
// File / View / Help menus and a status bar describing the map.
#include "io/Volume.h"
#include "train/TrainingJob.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <array>
#include <memory>
#include <vector>

class ThresholdPanel;
class VolumeViewer;
class RecentFiles;
class QLabel;
class QDockWidget;
class QProgressBar;
class TrainingController;
class TrainingMonitor;
class ExplorerPanel;
class MapDecoder;
class QAction;
class QTimer;
class ScatterPanel;
class ClusterGallery;
class ParticleMontage;
class TrajectoryPanel;
class MovieExportJob;
struct MovieExportRequest;
class LandscapeController;
class CryodrgnRunOpener;
class ValidationController;
class RunFollowController;
class RunLoader;
class QProgressBar;
struct RunTables;
struct RunParticles;
struct ExplorerSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens a map; on failure tells the user (dialog, or stderr when not interactive)
    // and keeps what was shown before.
    bool openMap(const QString& path);
    // Opens a map, a particle dataset or a training run (directory or .h5; a cryoDRGN output
    // directory, its config or a weights.N.pkl in it), by the file's suffix.
    bool openFile(const QString& path);
    // Opens a particle dataset (.star, .cs, .mrcs, .txt) and shows its summary and images;
    // problems found are listed in a dialog. Returns the dialog, or nullptr on failure.
    class ParticlesDialog* openParticles(const QString& path);
    // Shows a map that was made in memory (the demo map, later decoded volumes).
    void showVolume(const cryo::Volume& volume, const QString& title);

    // Not interactive: errors go to stderr instead of dialogs (--screenshot, tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }

    VolumeViewer* viewer() const { return m_viewer; }
    ThresholdPanel* thresholdPanel() const { return m_threshold; }
    QString statusText() const;

    // Training (MainWindowTraining.cpp). The job defaults to defaultTrainingFunction();
    // tests put in a fake. Replacing it while a run is going is refused (false).
    bool setTrainingFunction(cryo::TrainingFunction function);
    // Starts a run (shows the Training dock); false if one is running.
    bool startTraining(const cryo::TrainingOptions& options);
    // Model → Train…: the dialog, pre-filled with the particle file open in the app.
    void showTrainingDialog();
    // Opens a finished run for exploration (MainWindowExplore.cpp): the latent-space dock
    // (two linked scatter panels), the selections dock, maps decoded on click. A run without
    // latents (homogeneous, or before its first epoch) only shows its summary. False when
    // run.h5 cannot be read.
    // The run opens in the background (RunLoader): true when it started (false: no such file,
    // reported); the panels appear as their data arrives, runOpenEnded follows.
    bool openRun(const QString& runDirOrFile);
    bool isOpeningRun() const;
    RunLoader* runLoader() const { return m_loader; }
    QString lastRunSummary() const { return m_lastRunSummary; }
    TrainingController* trainingController() const { return m_training; }
    TrainingMonitor* trainingMonitor() const { return m_monitor; }
    QDockWidget* trainingDock() const { return m_trainingDock; }
    QString trainingStatusText() const;
    ScatterPanel* trainingScatter() const { return m_trainingScatter; }

    // Exploration (MainWindowExplore.cpp).
    ExplorerPanel* explorer() const { return m_explorer; }
    MapDecoder* mapDecoder() const { return m_decoder; }
    QDockWidget* explorerDock() const { return m_explorerDock; }
    QDockWidget* selectionDock() const { return m_selectionDock; }
    ClusterGallery* clusterGallery() const { return m_gallery; }
    ParticleMontage* selectionMontage() const { return m_montage; }
    // Decodes the map at z (preview, then full) and shows it; the description goes to the
    // status bar with the timing.
    void requestMap(const std::vector<float>& z, const QString& description);
    void closeExplorer();
    bool openHomogeneousRun(const QString& runDirOrFile);
    QString decodeStatusText() const { return m_decodeText; }
    double lastPreviewLatencyMs() const { return m_previewLatencyMs; }   // request → shown
    // Writes the current selection (or its complement) to path; the format follows the
    // suffix (.star, .cs, .txt, .pkl). A homogeneous run has no selection: all its particles
    // are written. An ab initio run's .star/.cs carry the poses it found. Errors are
    // reported, never thrown.
    bool exportSelection(const QString& path, bool complement);
    bool saveSession(const QString& path);
    bool openSession(const QString& path);
    bool autosave();   // to the autosave path; false when there is nothing to save
    QString sessionPath() const { return m_sessionPath; }

    // Trajectories (MainWindowTrajectory.cpp): the "Trajectory" dock of the open run.
    TrajectoryPanel* trajectoryPanel() const { return m_trajectory; }
    QDockWidget* trajectoryDock() const { return m_trajectoryDock; }
    // The map in the viewer as .mrc (its voxel size and origin). Errors are reported.
    bool exportShownMap(const QString& path);
    // All frames of the trajectory (once decoded) as DIR/frame_000.mrc …, DIR/z.txt and
    // DIR/trajectory.cxc (a ChimeraX volume series at the viewer's level and colour).
    bool exportTrajectoryMaps(const QString& dir);
    const cryo::Volume& shownVolume() const { return m_volume; }
    double shownLevel() const { return m_level; }
    // Movies (MainWindowMovie.cpp). A trajectory's maps (zRows: frames × zdim latent points
    // of the open run) offered in the Export Movie dialog under `title`.
    void exportMovieOfFrames(std::vector<float> zRows, int zdim, QString title);
    // Renders and encodes `request` (a turn or z rows of the open run) with the viewer's
    // camera and, unless request.style.level is set, its level; a progress dialog with
    // Cancel. False when a movie is being made already. movieExportEnded follows.
    bool exportMovie(MovieExportRequest request);
    MovieExportJob* movieJob() const { return m_movieJob; }
    // Landscape analysis (LandscapeController, MainWindowLandscape.cpp): Analysis → Landscape…
    LandscapeController* landscape() const { return m_landscape; }
    // Validation (ValidationController): Analysis → Backproject Selection and its dock.
    ValidationController* validation() const { return m_validation; }
    // Following a run another process trains (RunFollowController): openRun shows its monitor.
    RunFollowController* runFollow() const { return m_follow; }
    // The menu bar's "Analysis" menu (trajectories, landscape), made on first use.
    QMenu* analysisMenu();
    // Shows a map computed in memory (cluster mean, volume along a PC) like a decoded one:
    // camera and σ level kept; cancels the display of decodes still on their way.
    void showMapKeepingView(const cryo::Volume& map, const QString& description);

Q_SIGNALS:
    // A movie was written (ok, its path) or not (cancelled or failed: the reason).
    void movieExportEnded(bool ok, const QString& pathOrMessage);
    // A decoded map was put in the viewer (tag: the request's number).
    void mapShown(bool preview, quint64 tag);
    // A run ended normally (not cancelled, not failed): the exploration code opens it.
    void runFinished(const QString& runDir);
    // A run (or session) opened by openRun/openFile finished opening (ok) or failed/was cancelled.
    void runOpenEnded(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createMovieMenu(QMenu* file);
    void showMovieDialog(std::vector<float> zRows, int zdim, const QString& title);
    void chooseMapToOpen();
    void chooseParticlesToOpen();
    void chooseBackground();
    void showAbout();
    void setLevel(double level);
    void updateStatus();
    void reportError(const QString& title, const QString& message);
    // MainWindowTraining.cpp
    void createTrainingUi();
    void connectTraining();
    void chooseRunToOpen();
    void showTrainingProgress(const cryo::TrainingProgress& progress);
    void trainingFinished(const cryo::TrainingResult& result);
    void trainingFailed(const QString& message);
    void showNote(const QString& title, const QString& message, bool warning);
    bool confirmStopTraining();
    void showEpochLatents(const cryo::EpochSummary& summary);
    // MainWindowExplore.cpp
    void createExplorerUi();
    void createExplorerMenus(QMenu* file, QMenu* edit);
    void showDecodedMap(std::shared_ptr<const cryo::Volume> map, bool preview, quint64 tag, double ms);
    void chooseExportPath(bool complement);
    void chooseSessionToSave();
    void chooseSessionToOpen();
    void updateUndoActions();
    void updateMontage();
    void connectRunLoader();
    void showRunTables(std::shared_ptr<const RunTables> tables);
    void showRunParticles(const RunParticles& particles);
    void finishRunOpen(bool completed);   // MainWindowSession.cpp
    // MainWindowTrajectory.cpp
    void createTrajectoryUi();
    void createTrajectoryMenus(QMenu* file, QMenu* analysis);
    void createTrajectoryPanel();   // for the run just opened
    void arrangeExplorerDocks();    // dock sizes when a run opens
    void showTrajectoryMap(std::shared_ptr<const cryo::Volume> map, const QString& description);
    void requestTrajectoryPreview(const std::vector<float>& z, const QString& description);
    void chooseShownMapPath();
    void chooseTrajectoryExportDir();
    // MainWindowSession.cpp
    struct ExplorerSession currentSession() const;
    void applySession(const struct ExplorerSession& session);
    // An autosave newer than `saved` (or than nothing): asks whether to use it (interactive
    // only); returns the file to read, `saved` otherwise.
    QString offerAutosave(const QString& autosave, const QString& saved);
public:
    // The 3D camera: position, focal point, view-up (Å); false without OpenGL.
    bool viewerCamera(std::array<double, 9>& camera) const;
    void setViewerCamera(const std::array<double, 9>& camera);
private:

    VolumeViewer* m_viewer;
    ThresholdPanel* m_threshold;
    RecentFiles* m_recent = nullptr;
    QLabel* m_mapLabel;
    QLabel* m_levelLabel;
    cryo::Volume m_volume;
    cryo::VolumeStats m_stats;
    double m_level = 0;
    bool m_interactive = true;

    QString m_particlesPath;   // the particle dataset opened last (pre-fills the training dialog)
    TrainingController* m_training = nullptr;
    TrainingMonitor* m_monitor = nullptr;
    QDockWidget* m_trainingDock = nullptr;
    QProgressBar* m_trainingProgress = nullptr;
    QLabel* m_trainingLabel = nullptr;
    QString m_lastRunSummary;
    ScatterPanel* m_trainingScatter = nullptr;

    ExplorerPanel* m_explorer = nullptr;
    QDockWidget* m_explorerDock = nullptr;
    QDockWidget* m_selectionDock = nullptr;
    MapDecoder* m_decoder = nullptr;
    QDockWidget* m_galleryDock = nullptr;
    ClusterGallery* m_gallery = nullptr;
    QDockWidget* m_montageDock = nullptr;
    ParticleMontage* m_montage = nullptr;
    quint64 m_mapTag = 0;
    QString m_mapDescription;
    QElapsedTimer m_mapClock;   // since the newest request
    QString m_decodeText;
    double m_previewLatencyMs = -1;
    bool m_decodedShown = false;
    bool m_hasPendingLevel = false;   // a session's contour level, for the first decoded map
    double m_pendingLevel = 0;
    RunLoader* m_loader = nullptr;
    QProgressBar* m_openProgress = nullptr;
    bool m_runTablesShown = false;   // the open under way has shown its tables
    // A session waiting for its run to open (path, contents).
    std::shared_ptr<const std::pair<QString, ExplorerSession>> m_pendingSession;
    bool m_hasPendingCamera = false;   // a session's camera, for the first decoded map
    std::array<double, 9> m_pendingCamera{};   // a decoded map is in the viewer (keep camera and σ level)
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_outlineAction = nullptr;
    QAction* m_axesAction = nullptr;
    QString m_sessionPath;
    QString m_homogeneousRun;   // the run directory shown by openHomogeneousRun (no explorer); "" otherwise
    QTimer* m_autosaveTimer = nullptr;
    QDockWidget* m_trajectoryDock = nullptr;
    TrajectoryPanel* m_trajectory = nullptr;
    quint64 m_trajectoryPreviewTag = 0;   // a preview shown at the viewer's level (not σ)
    MovieExportJob* m_movieJob = nullptr;
    LandscapeController* m_landscape = nullptr;
    CryodrgnRunOpener* m_cryodrgn = nullptr;
    QLabel* m_runLabel = nullptr;
    ValidationController* m_validation = nullptr;
    RunFollowController* m_follow = nullptr;
};
