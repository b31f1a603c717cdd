#include "sim/Simulator.h"

#include "analysis/ParallelChunks.h"
#include "io/MrcFile.h"
#include "sim/AtomRenderer.h"
#include "sim/ParticleImager.h"
#include "sim/SimulationWriter.h"
#include "util/Error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <future>
#include <random>
#include <thread>

namespace cryo {
namespace {

constexpr const char* kStackName = "particles.mrcs";
constexpr int kNoiseEstimateImages = 200;
constexpr int kChunk = 100;                      // images per task handed to a thread
constexpr std::size_t kRoundBytes = 32u << 20;   // default round: 32 MiB of images
// Discrete state probabilities: full complex, without arm 2, without arm 1.
constexpr double kStateWeights[3] = {0.45, 0.30, 0.25};

void checkOptions(const SimulationOptions& o)
{
    if (o.outDir.empty())
        throw UsageError("simulate: an output directory is required");
    if (o.particles <= 0)
        throw UsageError("simulate: the particle count must be positive");
    if (o.box < 16 || o.box % 2 != 0)
        throw UsageError("simulate: the box must be even and at least 16");
    if (!(o.pixelSize > 0))
        throw UsageError("simulate: the pixel size must be positive");
    if (o.threads < 0 || o.imagesPerRound < 0)
        throw UsageError("simulate: the thread count and images per round must be 0 (automatic) or positive");
    if (!(o.defocusMax >= o.defocusMin) || o.maxAstigmatism < 0 || o.maxShift < 0)
        throw UsageError("simulate: bad defocus, astigmatism or shift range");
}

// Per-particle noise stream, independent of the order images are made in.
std::uint64_t noiseSeed(std::uint64_t seed, std::size_t index)
{
    std::uint64_t z = (seed + 0x632BE59BD9B4E019ull) ^ (index * 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 33)) * 0xFF51AFD7ED558CCDull;
    return z ^ (z >> 33);
}

// Variance of the image inside the particle: a disc of the complex's radius around the
// particle centre (image centre − t).
double varianceInsideParticle(const float* image, int D, const std::array<double, 2>& shift, double radiusPx)
{
    double sum = 0, sumSq = 0;
    std::size_t n = 0;
    const double cx = D / 2 - shift[0], cy = D / 2 - shift[1];
    for (int y = 0; y < D; ++y) {
        for (int x = 0; x < D; ++x) {
            if (std::hypot(x - cx, y - cy) > radiusPx)
                continue;
            const double v = image[std::size_t(y) * D + x];
            sum += v;
            sumSq += v * v;
            ++n;
        }
    }
    if (n == 0)
        return 0;
    const double mean = sum / double(n);
    return std::max(0.0, sumSq / double(n) - mean * mean);
}

TruthMaps truthMapConformations(const SimulationOptions& o)
{
    TruthMaps maps;
    const double lo = o.hingeMin, hi = o.hingeMax, mid = 0.5 * (lo + hi);
    switch (o.motion) {
    case MotionKind::Hinge:
        for (int i = 0; i < 5; ++i)
            maps.conformations.push_back({{lo + (hi - lo) * i / 4.0, 0}, 0});
        break;
    case MotionKind::TwoHinges:
        for (const auto& a : {std::array<double, 2>{lo, lo}, {hi, lo}, {mid, mid}, {lo, hi}, {hi, hi}})
            maps.conformations.push_back({a, 0});
        break;
    case MotionKind::Discrete:
        for (int s = 0; s < 3; ++s)
            maps.conformations.push_back({{0, 0}, s});
        break;
    }
    for (std::size_t i = 0; i < maps.conformations.size(); ++i) {
        char name[48];
        std::snprintf(name, sizeof name, "truth_map_%02zu.mrc", i);
        maps.fileNames.push_back(name);
    }
    return maps;
}

// The population average: the mean map over a grid of conformations weighted like the
// particle distribution (uniform along the hinge(s), kStateWeights for discrete states).
Volume consensusMap(const SimulationOptions& o, const PseudoAtomComplex& complex)
{
    std::vector<std::pair<Conformation, double>> samples;
    const int steps = 9;
    const auto angle = [&](int i) { return o.hingeMin + (o.hingeMax - o.hingeMin) * i / double(steps - 1); };
    if (o.motion == MotionKind::Hinge)
        for (int i = 0; i < steps; ++i)
            samples.push_back({{{angle(i), 0}, 0}, 1.0});
    else if (o.motion == MotionKind::TwoHinges)
        for (int i = 0; i < steps; ++i)
            for (int j = 0; j < steps; ++j)
                samples.push_back({{{angle(i), angle(j)}, 0}, 1.0});
    else
        for (int s = 0; s < 3; ++s)
            samples.push_back({{{0, 0}, s}, kStateWeights[s]});
    std::vector<PseudoAtom> atoms;
    double total = 0;
    for (const auto& [c, w] : samples) {
        for (PseudoAtom a : complex.atoms(c)) {
            a.weight *= w;
            atoms.push_back(a);
        }
        total += w;
    }
    for (PseudoAtom& a : atoms)
        a.weight /= total;
    return renderVolume(atoms, o.box, o.pixelSize);
}

} // namespace

