#pragma once
// Latent scatter plot for up to millions of particles: its own rasteriser (ScatterRaster),
// cached until data, colours, view or selection change; wheel zoom around the cursor,
// drag to pan (middle/right button in every tool), Home / double-click resets the view;
// tools: pointer (click -> nearest particle, hover tooltip), lasso, rectangle, draw path
// (each click adds the nearest particle as an anchor; double-click or Enter finishes, Esc
// cancels). An overlay (a trajectory) can be drawn on top.
// Selection modifiers: none = replace, Shift = add, Ctrl = subtract, Shift+Ctrl = intersect.
#include "ScatterFrame.h"
#include "ScatterOverlay.h"
#include "ScatterTypes.h"
#include "analysis/PointGrid.h"
#include "analysis/SelectionSet.h"

#include <QFutureWatcher>
#include <QPolygonF>
#include <QWidget>

#include <functional>
#include <memory>

class SelectionModel;

class LatentScatterView : public QWidget {
    Q_OBJECT
public:
    enum class Tool { Pointer, Lasso, Rectangle, DrawPath };
    static constexpr std::size_t kGridOnGuiThread = 200000;   // ~9 ms to build
    // Above this many points a frame is drawn on a worker thread (ScatterFrame.h: 7–10 ms per
    // 10^6 points); until it arrives the last frame is shown, moved to the current view.
    static constexpr std::size_t kFrameOnGuiThread = 200000;

    explicit LatentScatterView(QWidget* parent = nullptr);

    // N points (x[i], y[i]); both columns the same length (else nothing is drawn).
    // keepView: keep the current zoom/pan (live updates during training) instead of
    // fitting the view to the data. order: their render order made beforehand (off the GUI
    // thread); without one (or one of another length) the view makes it, ~20 ms per 10^6 points.
    // The point under the cursor is found with the order's PointGrid; without one the view
    // builds it on first use up to kGridOnGuiThread points; above, there is no hover tooltip
    // and a click scans every point (~2 ms per 10^6).
    void setPoints(ScatterColumn x, ScatterColumn y, bool keepView = false, ScatterOrder order = {});
    void setAxisTitles(const QString& xTitle, const QString& yTitle);
    void setColouring(const ScatterColouring& colouring);
    // The shared selection: drawn on top (current in the highlight colour, visible named
    // selections in theirs) and edited by the lasso / rectangle tools. Not owned.
    void setSelectionModel(SelectionModel* model);
    // Extra tooltip lines for a particle (e.g. its z vector or class from the caller's tables).
    void setPointDescriber(std::function<QString(qint64)> describer);
    void setTool(Tool tool);
    Tool tool() const { return m_tool; }

    std::size_t pointCount() const;
    // The category legend: one entry per label present, in label order (empty for other colourings).
    const std::vector<std::pair<QString, QColor>>& legend() const { return m_legend; }
    // Data rectangle shown (QRectF::top() is the smallest y); setViewRect zooms/pans to it.
    QRectF viewRect() const { return m_view; }
    void setViewRect(const QRectF& dataRect);
    void zoomAt(QPointF widgetPos, double factor);  // factor < 1 zooms in
    void panByPixels(QPointF delta);                 // moves the content by delta pixels
    QRect plotRect() const;                          // widget pixels of the plot area
    QPointF dataToWidget(double x, double y) const;
    QPointF widgetToData(QPointF widgetPos) const;
    // Nearest point to a widget position within maxPixels (screen distance); -1 if none.
    std::int64_t pointNear(QPointF widgetPos, double maxPixels = 1e9) const;
    // Whether hover can find points: a grid was handed over, or there are few enough to build one.
    bool hoverAvailable() const { return grid() != nullptr; }
    QString describePoint(std::int64_t index) const;  // tooltip text
    // Selects the points inside a polygon in data coordinates, as the lasso does (combined
    // into the selection model by `mode`, outlined, regionSelected emitted).
    void selectRegion(const QPolygonF& dataPolygon, cryo::SelectionMode mode,
                      const QString& description = {});
    // Renders the whole widget (plot, axes, colour bar) into an image of its size.
    // Renders the whole widget (plot, axes, colour bar) into an image of its size; the frame
    // is drawn here, whatever the point count.
    QImage renderToImage();
    double lastRasterMs() const { return m_frame.milliseconds; }   // the frame shown; 0 before the first
    // Paints that showed the current points, view and selection (not a frame still being drawn).
    std::size_t currentFramesPainted() const { return m_currentPaints; }
    void setFramesInBackgroundAbove(std::size_t points) { m_backgroundAbove = points; }   // tests

