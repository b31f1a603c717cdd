#pragma once
// A small stand-in for the latent scatter while a model trains: z₁ against z₂ of every
// particle (z₁ against the particle index when zdim = 1), redrawn at the end of each
// epoch. Kept apart from the monitor so the real scatter view can replace it
// (TrainingMonitor::setLatentView).
#include <QWidget>

#include <vector>

class LatentPreview : public QWidget {
    Q_OBJECT
public:
    explicit LatentPreview(QWidget* parent = nullptr);

    // zMu: count × zdim row-major (EpochSummary::zMu); zdim = 0 shows "homogeneous".
    void setLatents(const std::vector<float>& zMu, int zdim, int epoch);
    void clear();

    int pointCount() const { return int(m_points.size()); }
    int zdim() const { return m_zdim; }
    int epoch() const { return m_epoch; }

    QSize sizeHint() const override { return {200, 200}; }
    QSize minimumSizeHint() const override { return {120, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<QPointF> m_points;   // (x, y) in latent units, at most kMaxPoints
    QRectF m_bounds;
    int m_zdim = -1;                 // -1: nothing yet
    int m_epoch = 0;
};
