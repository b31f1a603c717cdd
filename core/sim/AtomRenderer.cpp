#include "sim/AtomRenderer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cryo {
namespace {

constexpr double kCutoffSigmas = 4.0;   // contributions beyond 4σ (< 3.4e-4 of the peak) dropped

// 1D Gaussian factors exp(−(x − c)²/2σ²) over the pixels [first, first + n) of one axis.
// Returns first; fills values.
int axisFactors(double centrePx, double sigmaPx, int D, std::vector<double>& values)
{
    const int half = int(std::ceil(kCutoffSigmas * sigmaPx));
    const int centre = int(std::lround(centrePx));
    const int first = std::max(0, centre - half), last = std::min(D - 1, centre + half);
    values.clear();
    for (int i = first; i <= last; ++i) {
        const double d = (i - centrePx) / sigmaPx;
        values.push_back(std::exp(-0.5 * d * d));
    }
    return first;
}

} // namespace

void renderProjection(const std::vector<PseudoAtom>& atoms, const Mat3& R, int D, double apix, float* out)
{
    std::fill(out, out + std::size_t(D) * D, 0.0f);
    std::vector<double> fx, fy;
    for (const PseudoAtom& a : atoms) {
        const Vec3 q = R * a.position;
        const double sigmaPx = a.sigma / apix;
        // ∫ w·exp(−z²/2σ²) dz = w·σ·√(2π) (Å), divided by apix to match a sum over voxels.
        const double amplitude = a.weight * a.sigma * std::sqrt(2 * std::numbers::pi) / apix;
        const int x0 = axisFactors(q.x() / apix + D / 2, sigmaPx, D, fx);
        const int y0 = axisFactors(q.y() / apix + D / 2, sigmaPx, D, fy);
        for (std::size_t j = 0; j < fy.size(); ++j) {
            float* row = out + std::size_t(y0 + j) * D + x0;
            const double ay = amplitude * fy[j];
            for (std::size_t i = 0; i < fx.size(); ++i)
                row[i] += float(ay * fx[i]);
        }
    }
}

std::vector<float> renderProjection(const std::vector<PseudoAtom>& atoms, const Mat3& R, int D, double apix)
{
    std::vector<float> out(std::size_t(D) * D);
    renderProjection(atoms, R, D, apix, out.data());
    return out;
}

Volume renderVolume(const std::vector<PseudoAtom>& atoms, int D, double apix)
{
    Volume v(D, D, D, float(apix));
    std::vector<double> fx, fy, fz;
    for (const PseudoAtom& a : atoms) {
        const double sigmaPx = a.sigma / apix;
        const int x0 = axisFactors(a.position.x() / apix + D / 2, sigmaPx, D, fx);
        const int y0 = axisFactors(a.position.y() / apix + D / 2, sigmaPx, D, fy);
        const int z0 = axisFactors(a.position.z() / apix + D / 2, sigmaPx, D, fz);
        for (std::size_t k = 0; k < fz.size(); ++k) {
            for (std::size_t j = 0; j < fy.size(); ++j) {
                const double ayz = a.weight * fz[k] * fy[j];
                float* row = &v.at(x0, int(y0 + j), int(z0 + k));
                for (std::size_t i = 0; i < fx.size(); ++i)
                    row[i] += float(ayz * fx[i]);
            }
        }
    }
    return v;
}

} // namespace cryo
