#include "train/CanonicalInPlane.h"

namespace cryo {

CanonicalInPlane::CanonicalInPlane(const TrainingLattice& lattice, const torch::Device& device) : m_D(lattice.D)
{
    std::vector<std::int64_t> index(lattice.half.begin(), lattice.half.end());
    index.insert(index.end(), lattice.mirror.begin(), lattice.mirror.end());
    m_flatIndex = torch::tensor(index, torch::kLong).to(device);
    const auto half = torch::from_blob(const_cast<float*>(lattice.halfCoords.data()),
                                       {std::int64_t(lattice.halfCount()), 2}).clone();
    m_coords = torch::cat({half, -half}, 0).to(device);
}

torch::Tensor CanonicalInPlane::turn(const torch::Tensor& images, const torch::Tensor& rotations) const
{
    const std::int64_t B = images.size(0), n = m_D + 1;
    auto lattice = torch::zeros({B, n * n}, images.options());
    lattice.index_copy_(1, m_flatIndex, images);

    // The canonical image axes in volume coordinates: u along the volume's z axis projected onto
    // the image plane (its x axis when z is within 0.06° of the viewing direction), v = view × u.
    const auto view = rotations.select(1, 2);                                         // [B, 3]
    const auto inPlane = [&](int axis) {
        auto u = -view.select(1, axis).unsqueeze(1) * view;
        u.select(1, axis).add_(1.0);
        return u;   // e_axis − (e_axis · view) view, [B, 3]
    };
    const auto fromZ = inPlane(2), fromX = inPlane(0);
    const auto zNorm = fromZ.norm(2, 1, true);
    auto u = torch::where(zNorm > 1e-3, fromZ, fromX);
    u = u / u.norm(2, 1, true);
    const auto v = torch::cross(view, u, 1);

    // A point k' of the canonical image is the point A·k' of the recorded one, A [B, 2, 2] =
    // (image axes) · (u, v); grid_sample wants (x, y) in [−1, 1] over the lattice: 2k.
    const auto A = torch::matmul(rotations.narrow(1, 0, 2), torch::stack({u, v}, 2));
    const auto source = torch::matmul(m_coords, A.transpose(1, 2)) * 2.0;            // [B, 2Ph, 2]
    namespace F = torch::nn::functional;
    return F::grid_sample(lattice.view({B, 1, n, n}), source.unsqueeze(1),
                          F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(true))
        .view({B, -1});
}

} // namespace cryo
