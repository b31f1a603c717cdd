#pragma once
// The environment the BLAS and OpenMP libraries read when they load.
//
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

// OpenMP (libgomp, shared by LibTorch and OpenBLAS) lets a thread that waits for the others
// spin for 300,000 rounds before it sleeps. When another program shares the cores, the
// spinning threads burn the time the late thread needs: with one busy program in another
// session, 2-thread training fell to 17–18 % of its quiet speed on 2 cores; passive waiting
// kept 63–67 %, at the same quiet speed within noise (bench/bench_shared_machine).
// If neither OMP_WAIT_POLICY nor GOMP_SPINCOUNT is set, re-executes the program with
// OMP_WAIT_POLICY=passive added to `env`. libgomp reads its environment in its constructor,
// and the C library resets the environment in its own, so neither setenv() in main() nor in a
// .preinit_array function reaches it. Call this only from the executable's .preinit_array
// (app/main.cpp): it runs before every library constructor, so the first start costs only
// the loading of the libraries (~0.5 s here), not their initialisation (another ~0.5 s).
void reexecWithPassiveOpenMpIfUnset(char** argv, char** env);

// "OpenBLAS core SkylakeX, OPENBLAS_CORETYPE=SkylakeX, OMP_WAIT_POLICY=passive" — for
// benchmarks and logs.
std::string describeBlasEnvironment();
// "AMD EPYC" (/proc/cpuinfo's model name), for benchmarks: the CPU changes between machines.
std::string cpuModelName();

} // namespace cryo
