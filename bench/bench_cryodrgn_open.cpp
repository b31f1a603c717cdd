// Opening a large run in the window (issue #18 target: the latent panels show within 3 s for
// 1,000,000 particles, zdim 8; issue #20: the window never stalls more than 50 ms meanwhile).
// Builds a cryoDRGN output directory itself — config and weights of the shared het fixture,
// z.10.pkl of N × zdim latents (two pickles, as train_vae writes them), and with --analyze the
// analyze.10/ results cryoDRGN ≥ 3.5 makes by default (umap.pkl, kmeans20/) — and a run of our
// own (run.h5 with z only, so PCA and k-means are computed on opening, and a RELION .star of N
// particles whose metadata the window reads). Then times, in the real window: the first open
// of the cryoDRGN run (import into cryoscape/epoch_10/, tables, panels painted), a second open
// (the import reused) and the own run: until both panels show points, until the open ended
// (particles read), the longest event-loop stall meanwhile (a 1 ms heartbeat's longest gap),
// and the resident memory.
// Run under a display: xvfb-run -a bench_cryodrgn_open [--particles N] [--zdim D] [--analyze]
//                                                    [--work DIR]  (DIR keeps the runs for the next call)
//                                                    [--case write|first|again|own]
// --case (with --work) runs one step in this process: `write` only writes the runs, the others
// open one run in a process that has done nothing else, so its resident memory is the app's
// for that one open (bench_scale runs the four steps in turn).
#include "ExplorerPanel.h"
#include "LatentScatterView.h"
#include "MainWindow.h"
#include "ScatterPanel.h"
#include "VtkView.h"
#include "cryodrgn/CryodrgnImport.h"
#include "formats/AtomicFile.h"
#include "formats/PickleFile.h"
#include "io/H5File.h"
#include "run/RunFile.h"
#include "util/AllocatorSettings.h"
#include "util/BlasEnvironment.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMetaEnum>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = CRYOSCAPE_FIXTURES_DIR;

QString stringArg(int argc, char** argv, const char* name)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return QString::fromLocal8Bit(argv[i + 1]);
    return {};
}

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

// Latents (n × zdim) in 20 Gaussian clusters and each particle's cluster.
std::pair<std::vector<float>, std::vector<std::int64_t>> clusteredLatents(std::size_t n, int zdim)
{
    std::mt19937 rng(1);
    std::normal_distribution<float> normal;
    std::vector<float> centres(20 * std::size_t(zdim));
    for (float& c : centres)
        c = 3 * normal(rng);
    std::vector<float> mu(n * std::size_t(zdim));
    std::vector<std::int64_t> labels(n);
    for (std::size_t i = 0; i < n; ++i) {
        labels[i] = std::int64_t(rng() % 20);
        for (int d = 0; d < zdim; ++d)
            mu[i * std::size_t(zdim) + std::size_t(d)] = centres[std::size_t(labels[i]) * std::size_t(zdim) + std::size_t(d)] + normal(rng);
    }
    return {mu, labels};
}

