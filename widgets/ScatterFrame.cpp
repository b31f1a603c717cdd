#include "ScatterFrame.h"

#include <QElapsedTimer>

#include <span>

ScatterFrame drawScatterFrame(const ScatterFrameRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    static const std::vector<QRgb> noColours;
    const std::vector<QRgb>& colours = request.colours ? *request.colours : noColours;
    ScatterRaster raster;
    raster.accumulate(request.order->x, request.order->y, colours, request.viewport, request.pointSize);

    std::vector<ScatterRaster::Layer> layers;
    for (const auto& [set, colour] : request.layers)
        layers.push_back({&set, colour});
    const std::size_t n = request.x && request.y ? std::min(request.x->size(), request.y->size()) : 0;
    raster.markLayers(layers, std::span<const float>(n ? request.x->data() : nullptr, n),
                      std::span<const float>(n ? request.y->data() : nullptr, n));

    ScatterFrame frame;
    frame.image = raster.compose(request.style);
    frame.view = request.viewport.data;
    frame.maxCount = raster.maxCount();
    frame.milliseconds = double(timer.nsecsElapsed()) * 1e-6;
    return frame;
}
