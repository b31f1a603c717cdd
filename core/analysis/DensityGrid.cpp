#include "analysis/DensityGrid.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cryo {
namespace {

struct AxisStats {
    double min = 0, max = 0, sigma = 0;
};

AxisStats axisStats(const float* xy, std::size_t count, int axis)
{
    AxisStats s;
    if (count == 0)
        return s;
    s.min = s.max = xy[axis];
    double mean = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double v = xy[2 * i + axis];
        s.min = std::min(s.min, v);
        s.max = std::max(s.max, v);
        mean += v;
    }
    mean /= double(count);
    double var = 0;
    for (std::size_t i = 0; i < count; ++i)
        var += (xy[2 * i + axis] - mean) * (xy[2 * i + axis] - mean);
    s.sigma = count > 1 ? std::sqrt(var / double(count - 1)) : 0.0;
    return s;
}

// 1D Gaussian weights exp(−(i·cell)²/2h²) for |i| ≤ 4h/cell.
std::vector<double> kernel(double h, double cell)
{
    const int radius = std::max(1, int(std::ceil(4 * h / cell)));
    std::vector<double> w(2 * radius + 1);
    for (int i = -radius; i <= radius; ++i)
        w[i + radius] = std::exp(-0.5 * (i * cell / h) * (i * cell / h));
    return w;
}

} // namespace

DensityGrid DensityGrid::estimate(const float* xy, std::size_t count, const DensityGridOptions& options,
                                  const AnalysisContext& context)
{
    if (options.size < 8 || options.bandwidthScale <= 0)
        throw UsageError("density grid: need at least 8 cells per axis and a positive bandwidth scale");
    DensityGrid grid;
    grid.m_size = options.size;
    grid.m_values.assign(std::size_t(options.size) * options.size, 0.f);
    if (count == 0)
        return grid;
    const AxisStats sx = axisStats(xy, count, 0), sy = axisStats(xy, count, 1);
    const double scott = std::pow(double(count), -1.0 / 6.0) * options.bandwidthScale;
    // A degenerate axis (all points equal) still gets a finite bandwidth.
    const double floorH = 1e-3 * std::max({1.0, sx.max - sx.min, sy.max - sy.min});
    grid.m_hx = std::max(floorH, sx.sigma * scott);
    grid.m_hy = std::max(floorH, sy.sigma * scott);
    grid.m_x0 = sx.min - 3 * grid.m_hx;
    grid.m_y0 = sy.min - 3 * grid.m_hy;
    grid.m_dx = (sx.max + 3 * grid.m_hx - grid.m_x0) / (options.size - 1);
    grid.m_dy = (sy.max + 3 * grid.m_hy - grid.m_y0) / (options.size - 1);
    std::vector<double> bins(grid.m_values.size(), 0.0);
    grid.binPoints(xy, count, bins);
    context.checkCancelled();
    context.report(0.3);
    grid.smooth(bins, context);
    const double norm = 1.0 / (double(count) * 2 * std::numbers::pi * grid.m_hx * grid.m_hy);
    for (std::size_t c = 0; c < bins.size(); ++c)
        grid.m_values[c] = float(bins[c] * norm);
    context.report(1.0);
    return grid;
}

// Cloud-in-cell: each point's unit weight is shared by the four surrounding grid nodes.
void DensityGrid::binPoints(const float* xy, std::size_t count, std::vector<double>& bins) const
{
    const int g = m_size;
    for (std::size_t i = 0; i < count; ++i) {
        const double fx = (xy[2 * i] - m_x0) / m_dx, fy = (xy[2 * i + 1] - m_y0) / m_dy;
        const int cx = std::clamp(int(std::floor(fx)), 0, g - 2), cy = std::clamp(int(std::floor(fy)), 0, g - 2);
        const double tx = std::clamp(fx - cx, 0.0, 1.0), ty = std::clamp(fy - cy, 0.0, 1.0);
        bins[std::size_t(cy) * g + cx] += (1 - tx) * (1 - ty);
        bins[std::size_t(cy) * g + cx + 1] += tx * (1 - ty);
        bins[std::size_t(cy + 1) * g + cx] += (1 - tx) * ty;
        bins[std::size_t(cy + 1) * g + cx + 1] += tx * ty;
    }
}

// Separable convolution: rows (x), then columns (y).
void DensityGrid::smooth(std::vector<double>& bins, const AnalysisContext& context) const
{
    const int g = m_size;
    const std::vector<double> kx = kernel(m_hx, m_dx), ky = kernel(m_hy, m_dy);
    const int rx = int(kx.size() / 2), ry = int(ky.size() / 2);
    std::vector<double> pass(bins.size(), 0.0);
    for (int r = 0; r < g; ++r)
        for (int c = 0; c < g; ++c) {
            double sum = 0;
            for (int o = std::max(-rx, -c); o <= std::min(rx, g - 1 - c); ++o)
                sum += kx[o + rx] * bins[std::size_t(r) * g + c + o];
            pass[std::size_t(r) * g + c] = sum;
        }
    context.checkCancelled();
    context.report(0.65);
    for (int r = 0; r < g; ++r)
        for (int c = 0; c < g; ++c) {
            double sum = 0;
            for (int o = std::max(-ry, -r); o <= std::min(ry, g - 1 - r); ++o)
                sum += ky[o + ry] * pass[std::size_t(r + o) * g + c];
            bins[std::size_t(r) * g + c] = sum;
        }
}

double DensityGrid::densityAt(double x, double y) const
{
    const int g = m_size;
    if (g == 0)
        return 0;
    const double fx = (x - m_x0) / m_dx, fy = (y - m_y0) / m_dy;
    if (fx < 0 || fy < 0 || fx > g - 1 || fy > g - 1)
        return 0;
    const int cx = std::min(int(fx), g - 2), cy = std::min(int(fy), g - 2);
    const double tx = fx - cx, ty = fy - cy;
    const auto at = [&](int c, int r) { return double(m_values[std::size_t(r) * g + c]); };
    return (1 - ty) * ((1 - tx) * at(cx, cy) + tx * at(cx + 1, cy)) + ty * ((1 - tx) * at(cx, cy + 1) + tx * at(cx + 1, cy + 1));
}

std::vector<float> DensityGrid::pointDensities(const float* xy, std::size_t count) const
{
    std::vector<float> out(count);
    for (std::size_t i = 0; i < count; ++i)
        out[i] = float(densityAt(xy[2 * i], xy[2 * i + 1]));
    return out;
}

} // namespace cryo
