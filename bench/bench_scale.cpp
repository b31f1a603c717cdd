// A million particles (issue #22): builds its synthetic cases itself and prints every figure
// with the machine's CPU, thread count, load and BLAS settings.
//   knn       all 15 nearest neighbours of 1,000,000 × 8 latents, (1 + ε)-approximate (ε = 1)
//             and, with --exact, exact; recall against exact neighbours of 2,000 rows. Two
//             cases: rows near a 2-D manifold (the two-hinges truth + noise) and isotropic
//             Gaussian rows (the hard case for a kd-tree). --hnswlib: the same graphs by
//             hnswlib too (when its headers are installed), the comparison that chose the kd-tree.
//   umap      UMAP of 1,000,000 × 8 (two-hinges truth + noise; --umap-kind discrete for the
//             3 states, which also prints how pure each point's 15 neighbours are);
//             trustworthiness (k = 15) on a 2,000-point sample. Target: ≤ 5 min, ≥ 0.95.
//   kmeans    PCA and k-means (K = 20) of 1,000,000 × 8: 20 Gaussian blobs, and isotropic
//             Gaussian rows (no clusters: ~200 Lloyd iterations). Target: ≤ 10 s.
//   density   the density grid and per-point densities of 1,000,000 2-D points.
//   simulate  `cryoscape simulate --particles N --box D` (default 100,000 × 64²): time and
//             the process's peak memory; the output is removed afterwards unless --sim-out
//             names the folder (1,000,000 × 64² needs 16.4 GB of free disk).
//   train     one epoch of `cryoscape train` on the same data held in memory and read lazily
//             (limit: half of the images), images/s and peak memory of each; the data are
//             --train-data FILE or --train-particles N (default 50,000) × 64² simulated first.
//             --train-large FILE instead: training from that stack (e.g. the 1M one) read lazily
//             with --train-memory GB (default 2) against its first --train-particles in memory,
//             --train-images N (800) images each, --train-rounds R (3) times interleaved (N = 0:
//             one whole epoch of each, the large stack first); and
//             the loader alone (no model) reading --train-loader-images N (200,000) of it from
//             disk (the stack's pages dropped from the page cache first). --train-args "…":
//             more `cryoscape train` options (e.g. a smaller model).
//   open      bench_cryodrgn_open --particles N --analyze (under xvfb-run without a DISPLAY):
//             a cryoDRGN run and one of our own opening in the window, each open in a process
//             of its own: the time until both panels show points, the longest event-loop stall
//             and the app's resident memory; --open-work DIR keeps the synthetic runs there for
//             the next call (bench_cryodrgn_open --work).
// Usage: bench_scale [SECTION...] [--only SECTION,SECTION] [--n N] [--exact] [--hnswlib]
//                    [--umap-kind two-hinges|discrete] [--sim-particles N] [--sim-box D]
//                    [--sim-out DIR] [--train-data FILE] [--train-particles N]
//                    [--train-large FILE] [--train-memory GB] [--train-images N]
//                    [--train-rounds R] [--train-loader-images N] [--train-args "…"]
//                    [--open-work DIR]
// Without sections it runs them all (e.g. `--only umap,kmeans,open` for the quick figures).
// Wall times include waiting for a core on a shared machine; CPU times (all threads) do not.
#include "analysis/DensityGrid.h"
#include "analysis/KMeans.h"
#include "analysis/LatentPca.h"
#include "analysis/NearestNeighbors.h"
#include "analysis/ParallelChunks.h"
#include "analysis/Trustworthiness.h"
#include "analysis/Umap.h"
#include "ScaleChild.h"
#include "ScaleTraining.h"
#include "support/SyntheticLatents.h"
#include "util/BlasEnvironment.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#if __has_include(<hnswlib/hnswlib.h>)   // Debian libhnswlib-dev: only for the comparison
#include <hnswlib/hnswlib.h>
#define BENCH_SCALE_HNSWLIB 1
#endif

#include <unistd.h>