ParticleTruth drawParticleTruth(const SimulationOptions& o, const PseudoAtomComplex& complex)
{
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::discrete_distribution<int> state({kStateWeights[0], kStateWeights[1], kStateWeights[2]});
    ParticleTruth t;
    const std::size_t n = std::size_t(o.particles);
    t.conformations.resize(n);
    t.rotations.resize(n);
    t.shifts.resize(n);
    t.ctf.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        Conformation& c = t.conformations[i];
        if (complex.motion() == MotionKind::Discrete)
            c.state = state(rng);
        for (int k = 0; k < complex.coordinateCount(); ++k)
            c.angles[k] = o.hingeMin + (o.hingeMax - o.hingeMin) * unit(rng);
        t.rotations[i] = uniformRandomRotation(rng);
        t.shifts[i] = {o.maxShift * (2 * unit(rng) - 1), o.maxShift * (2 * unit(rng) - 1)};
        CtfParams& p = t.ctf[i];
        p.defocusU = float(o.defocusMin + (o.defocusMax - o.defocusMin) * unit(rng));
        p.defocusV = float(p.defocusU - o.maxAstigmatism * unit(rng));
        p.defocusAngle = float(180.0 * unit(rng));
        p.voltage = float(o.voltage);
        p.sphericalAberration = float(o.sphericalAberration);
        p.amplitudeContrast = float(o.amplitudeContrast);
        p.phaseShift = 0;
    }
    return t;
}

namespace {

// What every image of a run needs, in one place. An image depends only on its particle's
// truth and noise stream, so images can be formed in any order, on any thread (each thread
// with its own ParticleImager: it holds FFT plans and scratch).
struct SimulationRun {
    const SimulationOptions& options;
    const PseudoAtomComplex& complex;
    const ParticleTruth& truth;

    // The noise-free image of particle i (D×D), contrast-inverted as RELION's particle
    // extraction writes it by default: the CTF is negative at low frequency, so the physical
    // image shows a dark particle and the stack a light one. Training inverts it back
    // (cryoDRGN's default), which makes the learned density positive.
    void formImage(ParticleImager& imager, std::size_t i, float* out) const
    {
        imager.image(complex.atoms(truth.conformations[i]), truth.rotations[i], truth.shifts[i],
                     options.applyCtf ? &truth.ctf[i] : nullptr, out);
        const std::size_t n = std::size_t(options.box) * std::size_t(options.box);
        for (std::size_t p = 0; p < n; ++p)
            out[p] = -out[p];
    }

