// bench_training [--quick] — training speed (images/s) at D=64 and D=128 (zdim 8, encoder and
// decoder 256×3, batch 8) in fp32 and bf16, and the latency of one map (preview and full)
// from the trained model. Data: simulated on the fly into a temporary folder.
// Reference (issue #4): cryoDRGN 4.x on these 2-core CPUs ≈ 54 images/s at D=64.
#include "model/VolumeGenerator.h"
#include "sim/Simulator.h"
#include "train/TrainingJob.h"
#include "util/BlasEnvironment.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

using namespace cryo;
using Clock = std::chrono::steady_clock;

namespace {

std::filesystem::path simulate(const std::filesystem::path& root, int D, int particles)
{
    SimulationOptions o;
    o.outDir = root / ("data_D" + std::to_string(D));
    o.particles = particles;
    o.box = D;
    o.pixelSize = 3.0 * 64 / D;
    o.seed = 7;
    simulateDataset(o);
    return o.outDir / "particles.star";
}

double trainingRate(const std::filesystem::path& particles, const std::filesystem::path& out,
                    const std::string& precision, int threads)
{
    TrainingOptions t;
    t.particles = particles;
    t.outDir = out;
    t.threads = threads;
    t.config.epochs = 1;
    t.config.precision = precision;
    const TrainingResult result = trainModel(t, {}, {});
    (void)result;
    const auto history = readHistory(H5File(out / kRunFileName, H5File::Mode::ReadOnly));
    return history.back().imagesPerSecond;
}

void mapLatency(const std::filesystem::path& run, int threads)
{
    auto generator = VolumeGenerator::open(run, threads);
    const std::vector<float> z(std::size_t(generator->zdim()), 0.5f);
    for (auto quality : {VolumeGenerator::Quality::Preview, VolumeGenerator::Quality::Full}) {
        generator->generate(z, quality);   // first call builds the lattice
        const int repeats = 5;
        const auto start = Clock::now();
        Volume v;
        for (int i = 0; i < repeats; ++i)
            v = generator->generate(z, quality);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / repeats;
        std::printf("  map %-7s %3d^3 voxels: %7.1f ms\n", quality == VolumeGenerator::Quality::Full ? "full" : "preview",
                    v.nx, ms);
    }
}

} // namespace

int main(int argc, char** argv)
{
    reexecWithFastBlasIfNeeded(argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int threads = int(std::thread::hardware_concurrency());
    std::printf("bench_training: %d threads; %s\n", threads, describeBlasEnvironment().c_str());
    const auto root = std::filesystem::temp_directory_path() / "cryoscape_bench_training";
    std::filesystem::remove_all(root);
    for (int D : {64, 128}) {
        const int particles = quick ? 160 : (D == 64 ? 1600 : 400);
        const auto data = simulate(root, D, particles);
        std::printf("D=%d (%d images, zdim 8, 256x3 / 256x3, batch 8):\n", D, particles);
        for (const std::string precision : {"fp32", "bf16"}) {
            const auto run = root / ("run_D" + std::to_string(D) + "_" + precision);
            const double rate = trainingRate(data, run, precision, threads);
            std::printf("  train %s: %7.1f images/s", precision.c_str(), rate);
            if (D == 64)
                std::printf("  (%.2fx cryoDRGN's 54 images/s)", rate / 54.0);
            std::printf("\n");
            if (precision == "fp32")
                mapLatency(run, threads);
        }
    }
    std::filesystem::remove_all(root);
    return 0;
}
