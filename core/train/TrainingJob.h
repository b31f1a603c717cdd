#pragma once
// Training a cryoDRGN-style model as a background job (no torch in this header, so the
// GUI and the CLI include it freely). trainModel runs on the caller's thread; the app runs
// it on a worker thread and forwards the callbacks to the GUI thread.
//
// Run directory (docs/run-directory.md): run.h5 (config, history, per-particle z) written
// atomically at the end of every epoch, after checkpoints/epoch_NNNN.pt (model, optimiser,
// RNG state); `resume` continues after the last epoch run.h5 records, from its checkpoint,
// on the particles the run recorded (its poses / CTF / particle-index files).
// Both kinds of training (given or searched poses) run in core/train/TrainingEngine.h.
#include "images/ImageMemory.h"
#include "particles/ParticleTypes.h"
#include "train/DistributedOptions.h"
#include "run/RunConfig.h"
#include "run/RunFile.h"

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <vector>

namespace cryo {

// cryoDRGN2-style ab initio training (TrainingOptions::abInitio; core/train/SearchedPoses.h):
// the input poses are ignored; epochs 1, 1 + searchEvery, ... first search every particle's
// pose with the current model (pose/PoseSearch.h), the other epochs train on the latest poses.
// After resetAfterEpoch (thesis §5.3.3; 0: never, −1: half of the epochs when there are ≥ 10)
// the model and optimizer restart from random weights, keeping the poses.
// Frequency ramp (cryoDRGN2 raises k_max over the epochs): search pass s (0-based) compares
// |k|·D up to min(lMax, D/2, lMaxStart + s·lMaxStep), and the training epochs after it fit only
// the pixels up to that radius (faster: the decoder runs on fewer points); lMaxStart ≤ 0: no ramp.
// The first pass (a random model) searches rotations only, keeping the shifts at 0.
struct AbInitioOptions {
    // Every epoch: a training epoch between passes fits the model to the early, wrong poses
    // (homogeneous, 2000 particles: 42° after 4 passes searching every 2, 7.2° every epoch).
    int searchEvery = 1;
    int resetAfterEpoch = -1;
    int baseResolution = 2, refinements = 4, kept = 8;   // PoseSearchOptions (pose/PoseSearch.h)
    int keptBase = 32;
    int lMaxStart = 16, lMaxStep = 4;
    double shiftExtent = 6;                              // px
    int shiftPoints = 13, lMin = 12, lMax = 48;
    int searchBatch = 16;                                // images per pose-search batch
    // Images searched per model update in a searching epoch: the model trains on each chunk
    // right after its search, so later chunks are searched with a model shaped by the earlier
    // ones (a whole-dataset pass per update barely breaks a random start's symmetry).
    int searchChunk = 128;
    // Heterogeneous models: volumes per chunk; its images are searched with the k-means centres
    // of their z (one decoder pass over the frequency ball per volume, not per image).
    int latentVolumes = 8;
};

// The learning rate ab initio runs default to, 10× that of training on given poses
// (RunConfig): on one homogeneous set of 2000 particles, searching every epoch, the median
// rotation error after 4 passes was 7.9° at 1e-3 and 65° at 1e-4.
inline constexpr double kAbInitioLearningRate = 1e-3;

struct TrainingOptions {
    std::filesystem::path particles;         // .star / .cs / .mrcs (poses and CTF from it)
    ParticleDatasetOptions dataset;          // dataDirectory, pixelSize override, ...
    std::filesystem::path posesFile;         // optional: poses from cryoDRGN pose.pkl or another .star/.cs
    std::filesystem::path ctfFile;           // optional: CTF from cryoDRGN ctf.pkl or another .star/.cs
    std::filesystem::path particleIndices;   // optional: only these rows, in this order (cryoDRGN --ind .pkl, a text list)
    std::filesystem::path outDir;            // the run directory (created)
    RunConfig config;                        // architecture, epochs, batch, lr, beta, seed
    bool resume = false;                     // continue after the last epoch run.h5 in outDir records
    int threads = 0;                         // compute threads; 0: all cores
    std::size_t memoryLimitBytes = defaultMemoryBoundBytes();   // on the whole process (images/ImageMemory.h)
    std::function<std::size_t()> residentBytes = processPeakResidentBytes;   // what it needs (tests fix it)
    bool abInitio = false;                   // search the poses (see AbInitioOptions)
    AbInitioOptions abInitioOptions;
    // One of several processes training together (issue #21, docs/cluster.md): config.batchSize
    // is then the batch of all processes together, so the run trains as one process would.
    DistributedOptions distributed;
};

// Sent after every few batches (the job rate-limits itself to ~10 Hz).
struct TrainingProgress {
    std::string stage;                       // "preparing", "training", "pose search", "saving", "cancelled"
    int epoch = 0, epochs = 0;               // 1-based current epoch
    std::size_t imagesDone = 0, imagesPerEpoch = 0;   // within the current epoch
    double loss = 0, mse = 0, kld = 0;       // running means over the epoch so far
    double imagesPerSecond = 0;
    double etaSeconds = 0;                   // to the end of the last epoch (0: not known yet)
    // Ab initio: stage "pose search" while poses are searched; the median rotation error (°,
    // after global alignment) of the latest poses when the data has a truth.h5, else −1.
    double poseErrorDeg = -1;
};

// Sent at the end of every epoch, after the checkpoint is on disk.
struct EpochSummary {
    EpochRecord record;
    int zdim = 0;
    std::vector<float> zMu;                  // N × zdim, input order (empty if homogeneous)
    // Ab initio: whether this epoch searched the poses, and their median errors against a
    // truth.h5 beside the particles (−1 without one).
    bool posesSearched = false;
    double poseErrorDeg = -1, shiftErrorPx = -1;
    // Ab initio, an epoch that searched: how far its search moved the poses from the previous
    // search's, median over the particles after the best global alignment (°) and map offset
    // (px), real data or not (PoseAccuracy); −1 without a previous search. At most
    // settledBelowDeg (train/AbInitioState.h): converged.
    double poseChangeDeg = -1, poseChangePx = -1;
    // Ab initio, an epoch that searched: the FSC = 0.143 resolution (Å) of two half maps
    // backprojected with its poses (SearchedPoses::kHalfMapParticles at most, spread over the
    // dataset; reconstruct/Backprojection.h), real data or not: it improves while the poses do
    // and levels off when the search has converged. −1: not measured.
    double halfMapResolutionA = -1;
};

struct TrainingCallbacks {
    std::function<void(const TrainingProgress&)> progress;
    std::function<void(const EpochSummary&)> epochFinished;
};

struct TrainingResult {
    std::filesystem::path runDir;
    int epochsCompleted = 0;                 // including those of earlier runs when resumed
    bool cancelled = false;                  // stopped by the stop token (checkpoints kept)
    double seconds = 0;
    // Data-parallel runs: the gradients summed per optimizer step (float32 bytes), the steps,
    // and the seconds the sums held the steps up (after backward).
    std::size_t gradientBytesPerStep = 0, gradientSteps = 0;
    double gradientSyncSeconds = 0;
};

// The loss became NaN/Inf: training stops, the last good checkpoint stays on disk.
class TrainingDiverged : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws UsageError (bad options), FileError (bad input or unwritable outDir) or
// TrainingDiverged. Cancelling (stop requested) finishes the current batch and returns
// with cancelled = true within one batch.
TrainingResult trainModel(const TrainingOptions& options, const TrainingCallbacks& callbacks, std::stop_token stop);

// Same signature, so the GUI can be driven by a fake job in tests.
using TrainingFunction =
    std::function<TrainingResult(const TrainingOptions&, const TrainingCallbacks&, std::stop_token)>;

} // namespace cryo