    // The image as written: plus Gaussian noise of this standard deviation from particle i's
    // own stream.
    void formNoisyImage(ParticleImager& imager, std::size_t i, double noiseStd, float* out) const
    {
        formImage(imager, i, out);
        if (noiseStd <= 0)
            return;
        std::mt19937_64 noiseRng(noiseSeed(options.seed, i));
        std::normal_distribution<float> noise(0.0f, float(noiseStd));
        const std::size_t n = std::size_t(options.box) * std::size_t(options.box);
        for (std::size_t p = 0; p < n; ++p)
            out[p] += noise(noiseRng);
    }
};

// The dataset's signal variance over the first images, in options.snrRegion: the variance of
// all their pixels, or the mean of each one's variance inside the particle. The noise level is
// then fixed for the whole dataset, like a detector's.
double signalVariance(const SimulationRun& run)
{
    const int D = run.options.box;
    ParticleImager imager(D, run.options.pixelSize);
    std::vector<float> image(std::size_t(D) * D);
    const int count = std::min(run.options.particles, kNoiseEstimateImages);
    double meanInside = 0, sum = 0, sumSq = 0;
    for (int i = 0; i < count; ++i) {
        run.formImage(imager, i, image.data());
        if (run.options.snrRegion == SnrRegion::Particle) {
            meanInside += varianceInsideParticle(image.data(), D, run.truth.shifts[i],
                                                 run.complex.maxRadius() / run.options.pixelSize) / count;
            continue;
        }
        for (float v : image) {
            sum += v;
            sumSq += double(v) * v;
        }
    }
    if (run.options.snrRegion == SnrRegion::Particle)
        return meanInside;
    const double n = double(count) * double(image.size());
    return std::max(0.0, sumSq / n - (sum / n) * (sum / n));
}

int simulationThreads(const SimulationOptions& o)
{
    return o.threads > 0 ? o.threads : std::max(1, int(std::thread::hardware_concurrency()));
}

// Streams all images (+ noise) to particles.mrcs in rounds: a round's images are formed on
// all threads while the previous round is being written, so memory stays at two rounds
// whatever the particle count. Returns false when cancelled (then no
// file is left behind).
bool writeParticleStack(const SimulationRun& run, SimulationResult& result)
{
    const SimulationOptions& o = run.options;
    const int threads = simulationThreads(o);
    const std::size_t pixels = std::size_t(o.box) * o.box;
    const int perRound = o.imagesPerRound > 0
                             ? o.imagesPerRound
                             : int(std::clamp<std::size_t>(kRoundBytes / (pixels * sizeof(float)), 100, 10000));
    const int chunk = std::clamp(perRound / (4 * threads), 1, kChunk);   // a few tasks per thread and round
    std::vector<float> rounds[2] = {std::vector<float>(pixels * perRound), std::vector<float>(pixels * perRound)};
    std::vector<ParticleImager> imagers;
    for (int t = 0; t < threads; ++t)
        imagers.emplace_back(o.box, o.pixelSize);
    MrcWriteOptions stackOptions;
    stackOptions.stack = true;
    MrcWriter writer(o.outDir / kStackName, o.box, o.box, float(o.pixelSize), stackOptions);
    std::future<void> writing;   // the previous round's
    for (int first = 0, round = 0; first < o.particles; first += perRound, ++round) {
        const int count = std::min(perRound, o.particles - first);
        float* images = rounds[round % 2].data();
        AnalysisContext context{o.stop, {}};   // progress: images formed so far
        if (o.progress)
            context.progress = [&](double f) { o.progress(first + int(std::lround(f * count)), o.particles); };
        try {
            parallelWorkerChunks(std::size_t((count + chunk - 1) / chunk), threads, context, [&](std::size_t task, int worker) {
                for (int j = int(task) * chunk; j < std::min(count, int(task + 1) * chunk); ++j)
                    run.formNoisyImage(imagers[worker], std::size_t(first + j), result.noiseStd, images + pixels * j);
            });
        } catch (const AnalysisCancelled&) {
            if (writing.valid())
                writing.get();
            return false;   // the writer drops its .part file
        }
        if (writing.valid())
            writing.get();   // frees the other buffer for the next round
        writing = std::async(std::launch::async, [&writer, images, count] { writer.appendSections(images, count); });
        result.count += count;
    }
    if (writing.valid())
        writing.get();
    writer.finish();
    return true;
}

std::vector<std::filesystem::path> writeTruthMaps(const SimulationOptions& o, const PseudoAtomComplex& complex,
                                                  const TruthMaps& maps)
{
    std::vector<std::filesystem::path> paths;
    for (std::size_t m = 0; m < maps.conformations.size(); ++m) {
        paths.push_back(o.outDir / maps.fileNames[m]);
        writeMrc(paths.back(), renderVolume(complex.atoms(maps.conformations[m]), o.box, o.pixelSize));
    }
    writeMrc(o.outDir / "consensus.mrc", consensusMap(o, complex));
    return paths;
}

} // namespace

double defaultAtomSigma(double pixelSize) { return std::max(PseudoAtomComplex::kDefaultAtomSigma, 0.5 * pixelSize); }

SimulationResult simulateDataset(const SimulationOptions& o)
{
    checkOptions(o);
    const auto start = std::chrono::steady_clock::now();
    const PseudoAtomComplex complex(o.motion, o.seed, o.hingeMin, o.hingeMax,
                                    o.atomSigma.value_or(defaultAtomSigma(o.pixelSize)));   // checks its options
    std::error_code ec;
    std::filesystem::create_directories(o.outDir, ec);
    if (ec)
        throw FileError(o.outDir, "cannot create the output directory: " + ec.message());

    const ParticleTruth truth = drawParticleTruth(o, complex);
    const SimulationRun run{o, complex, truth};
    SimulationResult result;
    result.signalVariance = signalVariance(run);
    result.noiseStd = o.snr > 0 ? std::sqrt(result.signalVariance / o.snr) : 0.0;
    if (!writeParticleStack(run, result)) {
        result.cancelled = true;
        return result;
    }
    const TruthMaps maps = truthMapConformations(o);
    result.maps = writeTruthMaps(o, complex, maps);
    const ParticleMetadata metadata = simulatedMetadata(truth, o, kStackName);
    writeRelionStar(o.outDir / "particles.star", metadata);
    writeCryosparcCs(o.outDir / "particles.cs", metadata);
    writeTruthH5(o.outDir / "truth.h5", truth, o, complex, maps, result);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace cryo
