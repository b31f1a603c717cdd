#include "RunFollowController.h"

#include "TrainingMonitor.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>

#include <algorithm>

namespace {

// The run directory of a directory or its run.h5, absolute (the follower's identity of a run).
QString runDirectoryOf(const QString& runDirOrFile)
{
    const QFileInfo info(runDirOrFile);
    return QDir::cleanPath(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

cryo::EpochSummary summaryOf(const cryo::EpochRecord& record, const FollowedRun& run)
{
    cryo::EpochSummary summary;
    summary.record = record;
    summary.zdim = run.config.model.zdim;
    if (record.epoch == run.history.back().epoch)
        summary.zMu = run.zMu;   // run.h5 keeps the newest epoch's z only
    for (const cryo::PoseErrorRecord& e : run.poseErrors)
        if (e.epoch == record.epoch) {
            summary.posesSearched = e.searched;
            summary.poseErrorDeg = e.rotationDeg;
            summary.shiftErrorPx = e.shiftPx;
            summary.poseChangeDeg = e.changeDeg;
            summary.poseChangePx = e.changePx;
            summary.halfMapResolutionA = e.halfMapResolutionA;
        }
    return summary;
}

// Between epochs: the newest epoch's speed and loss, and the time left at the mean epoch time.
cryo::TrainingProgress progressAfter(const std::vector<cryo::EpochRecord>& history, int epochs)
{
    const cryo::EpochRecord& last = history.back();
    double seconds = 0;
    for (const cryo::EpochRecord& r : history)
        seconds += r.seconds;
    cryo::TrainingProgress p;
    p.stage = "training";
    p.epochs = epochs;
    p.epoch = std::min(last.epoch + 1, epochs);
    p.loss = last.loss;
    p.mse = last.mse;
    p.kld = last.kld;
    p.imagesPerSecond = last.imagesPerSecond;
    p.etaSeconds = seconds / double(history.size()) * std::max(0, epochs - last.epoch);
    return p;
}

} // namespace

RunFollowController::RunFollowController(TrainingMonitor* monitor, std::function<bool()> monitorBusy, QObject* parent)
    : QObject(parent), m_monitor(monitor), m_monitorBusy(std::move(monitorBusy)), m_follower(new RunFollower(this))
{
    connect(m_follower, &RunFollower::read, this, &RunFollowController::show);
}

bool RunFollowController::followIfRunning(const QString& runDirOrFile)
{
    const QString dir = runDirectoryOf(runDirOrFile);
    if (isFollowing() && runDir() == dir)
        return true;
    if (isFollowing())
        m_monitor->showFollowing(tr("No longer followed"),
                                 tr("Another run was opened: %1 is no longer followed.").arg(runDir()));
    stop();
    std::optional<cryo::RunStatus> status;
    try {
        status = cryo::readRunStatus(dir.toStdString());
    } catch (const std::exception&) {
        return false;   // an unreadable marker: the run is opened as it is
    }
    if (!status || (m_ended && m_ended->first == dir && m_ended->second == *status))
        return false;
    const double age = double(std::max<std::int64_t>(0, cryo::unixSecondsNow() - status->heartbeat));
    m_activity = cryo::runActivity(*status, age, cryo::writerProcessGone(*status));
    if (m_activity != cryo::RunActivity::Running) {
        if (m_activity == cryo::RunActivity::Stopped || m_activity == cryo::RunActivity::Failed)
            Q_EMIT message(endedText(*status));
        return false;
    }
    if (m_monitorBusy && m_monitorBusy()) {
        Q_EMIT message(tr("%1 is still being trained, but the Training monitor shows this window's own run: "
                          "it is opened as it is now.").arg(dir));
        return false;
    }
    m_monitorStarted = false;
    m_lastEpoch = 0;
    m_history.clear();
    cryo::TrainingOptions options;   // until run.h5 tells the model: the marker's epochs
    options.outDir = dir.toStdString();
    options.config.epochs = status->epochs;
    m_monitor->startRun(options);
    showState(*status);
    if (auto* dock = qobject_cast<QDockWidget*>(m_monitor->parentWidget())) {
        dock->show();
        dock->raise();
    }
    m_follower->follow(dir);
    return true;
}

void RunFollowController::stop() { m_follower->stop(); }

void RunFollowController::show(const std::shared_ptr<const FollowedRun>& run)
{
    if (!isFollowing())
        return;
    if (run->runRead && !run->history.empty()) {
        if (!m_monitorStarted || run->history.back().epoch < m_lastEpoch)
            startMonitor(*run);   // the first run.h5, or a new run started over in the directory
        addEpochs(*run);
    }
    if (run->status)
        showState(*run->status);
}

void RunFollowController::startMonitor(const FollowedRun& run)
{
    cryo::TrainingOptions options;
    options.outDir = runDir().toStdString();
    options.config = run.config;
    options.abInitio = run.abInitio;
    options.abInitioOptions = run.abInitioOptions;
    m_monitor->startRun(options);
    m_monitorStarted = true;
    m_lastEpoch = 0;
    m_history.clear();
}

void RunFollowController::addEpochs(const FollowedRun& run)
{
    for (const cryo::EpochRecord& record : run.history) {
        if (record.epoch <= m_lastEpoch)
            continue;
        const cryo::EpochSummary summary = summaryOf(record, run);
        m_monitor->addEpoch(summary);
        m_lastEpoch = record.epoch;
        Q_EMIT epochArrived(summary);
    }
    m_history = run.history;
    m_monitor->showProgress(progressAfter(run.history, run.config.epochs));
}

void RunFollowController::showState(const cryo::RunStatus& status)
{
    m_activity = cryo::runActivity(status, m_follower->silentSeconds(), cryo::writerProcessGone(status));
    if (m_activity != cryo::RunActivity::Running) {
        end(status);
        return;
    }
    // run.h5 is replaced just before the marker: it may be one epoch ahead of it.
    const int written = std::max(status.epoch, m_lastEpoch);
    m_monitor->showFollowing(tr("Following: epoch %1 of %2 written").arg(written).arg(status.epochs),
                             writerText(status));
}

void RunFollowController::end(const cryo::RunStatus& status)
{
    const QString dir = runDir();
    m_follower->stop();
    m_ended = std::make_pair(dir, status);
    cryo::TrainingResult result;
    result.runDir = dir.toStdString();
    result.epochsCompleted = status.epoch;
    result.cancelled = m_activity == cryo::RunActivity::Cancelled;
    for (const cryo::EpochRecord& r : m_history)
        result.seconds += r.seconds;   // the epochs' own time (the writer's start is not recorded)
    if (m_activity == cryo::RunActivity::Finished || result.cancelled)
        m_monitor->showFinished(result);
    else
        m_monitor->showFailed(endedText(status));
    const QString stage = m_activity == cryo::RunActivity::Stopped
                              ? tr("Stopped at epoch %1 of %2").arg(status.epoch).arg(status.epochs)
                              : QString();
    m_monitor->showFollowing(stage, tr("%1 Run directory: %2").arg(endedText(status), dir));
    Q_EMIT message(endedText(status));
    if (m_lastEpoch > 0 || status.epoch > 0)
        Q_EMIT runEnded(dir);
}

QString RunFollowController::writerText(const cryo::RunStatus& status) const
{
    return tr("Following a run trained by process %1 on %2 (read only; refreshed as each epoch arrives). "
              "Run directory: %3")
        .arg(status.pid)
        .arg(QString::fromStdString(status.host), runDir());
}

QString RunFollowController::endedText(const cryo::RunStatus& status) const
{
    const QString host = QString::fromStdString(status.host);
    switch (m_activity) {
    case cryo::RunActivity::Finished:
        return tr("The followed run finished: %1 epochs.").arg(status.epoch);
    case cryo::RunActivity::Cancelled:
        return tr("The followed run was cancelled after epoch %1 of %2.").arg(status.epoch).arg(status.epochs);
    case cryo::RunActivity::Failed:
        return tr("The run failed at epoch %1 of %2: %3")
            .arg(status.epoch)
            .arg(status.epochs)
            .arg(QString::fromStdString(status.message));
    case cryo::RunActivity::Stopped:
        break;
    case cryo::RunActivity::Running:
        return {};
    }
    const QString why = cryo::writerProcessGone(status)
                            ? tr("process %1 on %2 is gone").arg(status.pid).arg(host)
                            : tr("no heartbeat from process %1 on %2 for over %3 s")
                                  .arg(status.pid)
                                  .arg(host)
                                  .arg(cryo::kStoppedAfterSeconds);
    return tr("The run stopped at epoch %1 of %2 (%3); it is explored as it is.")
        .arg(status.epoch)
        .arg(status.epochs)
        .arg(why);
}
