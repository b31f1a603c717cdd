#include "reconstruct/TruthScores.h"

#include "particles/ParticleDataset.h"
#include "sim/SimulationTruth.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace cryo {
namespace {

std::pair<double, double> meanAndSd(const std::vector<double>& values)
{
    if (values.empty())
        return {0.0, 0.0};
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    double squares = 0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    return {mean, std::sqrt(squares / double(values.size()))};   // population sd, as numpy's std
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1)
        return upper;
    return 0.5 * (upper + *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid)));
}

} // namespace

std::vector<std::size_t> sampleParticles(std::size_t count, std::size_t samples, std::uint64_t seed)
{
    std::vector<std::size_t> all(count);
    std::iota(all.begin(), all.end(), std::size_t(0));
    if (count <= samples)
        return all;
    std::mt19937_64 rng(seed);
    std::shuffle(all.begin(), all.end(), rng);
    all.resize(samples);
    std::sort(all.begin(), all.end());
    return all;
}

MapTruthScore scoreAgainstTruth(const Volume& map, const Volume& truth)
{
    const FscCurve curve = fourierShellCorrelation(map, truth);
    MapTruthScore score;
    score.auc = fscAreaUnderCurve(curve);
    score.resolution05 = resolutionAt(curve, 0.5);
    return score;
}

TruthScoreSummary summarizeScores(std::vector<MapTruthScore> scores)
{
    TruthScoreSummary summary;
    std::vector<double> aucs, resolutions;
    for (const MapTruthScore& s : scores) {
        aucs.push_back(s.auc);
        resolutions.push_back(s.resolution05.angstrom());
    }
    std::tie(summary.meanAuc, summary.sdAuc) = meanAndSd(aucs);
    summary.medianAuc = median(aucs);
    std::tie(summary.meanResolution05, summary.sdResolution05) = meanAndSd(resolutions);
    summary.maps = std::move(scores);
    return summary;
}

TruthScoreSummary scorePerImageMaps(const SimulationTruth& truth, std::span<const std::size_t> particles,
                                    const ParticleMapFunction& mapOf, const AnalysisContext& context)
{
    std::vector<MapTruthScore> scores;
    for (std::size_t k = 0; k < particles.size(); ++k) {
        context.checkCancelled();
        const std::size_t particle = particles[k];
        if (particle >= truth.particleCount())
            throw UsageError(truth.path().string() + ": particle " + std::to_string(particle) + " is beyond its " +
                             std::to_string(truth.particleCount()) + " particles");
        MapTruthScore score = scoreAgainstTruth(mapOf(particle), truth.particleMap(particle));
        score.particle = particle;
        scores.push_back(score);
        context.report(double(k + 1) / double(particles.size()));
    }
    return summarizeScores(std::move(scores));
}

double mapCorrelation(const Volume& a, const Volume& b)
{
    if (a.nx != b.nx || a.ny != b.ny || a.nz != b.nz)
        throw UsageError("map correlation: the maps differ in size");
    const VolumeStats sa = computeStats(a), sb = computeStats(b);
    double cross = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i)
        cross += (double(a.data[i]) - sa.mean) * (double(b.data[i]) - sb.mean);
    const double norm = sa.rms * sb.rms * double(a.data.size());
    return norm > 0 ? cross / norm : 0.0;
}

bool StateBackprojectionScore::matchesOwnState() const
{
    if (state < 0 || std::size_t(state) >= correlationWithStates.size())
        return false;
    const auto best = std::max_element(correlationWithStates.begin(), correlationWithStates.end());
    return best - correlationWithStates.begin() == state;
}

std::vector<StateBackprojectionScore> scoreStateBackprojections(const SimulationTruth& truth,
                                                                const ParticleDataset& dataset,
                                                                const BackprojectionOptions& options,
                                                                const AnalysisContext& context)
{
    if (dataset.size() != truth.particleCount())
        throw UsageError(dataset.sourcePath().string() + " holds " + std::to_string(dataset.size()) +
                         " particles, but " + truth.path().string() + " describes " +
                         std::to_string(truth.particleCount()));
    const int stateCount = truth.complex().stateCount();
    const std::vector<int> states = truth.states();
    std::vector<Volume> trueMaps;
    for (int s = 0; s < stateCount; ++s)
        trueMaps.push_back(truth.mapOf(Conformation{{0, 0}, s}));
    std::vector<StateBackprojectionScore> scores;
    for (int s = 0; s < stateCount; ++s) {
        BackprojectionInput input;
        input.dataset = &dataset;
        input.selection.emplace();
        for (std::size_t i = 0; i < states.size(); ++i)
            if (states[i] == s)
                input.selection->push_back(i);
        if (input.selection->empty())
            continue;
        const BackprojectionResult result =
            backproject(input, options, context.sub(double(s) / stateCount, double(s + 1) / stateCount));
        StateBackprojectionScore score;
        score.state = s;
        score.particles = result.particles;
        score.score = scoreAgainstTruth(result.map, trueMaps[std::size_t(s)]);
        score.score.particle = std::size_t(s);
        score.halfMapResolution0143 = result.resolution0143;
        for (const Volume& trueMap : trueMaps)
            score.correlationWithStates.push_back(mapCorrelation(result.filteredMap, trueMap));
        scores.push_back(std::move(score));
    }
    return scores;
}

} // namespace cryo
