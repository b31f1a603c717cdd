#pragma once
// The pose stage of ab initio training (cryoDRGN2, thesis §5.3; AbInitioOptions in
// TrainingJob.h): the input poses are ignored. A searching epoch walks the shuffled particles
// in chunks: each chunk's poses are searched with the current model (pose/PoseSearch.h), then
// the model trains on that chunk; the other epochs train on the latest poses. The schedule,
// the model reset and the frequency ramp are AbInitioSchedule's. Images are kept uncentred
// (the shifts are unknown) and centred per batch by the found shift.
#include "pose/PoseSearch.h"
#include "sim/TruthPoses.h"
#include "train/AbInitioSchedule.h"
#include "train/AbInitioState.h"
#include "train/PoseStage.h"

#include <memory>
#include <optional>
#include <vector>

namespace cryo {

class SearchedPoses : public PoseStage {
public:
    // The half maps after a search (EpochSummary::halfMapResolutionA) hold at most this many
    // particles, evenly spread over the dataset: ~2.5 s of backprojection at D = 64 on 2 cores.
    static constexpr std::size_t kHalfMapParticles = 5000;

    explicit SearchedPoses(const TrainingOptions& options) : m_options(options) {}

    void validate() const override;
    bool searchesPoses() const override { return true; }
    void configureImages(const ParticleDataset& dataset, TrainingImagesOptions& options) override;
    void restore(TrainingEngine& engine, const H5File& run, int doneEpoch) override;
    int epochKind(int epoch) const override;
    bool runEpoch(TrainingEngine& engine, int epoch, EpochTally& tally) override;
    void prepareBatch(const TrainingLattice& lattice, TrainingBatch& batch) const override;
    void writeRun(H5File& run) const override;
    void describe(EpochSummary& summary) const override;
    double poseErrorDeg() const override { return m_poseError; }
    void epochSaved(TrainingEngine& engine, int epoch) override;

private:
    // A searching epoch: each chunk of searchChunk shuffled particles is searched with the
    // current model, which then trains on it (thesis Algorithm 2's per-batch alternation, with
    // the model's Hartley volume refreshed once per chunk). false when cancelled.
    bool searchAndTrain(TrainingEngine& engine, int epoch, EpochTally& tally);
    std::unique_ptr<PoseSearch> makeSearch(TrainingEngine& engine);
    // Data-parallel runs: every replica searched its rows of the chunk; all get every pose.
    void gatherPoses(TrainingEngine& engine, const std::vector<std::size_t>& chunk);
    // Heterogeneous models: the z each particle of `chunk` is searched with (chunk.size() × zdim):
    // the k-means centre (latentVolumes of them) of the chunk's encoder means, images centred by
    // their latest shifts, so the search evaluates latentVolumes volumes per chunk, not one per image.
    std::vector<float> chunkLatents(TrainingEngine& engine, const std::vector<std::size_t>& chunk) const;
    // Rotations (row-major) and shifts of poses, as comparePoses takes them.
    struct PoseColumns {
        std::vector<std::array<float, 9>> rotations;
        std::vector<std::array<float, 2>> shifts;
    };
    static PoseColumns poseColumns(const std::vector<PoseEstimate>& poses);
    void measurePoseError();
    // record.changeDeg / changePx: how far the pass just made moved the poses from `before`.
    void measurePoseChange(const std::vector<PoseEstimate>& before, PoseErrorRecord& record) const;
    // The FSC = 0.143 resolution (Å) of two half maps backprojected with the current poses
    // (even / odd particles of kHalfMapParticles at most); −1 when it cannot be measured.
    double halfMapResolution(TrainingEngine& engine) const;
    PoseTable poseTable() const;   // m_poses as run.h5 stores them
    // The reset of thesis §5.3.3 draws its weights from (seed, epoch) alone, so a run resumed
    // right after the reset epoch restarts from the same random model as an uninterrupted one.
    static void resetModelAfter(TrainingEngine& engine, int epoch);

    const TrainingOptions& m_options;
    const ParticleDataset* m_dataset = nullptr;   // the engine's, for the half maps
    PreprocessOptions m_preprocess;               // as the training images are preprocessed
    std::optional<AbInitioSchedule> m_schedule;   // once the box size is known
    std::optional<TruthPoses> m_truth;            // the simulator's truth.h5 beside the particles
    std::vector<PoseEstimate> m_poses;            // one per particle, input order
    std::vector<PoseErrorRecord> m_poseHistory;   // one per finished epoch
    int m_lastSearchEpoch = 0;
    int m_searches = 0;                           // search passes so far
    double m_poseError = -1, m_shiftError = -1;   // medians against m_truth (−1 without one)
};

} // namespace cryo
