#pragma once
// The calendar of an ab initio run (AbInitioOptions, TrainingJob.h): which epochs search the
// poses, after which epoch the model resets, which epochs of a heterogeneous model are
// consensus epochs, and the frequency band of each search pass. Pure and torch-free, so the
// trainer, its resume and the tests agree on one definition.
#include "train/TrainingJob.h"

#include <optional>

namespace cryo {

class AbInitioSchedule {
public:
    // storedResetEpoch: the reset epoch a resumed run was started with (automatic resets depend
    // on the epoch count then); nullopt resolves it from options and epochs.
    AbInitioSchedule(const AbInitioOptions& options, int epochs, int boxSize,
                     std::optional<int> storedResetEpoch = std::nullopt);

    // The epoch after which the model and Adam restart from random weights; 0: never.
    int resetEpoch() const { return m_resetEpoch; }
    // Whether `epoch` (1-based) starts with a pose search: every searchEvery epochs, restarting
    // after the reset (the epoch right after it trains on the kept poses).
    bool searchesIn(int epoch) const;
    // Searching epochs among 1..epoch: the passes done once `epoch` has finished.
    int passesAfter(int epoch) const;
    // Heterogeneous models up to the reset: the decoder alone at z = 0, so that the encoder
    // cannot explain away wrong poses. Without a reset there is no consensus stage.
    bool inConsensusStage(int epoch, int zdim) const;
    // The radius (|k|·D, lattice units) search pass `pass` (0-based) compares, and the training
    // epochs after it fit: min(lMax, D/2, lMaxStart + pass·lMaxStep); lMaxStart ≤ 0: no ramp.
    int searchRadius(int pass) const;
    // Images searched per model update in pass `pass`: a quarter of searchChunk (at least 16) in
    // the first kEarlyPasses passes, where the random model's symmetry is broken: more updates per
    // pass break it sooner (blurry data, 500 particles, tst_abinitioconvergence: 50° after 5
    // passes with 16 then 64, 89° with 64 throughout, 56° and 60° with 32 and 16 throughout).
    // searchChunk afterwards: each update re-evaluates the model's volume, so small chunks cost time.
    int searchChunk(int pass) const;
    static constexpr int kEarlyPasses = 2;

private:
    AbInitioOptions m_options;
    int m_boxSize;
    int m_resetEpoch;
};

} // namespace cryo
