#include "train/SearchedPoses.h"

#include "analysis/KMeans.h"
#include "images/BatchPrefetcher.h"
#include "particles/ParticleDataset.h"
#include "pose/PoseAccuracy.h"
#include "pose/PoseSearchModel.h"
#include "reconstruct/Backprojection.h"
#include "run/RunFile.h"
#include "run/RunPoses.h"
#include "train/TrainingEngine.h"
#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace cryo {

namespace {

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

} // namespace

void SearchedPoses::validate() const
{
    const AbInitioOptions& a = m_options.abInitioOptions;
    if (a.searchEvery < 1 || a.searchBatch < 1 || a.searchChunk < 1 || a.latentVolumes < 1)
        throw UsageError("the search interval, the search batch, the search chunk and the volumes per chunk must "
                         "be at least 1");
    if (!m_options.posesFile.empty())
        throw UsageError("ab initio searches the poses: a poses file (" + m_options.posesFile.string() +
                         ") is not used; leave it out");
}

void SearchedPoses::configureImages(const ParticleDataset& dataset, TrainingImagesOptions& options)
{
    options.centreByShift = false;   // the input poses are ignored: they are searched for
    m_dataset = &dataset;
    m_preprocess = options.preprocess;
    options.poses.assign(dataset.size(), ParticlePose{});
    m_schedule.emplace(m_options.abInitioOptions, m_options.config.epochs, dataset.boxSize());
    // truth.h5 describes the rows of the particle file: not those of a selection.
    if (m_options.particleIndices.empty())
        m_truth = readTruth(m_options.particles, dataset.size());
    m_poses.assign(dataset.size(), PoseEstimate{});
}

// After the engine restored the checkpoint: the poses and the schedule stored with it
// (train/AbInitioState.h), and the frequency band the training epochs since the last pass fit.
void SearchedPoses::restore(TrainingEngine& engine, const H5File& run, int doneEpoch)
{
    const auto record = readAbInitioRecord(run);
    if (!record)
        throw FileError(run.path(), "/config: not an ab initio run");
    m_schedule.emplace(m_options.abInitioOptions, engine.config().epochs, engine.config().boxSize, record->resetEpoch);
    const PoseTable poses = readPoses(run);
    if (poses.count != m_poses.size())
        throw FileError(run.path(), "/particles/rotations has " + std::to_string(poses.count) + " rows for " +
                                        std::to_string(m_poses.size()) + " particles");
    for (std::size_t i = 0; i < poses.count; ++i) {
        std::copy_n(poses.rotations.begin() + std::ptrdiff_t(9 * i), 9, m_poses[i].rotation.begin());
        m_poses[i].shiftX = poses.shifts[2 * i];
        m_poses[i].shiftY = poses.shifts[2 * i + 1];
    }
    m_lastSearchEpoch = readSearchedEpoch(run);
    m_poseHistory = readPoseErrorHistory(run);
    std::erase_if(m_poseHistory, [doneEpoch](const PoseErrorRecord& r) { return r.epoch > doneEpoch; });
    measurePoseError();
    m_searches = m_schedule->passesAfter(doneEpoch);
    if (m_searches > 0)
        engine.objective().setFrequencyLimit(m_schedule->searchRadius(m_searches - 1));
    if (doneEpoch == m_schedule->resetEpoch() && doneEpoch < engine.config().epochs)
        resetModelAfter(engine, doneEpoch);   // the uninterrupted run reset right after saving this epoch
}

int SearchedPoses::epochKind(int epoch) const
{
    const int consensus = m_schedule->inConsensusStage(epoch, m_options.config.model.zdim) ? 2 : 0;
    return (m_schedule->searchesIn(epoch) ? 1 : 0) + consensus;
}

bool SearchedPoses::runEpoch(TrainingEngine& engine, int epoch, EpochTally& tally)
{
    const bool search = m_schedule->searchesIn(epoch);
    const std::vector<PoseEstimate> before = search && m_searches > 0 ? m_poses : std::vector<PoseEstimate>{};
    engine.objective().setConsensus(m_schedule->inConsensusStage(epoch, engine.config().model.zdim));
    const bool finished = search ? searchAndTrain(engine, epoch, tally)
                                 : engine.trainOn(engine.epochOrder(epoch), epoch, tally,
                                                  [&] { engine.report("training", epoch, tally.images, tally); });
    if (!finished)
        return false;
    PoseErrorRecord record{epoch, search};
    if (search) {
        measurePoseError();
        if (!before.empty())
            measurePoseChange(before, record);
        record.halfMapResolutionA = halfMapResolution(engine);
        m_lastSearchEpoch = epoch;
    }
    record.rotationDeg = m_poseError, record.shiftPx = m_shiftError;
    m_poseHistory.push_back(record);
    return true;
}

