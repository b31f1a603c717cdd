#pragma once
// Runs fuzz cases against a reader and reports every case that crashes, hangs, allocates
// beyond a memory budget, or fails with anything but a FileError naming the file.
//
// Why worker processes: a reader that crashes must not take the test down with it (the
// report names the case and keeps its file), a runaway allocation must fail inside a bounded
// address space (RLIMIT_AS) rather than swap the machine, and a hang must be killable. One
// fork per case would cost more than most cases, so a worker runs cases one after another and
// announces each on a pipe; when it dies or goes quiet past the per-case limit, the parent
// records that case and starts a new worker at the next one. Cases are regenerated from their
// number (FuzzMutator.h), so the parent only writes a file to disk when a case failed.
//
// To fuzz another format (torch checkpoint zips, cryoDRGN run folders), write a Target:
// a case writer and an open function. tests/core/tst_fuzz_*.cpp are the examples.
#include "util/Error.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <new>
#include <string>
#include <typeinfo>
#include <vector>

#include <csignal>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fuzz {

struct Target {
    std::string name;          // "mrc"; names the work folders and saved failures
    std::size_t caseCount = 0;
    // Writes the files of case i into `folder` (empty, exists) and returns the file to open.
    std::function<std::filesystem::path(std::size_t i, const std::filesystem::path& folder)> write;
    // Opens and reads the file as Cryoscape does: returns when it is accepted, throws when refused.
    std::function<void(const std::filesystem::path& file)> open;
};

struct Limits {
    std::uint64_t memoryBytes = std::uint64_t(200) << 20;   // address space a worker may add
    int caseTimeoutSeconds = 30;   // generous: a hang, not a slow machine, should trip it
};

// Where failed cases are kept for a person to rerun: fuzz-failures/ in the build tree,
// outside the test's temporary folder (which is removed when the test ends).
inline std::filesystem::path failureFolder()
{
    return std::filesystem::path(CRYOSCAPE_BIN_DIR).parent_path() / "fuzz-failures";
}

struct Report {
    std::size_t accepted = 0, refused = 0;
    std::vector<std::string> failures;   // "case 17 (.../case-17.mrc): crashed with signal 11"
    double slowestCaseSeconds = 0;
    std::size_t slowestCase = 0;
    std::size_t cases() const { return accepted + refused + failures.size(); }
};

namespace detail {

// One message on the worker's pipe: a case starts ('S'), or ends accepted ('A'), refused
// ('R') or failed ('F', followed by `length` bytes of text).
struct Message {
    std::uint64_t index = 0;
    char kind = 0;
    std::uint32_t length = 0;
};

inline void send(int fd, std::uint64_t index, char kind, const std::string& text = {})
{
    Message m{index, kind, std::uint32_t(text.size())};
    std::string bytes(reinterpret_cast<const char*>(&m), sizeof m);
    bytes += text;
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0)
            _exit(3);
        done += std::size_t(n);
    }
}

// The worker's address space now (VmSize), to put the memory budget on top of it.
inline std::uint64_t addressSpaceBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0;
    statm >> pages;
    return pages * std::uint64_t(sysconf(_SC_PAGESIZE));
}

// Accepted: ""; refused cleanly: "R"; anything else: the failure's description.
inline std::string classify(const std::exception_ptr& error, const std::filesystem::path& file)
{
    try {
        std::rethrow_exception(error);
    } catch (const cryo::FileError& e) {
        const std::string what = e.what();
        if (what.find(file.filename().string()) == std::string::npos)
            return "refused without naming " + file.filename().string() + ": " + what;
        return "R";
    } catch (const std::bad_alloc&) {
        return "allocated beyond the memory budget (std::bad_alloc)";
    } catch (const std::exception& e) {
        return std::string("threw ") + typeid(e).name() + " instead of a FileError: " + e.what();
    } catch (...) {
        return "threw a non-standard exception";
    }
}

[[noreturn]] inline void runWorker(const Target& target, std::size_t first, const std::filesystem::path& folder,
                                   const Limits& limits, int fd)
{
    // A crash must end the worker at once: Qt Test's crash handler (inherited) would run a
    // debugger for a stack trace first.
    for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
        std::signal(signal, SIG_DFL);
    const rlimit cap{addressSpaceBytes() + limits.memoryBytes, addressSpaceBytes() + limits.memoryBytes};
    setrlimit(RLIMIT_AS, &cap);
    for (std::size_t i = first; i < target.caseCount; ++i) {
        send(fd, i, 'S');
        std::string outcome;
        try {
            std::error_code ec;
            std::filesystem::remove_all(folder, ec);
            std::filesystem::create_directories(folder);
            const std::filesystem::path file = target.write(i, folder);
            try {
                target.open(file);
            } catch (...) {
                outcome = classify(std::current_exception(), file);
            }
        } catch (const std::exception& e) {
            outcome = std::string("the case could not be written: ") + e.what();
        }
        send(fd, i, outcome.empty() ? 'A' : (outcome == "R" ? 'R' : 'F'), outcome == "R" ? std::string() : outcome);
    }
    _exit(0);
}