namespace {

struct Settings {
    std::set<std::string> sections;
    std::size_t n = 1000000;
    bool exact = false;
    bool hnswlib = false;
    std::string umapKind = "two-hinges";
    int simParticles = 100000, simBox = 64;
    std::string simOut;
    std::string openWork;   // bench_cryodrgn_open --work
    scalebench::TrainingBenchSettings training;
};

// Wall and process CPU seconds (all threads) since construction.
class Stopwatch {
public:
    Stopwatch() : m_wall(std::chrono::steady_clock::now()), m_cpu(cpuNow()) {}
    double wall() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wall).count(); }
    double cpu() const { return cpuNow() - m_cpu; }
    std::string text() const
    {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%7.2f s (CPU %7.2f s)", wall(), cpu());
        return buffer;
    }

private:
    static double cpuNow()
    {
        timespec t{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
    }
    std::chrono::steady_clock::time_point m_wall;
    double m_cpu;
};

// Recall of `graph` against the exact neighbours of 2,000 random rows (found by the exact
// single-point search).
double sampledRecall(const cryo::NearestNeighbors& index, const std::vector<float>& rows, const cryo::NeighborGraph& graph)
{
    std::mt19937_64 rng(7);
    const int k = graph.k;
    std::size_t found = 0, total = 0;
    for (int sample = 0; sample < 2000; ++sample) {
        const std::size_t i = rng() % graph.count;
        const auto row = graph.indices.begin() + std::ptrdiff_t(i * k);
        int compared = 0;
        for (const auto& [j, distance] : index.nearest(rows.data() + i * index.dim(), k + 1)) {
            if (j == std::int64_t(i) || compared == k)
                continue;
            ++compared;
            found += std::find(row, row + k, std::int32_t(j)) != row + k;
        }
        total += std::size_t(compared);
    }
    return double(found) / double(total);
}

#ifdef BENCH_SCALE_HNSWLIB
// The same all-neighbour graph by hnswlib (M 16, ef_construction 100, the rows inserted and
// queried on 2 threads), at a few search widths ef: the measurement behind choosing the kd-tree.
void benchHnswlib(const testlatents::Latents& data, const cryo::NearestNeighbors& exact)
{
    constexpr std::size_t kRowsPerChunk = 4096;
    const std::size_t chunks = (data.count + kRowsPerChunk - 1) / kRowsPerChunk;
    const auto eachRow = [&](auto&& rowWork) {
        cryo::parallelChunks(chunks, 2, {}, [&](std::size_t chunk) {
            for (std::size_t i = chunk * kRowsPerChunk; i < std::min(data.count, (chunk + 1) * kRowsPerChunk); ++i)
                rowWork(i);
        });
    };
    hnswlib::L2Space space(8);
    Stopwatch build;
    hnswlib::HierarchicalNSW<float> index(&space, data.count, 16, 100, 100);
    eachRow([&](std::size_t i) { index.addPoint(data.z.data() + i * 8, i); });
    std::printf("  hnswlib build (M 16, ef_c 100)  %s\n", build.text().c_str());
    for (int ef : {20, 40, 80}) {
        index.setEf(std::size_t(ef));
        cryo::NeighborGraph graph;
        graph.count = data.count;
        graph.k = 14;
        graph.indices.resize(data.count * 14);
        Stopwatch search;
        eachRow([&](std::size_t i) {
            auto found = index.searchKnn(data.z.data() + i * 8, 15);   // farthest on top
            std::vector<std::int32_t> nearestFirst;
            for (; !found.empty(); found.pop())
                if (found.top().second != i)
                    nearestFirst.insert(nearestFirst.begin(), std::int32_t(found.top().second));
            nearestFirst.resize(14, -1);
            std::copy(nearestFirst.begin(), nearestFirst.end(), graph.indices.begin() + std::ptrdiff_t(i * 14));
        });
        const std::string time = search.text();
        std::printf("  hnswlib all neighbours, ef %2d   %s   recall %.4f\n", ef, time.c_str(),
                    sampledRecall(exact, data.z, graph));
    }
}
#endif

