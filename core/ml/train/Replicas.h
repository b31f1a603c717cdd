#pragma once
// The processes (replicas) that train one model together, as the TrainingEngine sees them.
// One process alone is the default Replicas (nothing to share); DataParallel
// (train/DataParallel.h) is W processes over LibTorch's c10d (Gloo), issue #21.
//
// Every replica walks the same global batches (TrainingEngine::epochOrder, cut into batches of
// the configured size) and takes a contiguous part of each (EpochShare); the gradients of the
// parts, each weighted by its share of the batch, sum to the gradient of the whole batch, so
// W processes train the model one process would (up to the order of float additions).
// Torch callers only (cryoscape_ml).
#include "model/CryoModel.h"
#include "run/RunFile.h"

#include <cstddef>
#include <vector>

namespace cryo {

// This replica's part of one epoch (or of an ab initio chunk).
struct EpochShare {
    std::vector<std::size_t> particles;   // its images, in visiting order
    std::size_t localBatch = 0;           // images per step in every full batch
    std::size_t steps = 0;                // optimizer steps (the same on every replica)
    std::size_t batchSize = 0;            // images of a full global batch
    // Images of step k: this replica's, the whole batch's, and the position of its first in the batch.
    std::size_t localImages(std::size_t step) const;
    std::size_t batchImages(std::size_t step) const;
    std::size_t firstInBatch(std::size_t step) const;

    std::size_t total = 0;                // images of the epoch (all replicas)
    int rank = 0, size = 1;
};

// Splits `order` into global batches of batchSize images and gives replica `rank` of `size`
// the part [⌊rank·b/size⌋, ⌊(rank+1)·b/size⌋) of each batch b (possibly empty in a last short batch).
EpochShare shareEpoch(const std::vector<std::size_t>& order, std::size_t batchSize, int rank, int size);

class Replicas {
public:
    virtual ~Replicas() = default;
    virtual int rank() const { return 0; }
    virtual int size() const { return 1; }
    // Replica 0 alone writes the checkpoints and run.h5, and reports progress.
    bool leads() const { return rank() == 0; }

    // Replica 0's weights and Adam state on every replica (at the start, on resume, after a reset).
    virtual void synchronize(CryoModel& model, torch::optim::Adam& optimizer) { (void)model, (void)optimizer; }
    // Around backward(): the gradients of the replicas' parts summed (each part's loss is
    // already weighted by its share of the batch).
    virtual void beforeBackward(CryoModel& model) { (void)model; }
    virtual void afterBackward(CryoModel& model) { (void)model; }
    // Sums over the replicas, in place (the losses · images and image counts of a step).
    virtual void sum(std::vector<double>& values) { (void)values; }
    // Work split over particles (the per-epoch encode pass, pose searches): this replica does
    // rows [first, end) of `count` (rowRange) and leaves the other rows of its table zero;
    // gatherRows then fills every replica's table with the rows the others did.
    std::pair<std::size_t, std::size_t> rowRange(std::size_t count) const;
    virtual void gatherRows(std::vector<float>& table) { (void)table; }
};

} // namespace cryo
