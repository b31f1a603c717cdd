#include "analysis/PointGrid.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace cryo {

PointGrid::PointGrid(std::span<const float> x, std::span<const float> y, double pointsPerCell)
{
    if (x.size() != y.size())
        throw UsageError("point columns differ in length: " + std::to_string(x.size()) + " and "
                         + std::to_string(y.size()));
    double maxX = -1e300, maxY = -1e300;
    m_minX = m_minY = 1e300;
    std::size_t finite = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            continue;
        ++finite;
        m_minX = std::min(m_minX, double(x[i])), maxX = std::max(maxX, double(x[i]));
        m_minY = std::min(m_minY, double(y[i])), maxY = std::max(maxY, double(y[i]));
    }
    if (finite == 0)
        return;
    const int side = int(std::clamp(std::sqrt(double(finite) / std::max(pointsPerCell, 1.0)), 1.0, 2048.0));
    m_nx = m_ny = side;
    // A zero extent (all points on a line) still gets a finite cell size.
    m_cellW = std::max(maxX - m_minX, 1e-12) / side;
    m_cellH = std::max(maxY - m_minY, 1e-12) / side;

    std::vector<std::uint32_t> cellOf(x.size(), 0);
    m_start.assign(std::size_t(m_nx) * m_ny + 1, 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            continue;
        cellOf[i] = std::uint32_t(cellY(y[i]) * m_nx + cellX(x[i]));
        ++m_start[cellOf[i] + 1];
    }
    for (std::size_t c = 1; c < m_start.size(); ++c)
        m_start[c] += m_start[c - 1];
    std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
    m_x.resize(finite), m_y.resize(finite), m_index.resize(finite);
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            continue;
        const std::uint32_t slot = fill[cellOf[i]]++;
        m_x[slot] = x[i], m_y[slot] = y[i], m_index[slot] = std::uint32_t(i);
    }
}

int PointGrid::cellX(double x) const
{
    return std::clamp(int(std::floor((x - m_minX) / m_cellW)), 0, m_nx - 1);
}

int PointGrid::cellY(double y) const
{
    return std::clamp(int(std::floor((y - m_minY) / m_cellH)), 0, m_ny - 1);
}

std::int64_t PointGrid::nearest(double px, double py, double sx, double sy, double maxDistance) const
{
    if (m_index.empty() || !std::isfinite(px) || !std::isfinite(py))
        return -1;
    // The query's (possibly virtual, outside the grid) cell.
    const double fx = std::clamp(std::floor((px - m_minX) / m_cellW), -1e6, 1e6);
    const double fy = std::clamp(std::floor((py - m_minY) / m_cellH), -1e6, 1e6);
    const long cx = long(fx), cy = long(fy);
    const double ringStep = std::min(std::abs(sx) * m_cellW, std::abs(sy) * m_cellH);
    const long lastRing = std::max({cx, m_nx - 1 - cx, cy, m_ny - 1 - cy, 0L});
    double best = maxDistance * maxDistance;
    std::int64_t bestIndex = -1;
    auto visit = [&](long i, long j) {
        if (i < 0 || j < 0 || i >= m_nx || j >= m_ny)
            return;
        const std::size_t cell = std::size_t(j) * std::size_t(m_nx) + std::size_t(i);
        for (std::uint32_t k = m_start[cell]; k < m_start[cell + 1]; ++k) {
            const double dx = (m_x[k] - px) * sx, dy = (m_y[k] - py) * sy;
            const double d = dx * dx + dy * dy;
            if (d < best || (d == best && bestIndex >= 0 && m_index[k] < bestIndex))
                best = d, bestIndex = m_index[k];
        }
    };
    // Rings before firstRing hold no grid cell (the query lies outside the grid).
    const long outX = cx < 0 ? -cx : std::max(0L, cx - (m_nx - 1));
    const long outY = cy < 0 ? -cy : std::max(0L, cy - (m_ny - 1));
    for (long r = std::max(outX, outY); r <= lastRing; ++r) {
        // A point in ring r is at least (r - 1) ring steps from the query.
        const double reach = double(r - 1) * ringStep;
        if (reach > 0 && reach * reach > best)
            break;
        for (long j = std::max(cy - r, 0L); j <= std::min(cy + r, long(m_ny) - 1); ++j) {
            if (j == cy - r || j == cy + r) {
                for (long i = std::max(cx - r, 0L); i <= std::min(cx + r, long(m_nx) - 1); ++i)
                    visit(i, j);
            } else {
                visit(cx - r, j);
                visit(cx + r, j);
            }
        }
    }
    return bestIndex;
}

std::int64_t nearestByScan(std::span<const float> x, std::span<const float> y, double px, double py, double sx,
                           double sy, double maxDistance)
{
    if (x.size() != y.size() || !std::isfinite(px) || !std::isfinite(py))
        return -1;
    double best = maxDistance * maxDistance;
    std::int64_t bestIndex = -1;
    for (std::size_t i = 0; i < x.size(); ++i) {   // ascending: the smallest index wins a tie, as in the grid
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            continue;
        const double dx = (x[i] - px) * sx, dy = (y[i] - py) * sy;
        const double d = dx * dx + dy * dy;
        if (d < best)
            best = d, bestIndex = std::int64_t(i);
    }
    return bestIndex;
}

} // namespace cryo