void benchNeighbors(const Settings& s)
{
    const testlatents::Latents manifold = testlatents::fromTruth(cryo::MotionKind::TwoHinges, int(s.n), 8, 3.0, 0.05, 1);
    const testlatents::Latents gaussian = testlatents::blobs(int(s.n), 1, 8, 0.0, 1.0, 3);
    for (const auto* data : {&manifold, &gaussian}) {
        std::printf("kNN of %zu x 8 (%s), k = 14 other rows (UMAP's n_neighbors 15), 2 threads\n", s.n,
                    data == &manifold ? "two-hinges truth + noise" : "isotropic Gaussian");
        Stopwatch build;
        const cryo::NearestNeighbors index(data->z.data(), data->count, 8);
        std::printf("  kd-tree build                   %s\n", build.text().c_str());
        for (double epsilon : s.exact ? std::vector<double>{1.0, 0.0} : std::vector<double>{1.0}) {
            Stopwatch search;
            const cryo::NeighborGraph graph = index.allNeighbors(14, {epsilon, 2});
            const std::string time = search.text();
            std::printf("  all neighbours, epsilon %.1f     %s   recall %.4f (2,000 rows; target >= 0.95)\n", epsilon,
                        time.c_str(), sampledRecall(index, data->z, graph));
        }
#ifdef BENCH_SCALE_HNSWLIB
        if (s.hnswlib)
            benchHnswlib(*data, index);
#endif
    }
}

// Fraction of each point's 15 nearest neighbours (in `dim`-D rows) that share its state.
double neighbourPurity(const std::vector<float>& rows, int dim, const std::vector<std::int32_t>& state)
{
    const cryo::NeighborGraph g = cryo::NearestNeighbors(rows.data(), state.size(), dim).allNeighbors(15);
    std::size_t same = 0;
    for (std::size_t i = 0; i < state.size(); ++i)
        for (int m = 0; m < 15; ++m)
            same += state[g.indices[i * 15 + m]] == state[i];
    return double(same) / double(state.size() * 15);
}

// Returns the embedding (for the density section).
std::vector<float> benchUmap(const Settings& s)
{
    const bool discrete = s.umapKind == "discrete";
    const testlatents::Latents data =
        discrete ? testlatents::fromTruth(cryo::MotionKind::Discrete, int(s.n), 8, 4.0, 0.5, 1)
                 : testlatents::fromTruth(cryo::MotionKind::TwoHinges, int(s.n), 8, 3.0, 0.05, 1);
    cryo::UmapOptions options;   // the defaults of the app and of `cryoscape embed`
    options.seed = 1;
    std::printf("UMAP of %zu x 8 (%s truth + noise), n_neighbors 15, min_dist 0.1, kNN epsilon %.1f, %d threads\n",
                s.n, s.umapKind.c_str(), options.neighborEpsilon, options.threads);
    Stopwatch total, knn;
    const cryo::NearestNeighbors index(data.z.data(), data.count, 8);
    const cryo::NeighborGraph graph =
        index.allNeighbors(options.neighbors - 1, {options.neighborEpsilon, options.threads});
    std::printf("  kNN (kd-tree)                   %s\n", knn.text().c_str());
    Stopwatch layout;
    const cryo::UmapResult r = cryo::Umap(options).fit(data.z.data(), data.count, 8, graph);
    std::printf("  fuzzy graph + initialisation    %7.2f s\n", r.graphSeconds);
    std::printf("  layout (%d epochs, %zu edges)  %7.2f s\n", r.epochs, r.edges, r.layoutSeconds - r.graphSeconds);
    std::printf("  graph + layout                  %s\n", layout.text().c_str());
    std::printf("  total                           %s   (target <= 300 s)\n", total.text().c_str());
    cryo::TrustworthinessOptions t;
    t.maxPoints = 2000;
    std::printf("  trustworthiness(15), 2,000-point sample: %.4f (target >= 0.95)\n",
                cryo::trustworthiness(data.z.data(), 8, r.embedding.data(), 2, data.count, t));
    if (discrete)   // the 8-D value is the best possible: a few noisy points lie nearer another state
        std::printf("  15-NN state purity: 2D embedding %.5f, 8-D latents %.5f\n",
                    neighbourPurity(r.embedding, 2, data.state), neighbourPurity(data.z, 8, data.state));
    return r.embedding;
}

