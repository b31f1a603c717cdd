#pragma once
// Everything around the scatter raster: frame, "nice" axis ticks with labels, axis titles,
// a viridis colour bar (values / density) or a category legend, and a status line.
#include <QColor>
#include <QRect>
#include <QRectF>
#include <QString>

#include <utility>
#include <vector>

class QPainter;

struct ScatterDecorations {
    QRect plot;             // widget pixels of the raster
    QRectF view;            // data rectangle (top() = smallest y)
    QString xTitle, yTitle;
    bool colourBar = false; // draw a colour bar right of the plot
    QString colourTitle;
    double colourLow = 0, colourHigh = 1;
    bool logColourBar = false;  // density: ticks in points per pixel on a log scale
    std::vector<std::pair<QString, QColor>> legend;  // category legend (inside, top right)
    QString status;         // top left, above the plot

    void paint(QPainter& painter) const;

    // Width the colour bar needs to the right of the plot.
    static int colourBarMargin() { return 96; }
};

// Round tick values covering [low, high], about `target` of them (1-2-5 steps).
std::vector<double> niceTicks(double low, double high, int target);
