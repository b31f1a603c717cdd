#pragma once
// A path drawn over a latent scatter plot (a trajectory): a polyline through its points,
// markers at its frames and anchors, the current frame highlighted. All positions are in
// the plot's data coordinates (the embedding shown), so every linked panel gets its own.
#include <QPointF>
#include <QPolygonF>

#include <functional>

class QPainter;

struct ScatterOverlay {
    QPolygonF path;      // the polyline (e.g. every node of a graph path)
    QPolygonF frames;    // one marker per frame along it
    QPolygonF anchors;   // larger markers: drawn anchors, k-means centres
    int current = -1;    // index into frames, highlighted; -1 none

    bool isEmpty() const { return path.isEmpty() && frames.isEmpty() && anchors.isEmpty(); }
};

// Paints the overlay; toWidget maps data coordinates to widget pixels.
void paintScatterOverlay(QPainter& painter, const ScatterOverlay& overlay,
                         const std::function<QPointF(QPointF)>& toWidget);

// Paints a path being drawn: anchors (data coordinates) joined by dashed straight lines.
void paintPathInProgress(QPainter& painter, const QPolygonF& anchors, const std::function<QPointF(QPointF)>& toWidget);
