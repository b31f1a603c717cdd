#include "ScaleTraining.h"

#include "ScaleChild.h"

#include "images/BatchPrefetcher.h"
#include "images/ImageMemory.h"
#include "images/TrainingImages.h"
#include "particles/ParticleDataset.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <filesystem>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace scalebench {

namespace {

namespace fs = std::filesystem;

double gigabytes(std::size_t bytes) { return double(bytes) / double(1 << 30); }

// `cryoscape train DATA --epochs 1` with the memory bound (--max-memory, on the whole process);
// prints and returns images/s (with stop.afterImages: the steady rate after stop.warmupImages).
double trainOneEpoch(const std::string& label, const std::string& data, double memoryGb,
                     const TrainingBenchSettings& s, ChildStop stop = {}, double* cpuMsPerImage = nullptr,
                     double* peakResidentMb = nullptr, double* cpuSeconds = nullptr)
{
    const fs::path out = fs::temp_directory_path() / ("bench_scale_train_" + std::to_string(getpid()));
    std::vector<std::string> arguments{"train", data, "--out", out.string(), "--epochs", "1", "--max-memory",
                                       std::to_string(memoryGb)};
    std::istringstream extra(s.extraArguments);
    for (std::string word; extra >> word;)
        arguments.push_back(word);
    const ChildRun run = runCryoscape(arguments, stop);
    const bool interrupted = stop.afterSeconds > 0 || stop.afterImages > 0;
    removeUnlessKept(out, false);
    const double rate = lastRate(run.output, "Training");
    char steady[128] = "";
    if (stop.afterImages > 0)
        std::snprintf(steady, sizeof steady, " (from image %lld to %lld: %.2f images/s, %.0f ms CPU per image)",
                      stop.warmupImages, stop.afterImages, run.steadyImagesPerSecond, run.steadyCpuMsPerImage);
    std::printf("  %-24s %7.2f images/s%s; %6.1f s (CPU %6.1f s); peak resident memory %5.0f MB (--max-memory "
                "%.2f GB)%s\n",
                label.c_str(), rate, steady, run.wallSeconds, run.cpuSeconds, run.peakResidentMb, memoryGb,
                run.succeeded || interrupted ? "" : "  FAILED");
    if (!run.succeeded && !interrupted)
        std::printf("%s\n", run.output.substr(run.output.size() > 2000 ? run.output.size() - 2000 : 0).c_str());
    std::fflush(stdout);
    if (cpuMsPerImage)
        *cpuMsPerImage = run.steadyCpuMsPerImage;
    if (peakResidentMb)
        *peakResidentMb = run.peakResidentMb;
    if (cpuSeconds)
        *cpuSeconds = run.cpuSeconds;
    return stop.afterImages > 0 ? run.steadyImagesPerSecond : rate;
}

double processCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

double peakResidentMb()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

// The stacks' pages dropped from the page cache (this file's only), so the reads come from disk.
void dropFromPageCache(const cryo::ParticleDataset& dataset)
{
    for (const cryo::StackInfo& stack : dataset.stacks()) {
        const int fd = open(stack.path.c_str(), O_RDONLY);
        if (fd >= 0) {
            posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
            close(fd);
        }
    }
}

// The images alone, without a model: the first maxImages particles of an epoch's order
// through TrainingImages and BatchPrefetcher (batches of 64) as training reads them. What
// the loader can deliver per second, and its CPU per image, against the model's rate.
void benchLoader(const std::string& data, double memoryGb, std::size_t maxImages, bool cold)
{
    const cryo::ParticleDataset dataset = cryo::ParticleDataset::open(data);
    cryo::TrainingImagesOptions options;
    options.memoryLimitBytes = std::size_t(memoryGb * double(1 << 30));
    if (cold)
        dropFromPageCache(dataset);
    cryo::TrainingImages images(dataset, options);
    std::vector<std::size_t> order = images.epochOrder(1);
    order.resize(std::min(order.size(), maxImages));
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = processCpuSeconds();
    std::size_t delivered = 0;
    {
        cryo::BatchPrefetcher prefetcher(images, order, 64);
        cryo::TrainingBatch batch;
        while (prefetcher.next(batch))
            delivered += batch.size();
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = processCpuSeconds() - cpuStart;
    std::printf("  loader alone, %s%s: %zu images in %.1f s: %.0f images/s, %.0f µs CPU per image (reader + "
                "preprocessing); windows of %zu particles; peak resident memory of this program %.0f MB\n",
                images.cached() ? "in memory" : "read lazily", cold ? " from disk (pages dropped first)" : "", delivered,
                wall, double(delivered) / wall, 1e6 * cpu / double(delivered),
                images.cached() ? std::size_t(0) : images.shuffleWindows().windowParticles, peakResidentMb());
    std::fflush(stdout);
}

// One epoch with the images in memory and read lazily (limit half of them), and the loader alone.
void compareInMemoryAndLazy(const std::string& data, const TrainingBenchSettings& s)
{
    const double stackGb = gigabytes(std::size_t(fs::file_size(fs::path(data).parent_path() / "particles.mrcs")));
    std::printf("Training one epoch on %s (%.2f GB of images)%s%s\n", data.c_str(), stackGb,
                s.extraArguments.empty() ? "" : ", ", s.extraArguments.c_str());
    double peakMb = 0;
    const double inMemory = trainOneEpoch("in memory", data, 4 * stackGb + 1, s, {}, nullptr, &peakMb);
    // The bound is on the whole process: the in-memory run's peak less half of the images.
    const double lazyBoundGb = std::max(0.1, peakMb / 1024 - stackGb / 2);
    const double lazy = trainOneEpoch("read lazily (about half of them fit)", data, lazyBoundGb, s);
    std::printf("  lazy / in memory: %.1f %% (target >= 90 %%)\n", inMemory > 0 ? 100 * lazy / inMemory : 0.0);
    benchLoader(data, lazyBoundGb, std::size_t(s.particles), false);
}

// The first `count` particles of a .star, written beside it (so that its image names still
// resolve): the in-memory subset of a large stack.
fs::path writeStarSubset(const fs::path& star, std::size_t count)
{
    const fs::path subset = star.parent_path() / ("bench_scale_first_" + std::to_string(count) + ".star");
    std::ifstream in(star);
    std::ofstream out(subset);
    bool particles = false;
    std::size_t rows = 0;
    for (std::string line; std::getline(in, line) && rows < count;) {
        particles = particles || line.rfind("data_particles", 0) == 0;
        const bool row = particles && !line.empty() && line[0] != '_' && line[0] != '#' && line.rfind("loop_", 0) != 0 &&
                         line.rfind("data_", 0) != 0;
        rows += row;
        out << line << '\n';
    }
    return subset;
}

// Training from a stack larger than the memory bound against the same model on an in-memory
// subset (the first `particles` of it): the same number of images each, interleaved in
// rounds so that a change in the machine's load hits both; with stepImages 0, one whole
// epoch of each (all of the large stack, then all of the subset), rates over the epoch.
void compareLargeWithSubset(const TrainingBenchSettings& s)
{
    const cryo::ParticleDataset large = cryo::ParticleDataset::open(s.large);
    std::size_t stackBytes = 0;
    for (const cryo::StackInfo& stack : large.stacks())
        stackBytes += std::size_t(fs::file_size(stack.path));
    const fs::path subset = writeStarSubset(s.large, std::size_t(s.particles));
    const double subsetGb = gigabytes(stackBytes) * double(s.particles) / double(large.size());
    const bool wholeEpochs = s.stepImages <= 0;
    std::printf("Training from %s (%zu particles, %.1f GB of images) read lazily with --max-memory %.1f, against its "
                "first %d particles (%.2f GB) in memory; %s%s%s\n",
                s.large.c_str(), large.size(), gigabytes(stackBytes), s.largeMemoryGb, s.particles, subsetGb,
                wholeEpochs ? "one whole epoch each"
                            : (std::to_string(s.stepImages) + " images each, " + std::to_string(s.rounds) +
                               " rounds, interleaved").c_str(),
                s.extraArguments.empty() ? "" : "; ", s.extraArguments.c_str());
    benchLoader(s.large, s.largeMemoryGb, s.largeLoaderImages, true);
    if (wholeEpochs) {
        double lazyCpu = 0, memoryCpu = 0, lazyPeak = 0;
        const double lazy = trainOneEpoch("read lazily, all of it", s.large, s.largeMemoryGb, s, {}, nullptr, &lazyPeak,
                                          &lazyCpu);
        const double memory = trainOneEpoch("first " + std::to_string(s.particles) + " in memory", subset.string(),
                                            4 * subsetGb + 1, s, {}, nullptr, nullptr, &memoryCpu);
        std::printf("  one epoch of %zu particles read lazily: %.2f images/s, %.1f h, peak resident memory %.0f MB "
                    "(--max-memory %.1f GB); in memory %.2f images/s: lazy / in memory %.1f %% (target >= 90 %%); "
                    "CPU per image (process, all threads) %.1f ms lazily, %.1f ms in memory\n",
                    large.size(), lazy, lazy > 0 ? double(large.size()) / lazy / 3600 : 0.0, lazyPeak, s.largeMemoryGb,
                    memory, memory > 0 ? 100 * lazy / memory : 0.0, 1000 * lazyCpu / double(large.size()),
                    1000 * memoryCpu / double(s.particles));
        std::error_code ignored;
        fs::remove(subset, ignored);
        return;
    }
    double lazySum = 0, memorySum = 0, lazyCpuSum = 0, memoryCpuSum = 0;
    const ChildStop stop{0, s.stepImages, "Training", s.stepImages / 4};
    for (int round = 1; round <= s.rounds; ++round) {
        std::printf(" round %d\n", round);
        double cpu = 0;
        lazySum += trainOneEpoch("read lazily", s.large, s.largeMemoryGb, s, stop, &cpu);
        lazyCpuSum += cpu;
        memorySum += trainOneEpoch("first " + std::to_string(s.particles) + " in memory", subset.string(),
                                   4 * subsetGb + 1, s, stop, &cpu);
        memoryCpuSum += cpu;
    }
    const double lazy = lazySum / s.rounds, memory = memorySum / s.rounds;
    std::printf("  mean of the steady rates (from image %lld on): read lazily %.2f images/s, in memory %.2f images/s: "
                "lazy / in memory %.1f %% (target >= 90 %%)\n",
                s.stepImages / 4, lazy, memory, memory > 0 ? 100 * lazy / memory : 0.0);
    std::printf("  CPU per image (all threads; what a shared machine's load does not change): read lazily %.0f ms, in "
                "memory %.0f ms: in memory / lazy %.1f %%\n",
                lazyCpuSum / s.rounds, memoryCpuSum / s.rounds, lazyCpuSum > 0 ? 100 * memoryCpuSum / lazyCpuSum : 0.0);
    if (lazy > 0)
        std::printf("  one epoch of all %zu particles read lazily at that rate: %.1f h (extrapolated, not measured)\n",
                    large.size(), double(large.size()) / lazy / 3600);
    std::error_code ignored;
    fs::remove(subset, ignored);
}

} // namespace

void benchTraining(const TrainingBenchSettings& s)
{
    const fs::path simulated = fs::temp_directory_path() / ("bench_scale_train_data_" + std::to_string(getpid()));
    if (!s.large.empty()) {   // its subset is the in-memory case
        compareLargeWithSubset(s);
        return;
    }
    std::string data = s.data;
    if (data.empty() && s.particles > 0) {
        std::printf("simulating %d particles of 64² for training...\n", s.particles);
        const ChildRun sim = runCryoscape(
            {"simulate", "--out", simulated.string(), "--particles", std::to_string(s.particles), "--box", "64"});
        if (!sim.succeeded) {
            std::printf("  simulation FAILED:\n%s\n", sim.output.c_str());
            return;
        }
        data = (simulated / "particles.star").string();
    }
    if (!data.empty())
        compareInMemoryAndLazy(data, s);
    removeUnlessKept(simulated, false);
}

} // namespace scalebench
