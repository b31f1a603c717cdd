#pragma once
// Region picks over N 2-D points (x[i], y[i]) in data coordinates: lasso polygon,
// rectangle, value range on a column, one label of a clustering. Each returns a
// SelectionSet of size N.
#include "analysis/SelectionSet.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cryo {

struct PlanePoint {
    double x = 0, y = 0;
};

// Even-odd rule (a self-crossing lasso selects alternately), the classic crossing test:
// a point exactly on a left/bottom edge counts as inside, on a right/top edge as outside
// (up to rounding: points within an ulp of an edge may go either way).
// Polygons with < 3 vertices select nothing. Non-finite points are never selected.
// Cost ~ N × (edges crossing the point's scanline strip), split over `threads` threads
// (a second thread gave no gain on the shared 2-core machines — bench_scatter — so the
// default leaves the other core to training).
// Throws UsageError when x and y differ in length.
SelectionSet selectInPolygon(std::span<const float> x, std::span<const float> y,
                             const std::vector<PlanePoint>& polygon, int threads = 1);

// The same rule for one point (brute force over all edges); the reference for tests.
bool pointInPolygon(double px, double py, const std::vector<PlanePoint>& polygon);

// Points with min(a.x, b.x) <= x <= max(a.x, b.x) and likewise for y (closed box).
SelectionSet selectInRectangle(std::span<const float> x, std::span<const float> y, PlanePoint a,
                               PlanePoint b);

// low <= value <= high; NaN never matches.
SelectionSet selectInRange(std::span<const float> values, double low, double high);

// value == label (e.g. one k-means cluster).
SelectionSet selectLabel(std::span<const std::int32_t> labels, std::int32_t label);

} // namespace cryo
