// PoseSearch's model side: the Hartley volume of the model (or of a fixed map) over the ball
// |k|·D ≤ n, cached per z; slices of it at any rotation; and making a search.
#include "pose/PoseSearchImpl.h"

#include "io/H5File.h"
#include "fourier/HartleyVolume.h"
#include "model/Checkpoint.h"
#include "model/ComputeDevice.h"
#include "run/RunFile.h"
#include "util/Error.h"

#include <cmath>

namespace cryo {

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

} // namespace cryo
