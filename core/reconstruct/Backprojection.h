#pragma once
// Direct Fourier backprojection of particles with known poses, shifts and CTF into a map,
// two half maps and their FSC (the validation of issue #19).
//
// The maps are masked by a soft sphere fitted to the particle (SolventMask.h) before the FSC:
// on simulated data with true poses this brings the half-map FSC = 0.143 resolution within a
// Fourier shell of the map's FSC = 0.5 resolution against the truth (bench_backprojection).
//
// The particles are streamed from their stacks chunk by chunk on `threads` workers, each with
// its own pair of half accumulators (FourierAccumulator.h; memory ≈ 4 × threads grids of
// 2·(pD + 1)³ floats, plus a few D³ maps at the end, never the stack). The halves are then
// transformed (FourierReconstruction.h) and masked. Cancellation and progress follow
// analysis/AnalysisContext.h (AnalysisCancelled; progress on the calling thread).
// Float sums from several workers are added in the order the workers finish, so maps agree
// between runs with different thread counts to float rounding, not bit for bit.
#include "analysis/AnalysisContext.h"
#include "fourier/ImagePreprocessor.h"
#include "io/Volume.h"
#include "particles/ParticleTypes.h"
#include "reconstruct/FourierShellCorrelation.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace cryo {

class ParticleDataset;

enum class HalfSplit {
    EvenOdd,   // the 1st, 3rd, 5th … selected particle in half A (cryoDRGN's backproject_voxel)
    Random,    // each particle in A or B with probability ½ (seeded; RELION's random halves)
};

struct BackprojectionOptions {
    int threads = 0;               // 0: every core
    int padding = 1;               // Fourier grid oversampling p (grid pD³); 2 is finer, 8× the memory
    HalfSplit split = HalfSplit::EvenOdd;
    std::uint64_t seed = 1;        // for HalfSplit::Random
    PreprocessOptions preprocess;  // window and contrast inversion, as for training
    std::size_t chunkSize = 64;    // images per read and per cancellation check
    // Soft spherical solvent mask on every map (SolventMask.h), radius in Å: 0 fitted to the
    // particle, > 0 this radius, < 0 none.
    double maskRadius = 0;
};

// What to backproject: particles of an open dataset with one pose (and CTF) per particle.
struct BackprojectionInput {
    const ParticleDataset* dataset = nullptr;
    std::vector<ParticlePose> poses;       // one per dataset particle; empty: the dataset's own
    std::vector<CtfParams> ctf;            // one per dataset particle; empty: the dataset's own (or none)
    std::optional<std::vector<std::size_t>> selection;   // dataset indices, ascending; unset: every particle
};

struct BackprojectionResult {
    Volume map;             // all particles, gridding-corrected, masked, not filtered
    Volume filteredMap;     // map Wiener-weighted by the half-map FSC and low-pass filtered at its 0.143 resolution
    Volume halfA, halfB;    // masked like map
    FscCurve halfMapFsc;    // between halfA and halfB
    double maskRadius = 0;  // Å where the mask's edge starts (0: no mask)
    FscResolution resolution0143, resolution05;   // of halfMapFsc
    std::size_t particles = 0, halfACount = 0, halfBCount = 0;
    bool ctfApplied = false;
    double seconds = 0;
};

// Throws FileError naming the particle file for a dataset without poses (and no input.poses),
// pose/CTF tables of another length than the dataset, or unreadable images; UsageError naming
// it for an empty selection or one with an index out of range; AnalysisCancelled when stopped.
BackprojectionResult backproject(const BackprojectionInput& input, const BackprojectionOptions& options,
                                 const AnalysisContext& context = {});

} // namespace cryo
