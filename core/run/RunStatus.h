#pragma once
// The training status marker RUN/training.status: how another process (the desktop app
// following a CLI or cluster run, docs/run-directory.md) tells a run that is still being
// trained from one that finished, was cancelled, failed or whose writer died.
//
// The process that writes run.h5 (rank 0) writes it when training starts, after every
// epoch's run.h5, every kHeartbeatSeconds in between (a heartbeat thread) and when training
// ends. It is a few "key: value" lines, replaced atomically (training.status.part → rename):
//   state: running | finished | cancelled | failed
//   pid: 29855            host: vm
//   epoch: 3              epochs: 20        (last epoch in run.h5; epochs planned)
//   heartbeat: 1796640000 (Unix seconds of the last beat)
//   message: …            (why it failed)
// A writer killed outright leaves "running" with a heartbeat that no longer moves: a reader
// judges it stopped after kStoppedAfterSeconds without a beat (runActivity), or at once
// when the writer ran on this host and its process is gone.
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace cryo {

inline constexpr const char* kRunStatusFileName = "training.status";
inline constexpr int kHeartbeatSeconds = 10;
// Twelve missed beats: NFS clients cache a directory's attributes for up to 60 s (acdirmax),
// so a live marker replaced by rename may look unchanged for that long, plus a busy node.
inline constexpr int kStoppedAfterSeconds = 120;

enum class RunState { Running, Finished, Cancelled, Failed };

struct RunStatus {
    RunState state = RunState::Running;
    std::int64_t pid = 0;
    std::string host;
    int epoch = 0;                 // the last epoch run.h5 holds
    int epochs = 0;                // the epochs planned
    std::int64_t heartbeat = 0;    // Unix seconds of the writer's last beat
    std::string message;           // a failed run: why

    bool operator==(const RunStatus&) const = default;
};

std::filesystem::path runStatusPath(const std::filesystem::path& runDir);
// The marker of runDir; nullopt when there is none (runs written before it, imported runs).
// Throws FileError naming the file and line when it is malformed (or half-written by hand).
std::optional<RunStatus> readRunStatus(const std::filesystem::path& runDir);
// Replaces the marker atomically. Throws FileError when it cannot be written.
void writeRunStatus(const std::filesystem::path& runDir, const RunStatus& status);

std::int64_t unixSecondsNow();
// The writer ran on this host and its process no longer exists.
bool writerProcessGone(const RunStatus& status);

// What a reader makes of a marker.
enum class RunActivity { Running, Finished, Cancelled, Failed, Stopped };
// silentSeconds: how long the reader has seen no beat (by its own clock, so that clocks of
// different hosts need not agree), or its best estimate when it has just started watching.
RunActivity runActivity(const RunStatus& status, double silentSeconds, bool writerGone);

// Keeps the marker of a run being trained: "running" from construction, a heartbeat thread,
// the epoch after each run.h5 and the final state. Destroyed without finish(): "failed".
// Writing the marker never stops the training: a failed write is retried at the next beat.
class RunStatusWriter {
public:
    RunStatusWriter(std::filesystem::path runDir, int epoch, int epochs);
    ~RunStatusWriter();
    RunStatusWriter(const RunStatusWriter&) = delete;
    RunStatusWriter& operator=(const RunStatusWriter&) = delete;

    void epochWritten(int epoch);
    void finish(RunState state, const std::string& message = {});

private:
    void write();   // with m_mutex held
    void beat(std::stop_token stop);

    std::filesystem::path m_runDir;
    RunStatus m_status;
    bool m_finished = false;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::jthread m_heartbeat;   // last member: stopped and joined first
};

} // namespace cryo
