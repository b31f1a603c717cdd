#include "reconstruct/Backprojection.h"

#include "analysis/ParallelChunks.h"
#include "particles/ParticleDataset.h"
#include "reconstruct/FourierAccumulator.h"
#include "reconstruct/ParticleSlice.h"
#include "reconstruct/SolventMask.h"
#include "reconstruct/FourierReconstruction.h"
#include "util/Error.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <numeric>
#include <random>
#include <thread>

namespace cryo {
namespace {

// The per-particle tables the backprojection reads, checked against the dataset.
struct ParticleTables {
    const std::vector<ParticlePose>* poses = nullptr;
    std::vector<CtfParams> ctf;              // empty: no CTF
    std::vector<std::size_t> selection;      // ascending dataset indices
};

ParticleTables checkedTables(const BackprojectionInput& input)
{
    if (!input.dataset)
        throw UsageError("backprojection: no particles given");
    const ParticleDataset& dataset = *input.dataset;
    const std::string file = dataset.sourcePath().string();
    const std::size_t n = dataset.size();
    ParticleTables t;
    t.poses = input.poses.empty() ? &dataset.poses() : &input.poses;
    if (t.poses->empty())
        throw FileError(dataset.sourcePath(), "the particles have no poses (angles and shifts); give poses from a "
                                              "refinement (--poses pose.pkl or a .star/.cs) or an ab initio run "
                                              "(--poses-from RUN)");
    if (t.poses->size() != n)
        throw FileError(dataset.sourcePath(), std::to_string(n) + " particles but " + std::to_string(t.poses->size()) +
                                                  " poses");
    if (!input.ctf.empty())
        t.ctf = input.ctf;
    else if (dataset.hasCtf())
        for (const ParticleRecord& record : dataset.particles())
            t.ctf.push_back(record.ctf);
    if (!t.ctf.empty() && t.ctf.size() != n)
        throw FileError(dataset.sourcePath(), std::to_string(n) + " particles but " + std::to_string(t.ctf.size()) +
                                                  " CTF entries");
    if (input.selection) {
        t.selection = *input.selection;
    } else {
        t.selection.resize(n);
        std::iota(t.selection.begin(), t.selection.end(), std::size_t(0));
    }
    if (t.selection.empty())
        throw UsageError(file + ": the selection is empty: nothing to backproject");
    if (!std::is_sorted(t.selection.begin(), t.selection.end()) || t.selection.back() >= n)
        throw UsageError(file + ": the selection must list particle indices in ascending order, below " +
                         std::to_string(n));
    return t;
}

// true: the particle at this position of the selection goes to half B.
std::vector<std::uint8_t> halfAssignment(std::size_t count, const BackprojectionOptions& options)
{
    std::vector<std::uint8_t> inB(count);
    if (options.split == HalfSplit::EvenOdd) {
        for (std::size_t i = 0; i < count; ++i)
            inB[i] = std::uint8_t(i % 2);
        return inB;
    }
    std::vector<std::size_t> order(count);   // a balanced random split: shuffle, then halve
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::mt19937_64 rng(options.seed);
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t k = count / 2; k < count; ++k)
        inB[order[k]] = 1;
    return inB;
}

// One worker's scratch and its two half accumulators.
struct Worker {
    Worker(int D, int padding, const PreprocessOptions& preprocess)
        : slice(D, preprocess), halfA(D, padding), halfB(D, padding) {}
    ParticleSlice slice;
    FourierAccumulator halfA, halfB;
    std::vector<float> images;
};

class BackprojectionRun {
public:
    BackprojectionRun(const BackprojectionInput& input, const BackprojectionOptions& options)
        : m_dataset(*input.dataset), m_options(options), m_tables(checkedTables(input)),
          m_inB(halfAssignment(m_tables.selection.size(), options)), m_D(m_dataset.boxSize())
    {
    }

    // Inserts every selected particle; leaves the summed halves in m_workers.front().
    void accumulate(const AnalysisContext& context)
    {
        const std::size_t count = m_tables.selection.size(), chunk = std::max<std::size_t>(1, m_options.chunkSize);
        const std::size_t chunks = (count + chunk - 1) / chunk;
        const int threads = m_options.threads > 0 ? m_options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
        m_workers.resize(std::size_t(workerCount(chunks, threads)));
        parallelWorkerChunks(chunks, threads, context, [&](std::size_t c, int w) {
            auto& worker = m_workers[std::size_t(w)];
            if (!worker)
                worker = std::make_unique<Worker>(m_D, m_options.padding, m_options.preprocess);
            insertChunk(c * chunk, std::min(count, (c + 1) * chunk), *worker);
        });
        std::erase(m_workers, nullptr);
        for (std::size_t w = 1; w < m_workers.size(); ++w) {
            m_workers.front()->halfA.add(m_workers[w]->halfA);
            m_workers.front()->halfB.add(m_workers[w]->halfB);
            m_workers[w].reset();
        }
    }

