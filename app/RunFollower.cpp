#include "RunFollower.h"

#include "io/H5File.h"

#include <QFileSystemWatcher>
#include <QTimer>

#include <algorithm>
#include <filesystem>

namespace {

constexpr int kDefaultPollMs = 2000;

// exists = false when there is no run.h5 (yet).
RunFileStamp stampOf(const std::filesystem::path& path)
{
    std::error_code error;
    const auto modified = std::filesystem::last_write_time(path, error);
    if (error)
        return {};
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        return {};
    return {true, std::chrono::duration_cast<std::chrono::nanoseconds>(modified.time_since_epoch()).count(), size};
}

// run.h5 as far as the monitor shows it. Throws while it cannot be read (caught by the caller).
void readRun(const std::filesystem::path& path, FollowedRun& run)
{
    const cryo::H5File file(path, cryo::H5File::Mode::ReadOnly);
    run.config = cryo::readRunConfig(file);
    run.history = cryo::readHistory(file);
    const std::optional<cryo::AbInitioRecord> abInitio = cryo::readAbInitioRecord(file);
    run.abInitio = abInitio.has_value();
    if (abInitio) {
        run.abInitioOptions = abInitio->options;
        run.poseErrors = cryo::readPoseErrorHistory(file);
    }
    if (run.config.model.zdim > 0 && !run.history.empty())
        run.zMu = cryo::readLatents(file).mu;
}

// On the worker: the marker every time, run.h5 when its stamp differs from `known`.
FollowedRun readFollowed(const std::filesystem::path& dir, const RunFileStamp& known)
{
    FollowedRun run;
    try {
        run.status = cryo::readRunStatus(dir);
    } catch (const std::exception&) {
        // Unreadable for now (truncated by hand, a lost mount): as if absent until the next tick.
    }
    // Read after the marker: the writer replaces run.h5 before it updates the marker, so a
    // final marker is never ahead of the run.h5 read here.
    const std::filesystem::path path = cryo::runFilePath(dir);
    const RunFileStamp stamp = stampOf(path);
    if (!stamp.exists || stamp == known)
        return run;
    try {
        readRun(path, run);
        run.runRead = true;
        run.stamp = stamp;
    } catch (const std::exception&) {
        // Replaced while being read, or not complete on a network file system yet: next tick.
    }
    return run;
}

} // namespace

RunFollower::RunFollower(QObject* parent) : QObject(parent), m_timer(new QTimer(this)), m_runner(new JobRunner(this))
{
    m_timer->setInterval(kDefaultPollMs);
    connect(m_timer, &QTimer::timeout, this, &RunFollower::poll);
    connect(m_runner, &JobRunner::ended, this, [this] {
        if (m_pollAgain && isFollowing())
            poll();
    });
}

void RunFollower::follow(const QString& runDir)
{
    stop();
    m_runDir = runDir;
    m_watcher = new QFileSystemWatcher(this);
    m_watcher->addPath(runDir);   // the renames of run.h5 and of the marker change the directory
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &RunFollower::poll);
    m_timer->start();
    poll();
}

void RunFollower::stop()
{
    m_runDir.clear();   // first: the job's end must not start another read
    m_pollAgain = false;
    m_timer->stop();
    m_runner->cancelAndWait();
    delete m_watcher;
    m_watcher = nullptr;
    m_stamp = {};
    m_status.reset();
    m_sinceChange.invalidate();
}

void RunFollower::setPollInterval(int milliseconds) { m_timer->setInterval(std::max(10, milliseconds)); }

int RunFollower::pollInterval() const { return m_timer->interval(); }

double RunFollower::silentSeconds() const
{
    if (!m_sinceChange.isValid())
        return 0;
    return double(m_sinceChange.elapsed() + m_backdateMs) / 1000.0;
}

void RunFollower::poll()
{
    if (!isFollowing())
        return;
    if (m_runner->isRunning()) {
        m_pollAgain = true;
        return;
    }
    m_pollAgain = false;
    const std::filesystem::path dir = m_runDir.toStdString();
    const RunFileStamp known = m_stamp;
    m_runner->start([this, dir, known](const JobContext& context) {
        auto run = std::make_shared<const FollowedRun>(readFollowed(dir, known));
        context.deliver([this, run] { received(run); });
    });
}

void RunFollower::received(const std::shared_ptr<const FollowedRun>& run)
{
    if (run->runRead)
        m_stamp = run->stamp;
    if (run->status && run->status != m_status) {
        const bool firstSight = !m_status;
        m_status = run->status;
        m_sinceChange.start();
        // At first sight the marker's own age is all there is to judge by (a run that died
        // an hour ago is stopped at once); after that, only this process's clock counts.
        m_backdateMs = firstSight ? std::max<std::int64_t>(0, cryo::unixSecondsNow() - run->status->heartbeat) * 1000 : 0;
    }
    Q_EMIT read(run);
}
