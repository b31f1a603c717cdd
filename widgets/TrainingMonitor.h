#pragma once
// The live view of a training run (shown in the main window's "Training" dock): stage,
// epoch i/N, a progress bar over the whole run, speed, ETA, the current loss terms, the
// loss curves and the latent space after each epoch, Cancel and Resume. Ab initio runs
// add the pose-search stage ("Pose search (epoch 6): 1,200 / 3,000 images, 11 images/s")
// and, on synthetic data, the pose error and its curve (PoseErrorView). It only shows
// what it is given and emits intent (cancelRequested, resumeRequested); the window wires
// it to the TrainingController.
#include "train/AbInitioState.h"
#include "train/TrainingJob.h"

#include <QWidget>

class LatentPreview;
class LossCurveView;
class PoseErrorView;
class QCheckBox;
class QLabel;
class QLayout;
class QProgressBar;
class QPushButton;
class QHBoxLayout;
class QVBoxLayout;

class TrainingMonitor : public QWidget {
    Q_OBJECT
public:
    explicit TrainingMonitor(QWidget* parent = nullptr);

    // A run starts (or resumes): clears the view unless resuming; `history` is what the
    // run directory already holds (its loss curve continues).
    void startRun(const cryo::TrainingOptions& options, const std::vector<cryo::EpochRecord>& history = {});
    // An ab initio run being resumed: the pose errors its run.h5 holds (after startRun).
    void setPoseErrorHistory(const std::vector<cryo::PoseErrorRecord>& history);
    void showProgress(const cryo::TrainingProgress& progress);
    void addEpoch(const cryo::EpochSummary& summary);
    void showFinished(const cryo::TrainingResult& result);
    void showFailed(const QString& message);
    // A run another process trains, followed (app/RunFollowController): the stage (kept when
    // empty) and the status line; Cancel and Resume are off until the next startRun.
    void showFollowing(const QString& stage, const QString& status);

    // Puts `view` where the built-in latent preview is (the monitor takes ownership and
    // hides the preview); the caller feeds it epochs itself.
    void setLatentView(QWidget* view);
    QWidget* latentView() const { return m_latentView; }
    LatentPreview* latentPreview() const { return m_preview; }
    LossCurveView* lossCurve() const { return m_curve; }
    PoseErrorView* poseErrorView() const { return m_poseCurve; }

    // The texts shown, for tests and the status bar.
    QString stageText() const;
    QString epochText() const;
    QString speedText() const;
    QString etaText() const;
    QString lossText() const;
    QString statusText() const;
    QString poseErrorText() const;
    QString poseChangeText() const;   // ab initio: how far the last search moved the poses, settled or not
    bool showsPoseChange() const;
    QString halfMapText() const;      // ab initio: the half maps' resolution; empty when not shown
    bool showsPoseError() const;   // the pose error line and curve are visible (to the monitor)
    int progressPermille() const;   // 0..1000 over the whole run
    bool canCancel() const;
    bool canResume() const;

    // "h:mm:ss" (hours unbounded); "–" for a negative/unknown duration.
    static QString formatDuration(double seconds);

Q_SIGNALS:
    void cancelRequested();
    void resumeRequested();

private:
    QLayout* createPlots();
    QLayout* createButtons();
    void setRunning(bool running, bool resumable);
    void showLatentSlot();
    void showPoseSearch(const cryo::TrainingProgress& p);
    void setPoseErrorShown(bool shown);
    // After a search: the pose change and the half maps' resolution (−1: none; hides its line).
    void showSearchResult(double changeDeg, double changePx, double halfMapResolutionA);
    double runFraction(const cryo::TrainingProgress& p) const;

    QLabel* m_stage;
    QLabel* m_epoch;
    QLabel* m_speed;
    QLabel* m_eta;
    QLabel* m_losses;
    QLabel* m_status;
    QLabel* m_poseErrorLabel;
    QLabel* m_poseError;
    PoseErrorView* m_poseCurve;
    QLabel* m_poseChangeLabel;
    QLabel* m_poseChange;
    QLabel* m_halfMapsLabel;
    QLabel* m_halfMaps;
    double m_settledBelowDeg = 0;   // train/AbInitioState.h settledBelowDeg of the run's search
    QProgressBar* m_progress;
    LossCurveView* m_curve;
    QCheckBox* m_logScale;
    LatentPreview* m_preview;
    QWidget* m_latentView;
    QVBoxLayout* m_latentSlot;
    QPushButton* m_cancel;
    QPushButton* m_resume;
    QString m_runDir;
    int m_epochs = 0;
    bool m_abInitio = false;
    bool m_homogeneous = false;   // the run has no latent: its view is hidden
    bool m_following = false;     // another process's run: nothing to cancel or resume here
    QHBoxLayout* m_plots = nullptr;   // the loss curve column and m_latentSlot
};
