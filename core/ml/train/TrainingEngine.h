#pragma once
// The one training loop behind trainModel (TrainingJob.h), for every kind of training: it
// prepares the images, builds the model, Adam and the objective, runs the epochs (the pose
// stage fills each one, PoseStage.h), and after every epoch encodes z, saves the checkpoint
// and rewrites run.h5; it reports progress with an ETA, stops on a NaN/Inf loss, honours the
// precision, and resumes after the last epoch run.h5 records.
//
// Data-parallel training (issue #21): the engine trains with the Replicas it is given
// (train/Replicas.h): each process takes its part of every batch, the gradients are summed
// between backward and the optimizer step, the encode pass is split, and process 0 alone
// writes. The default is one process.
//
// Process 0 also keeps RUN/training.status (run/RunStatus.h): running with a heartbeat,
// the epoch run.h5 holds, and how the run ended, for the app following the run.
#include "images/TrainingImages.h"
#include "model/CryoModel.h"
#include "train/EtaEstimator.h"
#include "train/PoseStage.h"
#include "train/Replicas.h"
#include "train/VaeObjective.h"

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>

namespace cryo {

class ParticleDataset;
class RunStatusWriter;

class TrainingEngine {
public:
    TrainingEngine(const TrainingOptions& options, const TrainingCallbacks& callbacks, std::stop_token stop,
                   PoseStage& stage, Replicas* replicas = nullptr);
    ~TrainingEngine();
    TrainingEngine(const TrainingEngine&) = delete;
    TrainingEngine& operator=(const TrainingEngine&) = delete;

    TrainingResult run();

    // For the pose stages.
    const TrainingOptions& options() const { return m_options; }
    const RunConfig& config() const { return m_config; }
    TrainingImages& images() { return *m_images; }
    CryoModel& model() { return m_model; }
    VaeObjective& objective() { return *m_objective; }
    const torch::Device& device() const { return m_device; }
    // With several replicas, a stop any of them was asked for, agreed at the last step.
    bool stopRequested() const { return m_replicas->size() > 1 ? m_stopAgreed : m_stop.stop_requested(); }
    // The particles of `epoch` in visiting order: a permutation drawn from (seed, epoch) alone,
    // so a resumed run sees the batches of an uninterrupted one (all replicas: trainOn shares it).
    std::vector<std::size_t> epochOrder(int epoch) const;
    // Optimizer steps on `particles` in batches of the configured size (this replica trains on
    // its part of each, Replicas.h), each batch prepared by the stage; after each step the
    // batch's loss over all replicas is checked (TrainingDiverged) and added to tally,
    // `afterStep` runs (progress), and a stop request (on any replica) ends the pass. false
    // when stopped.
    bool trainOn(std::vector<std::size_t> particles, int epoch, EpochTally& tally,
                 const std::function<void()>& afterStep);
    // Progress (~10 Hz unless forced) of `epoch`: imagesDone of the epoch's images (trained,
    // or searched), the tally's running means, the rate and the ETA.
    void report(const std::string& stage, int epoch, std::size_t imagesDone, const EpochTally& tally,
                bool force = false);
    // Fresh random weights drawn from `seed`, and a fresh Adam.
    void resetModel(std::uint64_t seed);
    Replicas& replicas() { return *m_replicas; }

private:
    using Clock = std::chrono::steady_clock;

    TrainingResult runEpochs();
    void prepare();
    void recordRunInputs();
    void readImages();
    void touchStepMemory();
    void restore();
    bool runEpoch(int epoch);   // false when cancelled
    // One optimizer step on this replica's part of batch `index` of `share` (maybe empty);
    // returns the batch's sums over all replicas: loss·images, mse·images, kld·images, images.
    std::array<double, 4> step(TrainingBatch& batch, const EpochShare& share, std::size_t index);
    void finishEpoch(const EpochRecord& record, const EpochTally& tally);
    LatentTable encodeLatents();
    double secondsIntoEpoch() const;

    const TrainingOptions& m_options;
    const TrainingCallbacks& m_callbacks;
    std::stop_token m_stop;
    PoseStage& m_stage;
    Replicas m_oneProcess;
    Replicas* m_replicas;
    RunConfig m_config;
    std::unique_ptr<ParticleDataset> m_dataset;
    std::unique_ptr<TrainingImages> m_images;
    torch::Device m_device{torch::kCPU};
    CryoModel m_model{nullptr};
    std::unique_ptr<torch::optim::Adam> m_optimizer;
    std::unique_ptr<VaeObjective> m_objective;
    at::Generator m_generator;
    std::vector<EpochRecord> m_history;
    bool m_stopAgreed = false;
    int m_firstEpoch = 1;
    EtaEstimator m_eta;
    TrainingProgress m_lastProgress;   // the latest report, sent or not (a cancel resends it)
    Clock::time_point m_lastReport{};
    Clock::time_point m_epochStart{};
    Clock::time_point m_start = Clock::now();
    std::unique_ptr<RunStatusWriter> m_status;   // process 0: RUN/training.status (run/RunStatus.h)
};

} // namespace cryo
