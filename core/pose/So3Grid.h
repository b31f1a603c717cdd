#pragma once
// Multi-resolution uniform grids on SO(3) by the Hopf fibration (cryoDRGN2's so3_grid):
// at resolution r the viewing directions are the HEALPix pixel centres (nested scheme,
// Nside = 2^r, 12·4^r pixels, via libhealpix_cxx) and each direction carries 6·2^r in-plane
// angles ψ = (j + ½)·2π/(6·2^r). So the grid has 72·8^r rotations (576 at r = 1, 4608 at
// r = 2), spaced about 60°/2^r apart.
//
// A grid point (θ, φ, ψ) is the rotation R = matrixFromRelionEuler(rot = φ, tilt = θ,
// psi = ψ − c·φ) in our convention (geometry/PoseConventions.h), c = 1, 0, −1 for points in the
// north-cap, equatorial and south-cap HEALPix base pixels: its projection direction is the unit
// vector (θ, φ) and ψ the in-plane angle, counted so that it does not spin around the poles
// (children stay near their parent). Equal-area directions × uniform ψ is uniform on SO(3),
// because the Haar measure in ZYZ Euler angles is sin θ dθ dφ dpsi.
//
// Index = pixel · inPlaneCount + j. The children of (pixel, j) at resolution r + 1 are the 4
// nested HEALPix children 4·pixel + {0..3} × in-plane angles {2j, 2j + 1}: 8 points that
// tile the parent's cell.
#include "geometry/PoseConventions.h"

#include <array>
#include <cstdint>
#include <memory>

namespace cryo {

class So3Grid {
public:
    explicit So3Grid(int resolution);   // 0 ≤ resolution ≤ 12
    ~So3Grid();
    So3Grid(So3Grid&&) noexcept;
    So3Grid& operator=(So3Grid&&) noexcept;

    int resolution() const { return m_resolution; }
    std::int64_t directionCount() const { return m_directions; }   // 12·4^r
    std::int64_t inPlaneCount() const { return m_inPlane; }        // 6·2^r
    std::int64_t size() const { return m_directions * m_inPlane; }
    // Nominal spacing between neighbours, degrees (the in-plane step 360°/(6·2^r)).
    double spacingDeg() const { return spacingDeg(m_resolution); }
    static double spacingDeg(int resolution) { return 360.0 / (6.0 * double(std::int64_t(1) << resolution)); }

    // Colatitude θ and longitude φ (radians) of a direction; ψ (radians) of an in-plane index.
    std::array<double, 2> direction(std::int64_t pixel) const;
    double inPlaneAngle(std::int64_t j) const;
    Mat3 rotation(std::int64_t index) const;
    // Row-major 3×3 float rotations of all grid points (size() × 9).
    std::vector<float> allRotations() const;

    // The 8 indices at resolution r + 1 that subdivide point index.
    static std::array<std::int64_t, 8> children(int resolution, std::int64_t index);

private:
    struct Base;
    int m_resolution;
    std::int64_t m_directions, m_inPlane;
    std::unique_ptr<Base> m_base;
};

// Translation grids (pixels): a base n×n grid over [−extent, extent]², then 3×3 grids at
// half the previous step around the best shift so far.
struct ShiftGrid {
    // n×n points, x fastest, spacing 2·extent/(n − 1) (one point at 0 when n = 1).
    static std::vector<std::array<float, 2>> base(double extent, int n);
    static double baseStep(double extent, int n) { return n > 1 ? 2.0 * extent / (n - 1) : 0.0; }
    // centre + {−step, 0, step}², x fastest.
    static std::array<std::array<float, 2>, 9> around(std::array<float, 2> centre, double step);
};

} // namespace cryo
