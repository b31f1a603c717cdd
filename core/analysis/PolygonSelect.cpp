#include "analysis/PolygonSelect.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <thread>

namespace cryo {
namespace {

// Whether edge (a, b) toggles the inside flag for a ray from (px, py) towards +x.
inline bool crosses(const PlanePoint& a, const PlanePoint& b, double px, double py)
{
    return ((a.y > py) != (b.y > py)) && (px < (b.x - a.x) * (py - a.y) / (b.y - a.y) + a.x);
}

// The polygon's edges bucketed into horizontal strips of its bounding box: a point only
// tests the few edges that overlap its own strip (CSR layout: edges of strip s are
// m_edges[m_start[s] .. m_start[s + 1])).
class StripIndex {
public:
    explicit StripIndex(const std::vector<PlanePoint>& polygon)
    {
        m_minX = m_maxX = polygon[0].x;
        m_minY = m_maxY = polygon[0].y;
        for (const PlanePoint& p : polygon) {
            m_minX = std::min(m_minX, p.x), m_maxX = std::max(m_maxX, p.x);
            m_minY = std::min(m_minY, p.y), m_maxY = std::max(m_maxY, p.y);
        }
        // ~8 strips per edge: a strip then holds little more than the edges that really
        // cross its scanline (2 for a convex lasso).
        m_strips = int(std::clamp<std::size_t>(polygon.size() * 8, 64, 8192));
        m_scale = m_maxY > m_minY ? m_strips / (m_maxY - m_minY) : 0.0;
        std::vector<std::vector<int>> buckets(static_cast<std::size_t>(m_strips));
        for (std::size_t e = 0; e < polygon.size(); ++e) {
            const PlanePoint& a = polygon[e];
            const PlanePoint& b = polygon[(e + 1) % polygon.size()];
            for (int s = strip(std::min(a.y, b.y)); s <= strip(std::max(a.y, b.y)); ++s)
                buckets[std::size_t(s)].push_back(int(e));
        }
        m_start.push_back(0);
        for (const auto& bucket : buckets) {
            for (int e : bucket) {
                const PlanePoint& a = polygon[std::size_t(e)];
                const PlanePoint& b = polygon[(std::size_t(e) + 1) % polygon.size()];
                m_edges.push_back({a.x, a.y, b.y, (b.x - a.x) / (b.y - a.y)});
            }
            m_start.push_back(int(m_edges.size()));
        }
    }

    bool inside(double px, double py) const
    {
        if (!(px >= m_minX && px <= m_maxX && py >= m_minY && py <= m_maxY))
            return false;  // also rejects NaN
        const int s = strip(py);
        bool in = false;
        for (int k = m_start[std::size_t(s)]; k < m_start[std::size_t(s) + 1]; ++k) {
            // crosses() with the division precomputed (may differ from it by an ulp).
            const Edge& e = m_edges[std::size_t(k)];
            if (((e.ay > py) != (e.by > py)) && (px < e.slope * (py - e.ay) + e.ax))
                in = !in;
        }
        return in;
    }

private:
    int strip(double y) const
    {
        return std::clamp(int(std::floor((y - m_minY) * m_scale)), 0, m_strips - 1);
    }

    struct Edge {
        double ax, ay, by, slope;  // from (ax, ay) to (·, by); slope = dx / dy
    };
    double m_minX, m_maxX, m_minY, m_maxY, m_scale;
    int m_strips;
    std::vector<int> m_start;
    std::vector<Edge> m_edges;
};

void checkSameLength(std::size_t nx, std::size_t ny)
{
    if (nx != ny)
        throw UsageError("point columns differ in length: " + std::to_string(nx) + " x values, "
                         + std::to_string(ny) + " y values");
}

// Calls test(i) for every point and sets the bits, splitting whole 64-bit words over
// `threads` threads so that no two threads write the same word.
template <class Test>
SelectionSet selectWhere(std::size_t n, int threads, const Test& test)
{
    SelectionSet out(n);
    auto& words = out.words();
    auto work = [&](std::size_t w0, std::size_t w1) {
        for (std::size_t w = w0; w < w1; ++w) {
            std::uint64_t word = 0;
            const std::size_t base = w * 64, end = std::min(n, base + 64);
            for (std::size_t i = base; i < end; ++i)
                word |= std::uint64_t(test(i) ? 1 : 0) << (i - base);
            words[w] = word;
        }
    };
    const std::size_t nWords = words.size();
    if (threads < 2 || n < 200000) {
        work(0, nWords);
        return out;
    }
    const std::size_t half = nWords / 2;
    std::thread second(work, half, nWords);
    work(0, half);
    second.join();
    return out;
}

} // namespace

bool pointInPolygon(double px, double py, const std::vector<PlanePoint>& polygon)
{
    bool in = false;
    for (std::size_t e = 0, n = polygon.size(); e < n && n >= 3; ++e)
        if (crosses(polygon[e], polygon[(e + 1) % n], px, py))
            in = !in;
    return in;
}

SelectionSet selectInPolygon(std::span<const float> x, std::span<const float> y,
                             const std::vector<PlanePoint>& polygon, int threads)
{
    checkSameLength(x.size(), y.size());
    if (polygon.size() < 3)
        return SelectionSet(x.size());
    const StripIndex index(polygon);
    return selectWhere(x.size(), threads,
                       [&](std::size_t i) { return index.inside(double(x[i]), double(y[i])); });
}

SelectionSet selectInRectangle(std::span<const float> x, std::span<const float> y, PlanePoint a,
                               PlanePoint b)
{
    checkSameLength(x.size(), y.size());
    const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x);
    const double y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
    return selectWhere(x.size(), 1, [&](std::size_t i) {
        return double(x[i]) >= x0 && double(x[i]) <= x1 && double(y[i]) >= y0 && double(y[i]) <= y1;
    });
}

SelectionSet selectInRange(std::span<const float> values, double low, double high)
{
    return selectWhere(values.size(), 1, [&](std::size_t i) {
        return double(values[i]) >= low && double(values[i]) <= high;
    });
}

SelectionSet selectLabel(std::span<const std::int32_t> labels, std::int32_t label)
{
    return selectWhere(labels.size(), 1, [&](std::size_t i) { return labels[i] == label; });
}

} // namespace cryo
