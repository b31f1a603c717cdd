#pragma once
// Where the training images' poses come from, plugged into the TrainingEngine: the poses of
// the particle file (GivenPoses) or poses searched by the model as it trains (SearchedPoses,
// cryoDRGN2's ab initio). The engine owns everything else: data, model, optimiser, the loop,
// precision, progress and ETA, divergence checks, checkpoints, run.h5 and resume.
// Torch callers only (cryoscape_ml).
#include "io/H5File.h"
#include "images/TrainingImages.h"
#include "train/TrainingJob.h"

namespace cryo {

class ParticleDataset;
class TrainingEngine;

// Running sums of one epoch's optimizer steps (means: sum / images).
struct EpochTally {
    double loss = 0, mse = 0, kld = 0;
    std::size_t images = 0;   // images trained on
    int batches = 0;
    double mean(double sum) const { return images ? sum / double(images) : 0.0; }
};

class PoseStage {
public:
    virtual ~PoseStage() = default;

    // Throws UsageError for options of the stage that cannot work (before any file is read).
    virtual void validate() const {}
    // Whether the poses are found while training (ab initio) rather than given.
    virtual bool searchesPoses() const { return false; }
    // How the images are prepared (given poses: centred by their shift once, at load time).
    virtual void configureImages(const ParticleDataset& dataset, TrainingImagesOptions& options)
    {
        (void)dataset, (void)options;
    }
    // Resuming after `doneEpoch`: the engine has restored that epoch's checkpoint; `run` is the
    // run.h5 that recorded it.
    virtual void restore(TrainingEngine&, const H5File& run, int doneEpoch) { (void)run, (void)doneEpoch; }
    // Epochs of one kind take about as long (for the ETA).
    virtual int epochKind(int epoch) const { (void)epoch; return 0; }
    // One epoch: its optimizer steps through TrainingEngine::trainOn (and its searches), with
    // progress through TrainingEngine::report. false when cancelled.
    virtual bool runEpoch(TrainingEngine&, int epoch, EpochTally& tally) = 0;
    // Called on every batch before it is trained on or encoded (searched poses: the batch is
    // centred by its found shift and gets its found rotation).
    virtual void prepareBatch(const TrainingLattice& lattice, TrainingBatch& batch) const
    {
        (void)lattice, (void)batch;
    }
    // What the stage adds to run.h5 after each epoch, and to its EpochSummary and progress.
    virtual void writeRun(H5File& run) const { (void)run; }
    virtual void describe(EpochSummary& summary) const { (void)summary; }
    virtual double poseErrorDeg() const { return -1; }
    // After the epoch's checkpoint and run.h5 are on disk (searched poses: the model reset).
    virtual void epochSaved(TrainingEngine&, int epoch) { (void)epoch; }
};

} // namespace cryo
