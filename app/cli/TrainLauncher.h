#pragma once
// `cryoscape train ... --processes N`: N ranks of one data-parallel job on this machine
// (docs/cluster.md). The launcher serves the rendezvous store on 127.0.0.1 at a free port,
// starts N copies of `cryoscape train` with RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT
// set, forwards their output and waits; when a rank ends badly it says which, and ends the
// ranks still running once they have had the collective timeout (plus a grace) to stop by
// themselves.
#include <QStringList>

namespace cli {

struct LocalLaunch {
    QStringList trainArguments;   // `cryoscape train`'s arguments without --processes
    int processes = 2;
    int threadsPerRank = 1;       // when the arguments give no --threads
    double timeoutSeconds = 120;  // DistributedOptions::timeoutSeconds
};

// Returns the exit code: 0 when every rank ended with 0, else 1.
int launchLocalRanks(const LocalLaunch& launch);

} // namespace cli
