#pragma once
// The processes of one data-parallel job, joined through LibTorch's c10d: a TCPStore for the
// rendezvous and a ProcessGroupGloo for the collectives (all-reduce, broadcast). Failures
// become DistributedFailure with a message that names the rank and host that stopped: every
// rank records its host in the store and beats a heartbeat there once a second, so when a
// collective fails (a peer's sockets closed, or nothing arrived within the timeout) the
// survivors can tell which rank went quiet. Torch callers only (cryoscape_ml).
#include "train/DistributedOptions.h"

#include <torch/csrc/distributed/c10d/Work.hpp>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace cryo {

// A process of the job stopped, hung, or could not be reached; every rank ends with it.
class DistributedFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ReplicaGroup {
public:
    // Connects to the store (serving it when options.hostStore), waits for every rank and
    // builds the Gloo group; throws DistributedFailure when the store cannot be reached or not
    // every rank arrives within the timeout.
    explicit ReplicaGroup(const DistributedOptions& options);
    ~ReplicaGroup();
    ReplicaGroup(const ReplicaGroup&) = delete;
    ReplicaGroup& operator=(const ReplicaGroup&) = delete;

    int rank() const;
    int size() const;
    std::string describe(int rank) const;   // "rank 1 (host, pid 123)"

    // Asynchronous sum of `tensor` (contiguous, CPU) over the ranks, in place; wait() it.
    c10::intrusive_ptr<c10d::Work> startSum(torch::Tensor tensor);
    void wait(const c10::intrusive_ptr<c10d::Work>& work);
    void sum(torch::Tensor tensor) { wait(startSum(std::move(tensor))); }
    void broadcastFromFirst(torch::Tensor tensor);

private:
    [[noreturn]] void fail(const std::string& what);

    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace cryo
