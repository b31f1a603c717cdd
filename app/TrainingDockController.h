#pragma once
// Training in the window: Model → Train… (the dialog, pre-filled with the particle file open
// in the app), the "Training" dock with the monitor and the latent space of each epoch,
// progress in the status bar, and quitting while a run is going. The job itself is a
// TrainingController; a finished run is handed on through runFinished().
#include "train/TrainingJob.h"

#include <QObject>
#include <QString>

class QDockWidget;
class QLabel;
class QProgressBar;
class ScatterPanel;
class TrainingController;
class TrainingMonitor;
class WindowHost;

class TrainingDockController : public QObject {
    Q_OBJECT
public:
    explicit TrainingDockController(WindowHost& host);

    // The job defaults to defaultTrainingFunction(); tests put in a fake. Replacing it while
    // a run is going is refused (false).
    bool setTrainingFunction(cryo::TrainingFunction function);
    // Starts a run (shows the Training dock); false if one is running.
    bool startTraining(const cryo::TrainingOptions& options);
    void showTrainingDialog();
    // The particle dataset opened last (pre-fills the dialog).
    void setParticlesPath(const QString& path) { m_particlesPath = path; }
    // Quitting: true when no run is going, or the user agrees to stop it (it is cancelled).
    bool confirmStop();

    TrainingController* controller() const { return m_training; }
    TrainingMonitor* monitor() const { return m_monitor; }
    QDockWidget* dock() const { return m_dock; }
    ScatterPanel* scatter() const { return m_scatter; }
    QString statusText() const;
    // The latent space of an epoch (PCA of z) in the dock: of this window's run, or of a
    // run another process trains (RunFollowController).
    void showEpochLatents(const cryo::EpochSummary& summary);

Q_SIGNALS:
    // The window's own training started (a followed run gives the monitor up).
    void trainingStarted();
    // A run ended normally (not cancelled, not failed): the window opens it.
    void runFinished(const QString& runDir);

private:
    void connectTraining();
    void started(const cryo::TrainingOptions& options);
    void showProgress(const cryo::TrainingProgress& progress);
    void finished(const cryo::TrainingResult& result);
    void failed(const QString& message);

    WindowHost& m_host;
    TrainingController* m_training;
    TrainingMonitor* m_monitor;
    QDockWidget* m_dock;
    QProgressBar* m_progress;
    QLabel* m_label;
    ScatterPanel* m_scatter;
    QString m_particlesPath;
};
