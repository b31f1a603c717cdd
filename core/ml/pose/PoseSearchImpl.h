#pragma once
// The inside of PoseSearch, shared by its two files: PoseSearch.cpp (the search: global
// grid, refinement, posterior mean, pose errors) and PoseSearchVolumes.cpp (the model side:
// Hartley volumes over the ball, their slices, construction). Torch: cryoscape_ml .cpp only.
#include "pose/PoseSearchModel.h"

#include <chrono>
#include <map>

namespace cryo {

using PoseSearchClock = std::chrono::steady_clock;

// Adds the seconds of its lifetime to a timing field.
class Stopwatch {
public:
    explicit Stopwatch(double& sink) : m_sink(sink), m_start(PoseSearchClock::now()) {}
    ~Stopwatch() { m_sink += std::chrono::duration<double>(PoseSearchClock::now() - m_start).count(); }
    Stopwatch(const Stopwatch&) = delete;
    Stopwatch& operator=(const Stopwatch&) = delete;

private:
    double& m_sink;
    PoseSearchClock::time_point m_start;
};

// The kept poses of a batch: grid indices at the current resolution, shifts, scores.
struct Candidates {
    torch::Tensor rotations;   // [B, K] int64 (CPU)
    torch::Tensor shifts;      // [B, K, 2] pixels
    torch::Tensor error;       // [B, K] |c·s|² − 2 y·(c·s) (|y|² left out)
    // Final stage with PoseSearchOptions::posteriorMean: the posterior mean pose.
    torch::Tensor meanRotation;   // [B, 3, 3]
    torch::Tensor meanShift;      // [B, 2] pixels
};

// A batch restricted to the stage's frequencies |k|·D ≤ L.
struct StageImages {
    torch::Tensor half, mirror;   // [B, P] Hartley values at k and −k
    torch::Tensor ctf;            // [B, P] (even in k: the same at −k)
    torch::Tensor coords;         // [P, 2] cycles/px
};

struct PoseSearch::Impl {
    CryoModel model{nullptr};     // null when searching against a fixed map
    torch::Tensor fixedVolume;    // [1, 1, S, S, S]: fromMap's Hartley cube, used instead of the model
    torch::Device device{torch::kCPU};
    int D = 0;
    PoseSearchOptions options;
    TrainingLattice lattice;
    std::vector<So3Grid> grids;             // resolutions r0 .. r0 + M
    std::vector<int> radii;                 // L per stage
    std::vector<torch::Tensor> selection;   // per stage: [P] half points with |k|·D ≤ L
    torch::Tensor halfCoords;               // [Ph, 2] cycles/px
    torch::Tensor baseRotations;            // [R0, 3, 3]
    torch::Tensor baseShifts;               // [T0, 2] pixels
    int volumeRadius = 0;                   // n: the cube holds |k_i|·D·oversampling ≤ n on each axis
    double volumeScale = 1;                 // cube steps per cycle/px: D · oversampling
    torch::Tensor ballCoords;               // [1, Pb, 3] half ball |k|·D ≤ n, cycles/px
    torch::Tensor ballHalf, ballMirror;     // [Pb] flat cube indices of k and −k
    // A model's Hartley volume at one z (empty for a homogeneous model) and its base-grid slices.
    struct CachedVolume {
        torch::Tensor volume;       // [1, 1, S, S, S]
        torch::Tensor baseSlices;   // [R0, 2 P0]
    };
    // Until modelChanged(); at most kCachedVolumes latents (then it starts over).
    static constexpr std::size_t kCachedVolumes = 16;
    std::map<std::vector<float>, CachedVolume> volumes;
    PoseSearchTiming timing;

    int zdim() const { return model ? model->zdim() : 0; }
    void setup();
    void setupBall();
    torch::Tensor mapVolume(const Volume& map, double valueScale) const;
    torch::Tensor evaluateVolumes(const torch::Tensor& z);
    torch::Tensor slices(const torch::Tensor& volumes, const torch::Tensor& rotations, int stage);
    torch::Tensor slicesAt(const torch::Tensor& volumes, const torch::Tensor& rotations, const torch::Tensor& k);
    StageImages stageImages(const torch::Tensor& target, const torch::Tensor& ctf, int stage) const;
    Candidates globalSearch(const StageImages& im, const torch::Tensor& slices);
    Candidates refine(const StageImages& im, const torch::Tensor& volumes, const Candidates& kept, int stage);
    torch::Tensor poseErrors(const torch::Tensor& target, const torch::Tensor& ctf, const torch::Tensor& volumes,
                             const torch::Tensor& rotations, const torch::Tensor& shifts);
    const CachedVolume& volumeAt(const std::vector<float>& z);
    std::vector<PoseEstimate> searchBatch(const torch::Tensor& target, const torch::Tensor& ctf,
                                          const torch::Tensor& volumes, const torch::Tensor& baseSlices);
};

} // namespace cryo