    // A trajectory drawn over the points (data coordinates of this view's embedding).
    void setOverlay(const ScatterOverlay& overlay);
    const ScatterOverlay& overlay() const { return m_overlay; }
    // Anchors (particle indices) of the path being drawn with the DrawPath tool.
    const QList<qint64>& pathAnchors() const { return m_pathAnchors; }
    // Ends the path being drawn: emits pathDrawn with its anchors (when there are any).
    void finishPath();
    void cancelPath();

    QSize sizeHint() const override { return {520, 420}; }
    QSize minimumSizeHint() const override { return {200, 160}; }

public Q_SLOTS:
    void resetView();

Q_SIGNALS:
    // Click with the pointer tool: the nearest particle and its coordinates.
    void pointClicked(qint64 index, double dataX, double dataY);
    void pointHovered(qint64 index);  // -1 when the cursor leaves the points
    // A finished lasso / rectangle: the region (before combining) and the mode used. With a
    // selection model set, the model has already been edited.
    void regionSelected(const cryo::SelectionSet& region, cryo::SelectionMode mode,
                        const QPolygonF& dataPolygon);
    void viewChanged(const QRectF& dataRect);
    // DrawPath tool: an anchor was added; the path was finished (≥ 1 anchor) or cancelled.
    void pathAnchorsChanged(const QList<qint64>& anchors);
    void pathDrawn(const QList<qint64>& anchors);
    void pathCancelled();
    // At the end of every paint that showed the current frame (e.g. to follow the first
    // frame with more work); not while the frame is still being drawn in the background.
    void painted();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QSize framePixels() const;   // the plot rectangle in device pixels
    ScatterFrameRequest frameRequest() const;
    bool ensureFrame(bool drawHere);   // true: the frame shown is current
    void paintFrame(QPainter& painter, const QRect& plot) const;
    void updatePointColours();
    void updateLegend(std::int64_t low, const std::vector<char>& present);
    void finishRegion(Qt::KeyboardModifiers modifiers);
    void showHover(QPointF pos, QPointF globalPos);
    void markViewChanged();
    void paintOverlays(QPainter& painter);
    const cryo::PointGrid* grid() const;   // null: none handed over and too many points to build one
    int pointSize() const;

    ScatterColumn m_x, m_y;
    QString m_xTitle = QStringLiteral("x"), m_yTitle = QStringLiteral("y");
    ScatterColouring m_colouring;
    ScatterOrder m_order = std::make_shared<const ScatterRenderOrder>();   // never null: m_x, m_y in render order
    std::shared_ptr<const std::vector<QRgb>> m_pointColours;   // render order; null: plain or density
    std::vector<std::pair<QString, QColor>> m_legend;  // categories present, in label order
    double m_valueLow = 0, m_valueHigh = 1;  // colour bar range (Values)
    SelectionModel* m_model = nullptr;
    std::function<QString(qint64)> m_describer;
    Tool m_tool = Tool::Pointer;
    QRectF m_view{0, 0, 1, 1};

    ScatterFrame m_frame;              // shown; image in device pixels
    bool m_frameDirty = true;          // points, colours, view or selection changed since the last request
    bool m_framePending = false;       // the newest request is being drawn in the background
    std::uint64_t m_framesRequested = 0;      // numbers the requests: an older frame arriving is dropped
    std::uint64_t m_backgroundFrame = 0;      // the number of the frame the watcher waits for
    QFutureWatcher<ScatterFrame> m_frameWatcher;
    std::size_t m_backgroundAbove = kFrameOnGuiThread;
    std::size_t m_currentPaints = 0;
    bool m_drawHere = false;           // renderToImage: no waiting for a worker
    mutable std::unique_ptr<cryo::PointGrid> m_grid;   // built here when the order has none

    // Interaction state: the drag in progress.
    enum class Drag { None, Pan, MaybeClick, Lasso, Rectangle };
    Drag m_drag = Drag::None;
    QPointF m_pressPos, m_lastPos;
    QPolygonF m_outline;  // lasso / rectangle in widget pixels
    // The last region drawn here (data coordinates), outlined until the selection changes
    // by other means.
    QPolygonF m_regionOutline;
    ScatterOverlay m_overlay;
    QList<qint64> m_pathAnchors;   // DrawPath tool: the path in progress
};
