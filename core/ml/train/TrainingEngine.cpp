#include "train/TrainingEngine.h"

#include "images/BatchPrefetcher.h"
#include "model/AutocastScope.h"
#include "model/Checkpoint.h"
#include "model/ComputeDevice.h"
#include "particles/ParticleDataset.h"
#include "run/RunParticles.h"
#include "run/RunStatus.h"
#include "train/AbInitioState.h"
#include "util/Error.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace cryo {

namespace {

double secondsBetween(std::chrono::steady_clock::time_point start, std::chrono::steady_clock::time_point end)
{
    return std::chrono::duration<double>(end - start).count();
}

void validate(const TrainingOptions& o)
{
    const RunConfig& c = o.config;
    if (o.outDir.empty())
        throw UsageError("no output directory given");
    if (c.epochs < 1 || c.batchSize < 1 || !(c.learningRate > 0) || c.model.zdim < 0)
        throw UsageError("epochs and batch size must be at least 1, the learning rate positive, zdim ≥ 0");
    if (c.precision != "fp32" && c.precision != "bf16")
        throw UsageError("precision must be fp32 or bf16 (got " + c.precision + ")");
    if (!ModelArchitecture::knownEncoderFrame(c.model.encoderFrame))
        throw UsageError("the encoder frame must be canonical or image (got " + c.model.encoderFrame + ")");
}

// Tests of the app following a run (tests/app/tst_followrun.cpp) pace the epochs:
// CRYOSCAPE_TEST_EPOCH_GATE=DIR makes process 0 wait, after each epoch's run.h5 and status
// marker, until DIR/epoch_NNNN exists (or a stop is requested).
void waitForTestGate(int epoch, const std::stop_token& stop)
{
    const char* dir = std::getenv("CRYOSCAPE_TEST_EPOCH_GATE");
    if (!dir || !*dir)
        return;
    char name[32];
    std::snprintf(name, sizeof name, "epoch_%04d", epoch);
    const std::filesystem::path gate = std::filesystem::path(dir) / name;
    while (!std::filesystem::exists(gate) && !stop.stop_requested())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

} // namespace

TrainingEngine::TrainingEngine(const TrainingOptions& options, const TrainingCallbacks& callbacks,
                               std::stop_token stop, PoseStage& stage, Replicas* replicas)
    : m_options(options), m_callbacks(callbacks), m_stop(std::move(stop)), m_stage(stage),
      m_replicas(replicas ? replicas : &m_oneProcess), m_config(options.config)
{
}

TrainingEngine::~TrainingEngine() = default;

TrainingResult TrainingEngine::run()
{
    try {
        const TrainingResult result = runEpochs();
        if (m_status)
            m_status->finish(result.cancelled ? RunState::Cancelled : RunState::Finished);
        return result;
    } catch (const std::exception& e) {
        if (m_status)
            m_status->finish(RunState::Failed, e.what());
        throw;
    }
}

TrainingResult TrainingEngine::runEpochs()
{
    prepare();
    if (m_options.resume)
        restore();
    if (m_status)
        m_status->epochWritten(m_firstEpoch - 1);
    TrainingResult result;
    result.runDir = m_options.outDir;
    result.epochsCompleted = m_firstEpoch - 1;
    for (int epoch = m_firstEpoch; epoch <= m_config.epochs; ++epoch) {
        if (!runEpoch(epoch)) {
            result.cancelled = true;
            break;
        }
        result.epochsCompleted = epoch;
    }
    result.seconds = secondsBetween(m_start, Clock::now());
    return result;
}

void TrainingEngine::prepare()
{
    validate(m_options);
    m_stage.validate();
    std::filesystem::create_directories(m_options.outDir);
    if (m_replicas->leads())
        m_status = std::make_unique<RunStatusWriter>(m_options.outDir, 0, m_config.epochs);
    recordRunInputs();
    m_dataset = std::make_unique<ParticleDataset>(ParticleDataset::open(m_options.particles, m_options.dataset));
    applyRunParticleFiles(*m_dataset, m_config);
    m_config.particleCount = m_dataset->size();
    m_config.boxSize = m_dataset->boxSize();
    m_config.pixelSize = m_dataset->pixelSize();
    m_config.beta = m_config.effectiveBeta();

    m_device = chooseComputeDevice(m_options.threads);
    if (m_stage.searchesPoses())
        m_config.model.encoderFrame = "image";   // the canonical frame needs poses the search has not found yet
    m_objective = std::make_unique<VaeObjective>(TrainingLattice::make(m_config.boxSize), m_config.beta, m_device,
                                                 m_config.model.encoderFrame == "canonical");
    m_generator = at::detail::createCPUGenerator(m_config.seed);
    resetModel(m_config.seed);   // the initial weights: the same run for the same seed
    // The images last: the memory bound is on the whole process, and they get what the
    // model, the metadata, the libraries and a training step's activations leave of it.
    touchStepMemory();
    readImages();
    m_config.hartleyStd = m_images->norm().std;
}

// What run.h5 records of the data, so that the reopened run (run/RunParticles.h) sees the
// particles, poses and CTF trained on. A resumed run keeps its own: run.h5's files are used
// when none are given, and giving others is an error; and its encoder frame, which its encoder
// learnt on (runs from before "canonical" saw images as recorded).
void TrainingEngine::recordRunInputs()
{
    const auto absolute = [](const std::filesystem::path& p) {
        return p.empty() ? p : std::filesystem::absolute(p);
    };
    m_config.particles = absolute(m_options.particles);
    m_config.dataDirectory = m_options.dataset.dataDirectory;
    m_config.posesFile = absolute(m_options.posesFile);
    m_config.ctfFile = absolute(m_options.ctfFile);
    m_config.particleIndices = absolute(m_options.particleIndices);
    const auto path = m_options.outDir / kRunFileName;
    if (!m_options.resume || !std::filesystem::exists(path))
        return;   // restore() says when there is nothing to resume
    const RunConfig stored = readRunConfig(H5File(path, H5File::Mode::ReadOnly));
    const auto keep = [&](std::filesystem::path& given, const std::filesystem::path& recorded, const std::string& from,
                          const std::string& own) {
        if (given.empty())
            given = recorded;
        else if (given != recorded)
            throw UsageError(m_options.outDir.string() + ": the run was trained with " +
                             (recorded.empty() ? own : from + " " + recorded.string()) + ", not " + given.string() +
                             "; resume it with the same, or start a new run");
    };
    keep(m_config.posesFile, stored.posesFile, "the poses from", "the particle file's own poses");
    keep(m_config.ctfFile, stored.ctfFile, "the CTF from", "the particle file's own CTF");
    keep(m_config.particleIndices, stored.particleIndices, "the particles selected by", "all the particles of the file");
    m_config.model.encoderFrame = stored.model.encoderFrame;
}

// One forward and backward pass of a batch of blank images (its own noise generator; the
// gradients zeroed after, no optimizer step: the run is unchanged), so that the peak resident
// memory includes a step's activations. Not with several replicas: their backward hooks
// belong to the real steps.
void TrainingEngine::touchStepMemory()
{
    if (m_replicas->size() > 1)
        return;
    const TrainingLattice lattice = TrainingLattice::make(m_config.boxSize);
    const auto B = std::size_t(std::max(1, m_config.batchSize));
    TrainingBatch batch;
    batch.indices.assign(B, 0);
    batch.target.assign(B * lattice.pixelCount(), 0.0f);
    batch.ctf.assign(B * lattice.halfCount(), 1.0f);
    batch.rotations.assign(B * 9, 0.0f);
    for (std::size_t b = 0; b < B; ++b)
        batch.rotations[b * 9] = batch.rotations[b * 9 + 4] = batch.rotations[b * 9 + 8] = 1.0f;
    const auto tensors = BatchTensors::from(batch, std::int64_t(lattice.halfCount()), m_device);
    at::Generator scratch = at::detail::createCPUGenerator(0);
    m_objective->evaluate(m_model, tensors, scratch).loss.backward();
    m_optimizer->zero_grad();
}

void TrainingEngine::readImages()
{
    TrainingImagesOptions imageOptions;
    imageOptions.preprocess.invertContrast = m_config.invertContrast;
    imageOptions.memoryLimitBytes = m_options.memoryLimitBytes;
    // Each epoch ends with the latent table: means and log-variances (2 × zdim floats per
    // particle), reserved twice over for what fills it (the replicas' sum, allocator slack):
    // 128 MB at 10^6, zdim 8. The whole 10^6 epoch then peaked 122 MiB under a 2 GiB bound.
    imageOptions.laterBytesPerParticle = 4 * std::size_t(std::max(0, m_config.model.zdim)) * sizeof(float);
    imageOptions.residentBytes = m_options.residentBytes;
    imageOptions.progress = [this](std::size_t done, std::size_t total) {
        TrainingProgress p;
        p.stage = "preparing";
        p.imagesDone = done;
        p.imagesPerEpoch = total;
        if (m_callbacks.progress)
            m_callbacks.progress(p);
    };
    m_stage.configureImages(*m_dataset, imageOptions);
    m_images = std::make_unique<TrainingImages>(*m_dataset, imageOptions);
}

void TrainingEngine::resetModel(std::uint64_t seed)
{
    torch::manual_seed(seed);
    m_model = CryoModel(m_config.model, m_config.boxSize, std::int64_t(TrainingLattice::make(m_config.boxSize).pixelCount()));
    m_model->to(m_device);
    m_optimizer = std::make_unique<torch::optim::Adam>(m_model->parameters(),
                                                       torch::optim::AdamOptions(m_config.learningRate));
    m_replicas->synchronize(m_model, *m_optimizer);
}

// Continues after the last epoch run.h5 records (run.h5 is rewritten after that epoch's
// checkpoint is on disk, so a newer checkpoint belongs to an epoch whose run.h5 was never
// written, and is trained again).
void TrainingEngine::restore()
{
    const auto path = m_options.outDir / kRunFileName;
    const std::string run = m_options.outDir.string();
    if (!std::filesystem::exists(path))
        throw UsageError(run + ": nothing to resume (no " + kRunFileName + ")");
    const H5File file(path, H5File::Mode::ReadOnly);
    const RunConfig stored = readRunConfig(file);
    checkAbInitioResume(m_options.outDir, readAbInitioRecord(file), m_options);
    if (stored.particleCount != m_config.particleCount || stored.boxSize != m_config.boxSize ||
        stored.model.zdim != m_config.model.zdim)
        throw UsageError(run + ": the run was trained on other data or another model "
                               "(particle count, box size or zdim differ); start a new run instead");
    m_history = readHistory(file);
    if (m_history.empty())
        throw UsageError(run + ": nothing to resume (no finished epoch)");
    const int done = m_history.back().epoch;
    const auto checkpoint = checkpointPath(m_options.outDir, done);
    if (!std::filesystem::exists(checkpoint))
        throw FileError(checkpoint, "missing, but run.h5 records epoch " + std::to_string(done) + " as finished");
    loadCheckpoint(checkpoint, m_model, m_optimizer.get(), &m_generator);
    m_replicas->synchronize(m_model, *m_optimizer);
    m_stage.restore(*this, file, done);
    for (const EpochRecord& r : m_history)
        m_eta.epochFinished(m_stage.epochKind(r.epoch), r.seconds);
    m_firstEpoch = done + 1;
}

std::vector<std::size_t> TrainingEngine::epochOrder(int epoch) const
{
    // The same order on every process (each trains on its part of every batch); a windowed
    // shuffle when the images are read lazily (images/WindowedShuffle.h).
    return m_images->epochOrder(m_config.seed * 1000003ULL + std::uint64_t(epoch));
}

bool TrainingEngine::runEpoch(int epoch)
{
    std::vector<int> laterKinds;
    for (int e = epoch + 1; e <= m_config.epochs; ++e)
        laterKinds.push_back(m_stage.epochKind(e));
    m_eta.epochStarted(laterKinds);
    m_epochStart = Clock::now();
    m_lastProgress = TrainingProgress{};
    m_lastProgress.epoch = epoch;
    m_lastProgress.epochs = m_config.epochs;
    m_lastProgress.imagesPerEpoch = m_images->size();
    EpochTally tally;
    if (!m_stage.runEpoch(*this, epoch, tally)) {
        m_lastProgress.stage = "cancelled";
        if (m_callbacks.progress)
            m_callbacks.progress(m_lastProgress);
        return false;
    }
    const double seconds = secondsIntoEpoch();
    finishEpoch({epoch, tally.mean(tally.loss), tally.mean(tally.mse), tally.mean(tally.kld), seconds,
                 double(tally.images) / std::max(1e-9, seconds)},
                tally);
    m_eta.epochFinished(m_stage.epochKind(epoch), secondsIntoEpoch());
    m_stage.epochSaved(*this, epoch);
    return true;
}

std::array<double, 4> TrainingEngine::step(TrainingBatch& batch, const EpochShare& share, std::size_t index)
{
    const std::size_t images = share.localImages(index), batchImages = share.batchImages(index);
    m_optimizer->zero_grad();
    std::array<double, 4> sums{0, 0, 0, double(images)};
    if (images == 0) {
        m_objective->skipNoise(m_model, std::int64_t(batchImages), m_generator);
    } else {
        m_stage.prepareBatch(m_images->lattice(), batch);
        const auto tensors = BatchTensors::from(batch, std::int64_t(m_images->lattice().halfCount()), m_device);
        const NoiseRows noise{std::int64_t(share.firstInBatch(index)), std::int64_t(batchImages)};
        LossTerms terms;
        {
            const AutocastScope autocast(m_config.precision == "bf16");
            terms = m_objective->evaluate(m_model, tensors, m_generator, noise);
        }
        // Each replica's mean loss weighted by its share of the batch: the replicas' gradients
        // sum to the gradient of the batch's mean loss.
        const double weight = double(images) / double(batchImages);
        m_replicas->beforeBackward(m_model);
        (weight == 1.0 ? terms.loss : terms.loss * weight).backward();
        const auto n = double(images);
        sums = {terms.loss.item<double>() * n, terms.mse.item<double>() * n,
                terms.kld.defined() ? terms.kld.item<double>() * n : 0.0, n};
    }
    if (m_replicas->size() > 1) {
        if (images == 0)
            m_replicas->beforeBackward(m_model);
        m_replicas->afterBackward(m_model);
        std::vector<double> global(sums.begin(), sums.end());
        global.push_back(m_stop.stop_requested() ? 1.0 : 0.0);
        m_replicas->sum(global);
        std::copy_n(global.begin(), 4, sums.begin());
        m_stopAgreed = global[4] > 0;
    }
    m_optimizer->step();
    return sums;
}

bool TrainingEngine::trainOn(std::vector<std::size_t> particles, int epoch, EpochTally& tally,
                             const std::function<void()>& afterStep)
{
    const EpochShare share = shareEpoch(particles, std::size_t(m_config.batchSize), m_replicas->rank(),
                                        m_replicas->size());
    BatchPrefetcher prefetcher(*m_images, share.particles, int(share.localBatch));
    TrainingBatch batch;
    for (std::size_t index = 0; index < share.steps; ++index) {
        if (share.localImages(index) > 0 && !prefetcher.next(batch))
            throw std::logic_error("TrainingEngine: the batches ran out before the epoch's steps");
        const auto [loss, mse, kld, images] = step(batch, share, index);
        ++tally.batches;
        const double meanLoss = loss / images;
        if (!std::isfinite(meanLoss))
            throw TrainingDiverged("the loss became " + std::string(std::isnan(meanLoss) ? "NaN" : "infinite") +
                                   " in epoch " + std::to_string(epoch) + ", batch " + std::to_string(tally.batches) +
                                   "; try a lower learning rate. Checkpoints of the finished epochs are kept in " +
                                   (m_options.outDir / "checkpoints").string());
        tally.loss += loss;
        tally.mse += mse;
        tally.kld += kld;
        tally.images += std::size_t(images);
        if (afterStep)
            afterStep();
        if (stopRequested())
            return false;
    }
    return true;
}

double TrainingEngine::secondsIntoEpoch() const { return secondsBetween(m_epochStart, Clock::now()); }

void TrainingEngine::report(const std::string& stage, int epoch, std::size_t imagesDone, const EpochTally& tally,
                            bool force)
{
    const double elapsed = secondsIntoEpoch();
    const std::size_t perEpoch = m_images->size();
    TrainingProgress& p = m_lastProgress;
    p.stage = stage;
    p.epoch = epoch;
    p.epochs = m_config.epochs;
    p.imagesDone = imagesDone;
    p.imagesPerEpoch = perEpoch;
    p.loss = tally.mean(tally.loss);
    p.mse = tally.mean(tally.mse);
    p.kld = tally.mean(tally.kld);
    p.imagesPerSecond = double(imagesDone) / std::max(1e-9, elapsed);
    p.etaSeconds = m_eta.secondsLeft(elapsed, perEpoch ? double(imagesDone) / double(perEpoch) : 0.0);
    p.poseErrorDeg = m_stage.poseErrorDeg();
    if (!m_callbacks.progress || (!force && Clock::now() - m_lastReport < std::chrono::milliseconds(100)))
        return;
    m_lastReport = Clock::now();
    m_callbacks.progress(p);
}

LatentTable TrainingEngine::encodeLatents()
{
    // After the epoch's last update, in input order, each batch prepared as for training.
    // Each replica encodes its rows; all of them get every row.
    const auto prepare = [this](TrainingBatch& batch) { m_stage.prepareBatch(m_images->lattice(), batch); };
    LatentTable latents = m_objective->encodeDataset(m_model, *m_images, m_device, prepare,
                                                     m_replicas->rowRange(m_images->size()));
    if (latents.zdim > 0) {
        m_replicas->gatherRows(latents.mu);
        m_replicas->gatherRows(latents.logvar);
    }
    return latents;
}

void TrainingEngine::finishEpoch(const EpochRecord& record, const EpochTally& tally)
{
    report("saving", record.epoch, m_images->size(), tally, true);
    m_history.push_back(record);
    LatentTable latents = encodeLatents();
    if (!m_replicas->leads())
        return;   // replica 0 writes and reports
    saveCheckpoint(checkpointPath(m_options.outDir, record.epoch), m_model, *m_optimizer, m_generator, record.epoch);

    H5File file(m_options.outDir / kRunFileName, H5File::Mode::CreateAtomic);
    writeRunConfig(file, m_config);
    writeHistory(file, m_history);
    m_stage.writeRun(file);
    if (latents.zdim > 0)
        writeLatents(file, latents);
    file.close();
    m_status->epochWritten(record.epoch);
    waitForTestGate(record.epoch, m_stop);
    if (m_callbacks.epochFinished) {
        EpochSummary summary;
        summary.record = record;
        summary.zdim = m_model->zdim();
        summary.zMu = std::move(latents.mu);   // written to run.h5 above; 10^6 × zdim floats not copied
        m_stage.describe(summary);
        m_callbacks.epochFinished(summary);
    }
}

} // namespace cryo
