#pragma once
// 2D Gaussian kernel density of scatter points on a grid, for colouring a latent scatter
// by density (and drawing contours). Points are linearly binned onto a G × G grid and the
// bins convolved with a separable Gaussian (truncated at 4 bandwidths); a point's density is
// the grid bilinearly interpolated at it. Bandwidth per axis: Scott's rule
// h = σ n^(−1/6) (times bandwidthScale). Densities are per unit area (they integrate to 1).
#include "analysis/AnalysisContext.h"

#include <cstddef>
#include <vector>

namespace cryo {

struct DensityGridOptions {
    int size = 256;              // G cells per axis
    double bandwidthScale = 1.0;
};

class DensityGrid {
public:
    // Points: count × 2 floats (x, y). Throws UsageError for size < 8; AnalysisCancelled on stop.
    static DensityGrid estimate(const float* xy, std::size_t count, const DensityGridOptions& options = {},
                                const AnalysisContext& context = {});

    int size() const { return m_size; }
    double xMin() const { return m_x0; }
    double yMin() const { return m_y0; }
    double cellWidth() const { return m_dx; }
    double cellHeight() const { return m_dy; }
    double bandwidthX() const { return m_hx; }
    double bandwidthY() const { return m_hy; }
    // G × G densities, [row = y][column = x]; cell (c, r) is centred at (xMin + c·dx, yMin + r·dy).
    const std::vector<float>& values() const { return m_values; }

    // Bilinear interpolation of the grid; 0 outside it.
    double densityAt(double x, double y) const;
    std::vector<float> pointDensities(const float* xy, std::size_t count) const;

private:
    void binPoints(const float* xy, std::size_t count, std::vector<double>& bins) const;
    void smooth(std::vector<double>& bins, const AnalysisContext& context) const;

    int m_size = 0;
    double m_x0 = 0, m_y0 = 0, m_dx = 1, m_dy = 1, m_hx = 1, m_hy = 1;
    std::vector<float> m_values;
};

} // namespace cryo