    BackprojectionResult reconstruct(const AnalysisContext& context)
    {
        BackprojectionResult result;
        const Worker& sums = *m_workers.front();
        const FourierSums a = sums.halfA.folded(), b = sums.halfB.folded();
        m_workers.clear();
        const double apix = m_dataset.pixelSize();
        result.halfA = reconstructMap(a, m_D, apix);
        context.checkCancelled();
        result.halfB = reconstructMap(b, m_D, apix);
        context.checkCancelled();
        result.map = reconstructMap(combinedSums(a, b), m_D, apix);
        if (m_options.maskRadius >= 0)
            maskMaps(result);
        result.halfMapFsc = fourierShellCorrelation(result.halfA, result.halfB);
        result.resolution0143 = resolutionAt(result.halfMapFsc, 0.143);
        result.resolution05 = resolutionAt(result.halfMapFsc, 0.5);
        result.filteredMap = lowPassFiltered(wienerFiltered(result.map, result.halfMapFsc), result.resolution0143.angstrom());
        result.particles = m_tables.selection.size();
        result.halfBCount = std::size_t(std::count(m_inB.begin(), m_inB.end(), std::uint8_t(1)));
        result.halfACount = result.particles - result.halfBCount;
        result.ctfApplied = !m_tables.ctf.empty();
        return result;
    }

private:
    // The fitted mask needs the unmasked half maps' resolution: signal is looked for only up to it.
    void maskMaps(BackprojectionResult& result) const
    {
        const double apix = result.map.voxelSize;
        SphericalMask mask;
        if (m_options.maskRadius > 0) {
            mask = maskOfRadius(m_D, apix, m_options.maskRadius);
        } else {
            const FscResolution unmasked = resolutionAt(fourierShellCorrelation(result.halfA, result.halfB), 0.143);
            mask = particleMask(result.halfA, result.halfB, unmasked.angstrom());
        }
        for (Volume* map : {&result.halfA, &result.halfB, &result.map})
            applyMask(*map, mask);
        result.maskRadius = mask.radius * apix;
    }

    // Positions [begin, end) of the selection: read the images (consecutive indices in one
    // call), prepare each slice and add it to its half.
    void insertChunk(std::size_t begin, std::size_t end, Worker& worker)
    {
        const std::size_t pixels = std::size_t(m_D) * m_D;
        worker.images.resize((end - begin) * pixels);
        const auto& selection = m_tables.selection;
        for (std::size_t i = begin; i < end;) {
            std::size_t run = 1;
            while (i + run < end && selection[i + run] == selection[i] + run)
                ++run;
            m_dataset.readImages(selection[i], run, worker.images.data() + (i - begin) * pixels);
            i += run;
        }
        for (std::size_t i = begin; i < end; ++i) {
            const std::size_t particle = selection[i];
            const ParticlePose& pose = (*m_tables.poses)[particle];
            const ParticleRecord& record = m_dataset.particles()[particle];
            const double apix = m_dataset.opticsGroups()[std::size_t(record.opticsGroup)].pixelSize;
            const CtfParams* ctf = m_tables.ctf.empty() ? nullptr : &m_tables.ctf[particle];
            worker.slice.prepare(worker.images.data() + (i - begin) * pixels, pose.shiftX / apix, pose.shiftY / apix,
                                 ctf, apix);
            FourierAccumulator& half = m_inB[i] ? worker.halfB : worker.halfA;
            half.insert(worker.slice.ctfTimesValues(), worker.slice.ctfSquared(), matrixFromRowMajor(pose.rotation));
        }
    }

    const ParticleDataset& m_dataset;
    const BackprojectionOptions& m_options;
    ParticleTables m_tables;
    std::vector<std::uint8_t> m_inB;   // per selection position
    int m_D;
    std::vector<std::unique_ptr<Worker>> m_workers;
};

} // namespace

BackprojectionResult backproject(const BackprojectionInput& input, const BackprojectionOptions& options,
                                 const AnalysisContext& context)
{
    const auto start = std::chrono::steady_clock::now();
    BackprojectionRun run(input, options);
    run.accumulate(context.sub(0.0, 0.9));
    BackprojectionResult result = run.reconstruct(context);
    context.report(1.0);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace cryo
