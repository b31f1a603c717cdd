// bench_shared_machine [--quick] — training speed when the machine is shared (issue 24): for
// each thread count and OpenMP wait policy, images/s with the machine to itself and with one
// other CPU-bound single-threaded process (a busy loop this bench starts) running the whole
// time, side by side, and their ratio. Target: contended ≥ 60 % of quiet.
//
// On a machine other people use, run it in a session of its own with a raised weight, so
// their work does not load the "quiet" runs (root; the competitor gets the same weight):
//   setsid sh -c 'echo -20 > /proc/self/autogroup; exec build/bin/bench_shared_machine'
//
// Each measurement is a fresh process (this program with --worker), because OpenMP reads
// OMP_WAIT_POLICY only when the library loads. Data: D = 64 simulated into a temporary folder
// (zdim 8, encoder and decoder 256×3, batch 8, as bench_training).
#include "sim/Simulator.h"
#include "train/TrainingJob.h"
#include "util/BlasEnvironment.h"
#include "util/ComputeThreads.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace cryo;

namespace {

// --worker PARTICLES OUT THREADS: one epoch; prints images/s on the last line.
int worker(char** argv)
{
    TrainingOptions t;
    t.particles = argv[2];
    t.outDir = argv[3];
    t.threads = std::atoi(argv[4]);
    t.config.epochs = 1;
    trainModel(t, {}, {});
    const auto history = readHistory(H5File(t.outDir / kRunFileName, H5File::Mode::ReadOnly));
    std::printf("%.2f\n", history.back().imagesPerSecond);
    return 0;
}

// "/autogroup-11 nice 0" -> 0: the scheduler weight of this process's session.
int autogroupNice()
{
    std::ifstream in("/proc/self/autogroup");
    std::string group, word;
    int nice = 0;
    in >> group >> word >> nice;
    return nice;
}

std::string autogroupSetting()
{
    std::ifstream in("/proc/sys/kernel/sched_autogroup_enabled");
    std::string value = "?";
    in >> value;
    return value;
}

// A single-threaded process that only burns CPU, until killed. Like a program the user
// starts elsewhere, it gets a session of its own: with the kernel's autogroup scheduling
// (Debian, Ubuntu) each session shares the CPUs equally, whatever the program's nice value,
// which is why even `nice 19` did not spare training (issue 24). Its session gets the same
// weight as this bench's, so the two compete as equals.
pid_t startBusyLoop()
{
    std::fflush(nullptr);
    const int nice = autogroupNice();
    const pid_t pid = fork();
    if (pid == 0) {
        setsid();
        std::ofstream("/proc/self/autogroup") << nice;
        volatile double x = 1;
        for (;;)
            x = x * 1.0000001 + 1e-9;
    }
    return pid;
}

struct Setting {
    int threads;
    const char* waitPolicy;   // nullptr: unset (libgomp's default: spin 300,000 rounds, then sleep)
    const char* note;         // which default it is
};

// Runs one worker with `setting` in its environment; returns its images/s (0 on failure).
double measure(const fs::path& particles, const fs::path& out, const Setting& setting)
{
    fs::remove_all(out);
    std::fflush(nullptr);   // or the child would print this process's buffered lines again
    const pid_t pid = fork();
    if (pid == 0) {
        setenv("CRYOSCAPE_NO_BLAS_REEXEC", "1", 1);   // the setting below, not the program's default
        unsetenv("GOMP_SPINCOUNT");
        if (setting.waitPolicy)
            setenv("OMP_WAIT_POLICY", setting.waitPolicy, 1);
        else
            unsetenv("OMP_WAIT_POLICY");
        const std::string threads = std::to_string(setting.threads);
        const std::string outText = out.string(), particlesText = particles.string();
        const std::string result = (out.parent_path() / "rate.txt").string();
        if (!freopen(result.c_str(), "w", stdout))
            _exit(2);
        execl("/proc/self/exe", "bench_shared_machine", "--worker", particlesText.c_str(), outText.c_str(),
              threads.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    std::ifstream in(out.parent_path() / "rate.txt");
    double rate = 0, value = 0;
    while (in >> value)
        rate = value;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? rate : 0.0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 5 && std::strcmp(argv[1], "--worker") == 0)
        return worker(argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    std::printf("bench_shared_machine: %s, %d cores; GUI default training threads %d; %s\n", cpuModelName().c_str(), cores,
                threadsLeavingOneCoreFree(), describeBlasEnvironment().c_str());
    const fs::path root = fs::temp_directory_path() / "cryoscape_bench_shared_machine";
    fs::remove_all(root);
    SimulationOptions o;
    o.outDir = root / "data";
    o.particles = quick ? 160 : 480;
    o.box = 64;
    o.pixelSize = 3.0;
    o.seed = 7;
    simulateDataset(o);
    const fs::path particles = o.outDir / "particles.star";
    std::printf("D=64, %d images, 1 epoch per measurement; competitor: one busy-loop process in a session of its "
                "own (sched_autogroup_enabled %s, both sessions' autogroup nice %d)\n",
                o.particles, autogroupSetting().c_str(), autogroupNice());
    std::printf("%-8s %-16s %12s %16s %7s  %s\n", "threads", "OMP_WAIT_POLICY", "quiet img/s", "contended img/s",
                "ratio", "");
    const int spare = threadsLeavingOneCoreFree();
    const std::vector<Setting> settings{{cores, nullptr, "before issue 24 (CLI and GUI)"},
                                        {cores, "passive", "cryoscape train (CLI default)"},
                                        {spare, nullptr, "desktop app (GUI default)"},
                                        {spare, "passive", ""}};
    for (const Setting& s : settings) {
        const double quiet = measure(particles, root / "run", s);
        const pid_t competitor = startBusyLoop();
        const double contended = measure(particles, root / "run", s);
        kill(competitor, SIGKILL);
        waitpid(competitor, nullptr, 0);
        std::printf("%-8d %-16s %12.1f %16.1f %6.0f%%  %s\n", s.threads, s.waitPolicy ? s.waitPolicy : "(unset)", quiet,
                    contended, quiet > 0 ? 100.0 * contended / quiet : 0.0, s.note);
        std::fflush(stdout);
    }
    fs::remove_all(root);
    return 0;
}
