// trainModel: the epoch loop of TrainingJob.h (Adam, shuffled batches from a prefetch
// thread, a checkpoint and run.h5 after every epoch, cooperative cancellation, resume).
#include "train/TrainingJob.h"

#include "train/AbInitioState.h"
#include "train/AbInitioTrainer.h"

#include "images/BatchPrefetcher.h"
#include "model/Checkpoint.h"
#include "model/ComputeDevice.h"
#include "particles/ParticleDataset.h"
#include "particles/MetadataOverride.h"
#include "train/VaeObjective.h"
#include "util/Error.h"

#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

namespace cryo {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void validate(const TrainingOptions& o)
{
    const RunConfig& c = o.config;
    if (o.outDir.empty())
        throw UsageError("no output directory given");
    if (c.epochs < 1 || c.batchSize < 1 || !(c.learningRate > 0) || c.model.zdim < 0)
        throw UsageError("epochs and batch size must be at least 1, the learning rate positive, zdim ≥ 0");
    if (c.precision != "fp32" && c.precision != "bf16")
        throw UsageError("precision must be fp32 or bf16 (got " + c.precision + ")");
}

// The visiting order of an epoch: a permutation that depends only on (seed, epoch), so a
// resumed run sees the same batches as an uninterrupted one.
std::vector<std::size_t> epochOrder(std::size_t n, std::uint64_t seed, int epoch)
{
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::mt19937_64 rng(seed * 1000003ULL + std::uint64_t(epoch));
    std::shuffle(order.begin(), order.end(), rng);
    return order;
}

// Running means of the loss terms within one epoch.
struct EpochAccumulator {
    double loss = 0, mse = 0, kld = 0;
    std::size_t images = 0;
    void add(double l, double m, double k, std::size_t count)
    {
        loss += l * double(count);
        mse += m * double(count);
        kld += k * double(count);
        images += count;
    }
    double mean(double sum) const { return images ? sum / double(images) : 0.0; }
};

class Trainer {
public:
    Trainer(const TrainingOptions& options, const TrainingCallbacks& callbacks, std::stop_token stop)
        : m_options(options), m_callbacks(callbacks), m_stop(std::move(stop)), m_config(options.config)
    {
    }
    TrainingResult run();

private:
    void prepare();
    void restore();
    bool trainEpoch(int epoch);   // false when cancelled
    void finishEpoch(const EpochRecord& record);
    void report(const std::string& stage, int epoch, const EpochAccumulator& acc, double rate, bool force);

