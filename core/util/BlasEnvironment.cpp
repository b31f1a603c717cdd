#include "util/BlasEnvironment.h"

#include <alloca.h>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <dlfcn.h>
#include <unistd.h>

namespace cryo {

namespace {

// openblas_get_corename() when OpenBLAS is the loaded BLAS, else "".
std::string openBlasCore()
{
    using CoreName = char* (*)();
    auto* function = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    const char* name = function ? function() : nullptr;
    return name ? name : "";
}

} // namespace

void reexecWithFastBlasIfNeeded(char** argv)
{
    if (std::getenv("OPENBLAS_CORETYPE") || std::getenv("CRYOSCAPE_NO_BLAS_REEXEC"))
        return;
    const std::string core = openBlasCore();
    if (core.empty() || strcasecmp(core.c_str(), "prescott") != 0)
        return;
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx512f"))
        return;
    setenv("OPENBLAS_CORETYPE", "SkylakeX", 1);
    setenv("OMP_WAIT_POLICY", "passive", 0);
    setenv("CRYOSCAPE_NO_BLAS_REEXEC", "1", 1);   // never loop, whatever happens
    execv("/proc/self/exe", argv);
    // exec failed: carry on with the slow kernels.
}

void reexecWithPassiveOpenMpIfUnset(char** argv, char** env)
{
    // Before the C library's constructor: no getenv(), no malloc(); the stack and system calls.
    std::size_t count = 0;
    for (; env && env[count]; ++count)
        if (std::strncmp(env[count], "OMP_WAIT_POLICY=", 16) == 0 || std::strncmp(env[count], "GOMP_SPINCOUNT=", 15) == 0)
            return;
    auto** withPolicy = static_cast<char**>(alloca((count + 2) * sizeof(char*)));
    std::memcpy(withPolicy, env, count * sizeof(char*));
    static char policy[] = "OMP_WAIT_POLICY=passive";
    withPolicy[count] = policy;
    withPolicy[count + 1] = nullptr;
    execve("/proc/self/exe", argv, withPolicy);
    // exec failed: carry on with OpenMP's default.
}

std::string describeBlasEnvironment()
{
    const auto env = [](const char* name) {
        const char* value = std::getenv(name);
        return std::string(name) + "=" + (value ? value : "(unset)");
    };
    const std::string core = openBlasCore();
    return "BLAS " + (core.empty() ? std::string("not OpenBLAS") : "OpenBLAS core " + core) + ", " +
           env("OPENBLAS_CORETYPE") + ", " + env("OMP_WAIT_POLICY");
}

std::string cpuModelName()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
        if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos)
            return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

} // namespace cryo
