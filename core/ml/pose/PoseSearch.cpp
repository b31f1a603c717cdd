// PoseSearch's search: the global search over the base grid, the refinements, the posterior
// mean, and the pose errors of given poses (the model side is in PoseSearchVolumes.cpp).
#include "pose/PoseSearchImpl.h"

#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace cryo {

namespace {

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
