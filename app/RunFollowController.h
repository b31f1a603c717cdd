#pragma once
// Following a run another process trains (issue #21): File → Open Run… (and the command
// line, drops, Open Recent) on a run directory whose RUN/training.status says "running" with
// a live heartbeat shows the Training dock's monitor instead of the explorer: the loss curves,
// images/s, the epoch, and the latent space after each epoch (epochArrived), refreshed as
// the writer replaces run.h5 (RunFollower reads it in the background). When the run ends —
// finished, cancelled, failed, or stopped (no heartbeat for kStoppedAfterSeconds, or its
// process on this host gone) — the monitor says so and runEnded asks the window to open it
// for exploration as it is. It never writes into the run it follows.
#include "RunFollower.h"

#include "TrainingController.h"   // the metatypes of the training payloads

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class TrainingMonitor;

class RunFollowController : public QObject {
    Q_OBJECT
public:
    // `monitorBusy`: the window's own training is using the monitor (then nothing is followed).
    RunFollowController(TrainingMonitor* monitor, std::function<bool()> monitorBusy, QObject* parent = nullptr);

    // Follows runDirOrFile when another process is training it (true: handled here, the
    // caller opens nothing); false when it is not running (no marker, ended, or already
    // judged stopped here): the caller opens it as usual. Stops following any other run.
    bool followIfRunning(const QString& runDirOrFile);
    void stop();   // stops following (the window's own training starts, the window closes)
    bool isFollowing() const { return m_follower->isFollowing(); }
    QString runDir() const { return m_follower->runDir(); }
    RunFollower* follower() const { return m_follower; }
    int epochsShown() const { return m_lastEpoch; }
    // What the monitor says of the followed run now (or of the last one, once ended).
    cryo::RunActivity activity() const { return m_activity; }

Q_SIGNALS:
    // A followed epoch arrived (zMu: the newest epoch's z; empty for earlier epochs read together).
    void epochArrived(const cryo::EpochSummary& summary);
    // The followed run ended; open runDir for exploration (not emitted when it has no epoch).
    void runEnded(const QString& runDir);
    // One line for the status bar.
    void message(const QString& text);

private:
    void show(const std::shared_ptr<const FollowedRun>& run);
    void startMonitor(const FollowedRun& run);
    void addEpochs(const FollowedRun& run);
    void showState(const cryo::RunStatus& status);
    void end(const cryo::RunStatus& status);
    QString writerText(const cryo::RunStatus& status) const;
    QString endedText(const cryo::RunStatus& status) const;

    TrainingMonitor* m_monitor;
    std::function<bool()> m_monitorBusy;
    RunFollower* m_follower;
    cryo::RunActivity m_activity = cryo::RunActivity::Finished;
    bool m_monitorStarted = false;     // the monitor shows the run's config (run.h5 read once)
    int m_lastEpoch = 0;               // the newest epoch shown
    std::vector<cryo::EpochRecord> m_history;   // of the run.h5 read last
    // The marker of the run judged ended here: reopening it explores, until the marker changes.
    std::optional<std::pair<QString, cryo::RunStatus>> m_ended;
};