// A cryoDRGN run of those latents, and what `cryodrgn analyze` would have stored for them.
void makeRun(const fs::path& dir, std::size_t n, int zdim, bool analyze)
{
    fs::create_directories(dir / "analyze.10" / "kmeans20");
    fs::copy_file(kFixtures / "het_config.yaml", dir / "config.yaml", fs::copy_options::overwrite_existing);
    fs::copy_file(kFixtures / "het_weights.pkl", dir / "weights.10.pkl", fs::copy_options::overwrite_existing);
    const auto [mu, labels] = clusteredLatents(n, zdim);
    std::vector<float> logvar(mu.size(), -2.0f), umap(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
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

// A run of our own: run.h5 with the config and z only (no PCA, k-means or UMAP stored), and a
// RELION 3.1 .star of n particles (CTF and poses; the stacks it names do not exist).
void makeOwnRun(const fs::path& dir, std::size_t n, int zdim)
{
    fs::create_directories(dir);
    std::ofstream star(dir / "particles.star");
    star << "data_optics\nloop_\n_rlnOpticsGroup #1\n_rlnVoltage #2\n_rlnSphericalAberration #3\n"
            "_rlnAmplitudeContrast #4\n_rlnImagePixelSize #5\n_rlnImageSize #6\n1 300 2.7 0.1 1.5 128\n\n"
            "data_particles\nloop_\n_rlnImageName #1\n_rlnDefocusU #2\n_rlnDefocusV #3\n_rlnDefocusAngle #4\n"
            "_rlnAngleRot #5\n_rlnAngleTilt #6\n_rlnAnglePsi #7\n_rlnOriginXAngst #8\n_rlnOriginYAngst #9\n"
            "_rlnOpticsGroup #10\n";
    std::mt19937 rng(2);
    std::uniform_real_distribution<float> angle(-180, 180), defocus(8000, 25000);
    char line[256];
    for (std::size_t i = 0; i < n; ++i) {
        const float u = defocus(rng);
        std::snprintf(line, sizeof line, "%06zu@stacks/s%04zu.mrcs %.1f %.1f %.2f %.2f %.2f %.2f 0.5 -0.5 1\n", i % 1000 + 1,
                      i / 1000, u, u - 150, angle(rng), angle(rng), 0.5f * (angle(rng) + 180), angle(rng));
        star << line;
    }
    star.close();
    const auto [mu, labels] = clusteredLatents(n, zdim);
    cryo::RunConfig config;
    config.model.zdim = zdim;
    config.particles = fs::absolute(dir / "particles.star");
    config.particleCount = n;
    config.boxSize = 128;
    config.pixelSize = 1.5;
    cryo::H5File file(cryo::runFilePath(dir), cryo::H5File::Mode::Create);
    cryo::writeRunConfig(file, config);
    cryo::LatentTable z;
    z.count = n;
    z.zdim = zdim;
    z.mu = mu;
    z.logvar.assign(mu.size(), -2.0f);
    cryo::writeLatents(file, z);
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double residentMb()
{
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024;
    return 0;
}

// The application, timing each event it delivers from the event loop (not the nested ones):
// the longest one names the stall (e.g. "MetaCall to JobRunner": a job's delivery), and every
// event over 5 ms of GUI-thread CPU is kept with its time, so that the events of the longest
// stall can be listed.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    struct Event {
        double startMs, cpuMs;   // since resetLongest(); GUI-thread CPU
        QString what;            // "MetaCall to JobRunner"
    };
    bool notify(QObject* receiver, QEvent* event) override
    {
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        const char* receiverClass = receiver->metaObject()->className();   // the event may delete it
        const int type = int(event->type());
        const double start = threadCpuMs(), startWall = double(m_clock.nsecsElapsed()) / 1e6;
        const bool handled = QApplication::notify(receiver, event);
        const double ms = threadCpuMs() - start;
        --m_depth;
        if (ms > 5) {
            const char* name = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
            events.push_back({startWall, ms, QStringLiteral("%1 to %2").arg(name ? QString::fromLatin1(name) : QString::number(type), QString::fromLatin1(receiverClass))});
            if (ms > longestMs)
                longestMs = ms, longest = events.back().what;
        }
        return handled;
    }
    void resetLongest()
    {
        longestMs = 0, longest.clear(), events.clear();
        m_clock.start();
    }
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }
    double longestMs = 0;   // GUI-thread CPU time
    QString longest;        // "event type to receiver class"
    std::vector<Event> events;

private:
    int m_depth = 0;
    QElapsedTimer m_clock;
};

struct OpenTiming {
    double panelsS = -1;      // until both panels painted points
    double endedS = -1;       // until the open ended (particles read, or found missing)
    double longestStallMs = 0;     // wall time between two heartbeats
    double longestBusyMs = 0;      // the GUI thread's CPU time between two heartbeats: our stall,
                                   // whatever else the machine runs
    double residentMb = 0;
    QString longestEvent;          // TimedApplication::longest
    QString busiestGapEvents;      // the events over 5 ms in the gap of longestBusyMs
    QString slowEvents;            // every event over 5 ms: "at 1.20 s 38 ms MetaCall to JobRunner"
};

