// bench_pose_search [--quick] [--fresh] [--d64] — speed (images/s) and accuracy of the pose search
// alone (issue #7) at D=64 and D=128 with the default grids (Hopf base r=2: 4608 rotations, 13×13
// shifts over ±6 px, K=8 kept, M=4 refinements, L 12 → min(48, D/2)), and with K=32, on a homogeneous
// decoder (256×3) pre-trained with the true poses on simulated data (SNR 0.1, CTF, one
// conformation). Accuracy: median angle between found and true rotation, median shift error.
// Reference: cryoDRGN2's abinit_homo pose search ≈ 1.3 images/s at D=64 on these 2-core CPUs.
// Data and runs are kept in $TMPDIR/cryoscape_bench_pose (reused unless --fresh).
#include "io/H5File.h"
#include "particles/ParticleDataset.h"
#include "pose/PoseSearch.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"
#include "train/TrainingImages.h"
#include "train/TrainingJob.h"
#include "util/BlasEnvironment.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <thread>

using namespace cryo;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct Setup {
    int D;
    int particles, epochs, searched;
};

fs::path prepareRun(const fs::path& root, const Setup& s)
{
    const fs::path data = root / ("data_D" + std::to_string(s.D));
    const fs::path run = root / ("run_D" + std::to_string(s.D));
    if (fs::exists(run / kRunFileName))
        return run;
    SimulationOptions o;
    o.outDir = data;
    o.particles = s.particles;
    o.box = s.D;
    o.pixelSize = 3.0 * 64 / s.D;
    o.snr = 0.1;
    o.seed = 7;
    o.hingeMin = o.hingeMax = 40;
    std::printf("  simulating %d particles, training %d epochs with the true poses...\n", s.particles, s.epochs);
    std::fflush(stdout);
    simulateDataset(o);
    TrainingOptions t;
    t.particles = data / "particles.star";
    t.outDir = run;
    t.config.model.zdim = 0;
    t.config.epochs = s.epochs;
    t.config.learningRate = 1e-3;
    trainModel(t, {}, {});
    return run;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

void benchmark(const fs::path& root, const Setup& s, PoseSearchOptions options)
{
    std::printf("D=%d, K=%d, base r=%d, L0=%d, shifts %d^2 over +-%.0f px:\n", s.D, options.kept,
                options.baseResolution, options.lMin, options.shiftPoints, options.shiftExtent);
    const fs::path run = prepareRun(root, s);
    const fs::path data = root / ("data_D" + std::to_string(s.D));
    auto search = PoseSearch::fromRun(run, options, 0);
    const ParticleDataset dataset = ParticleDataset::open(data / "particles.star");
    TrainingImagesOptions imageOptions;
    imageOptions.centreByShift = false;
    TrainingImages images(dataset, imageOptions);
    const H5File truth(data / "truth.h5", H5File::Mode::ReadOnly);
    const auto rotations = truth.read<double>("/particles/rotations");
    const auto shifts = truth.read<double>("/particles/shifts_px");

    const std::size_t batchSize = 16;
    std::vector<double> rotationErrors, shiftErrors;
    TrainingBatch batch;
    {
        // Once per pose-search pass (per epoch in ab initio training): the model's Hartley
        // volume and the base-grid slices. Timed apart from the per-image work.
        std::vector<std::size_t> first{0};
        images.fill(first, batch);
        search->resetTiming();
        const auto start = Clock::now();
        search->search(batch);
        const auto& t = search->timing();
        std::printf("  once per pass (model volume %.2f s, base slices %.2f s): %.2f s incl. 1 image\n", t.decoder,
                    t.slicing, std::chrono::duration<double>(Clock::now() - start).count());
    }
    search->resetTiming();
    const auto start = Clock::now();
    for (std::size_t first = 0; first < std::size_t(s.searched); first += batchSize) {
        std::vector<std::size_t> indices(std::min(batchSize, std::size_t(s.searched) - first));
        std::iota(indices.begin(), indices.end(), first);
        images.fill(indices, batch);
        const auto found = search->search(batch);
        for (std::size_t b = 0; b < found.size(); ++b) {
            const std::size_t i = indices[b];
            Mat3 R;
            for (int r = 0; r < 3; ++r)
                for (int c = 0; c < 3; ++c)
                    R(r, c) = rotations[9 * i + std::size_t(3 * r + c)];
            rotationErrors.push_back(rotationDistanceDeg(matrixFromRowMajor(found[b].rotation), R));
            shiftErrors.push_back(std::hypot(found[b].shiftX - shifts[2 * i], found[b].shiftY - shifts[2 * i + 1]));
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const auto& t = search->timing();
    const auto radii = search->stageRadii();
    std::printf("  %d images (batch %zu), L per stage:", s.searched, batchSize);
    for (int L : radii)
        std::printf(" %d", L);
    std::printf("\n  pose search: %.2f images/s (%.2f s)\n", s.searched / seconds, seconds);
    std::printf("  time: decoder %.2f s, slice interpolation %.2f s, shifted images %.2f s, scoring GEMMs %.2f s, "
                "top-K/children %.2f s, other %.2f s\n",
                t.decoder, t.slicing, t.shifts, t.scoring, t.selection, seconds - t.total());
    const auto within = std::count_if(rotationErrors.begin(), rotationErrors.end(), [](double e) { return e <= 5; });
    std::printf("  accuracy: median rotation error %.2f deg (%lld/%zu within 5 deg), median shift error %.2f px\n",
                median(rotationErrors), static_cast<long long>(within), rotationErrors.size(), median(shiftErrors));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    reexecWithFastBlasIfNeeded(argv);
    bool quick = false, fresh = false, only64 = false, custom = false;
    PoseSearchOptions base;
    for (int i = 1; i < argc; ++i) {
        quick |= std::strcmp(argv[i], "--quick") == 0;
        only64 |= std::strcmp(argv[i], "--d64") == 0;
        // --kept K --lmin L --lmax L --base R --shifts N --extent PX: one variant instead of K = 8 and 32
        const auto value = [&](const char* name, auto& out) {
            if (std::strcmp(argv[i], name) == 0 && i + 1 < argc) {
                out = decltype(out + 0)(std::atof(argv[++i]));
                custom = true;
            }
        };
        value("--kept", base.kept);
        value("--lmin", base.lMin);
        value("--base", base.baseResolution);
        value("--shifts", base.shiftPoints);
        value("--extent", base.shiftExtent);
        value("--lmax", base.lMax);
        fresh |= std::strcmp(argv[i], "--fresh") == 0;
    }
    std::printf("bench_pose_search: %u threads; %s\n", std::thread::hardware_concurrency(),
                describeBlasEnvironment().c_str());
    const fs::path root = fs::temp_directory_path() / "cryoscape_bench_pose";
    if (fresh)
        fs::remove_all(root);
    fs::create_directories(root);
    const Setup d64 = quick ? Setup{64, 400, 2, 32} : Setup{64, 2000, 6, 64};
    const Setup d128 = quick ? Setup{128, 200, 1, 16} : Setup{128, 600, 3, 32};
    for (int kept : {8, 32}) {
        PoseSearchOptions options = base;
        options.kept = custom ? base.kept : kept;
        benchmark(root, d64, options);
        if (!only64)
            benchmark(root, d128, options);
        if (custom)
            break;
    }
    return 0;
}
