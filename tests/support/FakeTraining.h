#pragma once
// A stand-in for cryo::trainModel with the same signature, for GUI tests: it "trains" in
// sleeps of batchMs per batch, checks the stop token before every batch (as the real job
// does), reports progress after every batch, and ends each epoch with a summary whose
// latent coordinates draw a hinge-like arc that sharpens with the epochs. The log records
// what the GUI asked for and what the job did. A job may hold in the middle of an epoch until
// the test releases it (or stops it), so that a test sees a running state however busy the
// machine is.
#include "train/TrainingJob.h"
#include "util/Error.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

namespace faketraining {

enum class Failure { None, Runtime, Diverged, File, NonStd };

struct FakeJob {
    int batchesPerEpoch = 10;
    int batchMs = 5;
    std::size_t particles = 200;
    int failAfterEpoch = 0;          // > 0: throw once this epoch is done
    Failure failure = Failure::None;
    std::string failMessage = "simulated failure";
    int holdInEpoch = 0;             // > 0: wait after this epoch's first batch for FakeLog::released
};

struct FakeLog {
    std::mutex mutex;
    std::vector<cryo::TrainingOptions> calls;
    std::atomic<int> batches{0};     // batches run, all calls together
    std::atomic<int> epochsDone{0};  // the newest "checkpoint" (resume continues after it)
    std::atomic<bool> stoppedByToken{false};
    std::atomic<int> progressCalls{0};
    std::atomic<bool> held{false};       // the job is waiting (holdInEpoch)
    std::atomic<bool> released{false};   // the test lets a held job go on
};

inline cryo::EpochSummary fakeSummary(const FakeJob& job, int zdim, int epoch, double loss, double mse, double kld)
{
    cryo::EpochSummary s;
    s.record = {epoch, loss, mse, kld, job.batchesPerEpoch * job.batchMs / 1000.0, 1000.0};
    s.zdim = zdim;
    std::mt19937 rng{unsigned(epoch)};
    std::normal_distribution<float> noise(0.f, 1.f);
    const float spread = 1.0f / float(epoch);   // the arc sharpens as training goes on
    for (std::size_t i = 0; i < job.particles && zdim > 0; ++i) {
        const float c = float(i) / float(job.particles) * 3.14159f;
        for (int d = 0; d < zdim; ++d) {
            const float base = d == 0 ? 2 * std::cos(c) : d == 1 ? 2 * std::sin(c) : 0.f;
            s.zMu.push_back(base + spread * 0.5f * noise(rng));
        }
    }
    return s;
}

[[noreturn]] inline void fail(const FakeJob& job)
{
    switch (job.failure) {
    case Failure::Diverged: throw cryo::TrainingDiverged(job.failMessage);
    case Failure::File: throw cryo::FileError("particles.star", job.failMessage);
    case Failure::NonStd: throw 42;
    default: throw std::runtime_error(job.failMessage);
    }
}

inline cryo::TrainingFunction fakeTraining(FakeJob job, std::shared_ptr<FakeLog> log)
{
    return [job, log](const cryo::TrainingOptions& options, const cryo::TrainingCallbacks& callbacks,
                      std::stop_token stop) {
        {
            std::lock_guard lock(log->mutex);
            log->calls.push_back(options);
        }
        const auto start = std::chrono::steady_clock::now();
        const int epochs = options.config.epochs, zdim = options.config.model.zdim;
        const int first = options.resume ? log->epochsDone + 1 : 1;
        const auto perEpoch = job.particles;
        callbacks.progress({"preparing", first, epochs, 0, perEpoch, 0, 0, 0, 0, 0});
        for (int epoch = first; epoch <= epochs; ++epoch) {
            double loss = 0, mse = 0, kld = 0;
            for (int b = 0; b < job.batchesPerEpoch; ++b) {
                if (stop.stop_requested()) {
                    log->stoppedByToken = true;
                    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                    return cryo::TrainingResult{options.outDir, log->epochsDone, true, s};
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(job.batchMs));
                ++log->batches;
                const double t = epoch - 1 + (b + 1.0) / job.batchesPerEpoch;
                mse = 0.8 + 0.6 * std::exp(-t / 3);
                kld = 0.5 + 20 * (1 - std::exp(-t / 2));
                loss = mse + (zdim > 0 ? kld / zdim : 0);
                const std::size_t done = perEpoch * std::size_t(b + 1) / std::size_t(job.batchesPerEpoch);
                const double ips = 1000.0 * perEpoch / (job.batchesPerEpoch * std::max(1, job.batchMs));
                const double eta = ((epochs - epoch + 1) * double(perEpoch) - double(done)) / ips;
                ++log->progressCalls;
                callbacks.progress({"training", epoch, epochs, done, perEpoch, loss, mse, kld, ips, eta});
                if (epoch == job.holdInEpoch && b == 0) {
                    log->held = true;
                    while (!log->released && !stop.stop_requested())
                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    log->held = false;
                }
            }
            log->epochsDone = epoch;
            callbacks.epochFinished(fakeSummary(job, zdim, epoch, loss, mse, kld));
            if (job.failAfterEpoch == epoch)
                fail(job);
        }
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return cryo::TrainingResult{options.outDir, epochs, false, s};
    };
}

} // namespace faketraining
