#include "ScaleChild.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <signal.h>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace scalebench {

namespace {

// The images done in the last progress line labelled `label` in a log ("\rlabel [===]  12%  1234/50000  456/s …").
long long lastProgressImages(const std::string& log, const std::string& label)
{
    const std::size_t line = log.rfind("\r" + label + " ["), bar = log.find("] ", line);
    if (line == std::string::npos || bar == std::string::npos)
        return 0;
    const std::size_t done = log.find_first_not_of(' ', log.find('%', bar) + 1);
    return done == std::string::npos ? 0 : std::atoll(log.c_str() + done);
}

// CPU seconds (user + system, all threads) a running process has used so far.
double processCpuSeconds(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));   // after "pid (name) "
    std::string field;
    double ticks = 0;
    for (int k = 3; k <= 15 && fields >> field; ++k)   // fields 14 and 15: utime, stime
        if (k >= 14)
            ticks += std::stod(field);
    return ticks / double(sysconf(_SC_CLK_TCK));
}

std::string fileText(const char* path)
{
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

std::string programBeside(const std::string& name, const std::string& fallback)
{
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path beside = fs::read_symlink("/proc/self/exe", error).parent_path() / name;
    return !error && fs::exists(beside) ? beside.string() : fallback;
}

ChildRun runCryoscape(const std::vector<std::string>& arguments, ChildStop stop)
{
    return runProgram(programBeside("cryoscape", CRYOSCAPE_BIN_DIR "/cryoscape"), arguments, stop);
}

ChildRun runProgram(const std::string& program, const std::vector<std::string>& arguments, ChildStop stop)
{
    char logName[] = "/tmp/bench_scale_child_XXXXXX";
    const int log = mkstemp(logName);
    std::fflush(stdout);
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        dup2(log, STDOUT_FILENO);
        dup2(log, STDERR_FILENO);
        std::vector<char*> argv{const_cast<char*>(program.c_str())};
        for (const std::string& a : arguments)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    bool interrupted = false;
    double warmSeconds = -1, warmCpu = 0, steadyRate = 0, steadyCpuMs = 0;
    long long warmImages = 0;
    while (wait4(child, &status, WNOHANG, &usage) == 0) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const long long images = stop.afterImages > 0 ? lastProgressImages(fileText(logName), stop.label) : 0;
        if (warmSeconds < 0 && images > 0 && images >= stop.warmupImages)
            warmSeconds = elapsed, warmImages = images, warmCpu = processCpuSeconds(child);
        const bool enoughImages = stop.afterImages > 0 && images >= stop.afterImages;
        if (enoughImages && !interrupted && warmSeconds >= 0 && elapsed > warmSeconds && images > warmImages) {
            steadyRate = double(images - warmImages) / (elapsed - warmSeconds);
            steadyCpuMs = 1e3 * (processCpuSeconds(child) - warmCpu) / double(images - warmImages);
        }
        if (((stop.afterSeconds > 0 && elapsed > stop.afterSeconds) || enoughImages) && !interrupted) {
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
    run.steadyImagesPerSecond = steadyRate;
    run.steadyCpuMsPerImage = steadyCpuMs;
    close(log);
    run.output = fileText(logName);
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
