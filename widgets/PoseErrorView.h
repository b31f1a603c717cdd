#pragma once
// The pose error of an ab initio run on synthetic data, per epoch: the median rotation error
// (°, after the global alignment, left axis) and the median shift error (px, right axis) of
// the latest poses against truth.h5 (EpochSummary::poseErrorDeg / shiftErrorPx). Epochs that
// searched the poses get a filled mark, the others a hollow one.
#include <QWidget>

#include <vector>

class QPainter;

class PoseErrorView : public QWidget {
    Q_OBJECT
public:
    struct Point {
        int epoch = 0;               // 1-based
        double rotationDeg = 0, shiftPx = 0;
        bool searched = false;
    };

    explicit PoseErrorView(QWidget* parent = nullptr);

    // Appends an epoch; points of that epoch or later are dropped first (a resumed run
    // repeating epochs draws them once). Negative errors (no truth) are ignored.
    void addEpoch(const Point& point);
    void clear();
    void setTotalEpochs(int epochs);   // the x range is 0..epochs (0: fit the data)
    const std::vector<Point>& points() const { return m_points; }
    // Widget coordinates of the rotation (false) or shift (true) series.
    std::vector<QPointF> seriesPoints(bool shift) const;

    QSize sizeHint() const override { return {260, 130}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF plotRect() const;
    double xHigh() const;
    double yHigh(bool shift) const;   // the top of each axis: a round number above the data
    void paintAxes(QPainter& p) const;

    std::vector<Point> m_points;
    int m_totalEpochs = 0;
};