    const TrainingOptions& m_options;
    const TrainingCallbacks& m_callbacks;
    std::stop_token m_stop;
    RunConfig m_config;
    std::unique_ptr<ParticleDataset> m_dataset;
    std::unique_ptr<TrainingImages> m_images;
    torch::Device m_device{torch::kCPU};
    CryoModel m_model{nullptr};
    std::unique_ptr<torch::optim::Adam> m_optimizer;
    std::unique_ptr<VaeObjective> m_objective;
    at::Generator m_generator;
    std::vector<EpochRecord> m_history;
    int m_firstEpoch = 1;
    Clock::time_point m_lastReport{};
    Clock::time_point m_start = Clock::now();
};

void Trainer::prepare()
{
    validate(m_options);
    std::filesystem::create_directories(m_options.outDir);
    m_dataset = std::make_unique<ParticleDataset>(ParticleDataset::open(m_options.particles, m_options.dataset));
    TrainingImagesOptions imageOptions;
    imageOptions.preprocess.invertContrast = m_config.invertContrast;
    imageOptions.memoryLimitBytes = m_options.memoryLimitBytes;
    imageOptions.progress = [this](std::size_t done, std::size_t total) {
        TrainingProgress p;
        p.stage = "preparing";
        p.imagesDone = done;
        p.imagesPerEpoch = total;
        if (m_callbacks.progress)
            m_callbacks.progress(p);
    };
    if (!m_options.posesFile.empty())
        imageOptions.poses = readPoseOverride(m_options.posesFile, m_dataset->boxSize(), m_dataset->pixelSize());
    if (!m_options.ctfFile.empty())
        imageOptions.ctf = readCtfOverride(m_options.ctfFile);
    m_images = std::make_unique<TrainingImages>(*m_dataset, imageOptions);
    m_config.particles = std::filesystem::absolute(m_options.particles);
    m_config.dataDirectory = m_options.dataset.dataDirectory;
    m_config.particleCount = m_dataset->size();
    m_config.boxSize = m_dataset->boxSize();
    m_config.pixelSize = m_dataset->pixelSize();
    m_config.hartleyStd = m_images->norm().std;
    m_config.beta = m_config.effectiveBeta();

    m_device = chooseComputeDevice(m_options.threads);
    torch::manual_seed(m_config.seed);   // the initial weights: the same run for the same seed
    m_model = CryoModel(m_config.model, m_config.boxSize, std::int64_t(m_images->lattice().pixelCount()));
    m_model->to(m_device);
    m_optimizer = std::make_unique<torch::optim::Adam>(m_model->parameters(),
                                                       torch::optim::AdamOptions(m_config.learningRate));
    m_objective = std::make_unique<VaeObjective>(m_images->lattice(), m_config.beta, m_device);
    m_generator = at::detail::createCPUGenerator(m_config.seed);
}

void Trainer::restore()
{
    const auto checkpoint = newestCheckpoint(m_options.outDir);
    if (checkpoint.empty())
        throw UsageError(m_options.outDir.string() + ": nothing to resume (no checkpoints/epoch_*.pt)");
    H5File runFile(m_options.outDir / kRunFileName, H5File::Mode::ReadOnly);
    const RunConfig stored = readRunConfig(runFile);
    checkAbInitioResume(m_options.outDir, readAbInitioRecord(runFile), m_options);
    if (stored.particleCount != m_config.particleCount || stored.boxSize != m_config.boxSize ||
        stored.model.zdim != m_config.model.zdim)
        throw UsageError(m_options.outDir.string() + ": the run was trained on other data or another model "
                         "(particle count, box size or zdim differ); start a new run instead");
    const int done = loadCheckpoint(checkpoint, m_model, m_optimizer.get(), &m_generator);
    m_history = readHistory(runFile);
    std::erase_if(m_history, [done](const EpochRecord& r) { return r.epoch > done; });
    m_firstEpoch = done + 1;
}

void Trainer::report(const std::string& stage, int epoch, const EpochAccumulator& acc, double rate, bool force)
{
    if (!m_callbacks.progress || (!force && Clock::now() - m_lastReport < std::chrono::milliseconds(100)))
        return;
    m_lastReport = Clock::now();
    TrainingProgress p;
    p.stage = stage;
    p.epoch = epoch;
    p.epochs = m_config.epochs;
    p.imagesDone = acc.images;
    p.imagesPerEpoch = m_images->size();
    p.loss = acc.mean(acc.loss);
    p.mse = acc.mean(acc.mse);
    p.kld = acc.mean(acc.kld);
    p.imagesPerSecond = rate;
    const double remaining = double(m_config.epochs - epoch) * double(m_images->size()) + double(m_images->size() - acc.images);
    p.etaSeconds = rate > 0 ? remaining / rate : 0;
    m_callbacks.progress(p);
}

bool Trainer::trainEpoch(int epoch)
{
    const auto start = Clock::now();
    const std::int64_t half = std::int64_t(m_images->lattice().halfCount());
    BatchPrefetcher prefetcher(*m_images, epochOrder(m_images->size(), m_config.seed, epoch), m_config.batchSize);
    // bf16: the MLP matmuls run in bfloat16 (autocast), parameters and the loss stay fp32.
    at::autocast::set_cpu_enabled(m_config.precision == "bf16");
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    EpochAccumulator acc;
    TrainingBatch batch;
    int batchIndex = 0;
    while (prefetcher.next(batch)) {
        const BatchTensors tensors = BatchTensors::from(batch, half, m_device);
        const LossTerms terms = m_objective->step(m_model, *m_optimizer, tensors, m_generator);
        const double loss = terms.loss.item<double>();
        ++batchIndex;
        if (!std::isfinite(loss))
            throw TrainingDiverged("the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") +
                                   " in epoch " + std::to_string(epoch) + ", batch " + std::to_string(batchIndex) +
                                   "; try a lower learning rate. Checkpoints of the finished epochs are kept in " +
                                   (m_options.outDir / "checkpoints").string());
        acc.add(loss, terms.mse.item<double>(), terms.kld.defined() ? terms.kld.item<double>() : 0.0, batch.size());
        report("training", epoch, acc, double(acc.images) / std::max(1e-9, secondsSince(start)), false);
        if (m_stop.stop_requested()) {
            at::autocast::set_cpu_enabled(false);
            report("cancelled", epoch, acc, double(acc.images) / std::max(1e-9, secondsSince(start)), true);
            return false;
        }
    }
    at::autocast::set_cpu_enabled(false);
    const double seconds = secondsSince(start);
    finishEpoch({epoch, acc.mean(acc.loss), acc.mean(acc.mse), acc.mean(acc.kld), seconds,
                 double(acc.images) / std::max(1e-9, seconds)});
    return true;
}

void Trainer::finishEpoch(const EpochRecord& record)
{
    EpochAccumulator done;   // the finished epoch's means, for the "saving" report
    done.images = m_images->size();
    done.loss = record.loss * double(done.images);
    done.mse = record.mse * double(done.images);
    done.kld = record.kld * double(done.images);
    report("saving", record.epoch, done, record.imagesPerSecond, true);
    m_history.push_back(record);
    EpochSummary summary;
    summary.record = record;
    summary.zdim = m_model->zdim();
    // After the epoch's last update, in input order.
    const LatentTable latents = m_objective->encodeDataset(m_model, *m_images, m_device);
    summary.zMu = latents.mu;
    saveCheckpoint(checkpointPath(m_options.outDir, record.epoch), m_model, *m_optimizer, m_generator, record.epoch);

    H5File file(m_options.outDir / kRunFileName, H5File::Mode::CreateAtomic);
    writeRunConfig(file, m_config);
    writeHistory(file, m_history);
    if (latents.zdim > 0)
        writeLatents(file, latents);
    file.close();
    if (m_callbacks.epochFinished)
        m_callbacks.epochFinished(summary);
}

TrainingResult Trainer::run()
{
    prepare();
    if (m_options.resume)
        restore();
    TrainingResult result;
    result.runDir = m_options.outDir;
    result.epochsCompleted = m_firstEpoch - 1;
    for (int epoch = m_firstEpoch; epoch <= m_config.epochs; ++epoch) {
        if (!trainEpoch(epoch)) {
            result.cancelled = true;
            break;
        }
        result.epochsCompleted = epoch;
    }
    result.seconds = secondsSince(m_start);
    return result;
}

} // namespace

TrainingResult trainModel(const TrainingOptions& options, const TrainingCallbacks& callbacks, std::stop_token stop)
{
    if (options.abInitio)
        return trainAbInitio(options, callbacks, std::move(stop));
    return Trainer(options, callbacks, std::move(stop)).run();
}

} // namespace cryo