std::unique_ptr<PoseSearch> SearchedPoses::makeSearch(TrainingEngine& engine)
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
    options.lMax = m_schedule->searchRadius(m_searches);
    engine.objective().setFrequencyLimit(options.lMax);   // the training epochs until the next search
    ++m_searches;
    return makePoseSearch(engine.model(), engine.config().boxSize, options, engine.device());
}

bool SearchedPoses::searchAndTrain(TrainingEngine& engine, int epoch, EpochTally& tally)
{
    const AbInitioOptions& a = m_options.abInitioOptions;
    const auto chunkSize = std::size_t(m_schedule->searchChunk(m_searches));
    const auto search = makeSearch(engine);   // counts this pass
    const std::vector<std::size_t> order = engine.epochOrder(epoch);
    std::size_t searched = 0;
    // Progress counts the images searched; the loss is the running mean of the steps so far.
    const auto progress = [&] { engine.report("pose search", epoch, searched, tally); };
    TrainingBatch batch;
    for (std::size_t first = 0; first < order.size(); first += chunkSize) {
        const auto begin = order.begin() + std::ptrdiff_t(first);
        const std::vector<std::size_t> chunk(begin, begin + std::ptrdiff_t(std::min(chunkSize, order.size() - first)));
        const auto zdim = std::size_t(engine.model()->zdim());
        std::vector<float> latents(chunk.size() * zdim, 0.0f);   // consensus stage: z = 0
        if (zdim > 0 && !engine.objective().consensus())
            latents = chunkLatents(engine, chunk);
        // Each replica searches its rows of the chunk (all of them in one process).
        const auto [mine, end] = engine.replicas().rowRange(chunk.size());
        const std::vector<std::size_t> rows(chunk.begin() + std::ptrdiff_t(mine), chunk.begin() + std::ptrdiff_t(end));
        BatchPrefetcher searchBatches(engine.images(), rows, a.searchBatch);
        std::size_t row = mine;
        while (searchBatches.next(batch)) {
            // The batches come in chunk order: this one is rows [row, …) of the chunk.
            const std::span<const float> z(latents.data() + row * zdim, zdim > 0 ? batch.size() * zdim : 0);
            const auto found = search->search(batch, z);
            for (std::size_t b = 0; b < found.size(); ++b)
                m_poses[batch.indices[b]] = found[b];
            row += found.size();
            searched = first + (row - mine) * std::size_t(engine.replicas().size());
            progress();
            if (engine.stopRequested())
                return false;
        }
        gatherPoses(engine, chunk);
        searched = first + chunk.size();
        if (!engine.trainOn(chunk, epoch, tally, progress))
            return false;
        search->modelChanged();
    }
    return true;
}

void SearchedPoses::gatherPoses(TrainingEngine& engine, const std::vector<std::size_t>& chunk)
{
    Replicas& replicas = engine.replicas();
    if (replicas.size() == 1)
        return;
    // 12 floats per pose (rotation, shift, error); rows other replicas searched stay 0 here.
    constexpr std::size_t kFloats = 12;
    std::vector<float> table(chunk.size() * kFloats, 0.0f);
    const auto [mine, end] = replicas.rowRange(chunk.size());
    for (std::size_t row = mine; row < end; ++row) {
        const PoseEstimate& p = m_poses[chunk[row]];
        float* out = table.data() + row * kFloats;
        std::copy(p.rotation.begin(), p.rotation.end(), out);
        out[9] = p.shiftX, out[10] = p.shiftY, out[11] = p.error;
    }
    replicas.gatherRows(table);
    for (std::size_t row = 0; row < chunk.size(); ++row) {
        PoseEstimate& p = m_poses[chunk[row]];
        const float* in = table.data() + row * kFloats;
        std::copy(in, in + 9, p.rotation.begin());
        p.shiftX = in[9], p.shiftY = in[10], p.error = in[11];
    }
}

std::vector<float> SearchedPoses::chunkLatents(TrainingEngine& engine, const std::vector<std::size_t>& chunk) const
{
    const TrainingLattice& lattice = engine.images().lattice();
    const auto half = std::int64_t(lattice.halfCount());
    std::vector<float> mu;
    BatchPrefetcher batches(engine.images(), chunk, m_options.abInitioOptions.searchBatch);
    TrainingBatch batch;
    while (batches.next(batch)) {
        prepareBatch(lattice, batch);
        torch::InferenceMode inference;
        const auto z =
            engine.objective().encodePosterior(engine.model(), BatchTensors::from(batch, half, engine.device())).first;
        const auto cpu = z.to(torch::kCPU, torch::kFloat32).contiguous();
        mu.insert(mu.end(), cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    }
    const int zdim = engine.model()->zdim();
    KMeansOptions options;
    options.clusters = int(std::min<std::size_t>(std::size_t(m_options.abInitioOptions.latentVolumes), chunk.size()));
    options.seed = engine.config().seed;
    options.threads = 1;
    const KMeansResult clusters = KMeans(options).fit(mu.data(), chunk.size(), zdim);
    std::vector<float> quantised(mu.size());
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        const auto centre = clusters.centers.begin() + std::ptrdiff_t(clusters.labels[i]) * zdim;
        std::copy(centre, centre + zdim, quantised.begin() + std::ptrdiff_t(i) * zdim);
    }
    return quantised;
}

