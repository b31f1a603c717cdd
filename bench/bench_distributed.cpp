// bench_distributed [--quick | --allreduce] — data-parallel training on this machine (issue #21): images/s of
// `cryoscape train` as 1 process × 2 threads and as 2 processes × 1 thread (gradients summed
// during backward, and after it), side by side on one simulated set (D = 64, zdim 8, encoder and
// decoder 256×3, batch 8: the defaults), with the gradient bytes per step and the milliseconds
// the sum holds each step up; and the gradient bytes per step of the default model at D = 128
// and 256 (for the performance model in docs/cluster.md), and the time of one all-reduce of
// those sizes between two otherwise idle processes (c10d Gloo over 127.0.0.1). Prints the CPU,
// threads and BLAS.
#include "model/CryoModel.h"
#include "images/TrainingLattice.h"
#include "sim/Simulator.h"
#include "train/ReplicaGroup.h"
#include "train/StoreServer.h"
#include "util/BlasEnvironment.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>

using namespace cryo;

namespace {

struct Measured {
    double imagesPerSecond = 0;   // the last epoch's (the first one warms up)
    double megabytesPerStep = 0, heldMilliseconds = 0;
    bool ok = false;
};

Measured train(const std::filesystem::path& particles, const std::filesystem::path& out, const std::string& extra)
{
    std::filesystem::remove_all(out);
    const std::string command = std::string(CRYOSCAPE_BIN_DIR "/cryoscape train ") + particles.string() + " --out " +
                                out.string() + " --epochs 2 " + extra + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    Measured m;
    if (!pipe)
        return m;
    const std::regex epoch(R"(epoch 2/2 .* ([0-9.]+) images/s)");
    const std::regex gradients(R"(gradients ([0-9.]+) MB per step .* held each step ([0-9.]+) ms)");
    char line[4096];
    while (std::fgets(line, sizeof line, pipe)) {
        std::cmatch match;
        if (std::regex_search(line, match, epoch)) {
            m.imagesPerSecond = std::stod(match[1]);
            m.ok = true;
        }
        if (std::regex_search(line, match, gradients)) {
            m.megabytesPerStep = std::stod(match[1]);
            m.heldMilliseconds = std::stod(match[2]);
        }
    }
    m.ok = pclose(pipe) == 0 && m.ok;
    return m;
}

double gradientMegabytes(int D)
{
    CryoModel model(ModelArchitecture{}, D, std::int64_t(TrainingLattice::make(D).pixelCount()));
    std::int64_t elements = 0;
    for (const auto& p : model->parameters())
        elements += p.numel();
    return double(elements) * sizeof(float) / 1e6;
}

// One rank of the all-reduce measurement (this program started with --allreduce-rank R PORT):
// rank 0 prints "D MB ms" per size, the mean of 10 sums after 3 to warm up.
int allreduceRank(int rank, int port)
{
    DistributedOptions options;
    options.rank = rank;
    options.worldSize = 2;
    options.storePort = port;
    options.launcherServesStore = true;
    ReplicaGroup group(options);
    for (const int D : {64, 128, 256}) {
        const torch::Tensor gradients = torch::ones({std::int64_t(gradientMegabytes(D) * 1e6 / sizeof(float))});
        for (int i = 0; i < 3; ++i)
            group.sum(gradients);
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < 10; ++i)
            group.sum(gradients);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 10;
        if (rank == 0)
            std::printf("%d %.2f %.2f\n", D, gradientMegabytes(D), ms);
    }
    return 0;
}

void measureAllreduce(const char* self)
{
    const StoreServer store("127.0.0.1");
    const std::string command = std::string(self) + " --allreduce-rank ";
    const std::string port = " " + std::to_string(store.port());
    FILE* other = popen((command + "1" + port).c_str(), "r");
    FILE* first = popen((command + "0" + port).c_str(), "r");
    char line[256];
    int D = 0;
    double megabytes = 0, ms = 0;
    while (first && std::fgets(line, sizeof line, first))
        if (std::sscanf(line, "%d %lf %lf", &D, &megabytes, &ms) == 3)
            std::printf("all-reduce of the D = %d gradients (%.2f MB) between 2 idle processes: %.1f ms "
                        "(size / time: %.2f GB/s)\n", D, megabytes, ms, megabytes / ms);
    if (first)
        pclose(first);
    if (other)
        pclose(other);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 4 && std::strcmp(argv[1], "--allreduce-rank") == 0)
        return allreduceRank(std::atoi(argv[2]), std::atoi(argv[3]));
    reexecWithFastBlasIfNeeded(argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    std::printf("CPU: %s, %u hardware threads; %s\n", cpuModelName().c_str(), std::thread::hardware_concurrency(),
                describeBlasEnvironment().c_str());
    if (argc > 1 && std::strcmp(argv[1], "--allreduce") == 0) {
        measureAllreduce(argv[0]);
        return 0;
    }
    const auto root = std::filesystem::temp_directory_path() / "cryoscape_bench_distributed";
    std::filesystem::remove_all(root);
    SimulationOptions sim;
    sim.outDir = root / "data";
    sim.particles = quick ? 400 : 1600;
    sim.box = 64;
    sim.seed = 7;
    simulateDataset(sim);
    const auto particles = sim.outDir / "particles.star";
    std::printf("D = 64, %d particles, zdim 8, 256x3 encoder and decoder, batch 8 (all processes), 2 epochs\n",
                sim.particles);

    struct Setup {
        const char* name;
        std::string arguments;
    };
    const Setup setups[] = {
        {"1 process  x 2 threads", "--threads 2"},
        {"2 processes x 1 thread, sum during backward", "--processes 2 --threads 1 --gradient-sync overlap"},
        {"2 processes x 1 thread, sum after backward", "--processes 2 --threads 1 --gradient-sync after"},
    };
    double baseline = 0;
    std::printf("%-46s %10s %7s %10s %12s\n", "", "images/s", "ratio", "MB/step", "held ms/step");
    for (const Setup& setup : setups) {
        const Measured m = train(particles, root / "run", setup.arguments);
        if (!m.ok) {
            std::printf("%-46s failed\n", setup.name);
            continue;
        }
        if (baseline == 0)
            baseline = m.imagesPerSecond;
        if (m.megabytesPerStep > 0)
            std::printf("%-46s %10.1f %7.2f %10.2f %12.2f\n", setup.name, m.imagesPerSecond,
                        m.imagesPerSecond / baseline, m.megabytesPerStep, m.heldMilliseconds);
        else
            std::printf("%-46s %10.1f %7.2f %10s %12s\n", setup.name, m.imagesPerSecond, 1.0, "-", "-");
    }
    for (const int D : {64, 128, 256})
        std::printf("gradients of the default model at D = %d: %.2f MB per step\n", D, gradientMegabytes(D));
    measureAllreduce(argv[0]);
    std::filesystem::remove_all(root);
    return 0;
}
