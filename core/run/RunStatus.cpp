#include "run/RunStatus.h"

#include "util/Error.h"
#include "util/HostName.h"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <fstream>
#include <map>

#include <unistd.h>

namespace cryo {

namespace {

const std::map<std::string, RunState>& stateNames()
{
    static const std::map<std::string, RunState> names{{"running", RunState::Running},
                                                       {"finished", RunState::Finished},
                                                       {"cancelled", RunState::Cancelled},
                                                       {"failed", RunState::Failed}};
    return names;
}

std::string stateName(RunState state)
{
    for (const auto& [name, value] : stateNames())
        if (value == state)
            return name;
    return "running";
}

template <typename Int>
Int parseInteger(const std::filesystem::path& file, int line, const std::string& key, const std::string& text)
{
    Int value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        throw FileError(file, "line " + std::to_string(line) + ": " + key + " is not an integer: '" + text + "'");
    return value;
}

// One "key: value" line into status; unknown keys are skipped (a newer writer may add some).
void parseLine(const std::filesystem::path& file, int line, const std::string& text, RunStatus& s)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos)
        throw FileError(file, "line " + std::to_string(line) + ": expected 'key: value', got '" + text + "'");
    const std::string key = text.substr(0, colon);
    std::string value = text.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (key == "state") {
        const auto found = stateNames().find(value);
        if (found == stateNames().end())
            throw FileError(file, "line " + std::to_string(line) + ": unknown state '" + value + "'");
        s.state = found->second;
    } else if (key == "pid") {
        s.pid = parseInteger<std::int64_t>(file, line, key, value);
    } else if (key == "host") {
        s.host = value;
    } else if (key == "epoch") {
        s.epoch = parseInteger<int>(file, line, key, value);
    } else if (key == "epochs") {
        s.epochs = parseInteger<int>(file, line, key, value);
    } else if (key == "heartbeat") {
        s.heartbeat = parseInteger<std::int64_t>(file, line, key, value);
    } else if (key == "message") {
        s.message = value;
    }
}

std::string oneLine(std::string text)
{
    for (char& c : text)
        if (c == '\n' || c == '\r')
            c = ' ';
    return text;
}

} // namespace

std::filesystem::path runStatusPath(const std::filesystem::path& runDir) { return runDir / kRunStatusFileName; }

std::optional<RunStatus> readRunStatus(const std::filesystem::path& runDir)
{
    const std::filesystem::path path = runStatusPath(runDir);
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    RunStatus status;
    bool hasState = false;
    std::string text;
    for (int line = 1; std::getline(in, text); ++line) {
        if (text.empty())
            continue;
        parseLine(path, line, text, status);
        hasState = hasState || text.rfind("state:", 0) == 0;
    }
    if (!hasState)
        throw FileError(path, "no 'state:' line (an empty or truncated status marker)");
    return status;
}

void writeRunStatus(const std::filesystem::path& runDir, const RunStatus& s)
{
    const std::filesystem::path path = runStatusPath(runDir);
    std::filesystem::path part = path;
    part += ".part";
    {
        std::ofstream out(part, std::ios::trunc);
        out << "state: " << stateName(s.state) << "\npid: " << s.pid << "\nhost: " << oneLine(s.host)
            << "\nepoch: " << s.epoch << "\nepochs: " << s.epochs << "\nheartbeat: " << s.heartbeat << '\n';
        if (!s.message.empty())
            out << "message: " << oneLine(s.message) << '\n';
        out.close();
        if (!out)
            throw FileError(part, "cannot write the training status marker");
    }
    std::error_code error;
    std::filesystem::rename(part, path, error);
    if (error)
        throw FileError(path, "cannot replace the training status marker: " + error.message());
}

std::int64_t unixSecondsNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool writerProcessGone(const RunStatus& status)
{
    if (status.pid <= 0 || status.host != thisHostName())
        return false;   // another host's process: only its heartbeat tells
    return ::kill(pid_t(status.pid), 0) != 0 && errno == ESRCH;
}

RunActivity runActivity(const RunStatus& status, double silentSeconds, bool writerGone)
{
    switch (status.state) {
    case RunState::Finished: return RunActivity::Finished;
    case RunState::Cancelled: return RunActivity::Cancelled;
    case RunState::Failed: return RunActivity::Failed;
    case RunState::Running: break;
    }
    return writerGone || silentSeconds > kStoppedAfterSeconds ? RunActivity::Stopped : RunActivity::Running;
}

RunStatusWriter::RunStatusWriter(std::filesystem::path runDir, int epoch, int epochs) : m_runDir(std::move(runDir))
{
    m_status.pid = ::getpid();
    m_status.host = thisHostName();
    m_status.epoch = epoch;
    m_status.epochs = epochs;
    {
        const std::lock_guard lock(m_mutex);
        write();
    }
    m_heartbeat = std::jthread([this](std::stop_token stop) { beat(std::move(stop)); });
}

RunStatusWriter::~RunStatusWriter()
{
    if (!m_finished)
        finish(RunState::Failed, "training ended unexpectedly");
}

void RunStatusWriter::epochWritten(int epoch)
{
    const std::lock_guard lock(m_mutex);
    m_status.epoch = epoch;
    write();
}

void RunStatusWriter::finish(RunState state, const std::string& message)
{
    m_heartbeat.request_stop();
    if (m_heartbeat.joinable())
        m_heartbeat.join();
    const std::lock_guard lock(m_mutex);
    m_finished = true;
    m_status.state = state;
    m_status.message = message;
    write();
}

void RunStatusWriter::write()
{
    m_status.heartbeat = unixSecondsNow();
    try {
        writeRunStatus(m_runDir, m_status);
    } catch (const std::exception&) {
        // A full disk or a lost mount: the next beat tries again; the training goes on.
    }
}

void RunStatusWriter::beat(std::stop_token stop)
{
    std::unique_lock lock(m_mutex);
    while (!stop.stop_requested()) {
        m_wake.wait_for(lock, stop, std::chrono::seconds(kHeartbeatSeconds), [] { return false; });
        if (!stop.stop_requested())
            write();
    }
}

} // namespace cryo
