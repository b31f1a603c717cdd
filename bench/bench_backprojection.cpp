// bench_backprojection PARTICLES [--truth MAP] [--threads T] [--max-particles N]
//                      [--oversampling P] [--split even-odd|random] [--mask-radius Å]
//                      [--compare MAP ...]
// Speed, memory and accuracy of the Fourier backprojection (issue #19 targets: ≥ 1,000
// images/s at D = 64 on 2 cores; memory a few D³ volumes for 100k particles; against the
// truth at least as good as cryoDRGN's backproject_voxel on the same particles and poses).
// Prints the CPU and threads, images/s, peak RSS, the half-map resolutions and, with --truth,
// the FSC of the unfiltered map against the true map at 0.5 and 0.143 (and FSC-AUC); each
// --compare map (e.g. cryoDRGN's backproject.mrc) is scored against the truth the same way.
#include "io/MrcFile.h"
#include "reconstruct/BackprojectionTask.h"
#include "reconstruct/SolventMask.h"
#include "reconstruct/TruthScores.h"
#include "util/BlasEnvironment.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace {

double peakRssMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;   // Linux: kilobytes
}

// CPU seconds of this process: on a machine shared with other work the rate per CPU second
// says more than the wall-clock rate.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1e-6 * double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

void printAgainstTruth(const char* label, const cryo::Volume& map, const cryo::Volume& truth)
{
    const cryo::FscCurve curve = cryo::fourierShellCorrelation(map, truth);
    const cryo::FscResolution r05 = cryo::resolutionAt(curve, 0.5), r0143 = cryo::resolutionAt(curve, 0.143);
    std::printf("%-34s vs truth: FSC=0.5 at %6.2f Å%s  FSC=0.143 at %6.2f Å%s  AUC %.4f\n", label, r05.angstrom(),
                r05.reached ? "" : " (Nyquist)", r0143.angstrom(), r0143.reached ? "" : " (Nyquist)",
                cryo::fscAreaUnderCurve(curve));
}

int usage()
{
    std::fprintf(stderr, "usage: bench_backprojection PARTICLES [--truth MAP] [--threads T] [--max-particles N] "
                         "[--oversampling P] [--split even-odd|random] [--mask-radius Å (<0: none)] [--compare MAP ...]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
        return usage();
    cryo::BackprojectionRequest request;
    request.particles = argv[1];
    request.options.threads = 2;
    std::string truthPath;
    std::vector<std::string> compare;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string option = argv[i], value = argv[i + 1];
        if (option == "--truth")
            truthPath = value;
        else if (option == "--threads")
            request.options.threads = std::stoi(value);
        else if (option == "--max-particles")
            request.maxParticles = std::stoul(value);
        else if (option == "--oversampling")
            request.options.padding = std::stoi(value);
        else if (option == "--split")
            request.options.split = value == "random" ? cryo::HalfSplit::Random : cryo::HalfSplit::EvenOdd;
        else if (option == "--mask-radius")
            request.options.maskRadius = std::stod(value);
        else if (option == "--compare")
            compare.push_back(value);
        else
            return usage();
    }
    try {
        std::printf("CPU: %s, %u hardware threads; backprojection threads %d, oversampling %d (%s)\n",
                    cryo::cpuModelName().c_str(), std::thread::hardware_concurrency(), request.options.threads,
                    request.options.padding, cryo::describeBlasEnvironment().c_str());
        double cpuAtStart = 0;
        request.opened = [&cpuAtStart](std::size_t) { cpuAtStart = cpuSeconds(); };
        const cryo::BackprojectionResult result = cryo::runBackprojection(request);
        const double cpu = cpuSeconds() - cpuAtStart;
        std::printf("particles %zu  box %d  %.2f s  %.0f images/s (%.0f per CPU second)  peak RSS %.0f MB (one D³ "
                    "float map: %.1f MB)\n", result.particles, result.map.nx, result.seconds,
                    double(result.particles) / result.seconds, double(result.particles) / cpu, peakRssMegabytes(),
                    double(result.map.voxelCount()) * 4.0 / 1048576.0);
        std::printf("half maps (mask radius %.1f Å): FSC=0.143 at %.2f Å, FSC=0.5 at %.2f Å\n", result.maskRadius,
                    result.resolution0143.angstrom(), result.resolution05.angstrom());
        if (truthPath.empty())
            return 0;
        const cryo::Volume truth = cryo::readMrc(truthPath);
        printAgainstTruth("cryoscape (unfiltered)", result.map, truth);
        for (const std::string& path : compare) {
            cryo::Volume other = cryo::readMrc(path);
            printAgainstTruth(path.c_str(), other, truth);
            if (result.maskRadius > 0) {   // the same mask on both: the reconstruction alone compared
                cryo::applyMask(other, cryo::maskOfRadius(other.nx, other.voxelSize, result.maskRadius));
                printAgainstTruth("  the same, with cryoscape's mask", other, truth);
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
