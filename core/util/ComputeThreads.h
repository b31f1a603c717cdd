#pragma once
// How many threads the desktop app trains with unless the user says otherwise: all cores but
// one. A desktop app trains while its user works; the spare core keeps the interface
// responsive and absorbs one other CPU-bound program, so no compute thread has to share a
// core (OpenMP splits each operation evenly and waits for its slowest thread).
// Measured with bench/bench_shared_machine (2 cores, D = 64, one busy-loop program in another
// session, two runs): 1 thread keeps 96–99 % of its quiet 23–25 images/s; 2 threads fell from
// 34 to 6 images/s (17–18 %), or kept 63–67 % of 30–37 with OMP_WAIT_POLICY=passive, which
// `cryoscape train` sets (util/BlasEnvironment.h). Headless commands default to all cores (the
// machine is usually theirs).
#include <algorithm>
#include <thread>

namespace cryo {

inline int threadsLeavingOneCoreFree()
{
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, cores - 1);
}

} // namespace cryo
