#pragma once
// Exploring a run: opening it in the background (RunLoader), the "Latent space" and
// "Selections" docks (ExplorerPanel), the cluster maps and the montage of the selected
// particles, Edit → Undo/Redo/Invert/Clear/Map of Selection, File → Export Selection /
// Complement, and homogeneous runs (one map, nothing to explore). Other features follow the
// open run through runShown(). Talks to the window through WindowHost only.
#include "JobRunner.h"
#include "RunTables.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class ClusterGallery;
class ExplorerPanel;
class ParticleMontage;
class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class RunLoader;
class WindowHost;

class ExplorerController : public QObject {
    Q_OBJECT
public:
    explicit ExplorerController(WindowHost& host);

    // The run opens in the background: true when it started (false: no such file, reported);
    // the panels appear as their data arrives, openEnded follows.
    bool openRun(const QString& runDirOrFile);
    bool isOpening() const;
    // A homogeneous run (a consensus map; homogeneous ab initio): its one map in the viewer.
    // False when the run has a latent (it has not finished an epoch yet).
    bool openHomogeneousRun(const QString& runDirOrFile);
    void closeExplorer();
    // Writes the current selection (or its complement) to path; the format follows the
    // suffix (.star, .cs, .txt, .pkl). A homogeneous run has no selection: all its particles
    // are written. An ab initio run's .star/.cs carry the poses it found. Errors are
    // reported, never thrown.
    bool exportSelection(const QString& path, bool complement);

    ExplorerPanel* explorer() const { return m_explorer; }
    RunLoader* loader() const { return m_loader; }
    QString lastRunSummary() const { return m_lastRunSummary; }
    QDockWidget* explorerDock() const { return m_explorerDock; }
    QDockWidget* selectionDock() const { return m_selectionDock; }
    QDockWidget* galleryDock() const { return m_galleryDock; }
    ClusterGallery* clusterGallery() const { return m_gallery; }
    ParticleMontage* selectionMontage() const { return m_montage; }

Q_SIGNALS:
    // A new run is about to replace the one shown (its state can still be saved).
    void aboutToShowRun();
    // A run is shown: explorer is its panel, or nullptr for a homogeneous run.
    void runShown(ExplorerPanel* explorer, const QString& runDir);
    // The background open ended; shown: its tables were shown (a run to explore is open).
    void openEnded(bool completed, bool shown);

private:
    void createDocks();
    void createMenus();
    void connectLoader();
    void showRunTables(std::shared_ptr<const RunTables> tables);
    void showExplorer();   // the panels built by showRunTables, into their docks
    void showRestOfRun();
    void endOpen();   // openEnded, once the open has ended and the run is shown
    void requestMap(const std::vector<float>& z, const QString& description);
    void showRunParticles(const RunParticles& particles);
    void showRunTitle(const QString& title);
    void updateUndoActions();
    void updateMontage();
    void chooseExportPath(bool complement);

    WindowHost& m_host;
    RunLoader* m_loader;
    ExplorerPanel* m_explorer = nullptr;
    QDockWidget* m_explorerDock = nullptr;
    QDockWidget* m_selectionDock = nullptr;
    QDockWidget* m_galleryDock = nullptr;
    ClusterGallery* m_gallery = nullptr;
    QDockWidget* m_montageDock = nullptr;
    ParticleMontage* m_montage = nullptr;
    QProgressBar* m_openProgress = nullptr;
    QLabel* m_runLabel = nullptr;   // which run is open ("… · cryoDRGN run, epoch 12")
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QString m_lastRunSummary;
    QString m_homogeneousRun;   // the run directory shown by openHomogeneousRun; "" otherwise
    bool m_tablesShown = false;   // the open under way has shown its tables
    std::shared_ptr<const RunTables> m_restToShow;   // set: showRestOfRun() is due
    std::optional<JobRunner::State> m_endedState;    // the open ended; openEnded not yet emitted
};
