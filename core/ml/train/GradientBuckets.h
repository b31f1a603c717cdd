#pragma once
// Sums the gradients of a model over the ranks of a ReplicaGroup, in flat float buckets of
// about bucketMegabytes each (parameters in reverse order, the order backward produces them).
// Overlapped (DistributedOptions::overlapBackward): a hook on each parameter copies its
// gradient into its bucket as backward produces it, and a complete bucket starts its
// all-reduce while backward goes on; buckets start in index order on every rank (Gloo matches
// collectives by their order). Otherwise every bucket starts after backward. Torch callers only.
#include "model/CryoModel.h"
#include "train/DistributedOptions.h"

#include <torch/csrc/distributed/c10d/Work.hpp>

#include <vector>

namespace cryo {

class ReplicaGroup;

struct GradientSyncStats {
    std::size_t steps = 0;
    std::size_t bytesPerStep = 0;     // float32 gradients all-reduced per step
    std::size_t buckets = 0;
    double blockedSeconds = 0;        // in afterBackward: what the sum adds to a step's time
};

class GradientBuckets {
public:
    GradientBuckets(ReplicaGroup& group, const DistributedOptions& options);
    ~GradientBuckets();

    void beforeBackward(CryoModel& model);
    // Every bucket summed; the parameters' gradients replaced by the sums.
    void afterBackward(CryoModel& model);
    const GradientSyncStats& stats() const { return m_stats; }

private:
    struct Bucket {
        torch::Tensor flat;                 // [elements] float32
        std::size_t pending = 0;            // parameters whose gradient has not arrived
        c10::intrusive_ptr<c10d::Work> work;
    };
    struct Slot {
        std::size_t bucket = 0;
        std::int64_t offset = 0, elements = 0;
        bool arrived = false;
    };

    void build(CryoModel& model);           // the buckets of the model's parameters (again after a reset)
    void arrive(std::size_t parameter, const torch::Tensor& gradient);
    void startReady();                      // the complete buckets, in order
    torch::Tensor view(std::size_t parameter);

    ReplicaGroup& m_group;
    bool m_overlap;
    std::size_t m_bucketBytes;
    std::vector<torch::Tensor> m_parameters;
    std::vector<Slot> m_slots;
    std::vector<Bucket> m_buckets;
    std::size_t m_nextBucket = 0;
    bool m_armed = false;                   // between beforeBackward and afterBackward
    GradientSyncStats m_stats;
};

} // namespace cryo
