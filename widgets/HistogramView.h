#pragma once
// The map's value histogram (log counts) with the contour level drawn as a line.
// Clicking or dragging in it moves the level.
#include "analysis/MapMeasures.h"

#include <QWidget>

class HistogramView : public QWidget {
    Q_OBJECT
public:
    explicit HistogramView(QWidget* parent = nullptr);

    void setHistogram(const cryo::Histogram& histogram);
    void setLevel(double level);
    double level() const { return m_level; }
    QSize sizeHint() const override { return {260, 90}; }

Q_SIGNALS:
    void levelPicked(double level);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    double valueAt(double x) const;
    double xOf(double value) const;

    cryo::Histogram m_histogram;
    double m_level = 0;
};
