#include "pose/So3Grid.h"

#include "util/Error.h"

#include <healpix_base.h>

#include <cmath>
#include <numbers>
#include <string>

namespace cryo {

struct So3Grid::Base {
    Healpix_Base healpix;
};

So3Grid::So3Grid(int resolution)
    : m_resolution(resolution)
{
    if (resolution < 0 || resolution > 12)
        throw UsageError("SO(3) grid resolution " + std::to_string(resolution) + " is outside 0..12");
    m_base = std::make_unique<Base>(Base{Healpix_Base(resolution, NEST)});
    m_directions = std::int64_t(12) << (2 * resolution);
    m_inPlane = std::int64_t(6) << resolution;
}

So3Grid::~So3Grid() = default;
So3Grid::So3Grid(So3Grid&&) noexcept = default;
So3Grid& So3Grid::operator=(So3Grid&&) noexcept = default;

std::array<double, 2> So3Grid::direction(std::int64_t pixel) const
{
    const pointing p = m_base->healpix.pix2ang(int(pixel));
    return {p.theta, p.phi};
}

double So3Grid::inPlaneAngle(std::int64_t j) const
{
    return (double(j) + 0.5) * 2.0 * std::numbers::pi / double(m_inPlane);
}

Mat3 So3Grid::rotation(std::int64_t index) const
{
    const std::int64_t pixel = index / m_inPlane;
    const auto [theta, phi] = direction(pixel);
    // The in-plane angle is counted from a frame that does not spin around the poles: near
    // θ = 0 the rotation depends on psi + rot, near θ = π on psi − rot, so psi = ψ − c·φ with
    // c = 1 / 0 / −1 for the north-cap / equatorial / south-cap HEALPix base pixel keeps the
    // children of a point near it (a per-base-pixel offset of ψ keeps the grid uniform).
    const std::int64_t basePixel = pixel >> (2 * m_resolution);
    const double c = basePixel < 4 ? 1.0 : (basePixel < 8 ? 0.0 : -1.0);
    const double psi = inPlaneAngle(index % m_inPlane) - c * phi;
    const double toDeg = 180.0 / std::numbers::pi;
    return matrixFromRelionEuler({phi * toDeg, theta * toDeg, psi * toDeg});
}

std::vector<float> So3Grid::allRotations() const
{
    std::vector<float> out(std::size_t(size()) * 9);
    for (std::int64_t i = 0; i < size(); ++i) {
        const auto m = rowMajorFromMatrix(rotation(i));
        std::copy(m.begin(), m.end(), out.begin() + std::ptrdiff_t(i) * 9);
    }
    return out;
}

std::array<std::int64_t, 8> So3Grid::children(int resolution, std::int64_t index)
{
    const std::int64_t inPlane = std::int64_t(6) << resolution;
    const std::int64_t pixel = index / inPlane, j = index % inPlane;
    std::array<std::int64_t, 8> out{};
    for (int c = 0; c < 4; ++c)
        for (int h = 0; h < 2; ++h)
            out[std::size_t(2 * c + h)] = (4 * pixel + c) * (2 * inPlane) + (2 * j + h);
    return out;
}

std::vector<std::array<float, 2>> ShiftGrid::base(double extent, int n)
{
    std::vector<std::array<float, 2>> out;
    const double step = baseStep(extent, n);
    const double start = n > 1 ? -extent : 0.0;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            out.push_back({float(start + x * step), float(start + y * step)});
    return out;
}

std::array<std::array<float, 2>, 9> ShiftGrid::around(std::array<float, 2> centre, double step)
{
    std::array<std::array<float, 2>, 9> out{};
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x)
            out[std::size_t(3 * y + x)] = {float(centre[0] + (x - 1) * step), float(centre[1] + (y - 1) * step)};
    return out;
}

} // namespace cryo
