#include "ScaleChild.h"

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace scalebench {

namespace {

std::string cryoscapeProgram()
{
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path beside = fs::read_symlink("/proc/self/exe", error).parent_path() / "cryoscape";
    return !error && fs::exists(beside) ? beside.string() : std::string(CRYOSCAPE_BIN_DIR "/cryoscape");
}

} // namespace

ChildRun runCryoscape(const std::vector<std::string>& arguments, double stopAfterSeconds)
{
    const std::string program = cryoscapeProgram();
    char logName[] = "/tmp/bench_scale_child_XXXXXX";
    const int log = mkstemp(logName);
    std::fflush(stdout);
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        dup2(log, STDOUT_FILENO);
        dup2(log, STDERR_FILENO);
        std::vector<char*> argv{const_cast<char*>("cryoscape")};
        for (const std::string& a : arguments)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    bool interrupted = false;
    while (wait4(child, &status, WNOHANG, &usage) == 0) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (stopAfterSeconds > 0 && elapsed > stopAfterSeconds && !interrupted) {
            kill(child, SIGINT);
            interrupted = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ChildRun run;
    run.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     1e-6 * double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
    run.peakResidentMb = double(usage.ru_maxrss) / 1024.0;
    run.succeeded = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    close(log);
    std::ifstream in(logName);
    run.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::remove(logName);
    return run;
}

double lastRate(const std::string& output, const std::string& label)
{
    double rate = 0;
    std::string piece;
    std::istringstream lines(output);
    while (std::getline(lines, piece, '\r')) {   // progress lines end in \r, others in \n
        std::istringstream sublines(piece);
        for (std::string line; std::getline(sublines, line);) {
            const std::size_t epoch = line.find(" images/s");
            if (line.rfind("epoch ", 0) == 0 && epoch != std::string::npos) {
                rate = std::stod(line.substr(line.rfind("  ", epoch) + 2));
                continue;
            }
            const std::size_t perSecond = line.find("/s  ETA");
            if (line.rfind(label, 0) == 0 && perSecond != std::string::npos)
                rate = std::stod(line.substr(line.rfind(' ', perSecond) + 1));
        }
    }
    return rate;
}

void removeUnlessKept(const std::filesystem::path& folder, bool keep)
{
    std::error_code ignored;
    if (!keep)
        std::filesystem::remove_all(folder, ignored);
}

} // namespace scalebench
