// bench_pose_search [--quick] [--fresh] [--d64] — speed (images/s) and accuracy of the pose search
// alone (issue #7) at D=64 and D=128 with the default grids (Hopf base r=2: 4608 rotations, 13×13
// shifts over ±6 px, K=8 kept, M=4 refinements, L 12 → min(48, D/2)), and with K=32, on a homogeneous
// decoder (256×3) pre-trained with the true poses on simulated data (SNR 0.1 over the whole
// image, CTF, one conformation). Accuracy: median angle between found and true rotation, median shift error.
// Reference: cryoDRGN2's abinit_homo pose search ≈ 1.3 images/s at D=64 on these 2-core CPUs.
// Data and runs are kept in $TMPDIR/cryoscape_bench_pose_atomsW (reused unless --fresh).
// Diagnosis: for the images found > 5° off, whether the true pose fits better (the grids lost
// it) or worse (the objective prefers the wrong pose). --kept0 K0 (rotations kept from the
// global search, default 32); --model-images SIGMA: search the model's own projections at the
// true poses plus white noise; --clean DIR: a noise-free simulation of the same particles
// (same seed), plus --model-images SIGMA noise if given; --truth-map: search against the
// simulator's map (consensus.mrc) instead of the trained decoder; --no-window: images without
// the soft circular window (a model trained with the window is then searched on unwindowed images);
// --images N: search N images instead of 64 (D=64) / 32 (D=128); --best-pose: report the best
// candidate instead of the posterior mean; --atom-sigma Å: simulate the complex with atoms of
// this width (default: the simulator's, 2.5 Å; the data and model of each width live in a folder
// of their own, $TMPDIR/cryoscape_bench_pose_atomsW).
#include "images/TrainingImages.h"
#include "images/TrainingLattice.h"
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "pose/PoseAccuracy.h"
#include "pose/PoseSearch.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"
#include "train/TrainingJob.h"
#include "util/BlasEnvironment.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <optional>
#include <random>
#include <thread>

