#include "ScatterRaster.h"

#include "ScatterColours.h"

#include <algorithm>
#include <bit>
#include <cmath>

std::vector<std::uint32_t> spatialOrder(std::span<const float> x, std::span<const float> y, int side)
{
    const std::size_t n = std::min(x.size(), y.size());
    float x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i]))
            x0 = std::min(x0, x[i]), x1 = std::max(x1, x[i]), y0 = std::min(y0, y[i]), y1 = std::max(y1, y[i]);
    const double sx = x1 > x0 ? side / (double(x1) - x0) : 0.0, sy = y1 > y0 ? side / (double(y1) - y0) : 0.0;
    const std::size_t cells = std::size_t(side) * std::size_t(side);
    std::vector<std::uint32_t> key(n), start(cells + 2, 0), order(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            const int cx = std::min(side - 1, int((x[i] - x0) * sx)), cy = std::min(side - 1, int((y1 - y[i]) * sy));
            key[i] = std::uint32_t(cy) * std::uint32_t(side) + std::uint32_t(cx);
        } else {
            key[i] = std::uint32_t(cells);
        }
        ++start[key[i] + 1];
    }
    for (std::size_t c = 1; c < start.size(); ++c)
        start[c] += start[c - 1];
    for (std::size_t i = 0; i < n; ++i)
        order[start[key[i]]++] = std::uint32_t(i);
    return order;
}

ScatterOrder makeRenderOrder(const ScatterColumn& x, const ScatterColumn& y, bool withPointGrid)
{
    if (!x || !y || x->size() != y->size())
        return nullptr;
    auto sorted = std::make_shared<ScatterRenderOrder>();
    sorted->order = spatialOrder(*x, *y);
    const std::size_t n = sorted->order.size();
    sorted->x.resize(n), sorted->y.resize(n);
    for (std::size_t k = 0; k < n; ++k)
        sorted->x[k] = (*x)[sorted->order[k]], sorted->y[k] = (*y)[sorted->order[k]];
    if (withPointGrid)
        sorted->grid = std::make_shared<const cryo::PointGrid>(*x, *y);
    return sorted;
}

long ScatterRaster::pixelOf(float x, float y) const
{
    const double fx = (double(x) - m_x0) * m_sx;
    const double fy = (m_y1 - double(y)) * m_sy;
    const int w = m_viewport.pixels.width(), h = m_viewport.pixels.height();
    if (!(fx >= 0 && fx < w && fy >= 0 && fy < h))
        return -1;  // also NaN
    return long(fy) * w + long(fx);
}

void ScatterRaster::splat(long pixel, QRgb colour)
{
    const int w = m_viewport.pixels.width(), h = m_viewport.pixels.height();
    const long px = pixel % w, py = pixel / w;
    const int half = m_pointSize / 2;
    for (long yy = std::max(0L, py - half); yy < std::min(long(h), py - half + m_pointSize); ++yy)
        for (long xx = std::max(0L, px - half); xx < std::min(long(w), px - half + m_pointSize); ++xx) {
            Cell& c = m_cells[std::size_t(yy * w + xx)];
            ++c.n, c.r += qRed(colour), c.g += qGreen(colour), c.b += qBlue(colour);
        }
}

void ScatterRaster::accumulate(std::span<const float> x, std::span<const float> y,
                               std::span<const QRgb> colours, const Viewport& viewport, int pointSize)
{
    m_viewport = viewport;
    m_pointSize = std::clamp(pointSize, 1, 4);
    const int w = std::max(viewport.pixels.width(), 0), h = std::max(viewport.pixels.height(), 0);
    m_sx = viewport.data.width() > 0 ? w / viewport.data.width() : 0.0;
    m_sy = viewport.data.height() > 0 ? h / viewport.data.height() : 0.0;
    m_x0 = viewport.data.left();
    m_y1 = viewport.data.bottom();
    m_cells.assign(std::size_t(w) * std::size_t(h), Cell{0, 0, 0, 0});
    m_layer.assign(m_cells.size(), 0);
    m_anyLayerPoint = false;
    m_inView = 0;
    const std::size_t n = std::min(x.size(), y.size());
    const bool coloured = colours.size() == n;
    m_coloured = coloured;
    if (m_pointSize == 1) {
        // The hot loop: one cache line touched per point.
        for (std::size_t i = 0; i < n; ++i) {
            const long p = pixelOf(x[i], y[i]);
            if (p < 0)
                continue;
            Cell& c = m_cells[std::size_t(p)];
            const QRgb rgb = coloured ? colours[i] : 0;
            ++c.n, c.r += qRed(rgb), c.g += qGreen(rgb), c.b += qBlue(rgb);
            ++m_inView;
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            const long p = pixelOf(x[i], y[i]);
            if (p >= 0)
                splat(p, coloured ? colours[i] : 0), ++m_inView;
        }
    }
    m_maxCount = 0;
    for (const Cell& c : m_cells)
        m_maxCount = std::max(m_maxCount, c.n);
}

