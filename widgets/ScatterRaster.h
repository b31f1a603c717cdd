#pragma once
// The scatter plot's own rasteriser: millions of points per frame without QPainter.
// Pass 1 (accumulate, on data or view change) bins every point into a per-pixel record
// {count, Σr, Σg, Σb}; pass 2 (markLayers, also on selection change) marks pixels that hold
// a selected point; pass 3 (compose) turns the records into an RGB image: mean colour,
// opacity growing with log(count), selections on top, other points faded when a selection
// is shown.
#include "ScatterTypes.h"
#include "analysis/SelectionSet.h"

#include <QImage>
#include <QRectF>
#include <QRgb>

#include <cstdint>
#include <span>
#include <vector>

// A permutation of the points that visits them cell by cell of a side x side grid over
// their bounding box (non-finite points last): rasterising in this order touches the pixel
// buffer almost sequentially, about twice as fast for 10^6 points as particle order.
std::vector<std::uint32_t> spatialOrder(std::span<const float> x, std::span<const float> y, int side = 256);
// spatialOrder of the points and the columns permuted by it (ScatterTypes.h), with the
// points' PointGrid when withPointGrid (off the GUI thread: ~45 ms per 10^6 points); null for
// columns missing or of different lengths.
ScatterOrder makeRenderOrder(const ScatterColumn& x, const ScatterColumn& y, bool withPointGrid = false);

class ScatterRaster {
public:
    // Data rectangle shown by the image: x from left to right, y from bottom (image row
    // height-1) to top (row 0) — QRectF::top() is the *smallest* y.
    struct Viewport {
        QRectF data;
        QSize pixels;
    };
    struct Layer {
        const cryo::SelectionSet* set = nullptr;
        QRgb colour = 0;
    };
    struct Style {
        bool densityColours = false;  // colour = viridis(log count) instead of point colours
        QRgb plainColour = 0x2b4c7e;  // when no per-point colours are given
        QRgb background = 0xffffff;
        bool fadeUnselected = true;   // fade points outside all layers when a layer shows any
    };

    // x, y: N data coordinates in any order (spatialOrder() makes this pass cache-friendly);
    // colours: N packed RGB in the same order, or empty (plainColour). pointSize: side of the
    // square each point covers in pixels (1..4).
    void accumulate(std::span<const float> x, std::span<const float> y,
                    std::span<const QRgb> colours, const Viewport& viewport, int pointSize);
    // x, y: the coordinates in particle order (the order of the selection sets). Later
    // layers are drawn over earlier ones; sets of the wrong size are skipped.
    void markLayers(const std::vector<Layer>& layers, std::span<const float> x, std::span<const float> y);
    QImage compose(const Style& style) const;

    std::uint32_t maxCount() const { return m_maxCount; }
    std::size_t pointsInView() const { return m_inView; }

private:
    struct Cell {
        std::uint32_t n, r, g, b;
    };
    // Pixel index of a point, or -1 when it falls outside the image.
    long pixelOf(float x, float y) const;
    void splat(long pixel, QRgb colour);

    Viewport m_viewport;
    int m_pointSize = 1;
    double m_sx = 1, m_sy = 1, m_x0 = 0, m_y1 = 0;
    std::vector<Cell> m_cells;           // [height][width]
    std::vector<std::uint8_t> m_layer;   // [height][width]: 0 none, k = layer k-1
    std::vector<QRgb> m_layerColours;
    bool m_anyLayerPoint = false;
    bool m_coloured = false;
    std::uint32_t m_maxCount = 0;
    std::size_t m_inView = 0;
};