// Translates each image's [half | mirror] values by its shift t (pixels) in place, which
// centres the particle as VaeObjective expects (HartleyLattice.h), and sets its rotation.
void SearchedPoses::prepareBatch(const TrainingLattice& lattice, TrainingBatch& batch) const
{
    const std::size_t P = lattice.halfCount();
    for (std::size_t b = 0; b < batch.size(); ++b) {
        const PoseEstimate& pose = m_poses[batch.indices[b]];
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

SearchedPoses::PoseColumns SearchedPoses::poseColumns(const std::vector<PoseEstimate>& poses)
{
    PoseColumns columns;
    for (const PoseEstimate& p : poses) {
        columns.rotations.push_back(p.rotation);
        columns.shifts.push_back({p.shiftX, p.shiftY});
    }
    return columns;
}

void SearchedPoses::measurePoseError()
{
    if (!m_truth)
        return;
    const PoseColumns found = poseColumns(m_poses);
    const PoseAccuracy accuracy = comparePoses(found.rotations, found.shifts, m_truth->rotations, m_truth->shifts);
    m_poseError = accuracy.medianRotationDeg;
    m_shiftError = accuracy.medianShiftPx;
}

// The previous poses play the truth's part: the change is measured up to the global rotation,
// hand and map origin that a search after the model reset may pick anew.
void SearchedPoses::measurePoseChange(const std::vector<PoseEstimate>& before, PoseErrorRecord& record) const
{
    std::vector<Mat3> rotations;
    std::vector<std::array<double, 2>> shifts;
    for (const PoseEstimate& p : before) {
        rotations.push_back(Eigen::Map<const Eigen::Matrix<float, 3, 3, Eigen::RowMajor>>(p.rotation.data()).cast<double>());
        shifts.push_back({p.shiftX, p.shiftY});
    }
    const PoseColumns now = poseColumns(m_poses);
    const PoseAccuracy change = comparePoses(now.rotations, now.shifts, rotations, shifts);
    record.changeDeg = change.medianRotationDeg;
    record.changePx = change.medianShiftPx;
}

double SearchedPoses::halfMapResolution(TrainingEngine& engine) const
{
    if (!m_dataset || !engine.replicas().leads())   // only the process that writes the run
        return -1;
    BackprojectionInput input;
    input.dataset = m_dataset;
    input.poses = particlePoses(poseTable(), *m_dataset);
    const std::size_t n = m_dataset->size(), count = std::min(n, kHalfMapParticles);
    std::vector<std::size_t> spread(count);
    for (std::size_t k = 0; k < count; ++k)
        spread[k] = k * n / count;   // ascending, evenly over the dataset
    input.selection = std::move(spread);
    BackprojectionOptions options;
    options.threads = m_options.threads;
    options.preprocess = m_preprocess;
    try {
        const BackprojectionResult result = backproject(input, options);
        const double angstrom = result.resolution0143.angstrom();
        return angstrom > 0 ? angstrom : -1;
    } catch (const std::exception&) {
        return -1;   // a convergence signal only: training goes on without it
    }
}

PoseTable SearchedPoses::poseTable() const
{
    PoseTable poses;
    poses.count = m_poses.size();
    for (const PoseEstimate& p : m_poses) {
        poses.rotations.insert(poses.rotations.end(), p.rotation.begin(), p.rotation.end());
        poses.shifts.insert(poses.shifts.end(), {p.shiftX, p.shiftY});
    }
    return poses;
}

void SearchedPoses::writeRun(H5File& run) const
{
    writeAbInitioRecord(run, {m_options.abInitioOptions, m_schedule->resetEpoch()});
    writePoseErrorHistory(run, m_poseHistory);
    writePoses(run, poseTable());
    writeSearchedEpoch(run, m_lastSearchEpoch);
}

void SearchedPoses::describe(EpochSummary& summary) const
{
    summary.posesSearched = !m_poseHistory.empty() && m_poseHistory.back().searched;
    summary.poseErrorDeg = m_poseError;
    summary.shiftErrorPx = m_shiftError;
    if (summary.posesSearched)
        summary.poseChangeDeg = m_poseHistory.back().changeDeg, summary.poseChangePx = m_poseHistory.back().changePx,
        summary.halfMapResolutionA = m_poseHistory.back().halfMapResolutionA;
}

void SearchedPoses::epochSaved(TrainingEngine& engine, int epoch)
{
    if (epoch == m_schedule->resetEpoch() && epoch < engine.config().epochs)
        resetModelAfter(engine, epoch);
}

void SearchedPoses::resetModelAfter(TrainingEngine& engine, int epoch)
{
    engine.resetModel(engine.config().seed * 1000003ULL + 7919ULL * std::uint64_t(epoch));
}

} // namespace cryo
