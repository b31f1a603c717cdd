#pragma once
// Which process of a data-parallel training job this is, and where the job meets (issue #21;
// docs/cluster.md). Torch-free: the CLI fills it from its options or from the environment a
// launcher (SLURM's srun, torchrun, `cryoscape train --processes N`) sets.
#include <functional>
#include <optional>
#include <string>

namespace cryo {

struct DistributedOptions {
    int rank = 0, worldSize = 1;           // worldSize 1: one process, no c10d
    std::string storeHost = "127.0.0.1";   // the TCPStore every process meets at
    int storePort = 29500;
    bool hostStore = false;                // this process serves the store (rank 0, unless a launcher does)
    bool launcherServesStore = false;      // `cryoscape train --processes N` serves it
    // A collective or the rendezvous that waits longer than this ends the job on every rank,
    // naming the rank that stopped (a dead rank is noticed at once: its sockets close).
    double timeoutSeconds = 120;
    // Gradients summed bucket by bucket while backward still runs (as PyTorch's DDP does), or
    // all after backward (bench_distributed compares them).
    bool overlapBackward = true;
    double bucketMegabytes = 4;
    bool enabled() const { return worldSize > 1; }
};

// The job this process belongs to from the environment: torchrun-style RANK, WORLD_SIZE,
// MASTER_ADDR, MASTER_PORT, else SLURM's SLURM_PROCID, SLURM_NTASKS and the first host of
// SLURM_STEP_NODELIST (port MASTER_PORT, else 29500 + SLURM_JOB_ID mod 1000); rank 0 serves
// the store unless CRYOSCAPE_STORE_SERVED is set (a launcher serves it). nullopt when neither names more than one process. Throws UsageError for values that make no sense.
// `getenv` is std::getenv in the program (tests pass their own).
std::optional<DistributedOptions> distributedFromEnvironment(const std::function<const char*(const char*)>& getenv);

// The first host of a SLURM node list: "node[03-05,7],gpu1" → "node03".
std::string firstSlurmHost(const std::string& nodeList);

} // namespace cryo
