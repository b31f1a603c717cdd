// trainAbInitio: alternates pose-search epochs (chunks of particles searched with the current
// model, which trains on each chunk right after) with epochs that train on the latest poses,
// with the model reset of thesis §5.3.3.
// Images are kept uncentred (the shifts are unknown) and centred per batch by the found shift.
#include "train/AbInitioTrainer.h"

#include "analysis/KMeans.h"
#include "images/BatchPrefetcher.h"
#include "model/Checkpoint.h"
#include "model/ComputeDevice.h"
#include "particles/ParticleDataset.h"
#include "pose/PoseAccuracy.h"
#include "pose/PoseSearchModel.h"
#include "run/RunFile.h"
#include "sim/TruthPoses.h"
#include "train/AbInitioState.h"
#include "train/VaeObjective.h"
#include "util/Error.h"

#include <chrono>
#include <cmath>
#include <numbers>
#include <numeric>
#include <optional>
#include <random>

namespace cryo {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Translates each image's [half | mirror] values by its shift t (pixels) in place, which
// centres the particle as VaeObjective expects (HartleyLattice.h), and sets its rotation.
void applyPoses(TrainingBatch& batch, const TrainingLattice& lattice, const std::vector<PoseEstimate>& poses)
{
    const std::size_t P = lattice.halfCount();
    for (std::size_t b = 0; b < batch.size(); ++b) {
        const PoseEstimate& pose = poses[batch.indices[b]];
        float* half = batch.target.data() + b * 2 * P;
        float* mirror = half + P;
        for (std::size_t p = 0; p < P; ++p) {
            const double phase = 2.0 * std::numbers::pi *
                                 (lattice.halfCoords[2 * p] * pose.shiftX + lattice.halfCoords[2 * p + 1] * pose.shiftY);
            const auto c = float(std::cos(phase)), s = float(std::sin(phase));
            const float h = half[p], m = mirror[p];
            half[p] = c * h + s * m;
            mirror[p] = c * m - s * h;
        }
        std::copy(pose.rotation.begin(), pose.rotation.end(), batch.rotations.begin() + std::ptrdiff_t(9 * b));
    }
}

// The simulator's truth.h5 beside the particles, when it describes the same number of particles.
std::optional<TruthPoses> readTruth(const std::filesystem::path& particles, std::size_t count)
{
    const auto path = particles.parent_path() / "truth.h5";
    if (!std::filesystem::exists(path))
        return std::nullopt;
    try {
        TruthPoses truth = readTruthPoses(path);
        if (truth.size() != count)
            return std::nullopt;
        return truth;
    } catch (const std::exception&) {
        return std::nullopt;   // a truth file we cannot read only costs the error report
    }
}

class AbInitioTrainer {
public:
    AbInitioTrainer(const TrainingOptions& options, const TrainingCallbacks& callbacks, std::stop_token stop)
        : m_options(options), m_callbacks(callbacks), m_stop(std::move(stop)), m_config(options.config)
    {
    }
    TrainingResult run();

private:
    void prepare();
    void restore();
    void resetModel();
    void resetModelAfter(int epoch);
    // Running sums over one epoch's training steps.
    struct EpochSums {
        double loss = 0, mse = 0, kld = 0;
        std::size_t images = 0;
    };
    // One optimizer step on a batch (uncentred images): centred by their latest poses first.
    void trainStep(TrainingBatch& batch, int epoch, EpochSums& sums);
    void recordEpoch(int epoch, const EpochSums& sums, Clock::time_point start);
    std::vector<std::size_t> shuffledOrder(int epoch) const;
    // A searching epoch: the shuffled particles in chunks of searchChunk; each chunk's poses are
    // searched with the current model, which then trains on that chunk (thesis Algorithm 2's
    // per-batch alternation, with the model's Hartley volume refreshed once per chunk).
    bool searchAndTrainEpoch(int epoch);   // false when cancelled
    bool trainEpoch(int epoch);            // false when cancelled
    // Heterogeneous models: the z each particle of `chunk` is searched with (chunk.size() × zdim):
    // the k-means centre (latentVolumes of them) of the encoder means of the chunk, images centred
    // by their latest shifts. The search then evaluates latentVolumes volumes per chunk instead of
    // one per image.
    std::vector<float> chunkLatents(const std::vector<std::size_t>& chunk);
    std::unique_ptr<PoseSearch> makeSearch();
    void finishEpoch(const EpochRecord& record, bool searched);
    void measurePoseError();
    // mse < 0: the same as loss (homogeneous models, stages without a loss).
    void report(const std::string& stage, int epoch, std::size_t done, double rate, double loss, bool force,
                double mse = -1, double kld = 0);
    int resetEpoch() const;
    // The frequency ramp (AbInitioOptions): the radius search pass `pass` (0-based) compares,
    // and the training epochs after it fit.
    int searchRadius(int pass) const;
    // Whether `epoch` starts with a pose search: every searchEvery epochs, the schedule
    // restarting after the model reset (the epoch right after it trains on the kept poses).
    bool searchesIn(int epoch) const;
    // Heterogeneous models up to the model reset: the decoder alone at z = 0 (searched and
    // trained as a homogeneous model), so that the encoder cannot explain away wrong poses;
    // after the reset the full model trains on the consensus poses and searches with its z.
    bool inConsensusStage(int epoch) const;

