#pragma once
// OpenBLAS 0.3.21 (Debian 12) does not recognise recent Xeons (Sapphire Rapids) and falls
// back to its generic "Prescott" kernels: LibTorch's fp32 GEMMs run ~5× slower (36 instead
// of ~190 GFLOP/s measured here). OpenBLAS reads OPENBLAS_CORETYPE only when it is loaded,
// i.e. before main(), so the fix is to set it and re-execute the program once.
#include <string>

namespace cryo {

// If OpenBLAS is loaded, reports the Prescott fallback, the CPU has AVX-512 and the user has
// not set OPENBLAS_CORETYPE: sets OPENBLAS_CORETYPE=SkylakeX (and OMP_WAIT_POLICY=passive
// unless set, so idle OpenMP threads do not spin against the GUI) and re-executes
// /proc/self/exe with argv. Returns only when nothing had to be done (or exec failed).
void reexecWithFastBlasIfNeeded(char** argv);

// "OpenBLAS core SkylakeX, OPENBLAS_CORETYPE=SkylakeX, OMP_WAIT_POLICY=passive" — for
// benchmarks and logs.
std::string describeBlasEnvironment();

// The CPU's model name from /proc/cpuinfo ("AMD EPYC …"), "unknown CPU" without one: the
// benchmarks print it, since the machines change between runs.
std::string cpuModelName();

} // namespace cryo
