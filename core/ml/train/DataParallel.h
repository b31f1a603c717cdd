#pragma once
// W processes training one model (issue #21; docs/cluster.md): the Replicas of the
// TrainingEngine over LibTorch's c10d with Gloo (ReplicaGroup). Every rank starts from rank
// 0's weights and Adam state (at the start, on resume, after an ab initio reset); gradients
// are summed in buckets (GradientBuckets), step losses and the stop flag summed with them;
// the encode pass is split and its rows summed (each rank's rows are zero elsewhere).
// Torch callers only (cryoscape_ml).
#include "train/GradientBuckets.h"
#include "train/ReplicaGroup.h"
#include "train/Replicas.h"

namespace cryo {

class DataParallel : public Replicas {
public:
    explicit DataParallel(const DistributedOptions& options);

    int rank() const override { return m_group.rank(); }
    int size() const override { return m_group.size(); }
    void synchronize(CryoModel& model, torch::optim::Adam& optimizer) override;
    void beforeBackward(CryoModel& model) override { m_gradients.beforeBackward(model); }
    void afterBackward(CryoModel& model) override;
    void sum(std::vector<double>& values) override;
    void gatherRows(std::vector<float>& table) override;

    const GradientSyncStats& gradientStats() const { return m_gradients.stats(); }

private:
    // Fault injection for the tests (docs/cluster.md): CRYOSCAPE_TEST_FAULT="RANK:STEP:die|hang"
    // makes that rank kill or stop itself (SIGKILL, SIGSTOP) after that many optimizer steps.
    struct Fault {
        int rank = -1;
        std::size_t step = 0;
        bool hang = false;
    };
    static Fault faultFromEnvironment();

    ReplicaGroup m_group;
    GradientBuckets m_gradients;
    Fault m_fault;
    std::size_t m_steps = 0;
};

} // namespace cryo
