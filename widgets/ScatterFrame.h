#pragma once
// One frame of the scatter plot, drawn from inputs it owns or shares read-only, so that it
// can be drawn on a worker thread while the GUI thread goes on: at 10^6 points a frame takes
// 7–10 ms, which LatentScatterView keeps out of its paints above a point count.
#include "ScatterRaster.h"
#include "ScatterTypes.h"
#include "analysis/SelectionSet.h"

#include <QImage>
#include <QRectF>
#include <QRgb>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

struct ScatterFrameRequest {
    ScatterOrder order;                                 // the points in render order (never null)
    ScatterColumn x, y;                                 // the same points in particle order (selections)
    std::shared_ptr<const std::vector<QRgb>> colours;   // render order; null: plain or density colouring
    std::vector<std::pair<cryo::SelectionSet, QRgb>> layers;   // copies (the model changes meanwhile); later on top
    ScatterRaster::Viewport viewport;
    ScatterRaster::Style style;
    int pointSize = 1;   // side of a point's square in pixels
};

struct ScatterFrame {
    QImage image;                 // viewport.pixels, RGB32; null before the first frame
    QRectF view;                  // the data rectangle the image shows
    std::uint32_t maxCount = 0;   // most points in one pixel (the density colour bar)
    double milliseconds = 0;      // time it took to draw
};

ScatterFrame drawScatterFrame(const ScatterFrameRequest& request);
