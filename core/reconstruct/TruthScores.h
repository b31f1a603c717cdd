#pragma once
// Maps scored against a simulation's ground truth (sim/SimulationTruth.h) the way CryoBench
// scores heterogeneous reconstructions ("per-image FSC"): for sampled particles, the map a
// method gives for that particle (a decoder at the particle's z, a cluster's map, ...) against
// the true map of the particle's own conformation; per map the area under the FSC (AUC,
// fscAreaUnderCurve: 0.5 perfect) and the resolution where the FSC drops below 0.5.
// No mask and no alignment: our decoders and the truth share box, origin and hand.
//
// And, for discrete data, the floor a method can be held to: the backprojection of each
// true state's particles with their true poses, scored against that state's map and
// correlated with every state's map (a backprojection of state s that correlates best with
// truth s is the "hallucination check": the map follows the particles, not a prior).
#include "analysis/AnalysisContext.h"
#include "io/Volume.h"
#include "reconstruct/Backprojection.h"
#include "reconstruct/FourierShellCorrelation.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace cryo {

class ParticleDataset;
class SimulationTruth;

struct MapTruthScore {
    std::size_t particle = 0;    // or the state, for state maps
    double auc = 0;              // fscAreaUnderCurve against the truth
    FscResolution resolution05;  // FSC = 0.5 against the truth
};

struct TruthScoreSummary {
    std::vector<MapTruthScore> maps;
    double meanAuc = 0, sdAuc = 0, medianAuc = 0;
    double meanResolution05 = 0, sdResolution05 = 0;   // Å (Nyquist for maps that never drop below 0.5)
};

// The map of one particle, e.g. a decoder's map at the particle's latent z.
using ParticleMapFunction = std::function<Volume(std::size_t particle)>;

// `samples` distinct particles of `count`, drawn with `seed`, ascending (all when count ≤ samples).
std::vector<std::size_t> sampleParticles(std::size_t count, std::size_t samples, std::uint64_t seed);

MapTruthScore scoreAgainstTruth(const Volume& map, const Volume& truth);
TruthScoreSummary summarizeScores(std::vector<MapTruthScore> scores);

// Per-image FSC: mapOf(i) against truth.particleMap(i) for each i in particles. Throws
// UsageError for an index beyond the truth's particles or maps of another size than the truth's.
TruthScoreSummary scorePerImageMaps(const SimulationTruth& truth, std::span<const std::size_t> particles,
                                    const ParticleMapFunction& mapOf, const AnalysisContext& context = {});

// Pearson correlation of two maps' voxels (same size; UsageError otherwise).
double mapCorrelation(const Volume& a, const Volume& b);

struct StateBackprojectionScore {
    int state = 0;
    std::size_t particles = 0;
    MapTruthScore score;                      // the state's backprojection (unfiltered) against its truth
    FscResolution halfMapResolution0143;      // the backprojection's own half-map estimate
    std::vector<double> correlationWithStates;   // filtered map vs each state's true map
    bool matchesOwnState() const;             // its own state correlates best
};

// Discrete data: one backprojection per true state, with the dataset's poses and CTF (the
// true ones for simulated data). dataset must hold the truth's particles in the same order.
std::vector<StateBackprojectionScore> scoreStateBackprojections(const SimulationTruth& truth,
                                                                const ParticleDataset& dataset,
                                                                const BackprojectionOptions& options,
                                                                const AnalysisContext& context = {});

} // namespace cryo