void benchKMeans(const Settings& s)
{
    const testlatents::Latents blobs = testlatents::blobs(int(s.n), 20, 8, 3.0, 1.0, 2);
    const testlatents::Latents gaussian = testlatents::blobs(int(s.n), 1, 8, 0.0, 1.0, 3);
    std::printf("PCA of %zu x 8 (20 Gaussian blobs), 2 threads\n", s.n);
    Stopwatch pcaTime;
    const cryo::LatentPca pca = cryo::LatentPca::fit(blobs.z.data(), blobs.count, 8);
    const std::vector<float> projected = pca.project(blobs.z.data(), blobs.count);
    std::printf("  PCA fit + project               %s\n", pcaTime.text().c_str());
    for (const auto* data : {&blobs, &gaussian}) {
        std::printf("k-means K = 20 of %zu x 8 (%s), 1 restart (the app's), 2 threads\n", s.n,
                    data == &blobs ? "20 Gaussian blobs" : "isotropic Gaussian: no clusters, many iterations");
        cryo::KMeansOptions options;
        options.clusters = 20;
        options.seed = 1;
        Stopwatch time;
        const cryo::KMeansResult km = cryo::KMeans(options).fit(data->z.data(), data->count, 8);
        std::printf("  total                           %s   (target <= 10 s)\n", time.text().c_str());
        std::printf("  seeding %.2f s, %d Lloyd iterations %.2f s, inertia %.6g\n", km.seedingSeconds, km.iterations,
                    km.iterationSeconds, km.inertia);
    }
}

void benchDensity(const std::vector<float>& xy)
{
    const std::size_t n = xy.size() / 2;
    std::printf("Density of %zu 2-D points, 256 x 256 grid\n", n);
    Stopwatch grid;
    const cryo::DensityGrid density = cryo::DensityGrid::estimate(xy.data(), n);
    std::printf("  grid                            %s\n", grid.text().c_str());
    Stopwatch points;
    const std::vector<float> values = density.pointDensities(xy.data(), n);
    std::printf("  per-point densities             %s\n", points.text().c_str());
}

// 2-D points when the UMAP section did not run: the first two PCs of 20 blobs in 8-D.
std::vector<float> densityPoints(std::size_t n)
{
    const testlatents::Latents data = testlatents::blobs(int(n), 20, 8, 3.0, 1.0, 2);
    return cryo::LatentPca::fit(data.z.data(), data.count, 8, 2).project(data.z.data(), data.count);
}

// `cryoscape simulate` as a child process: its wall time and peak resident memory (the
// child's ru_maxrss), then its output folder removed unless --sim-out named one.
void benchSimulation(const Settings& s)
{
    namespace fs = std::filesystem;
    const fs::path out = s.simOut.empty() ? fs::temp_directory_path() / ("bench_scale_sim_" + std::to_string(getpid()))
                                          : fs::path(s.simOut);
    const double stackGb = double(s.simParticles) * s.simBox * s.simBox * sizeof(float) / 1e9;
    const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    fs::create_directories(parent);
    const double freeGb = double(fs::space(parent).available) / 1e9;
    std::printf("cryoscape simulate --particles %d --box %d (stack %.1f GB; %.1f GB free) into %s\n", s.simParticles,
                s.simBox, stackGb, freeGb, out.c_str());
    if (stackGb * 1.05 + 0.5 > freeGb) {
        std::printf("  skipped: not enough free disk\n");
        return;
    }
    const scalebench::ChildRun run = scalebench::runCryoscape({"simulate", "--out", out.string(), "--particles",
                                                               std::to_string(s.simParticles), "--box",
                                                               std::to_string(s.simBox)});
    if (!run.succeeded)
        std::printf("  FAILED:\n%s\n", run.output.c_str());
    std::printf("  %7.1f s (CPU %7.1f s), %.0f images/s, %.0f MB/s; peak resident memory %.0f MB\n", run.wallSeconds,
                run.cpuSeconds, s.simParticles / run.wallSeconds, stackGb * 1e3 / run.wallSeconds, run.peakResidentMb);
    scalebench::removeUnlessKept(out, !s.simOut.empty());
}

// "CPU, N hardware threads, load average 1 5 15; BLAS …": the CPU changes between machines, and
// on a shared machine the load says how much of it the figures had.
void printMachine()
{
    std::ifstream loadavg("/proc/loadavg");
    std::string one = "?", five = "?", fifteen = "?";
    loadavg >> one >> five >> fifteen;
    std::printf("%s, %u hardware threads, load average %s %s %s; %s\n", cryo::cpuModelName().c_str(),
                std::thread::hardware_concurrency(), one.c_str(), five.c_str(), fifteen.c_str(),
                cryo::describeBlasEnvironment().c_str());
    std::fflush(stdout);
}

const std::set<std::string> kSections{"knn", "umap", "kmeans", "density", "simulate", "train", "open"};