void ScatterRaster::markLayers(const std::vector<Layer>& layers, std::span<const float> x,
                               std::span<const float> y)
{
    std::fill(m_layer.begin(), m_layer.end(), 0);
    m_layerColours.clear();
    m_anyLayerPoint = false;
    const std::size_t n = std::min(x.size(), y.size());
    const int w = m_viewport.pixels.width(), h = m_viewport.pixels.height();
    const int half = m_pointSize / 2;
    for (std::size_t k = 0; k < layers.size() && k < 254; ++k) {
        m_layerColours.push_back(layers[k].colour);
        const cryo::SelectionSet* set = layers[k].set;
        if (!set || set->size() != n)
            continue;
        const std::uint8_t mark = std::uint8_t(k + 1);
        const auto& words = set->words();
        for (std::size_t wi = 0; wi < words.size(); ++wi) {
            for (std::uint64_t word = words[wi]; word; word &= word - 1) {
                const std::size_t i = wi * 64 + std::size_t(std::countr_zero(word));
                const long p = pixelOf(x[i], y[i]);
                if (p < 0)
                    continue;
                m_anyLayerPoint = true;
                const long px = p % w, py = p / w;
                for (long yy = std::max(0L, py - half); yy < std::min(long(h), py - half + m_pointSize); ++yy)
                    for (long xx = std::max(0L, px - half); xx < std::min(long(w), px - half + m_pointSize); ++xx)
                        m_layer[std::size_t(yy * w + xx)] = mark;
            }
        }
    }
}

QImage ScatterRaster::compose(const Style& style) const
{
    const int w = m_viewport.pixels.width(), h = m_viewport.pixels.height();
    QImage image(std::max(w, 1), std::max(h, 1), QImage::Format_RGB32);
    image.fill(style.background);
    if (w <= 0 || h <= 0)
        return image;
    // Opacity and density colour by count, through a table (log is too slow per pixel).
    const std::size_t tableSize = std::min<std::size_t>(m_maxCount, 1u << 16) + 1;
    const double logMax = std::log1p(double(std::max<std::uint32_t>(m_maxCount, 1)));
    std::vector<float> alpha(tableSize);
    std::vector<QRgb> density(tableSize);
    for (std::size_t c = 1; c < tableSize; ++c) {
        const double t = std::log1p(double(c)) / logMax;
        alpha[c] = float(0.45 + 0.55 * t);
        density[c] = scattercolours::viridis(0.15 + 0.85 * t);
    }
    const bool fade = style.fadeUnselected && m_anyLayerPoint;
    const int bgR = qRed(style.background), bgG = qGreen(style.background), bgB = qBlue(style.background);
    for (int row = 0; row < h; ++row) {
        auto* out = reinterpret_cast<QRgb*>(image.scanLine(row));
        const Cell* cells = &m_cells[std::size_t(row) * std::size_t(w)];
        const std::uint8_t* marks = &m_layer[std::size_t(row) * std::size_t(w)];
        for (int col = 0; col < w; ++col) {
            const Cell& c = cells[col];
            if (marks[col]) {
                out[col] = m_layerColours[marks[col] - 1u] | 0xff000000u;
                continue;
            }
            if (c.n == 0)
                continue;
            const std::size_t slot = std::min<std::size_t>(c.n, tableSize - 1);
            float r, g, b;
            if (style.densityColours) {
                r = qRed(density[slot]), g = qGreen(density[slot]), b = qBlue(density[slot]);
            } else if (m_coloured) {
                const float inv = 1.0f / float(c.n);
                r = c.r * inv, g = c.g * inv, b = c.b * inv;
            } else {
                r = qRed(style.plainColour), g = qGreen(style.plainColour), b = qBlue(style.plainColour);
            }
            const float a = (style.densityColours ? 1.0f : alpha[slot]) * (fade ? 0.45f : 1.0f);
            out[col] = qRgb(int(bgR + (r - bgR) * a), int(bgG + (g - bgG) * a), int(bgB + (b - bgB) * a));
        }
    }
    return image;
}