using namespace cryo;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct Setup {
    int D;
    int particles, epochs, searched;
    std::optional<double> atomSigma;   // Å, the simulated complex's atom width (unset: the simulator's default)
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
    o.atomSigma = s.atomSigma;
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

// modelNoise ≥ 0: search the model's projections at the true poses plus noise of this std
// (normalised Hartley units) instead of the dataset's images.
// clean: a noise-free simulation of the same particles (same seed) to search instead; with
// modelNoise > 0, noise of that std is added to it.
struct Diagnosis {
    double modelNoise = -1;   // ≥ 0: the model's own projections plus noise of this std
    fs::path clean;           // a noise-free simulation of the same particles
    bool truthMap = false;    // search against the simulator's map
    bool window = true;       // the soft circular window on the images
};

void benchmark(const fs::path& root, const Setup& s, PoseSearchOptions options, const Diagnosis& diagnosis)
{
    const double modelNoise = diagnosis.modelNoise;
    const fs::path& clean = diagnosis.clean;
    std::mt19937 rng(5);
    std::printf("D=%d, K=%d (K0=%d), base r=%d, L0=%d, shifts %d^2 over +-%.0f px:\n", s.D, options.kept,
                options.keptBase, options.baseResolution, options.lMin, options.shiftPoints, options.shiftExtent);
    const fs::path run = prepareRun(root, s);
    const fs::path data = root / ("data_D" + std::to_string(s.D));
    const ParticleDataset dataset = ParticleDataset::open(data / "particles.star");
    TrainingImagesOptions imageOptions;
    imageOptions.centreByShift = false;
    imageOptions.preprocess.window = diagnosis.window;
    TrainingImages images(dataset, imageOptions);
    auto search = diagnosis.truthMap ? PoseSearch::fromMap(readMrc(data / "consensus.mrc"), images.norm().std, options, 0)
                                     : PoseSearch::fromRun(run, options, 0);
    std::unique_ptr<TrainingImages> cleanImages;
    std::optional<ParticleDataset> cleanDataset;
    TrainingBatch cleanBatch;
    if (!clean.empty()) {
        cleanDataset.emplace(ParticleDataset::open(clean / "particles.star"));
        cleanImages = std::make_unique<TrainingImages>(*cleanDataset, imageOptions);
    }
    const H5File truth(data / "truth.h5", H5File::Mode::ReadOnly);
    const auto rotations = truth.read<double>("/particles/rotations");
    const auto shifts = truth.read<double>("/particles/shifts_px");

    const std::size_t batchSize = 16;
    std::vector<double> rotationErrors, shiftErrors;
    // Diagnosis of the images found more than 5° off: does the true pose fit them better (the
    // grids lost it) or worse (the objective prefers the wrong pose)?
    int badLost = 0, badObjective = 0;
    std::vector<double> residuals;   // mean squared residual per pixel at the true pose
    std::vector<std::array<float, 9>> foundRotations;
    std::vector<std::array<float, 2>> foundShifts;
    std::vector<Mat3> trueRotations;
    std::vector<std::array<double, 2>> trueShifts;
    double searchSeconds = 0;
    double imageModelDot = 0, modelModelDot = 0;   // the images' scale against the model's projections
    // Per shell of |k|·D (4 lattice units wide): Σ y·p, Σ y², Σ p² of images y and the model's
    // projections p at the true poses: their correlation says where model and images agree.
    const TrainingLattice lattice = TrainingLattice::make(s.D);
    const std::size_t shells = std::size_t(s.D) / 8 + 1;
    std::vector<std::array<double, 3>> shellSums(shells, {0, 0, 0});
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
    for (std::size_t first = 0; first < std::size_t(s.searched); first += batchSize) {
        std::vector<std::size_t> indices(std::min(batchSize, std::size_t(s.searched) - first));
        std::iota(indices.begin(), indices.end(), first);
        images.fill(indices, batch);
        std::vector<PoseEstimate> truePoses(indices.size());
        for (std::size_t b = 0; b < indices.size(); ++b) {
            const std::size_t i = indices[b];
            for (std::size_t j = 0; j < 9; ++j)
                truePoses[b].rotation[j] = float(rotations[9 * i + j]);
            truePoses[b].shiftX = float(shifts[2 * i]);
            truePoses[b].shiftY = float(shifts[2 * i + 1]);
        }
        if (cleanImages) {   // the noise-free simulation, in the noisy images' normalisation
            cleanImages->fill(indices, cleanBatch);
            const auto scale = float(cleanImages->norm().std / images.norm().std);
            for (std::size_t v = 0; v < batch.target.size(); ++v)
                batch.target[v] = cleanBatch.target[v] * scale;
        } else if (modelNoise >= 0) {   // the model's own projections: the search without model error
            batch.target = search->projectModel(batch, truePoses);
        }
        if (modelNoise > 0) {
            std::normal_distribution<float> gauss(0.0f, float(modelNoise));
            for (float& v : batch.target)
                v += gauss(rng);
        }
        {
            const auto projections = search->projectModel(batch, truePoses);
            for (std::size_t v = 0; v < projections.size(); ++v) {
                imageModelDot += double(projections[v]) * batch.target[v];
                modelModelDot += double(projections[v]) * projections[v];
            }
            const std::size_t Ph = lattice.halfCount();
            for (std::size_t v = 0; v < projections.size(); ++v) {
                const std::size_t p = v % Ph;
                const double k = std::hypot(lattice.halfCoords[2 * p], lattice.halfCoords[2 * p + 1]) * s.D;
                auto& sums = shellSums[std::min(shells - 1, std::size_t(k / 4))];
                sums[0] += double(projections[v]) * batch.target[v];
                sums[1] += double(batch.target[v]) * batch.target[v];
                sums[2] += double(projections[v]) * projections[v];
            }
        }
        const auto searchStart = Clock::now();
        const auto found = search->search(batch);
        searchSeconds += std::chrono::duration<double>(Clock::now() - searchStart).count();
        const auto trueErrors = search->poseErrors(batch, truePoses);
        residuals.insert(residuals.end(), trueErrors.begin(), trueErrors.end());
        for (std::size_t b = 0; b < found.size(); ++b) {
            const std::size_t i = indices[b];
            const double e = rotationDistanceDeg(matrixFromRowMajor(found[b].rotation),
                                                 matrixFromRowMajor(truePoses[b].rotation));
            rotationErrors.push_back(e);
            shiftErrors.push_back(std::hypot(found[b].shiftX - shifts[2 * i], found[b].shiftY - shifts[2 * i + 1]));
            foundRotations.push_back(found[b].rotation);
            foundShifts.push_back({found[b].shiftX, found[b].shiftY});
            trueRotations.push_back(matrixFromRowMajor(truePoses[b].rotation));
            trueShifts.push_back({shifts[2 * i], shifts[2 * i + 1]});
            if (e > 5)
                ++(trueErrors[b] < found[b].error ? badLost : badObjective);
        }
    }
    const double seconds = searchSeconds;
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
    {
        std::vector<double> sorted = rotationErrors;
        std::sort(sorted.begin(), sorted.end());
        const auto q = [&](double f) { return sorted[std::min(sorted.size() - 1, std::size_t(f * double(sorted.size())))]; };
        std::printf("  rotation error quantiles 10/25/50/75/90%%: %.1f %.1f %.1f %.1f %.1f deg\n", q(0.1), q(0.25), q(0.5),
                    q(0.75), q(0.9));
    }
    const PoseAccuracy aligned = comparePoses(foundRotations, foundShifts, trueRotations, trueShifts);
    std::printf("  after the best global alignment: median %.2f deg (alignment a rotation by %.2f deg%s)\n",
                aligned.medianRotationDeg, rotationDistanceDeg(aligned.alignment, Mat3::Identity()),
                aligned.mirrored ? ", mirrored" : "");
    std::printf("  median squared residual per pixel at the true pose (final L): %.3f\n", median(residuals));
    std::printf("  images / model projections at the true poses (least-squares scale): %.3f\n",
                imageModelDot / modelModelDot);
    std::printf("  correlation of images and model projections per shell of |k|D (4 wide):");
    for (const auto& [yp, yy, pp] : shellSums)
        std::printf(" %.3f", yp / std::sqrt(std::max(1e-30, yy * pp)));
    std::printf("\n  model projection power per shell:");
    for (const auto& sums : shellSums)
        std::printf(" %.3g", sums[2]);
    std::printf("\n");
    std::printf("  of the %d images more than 5 deg off, the true pose fits %d better (lost by the search), "
                "%d worse (the objective prefers the found pose)\n",
                badLost + badObjective, badLost, badObjective);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    reexecWithFastBlasIfNeeded(argv);
    bool quick = false, fresh = false, only64 = false, custom = false;
    Diagnosis diagnosis;
    int searchedImages = 0;   // --images N: how many images to search (default 64 at D=64, 32 at D=128)
    std::optional<double> atomSigma;
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
        value("--kept0", base.keptBase);
        value("--lmin", base.lMin);
        value("--base", base.baseResolution);
        value("--shifts", base.shiftPoints);
        value("--extent", base.shiftExtent);
        value("--lmax", base.lMax);
        if (std::strcmp(argv[i], "--images") == 0 && i + 1 < argc)
            searchedImages = std::atoi(argv[++i]);
        if (std::strcmp(argv[i], "--atom-sigma") == 0 && i + 1 < argc)
            atomSigma = std::atof(argv[++i]);
        if (std::strcmp(argv[i], "--clean") == 0 && i + 1 < argc)
            diagnosis.clean = argv[++i];
        if (std::strcmp(argv[i], "--model-images") == 0 && i + 1 < argc)
            diagnosis.modelNoise = std::atof(argv[++i]);
        diagnosis.truthMap |= std::strcmp(argv[i], "--truth-map") == 0;
        diagnosis.window &= std::strcmp(argv[i], "--no-window") != 0;
        fresh |= std::strcmp(argv[i], "--fresh") == 0;
        if (std::strcmp(argv[i], "--best-pose") == 0)   // the best candidate, not the posterior mean
            base.posteriorMean = false;
    }
    std::printf("bench_pose_search: %u threads; %s\n", std::thread::hardware_concurrency(),
                describeBlasEnvironment().c_str());
    // Data of each atom width in a folder of its own (the width at D = 64, 3 Å/px).
    char widthName[32];
    std::snprintf(widthName, sizeof widthName, "_atoms%g", atomSigma.value_or(defaultAtomSigma(3.0)));
    const fs::path root = fs::temp_directory_path() / ("cryoscape_bench_pose" + std::string(widthName));
    if (fresh)
        fs::remove_all(root);
    fs::create_directories(root);
    Setup d64 = quick ? Setup{64, 400, 2, 32, {}} : Setup{64, 2000, 6, 64, {}};
    Setup d128 = quick ? Setup{128, 200, 1, 16, {}} : Setup{128, 2000, 6, 32, {}};
    d64.atomSigma = d128.atomSigma = atomSigma;
    if (searchedImages > 0) {
        d64.searched = std::min(searchedImages, d64.particles);
        d128.searched = std::min(searchedImages, d128.particles);
    }
    for (int kept : {8, 32}) {
        PoseSearchOptions options = base;
        options.kept = custom ? base.kept : kept;
        benchmark(root, d64, options, diagnosis);
        if (!only64)
            benchmark(root, d128, options, diagnosis);
        if (custom)
            break;
    }
    return 0;
}