    const TrainingOptions& m_options;
    const TrainingCallbacks& m_callbacks;
    std::stop_token m_stop;
    RunConfig m_config;
    std::unique_ptr<ParticleDataset> m_dataset;
    std::unique_ptr<TrainingImages> m_images;
    std::optional<TruthPoses> m_truth;
    torch::Device m_device{torch::kCPU};
    CryoModel m_model{nullptr};
    std::unique_ptr<torch::optim::Adam> m_optimizer;
    std::unique_ptr<VaeObjective> m_objective;
    at::Generator m_generator;
    std::vector<PoseEstimate> m_poses;   // one per particle, input order
    std::vector<EpochRecord> m_history;
    double m_poseError = -1, m_shiftError = -1;
    // Resume state (restore()): where the loop starts, the last searching epoch, and the reset
    // epoch the run was started with (automatic resets depend on the epoch count then).
    int m_firstEpoch = 1;
    int m_lastSearchEpoch = 0;
    std::vector<PoseErrorRecord> m_poseHistory;   // rows of m_history
    std::optional<int> m_storedResetEpoch;
    int m_searches = 0;   // pose-search passes so far
    Clock::time_point m_lastReport{};
    Clock::time_point m_start = Clock::now();
};

int AbInitioTrainer::searchRadius(int pass) const
{
    const AbInitioOptions& a = m_options.abInitioOptions;
    const int top = std::min(a.lMax, m_config.boxSize / 2);
    return a.lMaxStart <= 0 ? top : std::max(1, std::min(top, a.lMaxStart + pass * a.lMaxStep));
}

bool AbInitioTrainer::searchesIn(int epoch) const
{
    const int every = m_options.abInitioOptions.searchEvery, reset = resetEpoch();
    const int sinceReset = reset > 0 && epoch > reset ? epoch - reset - 1 : epoch - 1;
    return sinceReset % every == 0 && !(reset > 0 && epoch == reset + 1);
}

bool AbInitioTrainer::inConsensusStage(int epoch) const
{
    const int reset = resetEpoch();
    return m_config.model.zdim > 0 && reset > 0 && epoch <= reset;
}

int AbInitioTrainer::resetEpoch() const
{
    return m_storedResetEpoch ? *m_storedResetEpoch : resolvedResetEpoch(m_options.abInitioOptions, m_config.epochs);
}

void AbInitioTrainer::prepare()
{
    const RunConfig& c = m_config;
    if (m_options.outDir.empty())
        throw UsageError("no output directory given");
    if (c.epochs < 1 || c.batchSize < 1 || !(c.learningRate > 0) || c.model.zdim < 0 ||
        m_options.abInitioOptions.searchEvery < 1 || m_options.abInitioOptions.searchBatch < 1 ||
        m_options.abInitioOptions.searchChunk < 1 || m_options.abInitioOptions.latentVolumes < 1)
        throw UsageError("epochs, batch sizes, the search interval, the search chunk and the volumes per chunk must "
                         "be at least 1, the learning rate positive");
    std::filesystem::create_directories(m_options.outDir);
    m_dataset = std::make_unique<ParticleDataset>(ParticleDataset::open(m_options.particles, m_options.dataset));
    TrainingImagesOptions imageOptions;
    imageOptions.preprocess.invertContrast = m_config.invertContrast;
    imageOptions.memoryLimitBytes = m_options.memoryLimitBytes;
    imageOptions.centreByShift = false;   // the input poses are ignored: they are searched for
    imageOptions.poses.assign(m_dataset->size(), ParticlePose{});
    imageOptions.progress = [this](std::size_t done, std::size_t total) {
        TrainingProgress p;
        p.stage = "preparing";
        p.imagesDone = done;
        p.imagesPerEpoch = total;
        if (m_callbacks.progress)
            m_callbacks.progress(p);
    };
    m_images = std::make_unique<TrainingImages>(*m_dataset, imageOptions);
    m_config.particles = std::filesystem::absolute(m_options.particles);
    m_config.dataDirectory = m_options.dataset.dataDirectory;
    m_config.particleCount = m_dataset->size();
    m_config.boxSize = m_dataset->boxSize();
    m_config.pixelSize = m_dataset->pixelSize();
    m_config.hartleyStd = m_images->norm().std;
    m_config.beta = m_config.effectiveBeta();
    m_truth = readTruth(m_options.particles, m_dataset->size());
    m_poses.assign(m_dataset->size(), PoseEstimate{});
    m_device = chooseComputeDevice(m_options.threads);
    m_objective = std::make_unique<VaeObjective>(m_images->lattice(), m_config.beta, m_device);
    m_generator = at::detail::createCPUGenerator(m_config.seed);
    torch::manual_seed(m_config.seed);   // the initial weights
    resetModel();
}

void AbInitioTrainer::resetModel()
{
    m_model = CryoModel(m_config.model, m_config.boxSize, std::int64_t(m_images->lattice().pixelCount()));
    m_model->to(m_device);
    m_optimizer = std::make_unique<torch::optim::Adam>(m_model->parameters(),
                                                       torch::optim::AdamOptions(m_config.learningRate));
}

// The reset of thesis §5.3.3 draws its weights from (seed, epoch) alone, so a run resumed
// right after the reset epoch restarts from the same random model as an uninterrupted one.
void AbInitioTrainer::resetModelAfter(int epoch)
{
    torch::manual_seed(m_config.seed * 1000003ULL + 7919ULL * std::uint64_t(epoch));
    resetModel();
}

// Continues the run in outDir after the last epoch run.h5 records: that epoch's checkpoint
// (model, Adam, RNG), the poses and the schedule stored with it (train/AbInitioState.h).
void AbInitioTrainer::restore()
{
    const auto path = m_options.outDir / kRunFileName;
    if (!std::filesystem::exists(path))
        throw UsageError(m_options.outDir.string() + ": nothing to resume (no " + kRunFileName + ")");
    const H5File file(path, H5File::Mode::ReadOnly);
    const RunConfig stored = readRunConfig(file);
    const auto record = readAbInitioRecord(file);
    checkAbInitioResume(m_options.outDir, record, m_options);
    if (stored.particleCount != m_config.particleCount || stored.boxSize != m_config.boxSize ||
        stored.model.zdim != m_config.model.zdim)
        throw UsageError(m_options.outDir.string() + ": the run was trained on other data or another model "
                         "(particle count, box size or zdim differ); start a new run instead");
    m_history = readHistory(file);
    if (m_history.empty())
        throw UsageError(m_options.outDir.string() + ": nothing to resume (no finished epoch)");
    const int done = m_history.back().epoch;
    const auto checkpoint = checkpointPath(m_options.outDir, done);
    if (!std::filesystem::exists(checkpoint))
        throw FileError(checkpoint, "missing, but run.h5 records epoch " + std::to_string(done) + " as finished");
    loadCheckpoint(checkpoint, m_model, m_optimizer.get(), &m_generator);
    const PoseTable poses = readPoses(file);
    if (poses.count != m_poses.size())
        throw FileError(path, "/particles/rotations has " + std::to_string(poses.count) + " rows for " +
                                  std::to_string(m_poses.size()) + " particles");
    for (std::size_t i = 0; i < poses.count; ++i) {
        std::copy_n(poses.rotations.begin() + std::ptrdiff_t(9 * i), 9, m_poses[i].rotation.begin());
        m_poses[i].shiftX = poses.shifts[2 * i];
        m_poses[i].shiftY = poses.shifts[2 * i + 1];
    }
    m_lastSearchEpoch = readSearchedEpoch(file);
    m_poseHistory = readPoseErrorHistory(file);
    std::erase_if(m_poseHistory, [done](const PoseErrorRecord& r) { return r.epoch > done; });
    m_storedResetEpoch = record->resetEpoch;
    measurePoseError();
    m_firstEpoch = done + 1;
    // The frequency ramp goes on where it was: the passes done so far, and the band the
    // training epochs since the last one fit.
    for (int epoch = 1; epoch <= done; ++epoch)
        m_searches += searchesIn(epoch) ? 1 : 0;
    if (m_searches > 0)
        m_objective->setFrequencyLimit(searchRadius(m_searches - 1));
    if (done == resetEpoch() && done < m_config.epochs)
        resetModelAfter(done);   // the uninterrupted run reset right after saving this epoch
}

void AbInitioTrainer::report(const std::string& stage, int epoch, std::size_t done, double rate, double loss,
                             bool force, double mse, double kld)
{
    if (!m_callbacks.progress || (!force && Clock::now() - m_lastReport < std::chrono::milliseconds(100)))
        return;
    m_lastReport = Clock::now();
    TrainingProgress p;
    p.stage = stage;
    p.epoch = epoch;
    p.epochs = m_config.epochs;
    p.imagesDone = done;
    p.imagesPerEpoch = m_images->size();
    p.loss = loss;
    p.mse = mse >= 0 ? mse : loss;
    p.kld = kld;
    p.imagesPerSecond = rate;
    p.poseErrorDeg = m_poseError;
    m_callbacks.progress(p);
}

std::unique_ptr<PoseSearch> AbInitioTrainer::makeSearch()
{
    const AbInitioOptions& a = m_options.abInitioOptions;
    PoseSearchOptions options;
    options.baseResolution = a.baseResolution;
    options.refinements = a.refinements;
    options.kept = a.kept;
    options.shiftExtent = a.shiftExtent;
    options.shiftPoints = a.shiftPoints;
    options.keptBase = a.keptBase;
    if (m_searches == 0) {
        // The first pass searches a random model: its shifts are noise, and training on them
        // smears the model. Rotations alone, the particles as centred as picked.
        options.shiftExtent = 0;
        options.shiftPoints = 1;
    }
    options.lMin = a.lMin;
    options.lMax = searchRadius(m_searches);
    m_objective->setFrequencyLimit(options.lMax);   // the training epochs until the next search
    ++m_searches;
    return makePoseSearch(m_model, m_config.boxSize, options, m_device);
}

bool AbInitioTrainer::searchAndTrainEpoch(int epoch)
{
    const AbInitioOptions& a = m_options.abInitioOptions;
    const auto search = makeSearch();
    const auto start = Clock::now();
    const std::vector<std::size_t> order = shuffledOrder(epoch);
    const auto chunkSize = std::size_t(std::max(1, a.searchChunk));
    EpochSums sums;
    std::size_t searched = 0;
    // Progress counts the images searched; the loss is the running mean of the steps so far.
    const auto progress = [&] {
        const double steps = double(std::max<std::size_t>(1, sums.images));
        report("pose search", epoch, searched, double(searched) / std::max(1e-9, secondsSince(start)),
               sums.loss / steps, false, sums.mse / steps, sums.kld / steps);
    };
    TrainingBatch batch;
    for (std::size_t first = 0; first < order.size(); first += chunkSize) {
        const auto begin = order.begin() + std::ptrdiff_t(first);
        const std::vector<std::size_t> chunk(begin, begin + std::ptrdiff_t(std::min(chunkSize, order.size() - first)));
        const auto zdim = std::size_t(m_model->zdim());
        std::vector<float> latents(chunk.size() * zdim, 0.0f);   // consensus stage: z = 0
        if (zdim > 0 && !m_objective->consensus())
            latents = chunkLatents(chunk);
        BatchPrefetcher searchBatches(*m_images, chunk, a.searchBatch);
        while (searchBatches.next(batch)) {
            // The batches come in chunk order: this one is rows [searched − first, …) of the chunk.
            const std::size_t row = searched - first;
            const std::span<const float> z(latents.data() + row * zdim, zdim > 0 ? batch.size() * zdim : 0);
            const auto found = search->search(batch, z);
            for (std::size_t b = 0; b < found.size(); ++b)
                m_poses[batch.indices[b]] = found[b];
            searched += found.size();
            progress();
            if (m_stop.stop_requested())
                return false;
        }
        BatchPrefetcher trainBatches(*m_images, chunk, m_config.batchSize);
        while (trainBatches.next(batch)) {
            trainStep(batch, epoch, sums);
            progress();
            if (m_stop.stop_requested())
                return false;
        }
        search->modelChanged();
    }
    measurePoseError();
    recordEpoch(epoch, sums, start);
    return true;
}

void AbInitioTrainer::measurePoseError()
{
    if (!m_truth)
        return;
    std::vector<std::array<float, 9>> rotations;
    std::vector<std::array<float, 2>> shifts;
    for (const PoseEstimate& p : m_poses) {
        rotations.push_back(p.rotation);
        shifts.push_back({p.shiftX, p.shiftY});
    }
    const PoseAccuracy accuracy = comparePoses(rotations, shifts, m_truth->rotations, m_truth->shifts);
    m_poseError = accuracy.medianRotationDeg;
    m_shiftError = accuracy.medianShiftPx;
}

std::vector<float> AbInitioTrainer::chunkLatents(const std::vector<std::size_t>& chunk)
{
    const std::int64_t half = std::int64_t(m_images->lattice().halfCount());
    std::vector<float> mu;
    BatchPrefetcher batches(*m_images, chunk, m_options.abInitioOptions.searchBatch);
    TrainingBatch batch;
    while (batches.next(batch)) {
        applyPoses(batch, m_images->lattice(), m_poses);
        torch::InferenceMode inference;
        const auto z = m_objective->encodePosterior(m_model, BatchTensors::from(batch, half, m_device)).first;
        const auto cpu = z.to(torch::kCPU, torch::kFloat32).contiguous();
        mu.insert(mu.end(), cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    }
    const int zdim = m_model->zdim();
    KMeansOptions options;
    options.clusters = int(std::min<std::size_t>(std::size_t(m_options.abInitioOptions.latentVolumes), chunk.size()));
    options.seed = m_config.seed;
    options.threads = 1;
    const KMeansResult clusters = KMeans(options).fit(mu.data(), chunk.size(), zdim);
    std::vector<float> quantised(mu.size());
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        const auto centre = clusters.centers.begin() + std::ptrdiff_t(clusters.labels[i]) * zdim;
        std::copy(centre, centre + zdim, quantised.begin() + std::ptrdiff_t(i) * zdim);
    }
    return quantised;
}

std::vector<std::size_t> AbInitioTrainer::shuffledOrder(int epoch) const
{
    std::vector<std::size_t> order(m_images->size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::mt19937_64 rng(m_config.seed * 1000003ULL + std::uint64_t(epoch));
    std::shuffle(order.begin(), order.end(), rng);
    return order;
}

void AbInitioTrainer::trainStep(TrainingBatch& batch, int epoch, EpochSums& sums)
{
    const std::int64_t half = std::int64_t(m_images->lattice().halfCount());
    applyPoses(batch, m_images->lattice(), m_poses);
    const BatchTensors tensors = BatchTensors::from(batch, half, m_device);
    const LossTerms terms = m_objective->step(m_model, *m_optimizer, tensors, m_generator);
    const double loss = terms.loss.item<double>();
    if (!std::isfinite(loss))
        throw TrainingDiverged("the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") +
                               " in epoch " + std::to_string(epoch) + "; try a lower learning rate");
    const auto n = double(batch.size());
    sums.loss += loss * n;
    sums.mse += terms.mse.item<double>() * n;
    sums.kld += terms.kld.defined() ? terms.kld.item<double>() * n : 0.0;
    sums.images += batch.size();
}

void AbInitioTrainer::recordEpoch(int epoch, const EpochSums& sums, Clock::time_point start)
{
    const double seconds = secondsSince(start), count = double(std::max<std::size_t>(1, sums.images));
    m_history.push_back({epoch, sums.loss / count, sums.mse / count, sums.kld / count, seconds,
                         count / std::max(1e-9, seconds)});
}

bool AbInitioTrainer::trainEpoch(int epoch)
{
    const auto start = Clock::now();
    BatchPrefetcher prefetcher(*m_images, shuffledOrder(epoch), m_config.batchSize);
    EpochSums sums;
    TrainingBatch batch;
    while (prefetcher.next(batch)) {
        trainStep(batch, epoch, sums);
        const auto images = double(sums.images);
        report("training", epoch, sums.images, images / std::max(1e-9, secondsSince(start)), sums.loss / images, false,
               sums.mse / images, sums.kld / images);
        if (m_stop.stop_requested())
            return false;
    }
    recordEpoch(epoch, sums, start);
    return true;
}

void AbInitioTrainer::finishEpoch(const EpochRecord& record, bool searched)
{
    report("saving", record.epoch, m_images->size(), record.imagesPerSecond, record.loss, true, record.mse, record.kld);
    if (searched)
        m_lastSearchEpoch = record.epoch;
    m_poseHistory.push_back({record.epoch, searched, m_poseError, m_shiftError});
    saveCheckpoint(checkpointPath(m_options.outDir, record.epoch), m_model, *m_optimizer, m_generator, record.epoch);
    PoseTable poses;
    poses.count = m_poses.size();
    for (const PoseEstimate& p : m_poses) {
        poses.rotations.insert(poses.rotations.end(), p.rotation.begin(), p.rotation.end());
        poses.shifts.insert(poses.shifts.end(), {p.shiftX, p.shiftY});
    }
    H5File file(m_options.outDir / kRunFileName, H5File::Mode::CreateAtomic);
    writeRunConfig(file, m_config);
    writeAbInitioRecord(file, {m_options.abInitioOptions, resetEpoch()});
    writeHistory(file, m_history);
    writePoseErrorHistory(file, m_poseHistory);
    writePoses(file, poses);
    writeSearchedEpoch(file, m_lastSearchEpoch);
    // z from the images centred by the latest shifts, after the epoch's last update.
    const LatentTable latents = m_objective->encodeDataset(m_model, *m_images, m_device, [this](TrainingBatch& batch) {
        applyPoses(batch, m_images->lattice(), m_poses);
    });
    if (latents.zdim > 0)
        writeLatents(file, latents);
    file.close();
    if (m_callbacks.epochFinished) {
        EpochSummary summary;
        summary.record = record;
        summary.zdim = m_model->zdim();
        summary.zMu = latents.mu;
        summary.posesSearched = searched;
        summary.poseErrorDeg = m_poseError;
        summary.shiftErrorPx = m_shiftError;
        m_callbacks.epochFinished(summary);
    }
}

TrainingResult AbInitioTrainer::run()
{
    prepare();
    if (m_options.resume)
        restore();
    TrainingResult result;
    result.runDir = m_options.outDir;
    result.epochsCompleted = m_firstEpoch - 1;
    const int reset = resetEpoch();
    for (int epoch = m_firstEpoch; epoch <= m_config.epochs; ++epoch) {
        const bool search = searchesIn(epoch);
        m_objective->setConsensus(inConsensusStage(epoch));
        if (!(search ? searchAndTrainEpoch(epoch) : trainEpoch(epoch))) {
            result.cancelled = true;
            break;
        }
        finishEpoch(m_history.back(), search);
        result.epochsCompleted = epoch;
        if (epoch == reset && epoch < m_config.epochs)
            resetModelAfter(epoch);
    }
    result.seconds = secondsSince(m_start);
    return result;
}

} // namespace

TrainingResult trainAbInitio(const TrainingOptions& options, const TrainingCallbacks& callbacks, std::stop_token stop)
{
    return AbInitioTrainer(options, callbacks, std::move(stop)).run();
}

} // namespace cryo