// Reads exactly n bytes, waiting at most timeoutMs for each chunk. False on EOF or timeout.
inline bool readExactly(int fd, char* out, std::size_t n, int timeoutMs)
{
    for (std::size_t done = 0; done < n;) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, timeoutMs) <= 0)
            return false;
        const ssize_t got = ::read(fd, out + done, n - done);
        if (got <= 0)
            return false;
        done += std::size_t(got);
    }
    return true;
}

inline std::string describeEnd(int status)
{
    if (WIFSIGNALED(status))
        return "crashed with signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
    return "the worker exited with status " + std::to_string(WEXITSTATUS(status));
}

// Writes case i again, into fuzz-failures/<name>-<i>/, for a person to rerun.
inline std::filesystem::path keepCase(const Target& target, std::size_t i)
{
    const std::filesystem::path kept = failureFolder() / (target.name + "-" + std::to_string(i));
    std::error_code ec;
    std::filesystem::create_directories(kept, ec);
    return target.write(i, kept);
}

// Runs one worker from case `first` until it finishes or dies; returns the case it was in
// when it died or hung (or caseCount when it finished) and the reason.
struct WorkerEnd {
    std::size_t caseIndex = 0;
    std::string reason;
};

inline WorkerEnd runOneWorker(const Target& target, std::size_t first, const std::filesystem::path& workFolder,
                              const Limits& limits, Report& report)
{
    using Clock = std::chrono::steady_clock;
    int fds[2];
    if (pipe(fds) != 0)
        return {first, "cannot create a pipe"};
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        ::close(fds[0]);
        runWorker(target, first, workFolder / (target.name + "-case"), limits, fds[1]);
    }
    ::close(fds[1]);
    std::size_t current = first;
    bool inCase = false, quiet = false;
    auto started = Clock::now();
    for (;;) {
        Message m;
        if (!readExactly(fds[0], reinterpret_cast<char*>(&m), sizeof m, limits.caseTimeoutSeconds * 1000)) {
            quiet = Clock::now() - started >= std::chrono::seconds(limits.caseTimeoutSeconds);
            break;
        }
        std::string text(m.length, '\0');
        if (m.length && !readExactly(fds[0], text.data(), m.length, 1000))
            break;
        current = m.index;
        inCase = m.kind == 'S';
        if (inCase) {
            started = Clock::now();
            continue;
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
        if (seconds > report.slowestCaseSeconds) {
            report.slowestCaseSeconds = seconds;
            report.slowestCase = current;
        }
        if (m.kind == 'A')
            ++report.accepted;
        else if (m.kind == 'R')
            ++report.refused;
        else
            report.failures.push_back("case " + std::to_string(current) + " (" +
                                      keepCase(target, current).string() + "): " + text);
        ++current;
    }
    ::close(fds[0]);
    kill(pid, SIGKILL);   // harmless when it has exited: it stays a zombie until waitpid
    int status = 0;
    waitpid(pid, &status, 0);
    if (!inCase && current >= target.caseCount)
        return {target.caseCount, {}};
    if (quiet && inCase)
        return {current, "no result after " + std::to_string(limits.caseTimeoutSeconds) + " s (a hang?)"};
    return {current, (inCase ? "" : "between cases: ") + describeEnd(status)};
}

} // namespace detail

// Runs every case of `target` in workers that write their cases under `workFolder`; failed
// cases are written again to failureFolder()/<name>-<i>/ so they can be rerun by hand.
inline Report run(const Target& target, const std::filesystem::path& workFolder, const Limits& limits = {})
{
    Report report;
    for (std::size_t next = 0; next < target.caseCount;) {
        const detail::WorkerEnd end = detail::runOneWorker(target, next, workFolder, limits, report);
        if (end.caseIndex >= target.caseCount)
            break;
        report.failures.push_back("case " + std::to_string(end.caseIndex) + " (" +
                                  detail::keepCase(target, end.caseIndex).string() + "): " + end.reason);
        next = end.caseIndex + 1;   // always progresses, whatever killed the worker
    }
    return report;
}

// "mrc: 4000 cases, 1234 accepted, 2766 refused, 0 failed; slowest case 12 (0.031 s)"
inline std::string summary(const Target& target, const Report& report)
{
    char text[256];
    std::snprintf(text, sizeof text, "%s: %zu cases, %zu accepted, %zu refused, %zu failed; slowest case %zu (%.3f s)",
                  target.name.c_str(), report.cases(), report.accepted, report.refused, report.failures.size(),
                  report.slowestCase, report.slowestCaseSeconds);
    return text;
}

// The first failures, one per line, for a test's failure message.
inline std::string failureList(const Report& report, std::size_t shown = 10)
{
    std::string text;
    for (std::size_t i = 0; i < report.failures.size() && i < shown; ++i)
        text += "\n  " + report.failures[i];
    if (report.failures.size() > shown)
        text += "\n  ... and " + std::to_string(report.failures.size() - shown) + " more";
    return text;
}

} // namespace fuzz
