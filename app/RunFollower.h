#pragma once
// Watches a run directory that another process is training (a CLI `cryoscape train`, a
// cluster job over a shared file system) and reads it as it changes, never writing there.
// Every poll interval (2 s), and whenever QFileSystemWatcher reports the directory changed
// (unreliable on network file systems, hence the poll), a job on a JobRunner reads
// RUN/training.status and — only when run.h5's modification time or size changed — run.h5's
// config, history and latest z. A read that fails (run.h5 replaced mid-read, a marker being
// renamed) is retried on the next tick; nothing is reported as an error.
//
// The writer's silence is measured by this process's clock from the last time the marker
// changed (so that the clocks of a cluster node and the workstation need not agree); at the
// first sight it is backdated by the marker's own heartbeat age.
#include "JobRunner.h"

#include "run/RunFile.h"
#include "run/RunStatus.h"
#include "train/AbInitioState.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

class QFileSystemWatcher;
class QTimer;

// run.h5's identity as a poll sees it: replaced or rewritten when either changes.
struct RunFileStamp {
    bool exists = false;
    std::int64_t modifiedNs = 0;   // on the file system's clock (not the Unix epoch)
    std::uintmax_t size = 0;
    bool operator==(const RunFileStamp&) const = default;
};

// One read of the followed directory.
struct FollowedRun {
    std::optional<cryo::RunStatus> status;   // nullopt: no readable marker (yet)
    bool runRead = false;                    // run.h5 had changed and was read: the fields below
    RunFileStamp stamp;
    cryo::RunConfig config;
    bool abInitio = false;
    cryo::AbInitioOptions abInitioOptions;   // as the run records them (the monitor's convergence limit)
    std::vector<cryo::EpochRecord> history;
    std::vector<cryo::PoseErrorRecord> poseErrors;
    std::vector<float> zMu;   // N × config.model.zdim of the newest epoch (empty: homogeneous)
};

class RunFollower : public QObject {
    Q_OBJECT
public:
    explicit RunFollower(QObject* parent = nullptr);

    // Starts following runDir (a read follows at once); stops following another one.
    void follow(const QString& runDir);
    void stop();
    bool isFollowing() const { return !m_runDir.isEmpty(); }
    QString runDir() const { return m_runDir; }
    void setPollInterval(int milliseconds);
    int pollInterval() const;
    // How long the writer has been silent (seconds, see above); 0 before any marker.
    double silentSeconds() const;

Q_SIGNALS:
    // After each successful read (the marker, and run.h5 when it changed).
    void read(std::shared_ptr<const FollowedRun> run);

private:
    void poll();
    void received(const std::shared_ptr<const FollowedRun>& run);

    QString m_runDir;
    RunFileStamp m_stamp;                    // of the run.h5 read last
    std::optional<cryo::RunStatus> m_status; // the marker seen last
    QElapsedTimer m_sinceChange;             // since the marker last changed (backdated at first sight)
    qint64 m_backdateMs = 0;
    bool m_pollAgain = false;                // a change was signalled while a read ran
    QTimer* m_timer;
    QFileSystemWatcher* m_watcher = nullptr;
    JobRunner* m_runner;
};
