#pragma once
// cryoDRGN2-style pose search (thesis §5.3, Algorithm 2): for each image, the rotation and
// shift whose model slice (CTF applied) best matches it in squared error, found by
//   1. a global search over the base Hopf grid (So3Grid, resolution r0) × a base shift grid,
//      comparing only frequencies |k|·D < L0 (12 px⁻¹·D by default);
//   2. keeping the K0 best rotations (each with its best shift; K0 ≥ K, pruned to K by the
//      first refinement) and refining M times: the 8
//      children of each kept rotation × a local shift grid at half the previous step, with
//      L rising linearly to min(lMax, D/2) ("frequency marching");
//   3. reporting the posterior mean over the last stage's candidates (or the best of them).
// Scores use |y − c·s|² = |y|² + |c·s|² − 2 y·(c·s): all rotations × shifts of a batch are
// one matrix product of translated, CTF-weighted images with model slices.
//
// Model slices: for a homogeneous model the decoder is evaluated once (per modelChanged())
// on a 3D grid (volumeOversampling points per lattice step) over the ball
// |k|·D ≤ min(lMax, D/2) + 1, and every slice, in-plane rotations
// included, is a trilinear interpolation of that Hartley volume: the MLP is never run per
// rotation. With a latent (heterogeneous models), one volume per distinct z of a batch (a
// decoder pass over the ball each; cached, at most 16, until modelChanged()): quantise z to
// bound the cost.
//
// Images: TrainingBatch targets made with TrainingImagesOptions::centreByShift = false (raw,
// uncentred, normalised Hartley values on the TrainingLattice) and the batch's CTF.
// Results follow PoseConventions.h: our R, and shifts t (pixels) such that translating the
// image by +t centres the particle (RELION's _rlnOriginX/Y in pixels, cryoDRGN's t·D).
#include "images/TrainingImages.h"
#include "io/Volume.h"
#include "pose/So3Grid.h"

#include <array>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

namespace cryo {

struct PoseSearchOptions {
    int baseResolution = 2;     // r0: 4608 rotations (cryoDRGN2's base_healpy = 2)
    int refinements = 4;        // M
    int kept = 8;               // K
    // Rotations kept from the global search (each with its best shift); the first refinement
    // subdivides all of them and keeps K. The global ranking at L0 is noisy: at SNR 0.1 the
    // true basin is often not among the best 8 of 4608 (bench_pose_search, model images).
    int keptBase = 32;
    // px: the base shift grid spans [−extent, extent]² in 1 px steps. (cryoDRGN2's ±10 px in
    // 7×7 steps of 3.3 px is too coarse for L0 = 12: a 1.7 px error turns the phase at |k|·D = 12
    // of D = 64 by 110°, and the global ranking becomes noise.)
    double shiftExtent = 6;
    int shiftPoints = 13;       // base shift grid is shiftPoints²
    // Refinement m searches refineShiftPoints² shifts (odd) around each kept shift, spaced by the
    // base step / 2^m: as cryoDRGN2's "same grid, half the extent" but smaller, as rotation and
    // shift trade off (an in-plane turn about an off-centre point looks like a shift).
    int refineShiftPoints = 5;
    int lMin = 12;              // frequency radius of the global search, in lattice units (|k|·D)
    int lMax = 48;              // final radius (capped at D/2)
    // Samples per lattice step of the Hartley volume the slices are interpolated from: at 1
    // the trilinear interpolation of a transform that oscillates on the scale of 2 lattice
    // steps biases the scores towards poses whose samples fall on the nodes.
    int volumeOversampling = 2;
    // Report the posterior mean pose instead of the best one: over the last stage's candidates
    // within four parent-grid spacings of the best, p ∝ exp(−|y − c·s|²/2σ²) with σ² per value
    // from the best pose's residual; the mean rotation is the weighted sum of matrices
    // projected onto SO(3). At SNR 0.1 (D = 64, the simulator's true map) it lowers the
    // median rotation error from 5.3° to 5.1°.
    bool posteriorMean = true;
};

struct PoseEstimate {
    std::array<float, 9> rotation{1, 0, 0, 0, 1, 0, 0, 0, 1};   // our R, row-major
    float shiftX = 0, shiftY = 0;   // pixels
    float error = 0;                // mean squared error over the compared pixels (last stage)
};

// Seconds spent, accumulated over calls.
struct PoseSearchTiming {
    double decoder = 0;     // model evaluation (the Hartley volume)
    double slicing = 0;     // slice interpolation at the candidate rotations
    double shifts = 0;      // translated, CTF-weighted images
    double scoring = 0;     // the score matrix products
    double selection = 0;   // min over shifts, top-K, children of the kept poses
    std::size_t images = 0;
    double total() const { return decoder + slicing + shifts + scoring + selection; }
};

class PoseSearch {
public:
    struct Impl;   // holds the torch model; built by fromRun or makePoseSearch (PoseSearchModel.h)
    explicit PoseSearch(std::unique_ptr<Impl> impl);
    ~PoseSearch();

    // The newest checkpoint of a run directory (decoder only). threads ≤ 0: all cores.
    // Throws FileError when the run has no run.h5 or no checkpoint.
    static std::unique_ptr<PoseSearch> fromRun(const std::filesystem::path& runDir, const PoseSearchOptions& options,
                                               int threads);

    // Searches against a fixed map instead of a model (no latent): its Hartley transform divided
    // by valueScale, which should be the images' Hartley std (TrainingImages::norm().std) for the
    // slices to be in the images' units. For diagnosis: the true map bounds what a model can do.
    static std::unique_ptr<PoseSearch> fromMap(const Volume& map, double valueScale, const PoseSearchOptions& options,
                                               int threads);

    int boxSize() const;
    int zdim() const;
    const PoseSearchOptions& options() const;
    // L (lattice units) used at each stage: stage 0 is the global search.
    std::vector<int> stageRadii() const;

    // One pose per image of the batch. z: B × zdim values for models with a latent, else empty.
    std::vector<PoseEstimate> search(const TrainingBatch& batch, std::span<const float> z = {});
    // The mean squared error per compared pixel (final stage's L) of given poses, as search()
    // reports it for the poses it finds: search() finding a pose with an error above that of the
    // true pose means the grids missed it.
    std::vector<float> poseErrors(const TrainingBatch& batch, std::span<const PoseEstimate> poses,
                                  std::span<const float> z = {});
    // Noise-free images of the model (homogeneous) at the given poses with the batch's CTF, in
    // the layout of batch.target (B × 2Ph, uncentred: the particle sits at image centre − t),
    // band-limited to |k|·D ≤ min(lMax, D/2). For tests of the search itself.
    std::vector<float> projectModel(const TrainingBatch& batch, std::span<const PoseEstimate> poses);
    // The model's weights changed: drop the cached volume and base slices.
    void modelChanged();

    const PoseSearchTiming& timing() const;
    void resetTiming();

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace cryo
