// Opening a large cryoDRGN run in the window (issue #18 target: the latent panels show within
// 3 s for 1,000,000 particles, zdim 8). Builds a cryoDRGN output directory itself — config and
// weights of the shared het fixture, z.10.pkl of N × zdim latents (two pickles, as train_vae
// writes them), and with --analyze the analyze.10/ results cryoDRGN ≥ 3.5 makes by default
// (umap.pkl, kmeans20/) — then times, in the real window: the first open (import into
// cryoscape/epoch_10/, tables, panels painted) and a second open (the import reused).
// Run under a display: xvfb-run -a bench_cryodrgn_open [--particles N] [--zdim D] [--analyze]
#include "ExplorerPanel.h"
#include "LatentScatterView.h"
#include "MainWindow.h"
#include "ScatterPanel.h"
#include "VtkView.h"
#include "cryodrgn/CryodrgnImport.h"
#include "formats/AtomicFile.h"
#include "formats/PickleFile.h"
#include "util/BlasEnvironment.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSurfaceFormat>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = CRYOSCAPE_FIXTURES_DIR;

int intArg(int argc, char** argv, const char* name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return std::atoi(argv[i + 1]);
    return fallback;
}

std::string pickled(const std::vector<float>& values, std::int64_t rows, std::int64_t columns, const char* dtype = "<f4")
{
    cryo::PickledArray a;
    cryo::parseNpyDtype(dtype, a.dtype);
    a.shape = {rows, columns};
    a.bytes.assign(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
    return cryo::pickledArray(a);
}

// Latents in 20 Gaussian clusters, and what `cryodrgn analyze` would have stored for them.
void makeRun(const fs::path& dir, std::size_t n, int zdim, bool analyze)
{
    fs::create_directories(dir / "analyze.10" / "kmeans20");
    fs::copy_file(kFixtures / "het_config.yaml", dir / "config.yaml", fs::copy_options::overwrite_existing);
    fs::copy_file(kFixtures / "het_weights.pkl", dir / "weights.10.pkl", fs::copy_options::overwrite_existing);
    std::mt19937 rng(1);
    std::normal_distribution<float> normal;
    std::vector<float> centres(20 * std::size_t(zdim));
    for (float& c : centres)
        c = 3 * normal(rng);
    std::vector<float> mu(n * std::size_t(zdim)), logvar(mu.size(), -2.0f), umap(2 * n);
    std::vector<std::int64_t> labels(n);
    for (std::size_t i = 0; i < n; ++i) {
        labels[i] = std::int64_t(rng() % 20);
        for (int d = 0; d < zdim; ++d)
            mu[i * std::size_t(zdim) + std::size_t(d)] = centres[std::size_t(labels[i]) * std::size_t(zdim) + std::size_t(d)] + normal(rng);
        umap[2 * i] = 4 * mu[i * std::size_t(zdim)];
        umap[2 * i + 1] = 4 * mu[i * std::size_t(zdim) + 1];
    }
    std::ofstream(dir / "z.10.pkl", std::ios::binary) << pickled(mu, std::int64_t(n), zdim) << pickled(logvar, std::int64_t(n), zdim);
    if (!analyze)
        return;
    std::ofstream(dir / "analyze.10" / "umap.pkl", std::ios::binary) << pickled(umap, std::int64_t(n), 2);
    std::ofstream(dir / "analyze.10" / "kmeans20" / "labels.pkl", std::ios::binary) << cryo::pickledIndexArray(labels);
    std::ofstream centresText(dir / "analyze.10" / "kmeans20" / "centers.txt"), rows(dir / "analyze.10" / "kmeans20" / "centers_ind.txt");
    for (int k = 0; k < 20; ++k) {
        const auto first = std::size_t(std::find(labels.begin(), labels.end(), k) - labels.begin());
        for (int d = 0; d < zdim; ++d)
            centresText << mu[first * std::size_t(zdim) + std::size_t(d)] << (d + 1 < zdim ? " " : "\n");
        rows << first << "\n";
    }
}

double residentMb()
{
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024;
    return 0;
}

// Opens the run in a new window; seconds until openFile returned and until both panels painted.
std::pair<double, double> timeOpen(const QString& run)
{
    MainWindow window;
    window.setInteractive(false);
    window.resize(1500, 950);
    window.show();
    QCoreApplication::processEvents();
    QElapsedTimer clock;
    clock.start();
    if (!window.openFile(run) || !window.explorer())
        return {-1, -1};
    const double opened = double(clock.nsecsElapsed()) / 1e9;
    ExplorerPanel* explorer = window.explorer();
    while (explorer->panel(0)->view()->lastRasterMs() <= 0 || explorer->panel(1)->view()->lastRasterMs() <= 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double painted = double(clock.nsecsElapsed()) / 1e9;
    std::printf("  %zu points per panel; resident memory %.0f MB; title \"%s\"\n", explorer->panel(0)->view()->pointCount(),
                residentMb(), qPrintable(window.windowTitle()));
    return {opened, painted};
}

} // namespace

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName("bench_cryodrgn_open");
    const std::size_t n = std::size_t(intArg(argc, argv, "--particles", 1000000));
    const int zdim = intArg(argc, argv, "--zdim", 8);
    bool analyze = false;
    for (int i = 1; i < argc; ++i)
        analyze = analyze || std::strcmp(argv[i], "--analyze") == 0;
    QTemporaryDir tmp;
    const fs::path run = fs::path(tmp.path().toStdString()) / "cryodrgn_run";
    std::printf("%s, %u hardware threads; %s\n", cryo::cpuModelName().c_str(), std::thread::hardware_concurrency(),
                cryo::describeBlasEnvironment().c_str());
    std::printf("writing a cryoDRGN run of %zu particles, zdim %d%s...\n", n, zdim,
                analyze ? ", with analyze.10/ (umap.pkl, kmeans20/)" : ", without cryodrgn analyze results");
    makeRun(run, n, zdim, analyze);
    std::printf("z.10.pkl: %.0f MB\n", double(fs::file_size(run / "z.10.pkl")) / 1e6);
    QElapsedTimer importClock;
    importClock.start();
    cryo::importCryodrgnRun(run);
    std::printf("the import alone (z.pkl, PCA%s → run.h5): %.2f s\n", analyze ? ", umap.pkl, kmeans20" : "",
                double(importClock.nsecsElapsed()) / 1e9);
    fs::remove_all(run / "cryoscape");
    const auto [firstOpened, firstPainted] = timeOpen(QString::fromStdString(run.string()));
    std::printf("first open (import + tables + window): openFile %.2f s, both panels painted after %.2f s\n", firstOpened,
                firstPainted);
    const auto [againOpened, againPainted] = timeOpen(QString::fromStdString(run.string()));
    std::printf("second open (import reused): openFile %.2f s, both panels painted after %.2f s\n", againOpened, againPainted);
    std::printf("target: panels within 3 s -> first %s, second %s\n", firstPainted <= 3 ? "met" : "NOT met",
                againPainted <= 3 ? "met" : "NOT met");
    return 0;
}