// Opens the run in a new window: the times, the longest time the event loop did not run.
OpenTiming timeOpen(const QString& run)
{
    MainWindow window;
    window.setInteractive(false);
    window.resize(1500, 950);
    window.show();
    // The window's own first paint (OpenGL set-up of the 3D view) is not part of the open.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    OpenTiming t;
    QElapsedTimer clock, sinceBeat;
    double cpuAtBeat = threadCpuMs();
    auto* timedApp = static_cast<TimedApplication*>(qApp);
    double beatMs = 0, busiestFromMs = 0, busiestToMs = 0;   // the busiest gap, on timedApp's clock
    QTimer heartbeat;   // ticks every millisecond while the event loop runs
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        t.longestStallMs = std::max(t.longestStallMs, double(sinceBeat.nsecsElapsed()) / 1e6);
        const double cpu = threadCpuMs(), nowMs = timedApp->elapsedMs();
        if (cpu - cpuAtBeat > t.longestBusyMs)
            t.longestBusyMs = cpu - cpuAtBeat, busiestFromMs = beatMs, busiestToMs = nowMs;
        cpuAtBeat = cpu, beatMs = nowMs;
        sinceBeat.start();
    });
    QEventLoop loop;
    QTimer watch;
    watch.setInterval(5);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        ExplorerPanel* explorer = window.explorer();
        if (t.panelsS < 0 && explorer && explorer->panel(0)->view()->currentFramesPainted() > 0 &&
            explorer->panel(1)->view()->currentFramesPainted() > 0)
            t.panelsS = double(clock.nsecsElapsed()) / 1e9;
        if (t.endedS < 0 && !window.isOpeningRun())
            t.endedS = double(clock.nsecsElapsed()) / 1e9;
        if ((t.panelsS >= 0 && t.endedS >= 0) || clock.elapsed() > 120000)
            loop.quit();
    });
    clock.start();
    sinceBeat.start();
    cpuAtBeat = threadCpuMs();
    heartbeat.start();
    watch.start();
    timedApp->resetLongest();
    if (!window.openFile(run))
        return {};
    loop.exec();
    t.longestEvent = QStringLiteral("%1 ms: event %2").arg(timedApp->longestMs, 0, 'f', 0).arg(timedApp->longest);
    QStringList inGap, slow;
    for (const TimedApplication::Event& e : timedApp->events) {
        const QString text = QStringLiteral("%1 ms %2").arg(e.cpuMs, 0, 'f', 0).arg(e.what);
        if (e.startMs >= busiestFromMs && e.startMs < busiestToMs)
            inGap << text;
        slow << QStringLiteral("at %1 s ").arg(e.startMs / 1e3, 0, 'f', 2) + text;
    }
    t.slowEvents = slow.join(QStringLiteral("; "));
    t.busiestGapEvents = inGap.isEmpty() ? QStringLiteral("none over 5 ms") : inGap.join(QStringLiteral(", "));
    t.residentMb = residentMb();
    if (ExplorerPanel* explorer = window.explorer())
        std::printf("  %zu points per panel, rasterised in %.0f / %.0f ms; title \"%s\"\n",
                    explorer->panel(0)->view()->pointCount(), explorer->panel(0)->view()->lastRasterMs(),
                    explorer->panel(1)->view()->lastRasterMs(), qPrintable(window.windowTitle()));
    return t;
}

