#include "pose/PoseSearchModel.h"

#include "io/H5File.h"
#include "fourier/HartleyVolume.h"
#include "model/ComputeDevice.h"
#include "run/RunFile.h"
#include "model/Checkpoint.h"
#include "util/Error.h"

#include <chrono>
#include <cmath>
#include <map>
#include <numbers>

namespace cryo {

namespace {

using Clock = std::chrono::steady_clock;

// Adds the seconds of its lifetime to a timing field.
class Stopwatch {
public:
    explicit Stopwatch(double& sink) : m_sink(sink), m_start(Clock::now()) {}
    ~Stopwatch() { m_sink += std::chrono::duration<double>(Clock::now() - m_start).count(); }
    Stopwatch(const Stopwatch&) = delete;
    Stopwatch& operator=(const Stopwatch&) = delete;

private:
    double& m_sink;
    Clock::time_point m_start;
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

// CTF-weighted images translated by each shift: [B, S, 2P] for shifts [B, S, 2] (px).
// Translating by t: H'(k) = cos(2πk·t) H(k) + sin(2πk·t) H(−k), and H'(−k) = cos H(−k) − sin H(k).
torch::Tensor weightedTranslations(const StageImages& im, const torch::Tensor& shifts)
{
    const auto phase = torch::matmul(shifts, im.coords.t()) * (2.0 * std::numbers::pi);   // [B, S, P]
    const auto c = phase.cos(), s = phase.sin();
    const auto yh = im.half.unsqueeze(1), ym = im.mirror.unsqueeze(1), w = im.ctf.unsqueeze(1);
    return torch::cat({(c * yh + s * ym) * w, (c * ym - s * yh) * w}, 2);
}

// The posterior mean pose of one refinement stage's candidates: p ∝ exp(−|y − c·s|²/2σ²), σ²
// per value from the best candidate's residual, over the rotations within radius (rad) of the
// best one (a second basin of similar fit would pull the mean between the two); the weighted
// sum of matrices is projected back onto SO(3).
// error [B, K, T, 8] (kept parent, shift, child) without |y|²; imageEnergy [B] = |y|² over
// `values` values; rotations [B, K·8, 3, 3] (candidate k·8 + child); shifts [B, K·T, 2] px.
// Returns rotations [B, 3, 3] and shifts [B, 2].
std::pair<torch::Tensor, torch::Tensor> posteriorMeanPose(const torch::Tensor& error, const torch::Tensor& imageEnergy,
                                                          std::int64_t values, const torch::Tensor& rotations,
                                                          const torch::Tensor& shifts, double radius)
{
    const std::int64_t B = error.size(0), K = error.size(1), T = error.size(2);
    const auto [minimum, argmin] = error.reshape({B, -1}).min(1);   // [B]
    const auto sigma2 = ((minimum + imageEnergy) / double(values)).clamp_min(1e-12).view({B, 1, 1, 1});
    auto w = torch::exp(-(error - minimum.view({B, 1, 1, 1})) / (2.0 * sigma2));   // [B, K, T, 8]
    const auto best = torch::div(argmin, T * 8, "floor") * 8 + argmin.remainder(8);   // [B] candidate
    const auto bestRotation = rotations.gather(1, best.view({B, 1, 1, 1}).expand({B, 1, 3, 3}));
    const auto cosine = ((rotations * bestRotation).sum({2, 3}) - 1.0) / 2.0;   // [B, K·8]: cos of the angle
    w = w * (cosine >= std::cos(radius)).to(w.scalar_type()).view({B, K, 1, 8});
    w = w / w.sum({1, 2, 3}).view({B, 1, 1, 1});
    const auto m = (rotations * w.sum(2).reshape({B, K * 8, 1, 1})).sum(1);   // [B, 3, 3]
    const auto [U, S, Vh] = torch::linalg_svd(m, false);
    auto flip = torch::ones({B, 3}, m.options());   // det +1: no reflection
    flip.select(1, 2).copy_(torch::det(torch::matmul(U, Vh)));
    return {torch::matmul(U * flip.unsqueeze(1), Vh), (shifts * w.sum(3).reshape({B, K * T, 1})).sum(1)};
}

} // namespace

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

void PoseSearch::Impl::setup()
{
    const PoseSearchOptions& o = options;
    if (o.baseResolution < 0 || o.refinements < 0 || o.baseResolution + o.refinements > 12 || o.kept < 1 ||
        o.keptBase < 1 || o.shiftPoints < 1 || o.shiftExtent < 0 || o.lMin < 1 || o.refineShiftPoints < 1 ||
        o.refineShiftPoints % 2 == 0 || o.volumeOversampling < 1 || o.volumeOversampling > 4)
        throw UsageError("pose search: invalid grid options");
    lattice = TrainingLattice::make(D);
    const auto Ph = std::int64_t(lattice.halfCount());
    halfCoords = torch::from_blob(lattice.halfCoords.data(), {Ph, 2}).clone();
    const int lTop = std::max(1, std::min(o.lMax, D / 2)), lBottom = std::min(o.lMin, lTop);
    for (int s = 0; s <= o.refinements; ++s) {
        grids.emplace_back(o.baseResolution + s);
        const int L = o.refinements == 0 ? lBottom : lBottom + (lTop - lBottom) * s / o.refinements;
        radii.push_back(L);
        std::vector<std::int64_t> inside;
        for (std::int64_t p = 0; p < Ph; ++p) {
            const double kx = lattice.halfCoords[2 * p] * D, ky = lattice.halfCoords[2 * p + 1] * D;
            if (kx * kx + ky * ky <= double(L) * L + 1e-6)
                inside.push_back(p);
        }
        selection.push_back(torch::tensor(inside, torch::kInt64).to(device));
    }
    std::vector<float> rotations = grids[0].allRotations();
    baseRotations = torch::from_blob(rotations.data(), {grids[0].size(), 3, 3}).clone().to(device);
    std::vector<float> shifts;
    for (const auto& t : ShiftGrid::base(o.shiftExtent, o.shiftPoints))
        shifts.insert(shifts.end(), t.begin(), t.end());
    baseShifts = torch::from_blob(shifts.data(), {std::int64_t(shifts.size() / 2), 2}).clone().to(device);
    halfCoords = halfCoords.to(device);
    volumeScale = double(D) * o.volumeOversampling;
    volumeRadius = (lTop + 1) * o.volumeOversampling;   // one lattice step of margin for the interpolation
    setupBall();
}

void PoseSearch::Impl::setupBall()
{
    // The half ball the decoder evaluates (z > 0, or z = 0 and y > 0, or z = y = 0 and x ≥ 0);
    // Hermitian symmetry gives the other half: V(k) = a − b, V(−k) = a + b.
    const int n = volumeRadius, S = 2 * n + 1;
    std::vector<float> coords;
    std::vector<std::int64_t> half, mirror;
    auto flat = [&](int x, int y, int z) { return (std::int64_t(z + n) * S + (y + n)) * S + (x + n); };
    for (int z = 0; z <= n; ++z)
        for (int y = -n; y <= n; ++y)
            for (int x = -n; x <= n; ++x) {
                if (x * x + y * y + z * z > n * n || (z == 0 && (y < 0 || (y == 0 && x < 0))))
                    continue;
                coords.insert(coords.end(), {float(x / volumeScale), float(y / volumeScale), float(z / volumeScale)});
                half.push_back(flat(x, y, z));
                mirror.push_back(flat(-x, -y, -z));
            }
    const auto P = std::int64_t(half.size());
    ballCoords = torch::from_blob(coords.data(), {1, P, 3}).clone().to(device);
    ballHalf = torch::tensor(half, torch::kInt64).to(device);
    ballMirror = torch::tensor(mirror, torch::kInt64).to(device);
}

torch::Tensor PoseSearch::Impl::evaluateVolumes(const torch::Tensor& z)
{
    // z [N, zdim] or undefined (homogeneous: one volume) → Hartley cubes [N, 1, S, S, S].
    Stopwatch watch(timing.decoder);
    const std::int64_t N = z.defined() ? z.size(0) : 1, P = ballCoords.size(1), chunk = 16384;
    std::vector<torch::Tensor> parts;
    for (std::int64_t first = 0; first < P; first += chunk) {
        const auto coords = ballCoords.narrow(1, first, std::min(chunk, P - first));
        parts.push_back(model->decode(N > 1 ? coords.expand({N, -1, 3}) : coords, z));
    }
    const auto out = torch::cat(parts, 1);   // [N, P, 2]
    const auto a = out.select(2, 0), b = out.select(2, 1);
    const std::int64_t S = 2 * volumeRadius + 1;
    auto cube = torch::zeros({N, S * S * S}, out.options());
    cube.index_copy_(1, ballMirror, a + b);
    cube.index_copy_(1, ballHalf, a - b);   // k = 0 is its own mirror: HT(0) = a − b
    return cube.view({N, 1, S, S, S});
}

torch::Tensor PoseSearch::Impl::mapVolume(const Volume& map, double valueScale) const
{
    // The cube's step is 1/(D·oversampling) cycles/px: the Hartley transform of the map
    // zero-padded to N = D·oversampling (origin at N/2), read periodically (a sampled map's
    // transform repeats every cycle/px) and divided by the images' Hartley std.
    const int N = D * options.volumeOversampling, pad = (N - D) / 2, n = volumeRadius, S = 2 * n + 1;
    Volume padded(N, N, N, map.voxelSize);
    for (int z = 0; z < D; ++z)
        for (int y = 0; y < D; ++y)
            for (int x = 0; x < D; ++x)
                padded.at(x + pad, y + pad, z + pad) = map.at(x, y, z);
    const std::vector<float> ht = hartleyOfVolume(padded, false);
    std::vector<float> cube(std::size_t(S) * S * S);
    const auto wrap = [&](int i) { return std::size_t(((i + N / 2) % N + N) % N); };
    for (int z = -n; z <= n; ++z)
        for (int y = -n; y <= n; ++y)
            for (int x = -n; x <= n; ++x)
                cube[(std::size_t(z + n) * S + std::size_t(y + n)) * S + std::size_t(x + n)] =
                    float(ht[(wrap(z) * N + wrap(y)) * N + wrap(x)] / valueScale);
    return torch::from_blob(cube.data(), {1, 1, S, S, S}).clone().to(device);
}

torch::Tensor PoseSearch::Impl::slices(const torch::Tensor& volumes, const torch::Tensor& rotations, int stage)
{
    // rotations [N, R, 3, 3] → [N, R, 2P]: the slice through Rᵀ·(kx, ky, 0) at the stage's half
    // points, then at their mirrors (PoseConventions.h), trilinear in the Hartley cube.
    return slicesAt(volumes, rotations, halfCoords.index_select(0, selection[std::size_t(stage)]));
}

torch::Tensor PoseSearch::Impl::slicesAt(const torch::Tensor& volumes, const torch::Tensor& rotations,
                                         const torch::Tensor& k)
{
    // k [P, 2] half points (cycles/px) → [N, R, 2P]
    Stopwatch watch(timing.slicing);
    const auto coords = torch::matmul(k, rotations.narrow(2, 0, 2));            // [N, R, P, 3]
    // grid_sample with align_corners: −1 ↔ cube index 0, +1 ↔ index 2n, so u = k·scale/n.
    const auto grid = (torch::cat({coords, -coords}, 2) * (volumeScale / volumeRadius)).unsqueeze(3);
    const auto out = torch::grid_sampler(volumes, grid, 0, 0, true);   // [N, 1, R, 2P, 1]
    return out.view({rotations.size(0), rotations.size(1), grid.size(2)});
}

StageImages PoseSearch::Impl::stageImages(const torch::Tensor& target, const torch::Tensor& ctf, int stage) const
{
    const auto& sel = selection[std::size_t(stage)];
    const std::int64_t Ph = ctf.size(1);
    return {target.narrow(1, 0, Ph).index_select(1, sel), target.narrow(1, Ph, Ph).index_select(1, sel),
            ctf.index_select(1, sel), halfCoords.index_select(0, sel)};
}

Candidates PoseSearch::Impl::globalSearch(const StageImages& im, const torch::Tensor& s0)
{
    const std::int64_t B = im.half.size(0), T = baseShifts.size(0), R = s0.size(0), P2 = s0.size(1);
    torch::Tensor x;
    {
        Stopwatch watch(timing.shifts);
        x = weightedTranslations(im, baseShifts.unsqueeze(0).expand({B, T, 2}));   // [B, T, 2P]
    }
    torch::Tensor error;
    {
        Stopwatch watch(timing.scoring);
        const auto cross = torch::matmul(x.reshape({B * T, P2}), s0.t()).view({B, T, R});
        const auto w2 = im.ctf.square();
        const auto norm = torch::matmul(torch::cat({w2, w2}, 1), s0.square().t());   // [B, R]
        error = norm.unsqueeze(1) - 2.0 * cross;                                      // [B, T, R]
    }
    Stopwatch watch(timing.selection);
    const auto [best, bestShift] = error.min(1);   // [B, R]
    const std::int64_t K = std::min<std::int64_t>(std::max(options.kept, options.keptBase), R);
    const auto [topError, topRotation] = best.topk(K, 1, false, true);
    const auto shiftIndex = bestShift.gather(1, topRotation);
    Candidates out;
    out.rotations = topRotation.to(torch::kCPU);
    out.shifts = baseShifts.index_select(0, shiftIndex.flatten()).view({B, K, 2});
    out.error = topError;
    return out;
}

Candidates PoseSearch::Impl::refine(const StageImages& im, const torch::Tensor& volumes, const Candidates& kept,
                                    int stage)
{
    const std::int64_t B = kept.rotations.size(0), K = kept.rotations.size(1), C = 8 * K;
    const int parentResolution = options.baseResolution + stage - 1;
    torch::Tensor children, rotations;
    {
        Stopwatch watch(timing.selection);
        std::vector<std::int64_t> ids(std::size_t(B * C));
        std::vector<float> matrices(ids.size() * 9);
        const auto parents = kept.rotations.contiguous();
        const std::int64_t* parent = parents.data_ptr<std::int64_t>();
        for (std::int64_t i = 0; i < B * K; ++i) {
            const auto ch = So3Grid::children(parentResolution, parent[i]);
            for (std::size_t c = 0; c < 8; ++c) {
                const std::size_t at = std::size_t(i) * 8 + c;
                ids[at] = ch[c];
                const auto m = rowMajorFromMatrix(grids[std::size_t(stage)].rotation(ch[c]));
                std::copy(m.begin(), m.end(), matrices.begin() + std::ptrdiff_t(at * 9));
            }
        }
        children = torch::tensor(ids, torch::kInt64).view({B, C});
        rotations = torch::from_blob(matrices.data(), {B, C, 3, 3}).clone().to(device);
    }
    // One volume for the batch (homogeneous) samples all B·C slices in one call.
    const auto s = volumes.size(0) == 1 ? slices(volumes, rotations.view({1, B * C, 3, 3}), stage)
                                        : slices(volumes, rotations, stage);
    const auto sv = s.view({B, K, 8, -1});   // [B, K, 8, 2P]
    const double step = ShiftGrid::baseStep(options.shiftExtent, options.shiftPoints) / double(1 << stage);
    const std::int64_t n = options.refineShiftPoints, T = n * n;
    torch::Tensor shifts, x;
    {
        Stopwatch watch(timing.shifts);
        const auto offsets =
            (torch::arange(n, torch::TensorOptions().dtype(torch::kFloat32).device(device)) - double(n - 1) / 2) * step;
        const auto grid = torch::stack(torch::meshgrid({offsets, offsets}, "xy"), 2).reshape({T, 2});   // x fastest
        shifts = (kept.shifts.unsqueeze(2) + grid.view({1, 1, T, 2})).reshape({B, K * T, 2});
        x = weightedTranslations(im, shifts).view({B, K, T, -1});   // [B, K, T, 2P]
    }
    torch::Tensor error;
    {
        Stopwatch watch(timing.scoring);
        const auto cross = torch::matmul(x, sv.transpose(2, 3));   // [B, K, T, 8]
        const auto w2 = im.ctf.square();
        const auto norm = (sv.square() * torch::cat({w2, w2}, 1).view({B, 1, 1, -1})).sum(3);   // [B, K, 8]
        error = norm.unsqueeze(2) - 2.0 * cross;
    }
    Stopwatch watch(timing.selection);
    const auto [best, bestShift] = error.min(2);   // [B, K, 8]
    Candidates out;
    if (options.posteriorMean && stage == options.refinements) {
        const auto imageEnergy = im.half.square().sum(1) + im.mirror.square().sum(1);
        const double radius = 4.0 * grids[std::size_t(stage - 1)].spacingDeg() * std::numbers::pi / 180.0;
        std::tie(out.meanRotation, out.meanShift) =
            posteriorMeanPose(error, imageEnergy, 2 * im.half.size(1), rotations, shifts, radius);
    }
    const std::int64_t Kout = std::min<std::int64_t>(options.kept, C);
    const auto [topError, top] = best.reshape({B, C}).topk(Kout, 1, false, true);
    const auto topCpu = top.to(torch::kCPU);
    const auto shiftIndex = torch::div(top, 8, "floor") * T + bestShift.reshape({B, C}).gather(1, top);
    const auto newShifts = shifts.gather(1, shiftIndex.unsqueeze(2).expand({B, Kout, 2}));
    out.rotations = children.gather(1, topCpu);
    out.shifts = newShifts;
    out.error = topError;
    return out;
}

std::vector<PoseEstimate> PoseSearch::Impl::searchBatch(const torch::Tensor& target, const torch::Tensor& ctf,
                                                        const torch::Tensor& volumes, const torch::Tensor& s0)
{
    Candidates kept = globalSearch(stageImages(target, ctf, 0), s0);
    StageImages im;
    for (int stage = 1; stage <= options.refinements; ++stage) {
        im = stageImages(target, ctf, stage);
        kept = refine(im, volumes, kept, stage);
    }
    if (options.refinements == 0)
        im = stageImages(target, ctf, 0);
    // |y − c·s|² per pixel: add back the |y|² the scores leave out (translation keeps it); for
    // a posterior mean pose (not a grid point) evaluate it afresh.
    const auto pixels = double(2 * im.half.size(1));
    const auto error = (kept.meanRotation.defined()
                            ? poseErrors(target, ctf, volumes, kept.meanRotation, kept.meanShift)
                            : (kept.error.select(1, 0) + im.half.square().sum(1) + im.mirror.square().sum(1)) / pixels)
                           .to(torch::kCPU)
                           .contiguous();
    const auto shifts =
        (kept.meanShift.defined() ? kept.meanShift : kept.shifts.select(1, 0)).to(torch::kCPU).contiguous();
    const auto rotations = kept.rotations.select(1, 0).contiguous();
    const auto meanRotations =
        kept.meanRotation.defined() ? kept.meanRotation.to(torch::kCPU).contiguous() : torch::Tensor();
    const So3Grid& finest = grids.back();
    std::vector<PoseEstimate> out(std::size_t(target.size(0)));
    for (std::size_t b = 0; b < out.size(); ++b) {
        out[b].rotation = rowMajorFromMatrix(finest.rotation(rotations.data_ptr<std::int64_t>()[b]));
        if (meanRotations.defined())
            std::copy_n(meanRotations.data_ptr<float>() + 9 * b, 9, out[b].rotation.begin());
        out[b].shiftX = shifts.data_ptr<float>()[2 * b];
        out[b].shiftY = shifts.data_ptr<float>()[2 * b + 1];
        out[b].error = error.data_ptr<float>()[b];
    }
    return out;
}

torch::Tensor PoseSearch::Impl::poseErrors(const torch::Tensor& target, const torch::Tensor& ctf,
                                           const torch::Tensor& volumes, const torch::Tensor& rotations,
                                           const torch::Tensor& shifts)
{
    // rotations [B, 3, 3], shifts [B, 2] → [B] mean squared error at the final stage's L.
    const int stage = options.refinements;
    const StageImages im = stageImages(target, ctf, stage);
    const std::int64_t B = target.size(0);
    const auto s = volumes.size(0) == 1 ? slices(volumes, rotations.view({1, B, 3, 3}), stage).view({B, -1})
                                        : slices(volumes, rotations.view({B, 1, 3, 3}), stage).view({B, -1});
    const auto x = weightedTranslations(im, shifts.view({B, 1, 2})).view({B, -1});
    const auto w2 = im.ctf.square();
    const auto error = (s.square() * torch::cat({w2, w2}, 1)).sum(1) - 2.0 * (x * s).sum(1) + im.half.square().sum(1) +
                       im.mirror.square().sum(1);
    return error / double(2 * im.half.size(1));
}

const PoseSearch::Impl::CachedVolume& PoseSearch::Impl::volumeAt(const std::vector<float>& z)
{
    if (const auto found = volumes.find(z); found != volumes.end())
        return found->second;
    if (volumes.size() >= kCachedVolumes)
        volumes.clear();
    CachedVolume v;
    auto zs = torch::Tensor();
    if (!z.empty())
        zs = torch::from_blob(const_cast<float*>(z.data()), {1, std::int64_t(z.size())}).to(device);
    v.volume = fixedVolume.defined() ? fixedVolume : evaluateVolumes(zs);
    v.baseSlices = slices(v.volume, baseRotations.unsqueeze(0), 0).squeeze(0);
    return volumes.emplace(z, std::move(v)).first->second;
}

std::vector<float> PoseSearch::poseErrors(const TrainingBatch& batch, std::span<const PoseEstimate> poses,
                                          std::span<const float> z)
{
    Impl& d = *m_impl;
    torch::InferenceMode inference;
    const auto B = std::int64_t(batch.size()), Ph = std::int64_t(d.lattice.halfCount());
    const int zdim = d.zdim();
    if (poses.size() != batch.size() || batch.target.size() < std::size_t(B * 2 * Ph) ||
        batch.ctf.size() < std::size_t(B * Ph) || z.size() != std::size_t(B * zdim))
        throw UsageError("pose search: poses, latents and images do not match");
    std::vector<float> rotations, shifts;
    for (const PoseEstimate& p : poses) {
        rotations.insert(rotations.end(), p.rotation.begin(), p.rotation.end());
        shifts.insert(shifts.end(), {p.shiftX, p.shiftY});
    }
    const auto targets = torch::from_blob(const_cast<float*>(batch.target.data()), {B, 2 * Ph}).to(d.device);
    const auto ctfs = torch::from_blob(const_cast<float*>(batch.ctf.data()), {B, Ph}).to(d.device);
    const auto R = torch::from_blob(rotations.data(), {B, 3, 3}).to(d.device);
    const auto t = torch::from_blob(shifts.data(), {B, 2}).to(d.device);
    torch::Tensor volumes;
    if (zdim == 0) {
        volumes = d.volumeAt({}).volume;
    } else {
        volumes = d.evaluateVolumes(torch::from_blob(const_cast<float*>(z.data()), {B, zdim}).to(d.device));
    }
    const auto errors = d.poseErrors(targets, ctfs, volumes, R, t).to(torch::kCPU).contiguous();
    return {errors.data_ptr<float>(), errors.data_ptr<float>() + B};
}

std::vector<float> PoseSearch::projectModel(const TrainingBatch& batch, std::span<const PoseEstimate> poses)
{
    Impl& d = *m_impl;
    torch::InferenceMode inference;
    const auto B = std::int64_t(batch.size()), Ph = std::int64_t(d.lattice.halfCount());
    if (d.zdim() != 0 || poses.size() != batch.size() || batch.ctf.size() < std::size_t(B * Ph))
        throw UsageError("projectModel: a homogeneous model and one pose per image are needed");
    const torch::Tensor volume = d.volumeAt({}).volume;
    std::vector<float> rotations, shifts;
    for (const PoseEstimate& p : poses) {
        rotations.insert(rotations.end(), p.rotation.begin(), p.rotation.end());
        shifts.insert(shifts.end(), {-p.shiftX, -p.shiftY});   // centred → uncentred: translate by −t
    }
    const auto R = torch::from_blob(rotations.data(), {B, 3, 3}).to(d.device);
    const auto s = d.slicesAt(volume, R.view({1, B, 3, 3}), d.halfCoords).view({B, 2, Ph});
    const auto ctf = torch::from_blob(const_cast<float*>(batch.ctf.data()), {B, Ph}).to(d.device);
    StageImages im{s.select(1, 0) * ctf, s.select(1, 1) * ctf, torch::ones_like(ctf), d.halfCoords};
    const auto t = torch::from_blob(shifts.data(), {B, 1, 2}).to(d.device);
    const auto out = weightedTranslations(im, t).view({B, 2 * Ph}).to(torch::kCPU).contiguous();
    return {out.data_ptr<float>(), out.data_ptr<float>() + out.numel()};
}

PoseSearch::PoseSearch(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PoseSearch::~PoseSearch() = default;

std::unique_ptr<PoseSearch> makePoseSearch(CryoModel model, int boxSize, const PoseSearchOptions& options,
                                           const torch::Device& device)
{
    auto impl = std::make_unique<PoseSearch::Impl>();
    impl->model = std::move(model);
    impl->D = boxSize;
    impl->options = options;
    impl->device = device;
    impl->setup();
    return std::make_unique<PoseSearch>(std::move(impl));
}

std::unique_ptr<PoseSearch> PoseSearch::fromRun(const std::filesystem::path& runDir, const PoseSearchOptions& options,
                                                int threads)
{
    const auto runFile = runFilePath(runDir);
    if (!std::filesystem::exists(runFile))
        throw FileError(runFile, "no such run file (train a model first; a run directory holds run.h5)");
    const RunConfig config = readRunConfig(H5File(runFile, H5File::Mode::ReadOnly));
    const auto checkpoint = newestCheckpoint(runFile.parent_path());
    if (checkpoint.empty())
        throw FileError(runFile.parent_path(), "no checkpoints/epoch_*.pt: the run has no saved weights");
    const torch::Device device = chooseComputeDevice(threads);
    CryoModel model(config.model, config.boxSize, 0);
    loadCheckpoint(checkpoint, model, nullptr, nullptr);
    model->to(device);
    model->eval();
    return makePoseSearch(model, config.boxSize, options, device);
}

std::unique_ptr<PoseSearch> PoseSearch::fromMap(const Volume& map, double valueScale, const PoseSearchOptions& options,
                                                int threads)
{
    if (map.nx != map.ny || map.nx != map.nz || map.nx % 2 != 0 || !(valueScale > 0))
        throw UsageError("pose search: the reference map must be a cube of even size, the value scale positive");
    auto impl = std::make_unique<PoseSearch::Impl>();
    impl->D = map.nx;
    impl->options = options;
    impl->device = chooseComputeDevice(threads);
    impl->setup();
    impl->fixedVolume = impl->mapVolume(map, valueScale);
    return std::make_unique<PoseSearch>(std::move(impl));
}

int PoseSearch::boxSize() const { return m_impl->D; }
int PoseSearch::zdim() const { return m_impl->zdim(); }
const PoseSearchOptions& PoseSearch::options() const { return m_impl->options; }
std::vector<int> PoseSearch::stageRadii() const { return m_impl->radii; }
const PoseSearchTiming& PoseSearch::timing() const { return m_impl->timing; }
void PoseSearch::resetTiming() { m_impl->timing = {}; }

void PoseSearch::modelChanged()
{
    m_impl->volumes.clear();
}

std::vector<PoseEstimate> PoseSearch::search(const TrainingBatch& batch, std::span<const float> z)
{
    Impl& d = *m_impl;
    torch::InferenceMode inference;
    const auto B = std::int64_t(batch.size()), Ph = std::int64_t(d.lattice.halfCount());
    if (B == 0)
        return {};
    if (batch.target.size() < std::size_t(B * 2 * Ph) || batch.ctf.size() < std::size_t(B * Ph))
        throw UsageError("pose search: the batch does not match the model's box size");
    auto* target = const_cast<float*>(batch.target.data());
    auto* ctf = const_cast<float*>(batch.ctf.data());
    const auto targets = torch::from_blob(target, {B, 2 * Ph}).to(d.device);
    const auto ctfs = torch::from_blob(ctf, {B, Ph}).to(d.device);
    d.timing.images += std::size_t(B);
    const int zdim = d.zdim();
    if (zdim == 0) {
        const auto& v = d.volumeAt({});
        return d.searchBatch(targets, ctfs, v.volume, v.baseSlices);
    }
    if (z.size() != std::size_t(B * zdim))
        throw UsageError("pose search: " + std::to_string(z.size()) + " latent values for " + std::to_string(B) +
                         " images of a model with zdim " + std::to_string(zdim));
    // One volume per distinct z (a decoder pass over the ball each): images with equal z are
    // searched together, and callers bound the cost by quantising z (SearchedPoses: to k-means
    // centres per chunk of images).
    std::map<std::vector<float>, std::vector<std::int64_t>> groups;
    for (std::int64_t b = 0; b < B; ++b)
        groups[std::vector<float>(z.begin() + b * zdim, z.begin() + (b + 1) * zdim)].push_back(b);
    std::vector<PoseEstimate> out(std::size_t(B), PoseEstimate{});
    for (const auto& [latent, rows] : groups) {
        const auto& v = d.volumeAt(latent);
        const auto index = torch::tensor(rows, torch::kInt64).to(d.device);
        const auto found = d.searchBatch(targets.index_select(0, index), ctfs.index_select(0, index), v.volume,
                                         v.baseSlices);
        for (std::size_t i = 0; i < rows.size(); ++i)
            out[std::size_t(rows[i])] = found[i];
    }
    return out;
}

} // namespace cryo