// The window opening 1M-particle runs: bench_cryodrgn_open (it needs Qt, VTK and a display),
// its output passed on. One process writes the runs, then each open runs in a process of its
// own, so that the resident memory printed is the app's for that one run.
void benchOpen(const Settings& s)
{
    namespace fs = std::filesystem;
    const std::string open = scalebench::programBeside("bench_cryodrgn_open", CRYOSCAPE_BIN_DIR "/bench_cryodrgn_open");
    std::string work = s.openWork;
    if (work.empty()) {
        std::string pattern = (fs::temp_directory_path() / "bench_scale_open_XXXXXX").string();
        work = mkdtemp(pattern.data()) ? pattern : std::string();
    }
    std::printf("Opening runs of %zu particles in the window (%s), each open in a process of its own\n", s.n, open.c_str());
    for (const char* step : {"write", "first", "again", "own"}) {
        std::vector<std::string> arguments{"--particles", std::to_string(s.n), "--analyze", "--work", work, "--case", step};
        std::string program = open;
        if (!std::getenv("DISPLAY")) {
            arguments.insert(arguments.begin(), {"-a", "-s", "-screen 0 1600x1000x24", open});
            program = "/usr/bin/xvfb-run";
        }
        const scalebench::ChildRun run = scalebench::runProgram(program, arguments);
        std::istringstream lines(run.output);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind("QStandardPaths", 0) != 0 && (std::strcmp(step, "write") == 0 || line.find("hardware threads") == std::string::npos))
                std::printf("  %s\n", line.c_str());   // Xvfb's runtime-directory warning and repeated machine lines left out
        if (!run.succeeded) {
            std::printf("  FAILED (%s)\n", step);
            break;
        }
    }
    if (s.openWork.empty() && !work.empty())
        fs::remove_all(work);
}

bool wanted(const Settings& s, const std::string& section) { return s.sections.empty() || s.sections.count(section); }

Settings parse(int argc, char** argv)
{
    Settings s;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        std::string section;
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "bench_scale: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--n")
            s.n = std::stoul(next());
        else if (a == "--exact")
            s.exact = true;
        else if (a == "--hnswlib")
            s.hnswlib = true;
        else if (a == "--umap-kind")
            s.umapKind = next();
        else if (a == "--sim-particles")
            s.simParticles = std::stoi(next());
        else if (a == "--sim-box")
            s.simBox = std::stoi(next());
        else if (a == "--sim-out")
            s.simOut = next();
        else if (a == "--open-work")
            s.openWork = next();
        else if (a == "--train-data")
            s.training.data = next();
        else if (a == "--train-particles")
            s.training.particles = std::stoi(next());
        else if (a == "--train-large")
            s.training.large = next();
        else if (a == "--train-memory")
            s.training.largeMemoryGb = std::stod(next());
        else if (a == "--train-images")
            s.training.stepImages = std::stoll(next());
        else if (a == "--train-rounds")
            s.training.rounds = std::max(1, std::stoi(next()));
        else if (a == "--train-loader-images")
            s.training.largeLoaderImages = std::stoul(next());
        else if (a == "--train-args")
            s.training.extraArguments = next();
        else if (kSections.count(a))
            s.sections.insert(a);
        else if (a == "--only")
            for (std::stringstream list(next()); std::getline(list, section, ',');) {
                if (!kSections.count(section)) {
                    std::fprintf(stderr, "bench_scale: --only: no section %s\n", section.c_str());
                    std::exit(2);
                }
                s.sections.insert(section);
            }
        else {
            std::fprintf(stderr, "bench_scale: unknown argument %s (see the comment at the top of bench_scale.cpp)\n",
                         a.c_str());
            std::exit(2);
        }
    }
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    const Settings s = parse(argc, argv);
    printMachine();
    if (wanted(s, "knn"))
        benchNeighbors(s);
    std::vector<float> embedding;
    if (wanted(s, "umap"))
        embedding = benchUmap(s);
    if (wanted(s, "kmeans"))
        benchKMeans(s);
    if (wanted(s, "density"))
        benchDensity(embedding.empty() ? densityPoints(s.n) : embedding);
    if (wanted(s, "simulate"))
        benchSimulation(s);
    if (wanted(s, "train"))
        scalebench::benchTraining(s.training);
    if (wanted(s, "open"))
        benchOpen(s);
    printMachine();   // the load again, at the end
    return 0;
}