// `alone`: this process opened nothing else, so the resident memory is the app's for this run.
void report(const char* what, const OpenTiming& t, bool alone)
{
    std::printf("%s: both panels painted after %.2f s, open ended after %.2f s; longest event-loop stall %.0f ms "
                "wall, %.0f ms of GUI-thread CPU (longest event %s); resident memory %.0f MB%s\n",
                what, t.panelsS, t.endedS, t.longestStallMs, t.longestBusyMs, qPrintable(t.longestEvent), t.residentMb,
                alone ? " (one open in this process)" : " (this process wrote the runs and opened the runs before)");
    std::printf("  the events of the busiest heartbeat gap: %s\n  every event over 5 ms: %s\n",
                qPrintable(t.busiestGapEvents), qPrintable(t.slowEvents));
}

} // namespace

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);
    cryo::keepLargeFreedBlocksForReuse();   // as the app's main() does
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    TimedApplication app(argc, argv);
    QCoreApplication::setApplicationName("bench_cryodrgn_open");
    const std::size_t n = std::size_t(intArg(argc, argv, "--particles", 1000000));
    const int zdim = intArg(argc, argv, "--zdim", 8);
    bool analyze = false;
    for (int i = 1; i < argc; ++i)
        analyze = analyze || std::strcmp(argv[i], "--analyze") == 0;
    QTemporaryDir tmp;
    // --work DIR: the runs are written there once and reused by later calls (same N, zdim, --analyze).
    const QString workArg = stringArg(argc, argv, "--work");
    const QString step = stringArg(argc, argv, "--case");
    if (!step.isEmpty() && (workArg.isEmpty() || !QStringList{"write", "first", "again", "own"}.contains(step))) {
        std::fprintf(stderr, "--case write|first|again|own needs --work DIR\n");
        return 2;
    }
    const fs::path work = workArg.isEmpty() ? fs::path(tmp.path().toStdString())
                                            : fs::path(workArg.toStdString()) /
                                                  QStringLiteral("n%1_z%2%3").arg(n).arg(zdim).arg(analyze ? "_analyze" : "").toStdString();
    const fs::path run = work / "cryodrgn_run", own = work / "own_run";
    std::printf("%s, %u hardware threads; %s\n", cryo::cpuModelName().c_str(), std::thread::hardware_concurrency(),
                cryo::describeBlasEnvironment().c_str());
    const bool reuse = !workArg.isEmpty() && fs::exists(work / "complete");
    const bool all = step.isEmpty();
    if (all || step == "write") {
        std::printf("%s a cryoDRGN run of %zu particles, zdim %d%s, and a run of our own (run.h5 with z only, "
                    "particles.star of %zu particles)...\n",
                    reuse ? "reusing" : "writing", n, zdim, analyze ? ", with analyze.10/ (umap.pkl, kmeans20/)" : ", without cryodrgn analyze results", n);
        if (!reuse) {
            makeRun(run, n, zdim, analyze);
            makeOwnRun(own, n, zdim);
            std::ofstream(work / "complete") << "written by bench_cryodrgn_open\n";
        }
        std::printf("z.10.pkl: %.0f MB\n", double(fs::file_size(run / "z.10.pkl")) / 1e6);
    } else if (!reuse) {
        std::fprintf(stderr, "%s: no runs written yet (--case write first)\n", work.c_str());
        return 2;
    }
    if (all) {
        QElapsedTimer importClock;
        importClock.start();
        cryo::importCryodrgnRun(run);
        std::printf("the import alone (z.pkl, PCA%s → run.h5): %.2f s\n", analyze ? ", umap.pkl, kmeans20" : "",
                    double(importClock.nsecsElapsed()) / 1e9);
    }
    if (all || step == "first")
        fs::remove_all(run / "cryoscape");
    std::printf("resident memory before the window: %.0f MB\n", residentMb());
    const bool alone = !all;
    std::vector<std::pair<const char*, OpenTiming>> timings;
    if (all || step == "first") {
        timings.emplace_back("first open", timeOpen(QString::fromStdString(run.string())));
        report("first open (import + tables + window)", timings.back().second, alone);
    }
    if (all || step == "again") {
        timings.emplace_back("second open", timeOpen(QString::fromStdString(run.string())));
        report("second open (import reused)", timings.back().second, alone);
    }
    if (all || step == "own") {
        timings.emplace_back("own run", timeOpen(QString::fromStdString(own.string())));
        report("own run (PCA, k-means computed; .star read)", timings.back().second, alone);
    }
    if (timings.empty())
        return 0;
    const double zMb = 2.0 * double(n) * zdim * sizeof(float) / 1e6;
    std::printf("z table (mu + logvar): %.0f MB\n", zMb);
    for (const auto& [what, t] : timings)
        std::printf("targets, %s: panels within 3 s -> %s; longest GUI-thread stall <= 50 ms CPU -> %s\n", what,
                    t.panelsS >= 0 && t.panelsS <= 3 ? "met" : "NOT met", t.longestBusyMs <= 50 ? "met" : "NOT met");
    return 0;
}
