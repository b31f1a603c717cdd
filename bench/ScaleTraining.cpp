#include "ScaleTraining.h"

#include "ScaleChild.h"

#include "images/ImageMemory.h"

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace scalebench {

namespace {

namespace fs = std::filesystem;

double gigabytes(std::size_t bytes) { return double(bytes) / double(1 << 30); }

// `cryoscape train DATA --epochs 1` with the images' memory limit; prints and returns images/s.
double trainOneEpoch(const std::string& label, const std::string& data, double memoryGb,
                     const TrainingBenchSettings& s, double stopAfterSeconds = 0)
{
    const fs::path out = fs::temp_directory_path() / ("bench_scale_train_" + std::to_string(getpid()));
    std::vector<std::string> arguments{"train", data, "--out", out.string(), "--epochs", "1", "--max-memory",
                                       std::to_string(memoryGb)};
    std::istringstream extra(s.extraArguments);
    for (std::string word; extra >> word;)
        arguments.push_back(word);
    const ChildRun run = runCryoscape(arguments, stopAfterSeconds);
    removeUnlessKept(out, false);
    const double rate = lastRate(run.output, "Training");
    std::printf("  %-34s %7.0f images/s; %6.1f s (CPU %6.1f s); peak resident memory %5.0f MB (limit for the "
                "images %.1f GB)%s\n",
                label.c_str(), rate, run.wallSeconds, run.cpuSeconds, run.peakResidentMb, memoryGb,
                run.succeeded || stopAfterSeconds > 0 ? "" : "  FAILED");
    if (!run.succeeded && stopAfterSeconds <= 0)
        std::printf("%s\n", run.output.substr(run.output.size() > 2000 ? run.output.size() - 2000 : 0).c_str());
    std::fflush(stdout);
    return rate;
}

} // namespace

void benchTraining(const TrainingBenchSettings& s)
{
    const fs::path simulated = fs::temp_directory_path() / ("bench_scale_train_data_" + std::to_string(getpid()));
    std::string data = s.data;
    if (data.empty()) {
        std::printf("simulating %d particles of 64² for training...\n", s.particles);
        const ChildRun sim = runCryoscape(
            {"simulate", "--out", simulated.string(), "--particles", std::to_string(s.particles), "--box", "64"});
        if (!sim.succeeded) {
            std::printf("  simulation FAILED:\n%s\n", sim.output.c_str());
            return;
        }
        data = (simulated / "particles.star").string();
    }
    const double stackGb = gigabytes(std::size_t(fs::file_size(fs::path(data).parent_path() / "particles.mrcs")));
    std::printf("Training one epoch on %s (%.2f GB of images)%s%s\n", data.c_str(), stackGb,
                s.extraArguments.empty() ? "" : ", ", s.extraArguments.c_str());
    const double inMemory = trainOneEpoch("in memory", data, 4 * stackGb + 1, s);
    const double lazy = trainOneEpoch("read lazily (limit a half of them)", data, stackGb / 2, s);
    std::printf("  lazy / in memory: %.1f %% (target >= 90 %%)\n", inMemory > 0 ? 100 * lazy / inMemory : 0.0);
    removeUnlessKept(simulated, false);
    if (s.large.empty())
        return;
    const double defaultGb = gigabytes(cryo::defaultImageMemoryBytes());
    std::printf("Training on %s with the default limit%s\n", s.large.c_str(),
                s.largeSeconds > 0 ? " (interrupted: a partial epoch)" : " (one epoch)");
    trainOneEpoch("read lazily", s.large, defaultGb, s, s.largeSeconds);
}

} // namespace scalebench
