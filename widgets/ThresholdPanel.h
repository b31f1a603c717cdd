#pragma once
// Contour level control: absolute value and σ above the mean, kept in step, with the
// map's histogram. Emits levelChanged whenever the user changes either.
#include "io/Volume.h"

#include <QWidget>

class HistogramView;
class QDoubleSpinBox;
class QLabel;
class QSlider;

class ThresholdPanel : public QWidget {
    Q_OBJECT
public:
    explicit ThresholdPanel(QWidget* parent = nullptr);

    // A new map: sets the histogram, the value range and `level`. Emits nothing.
    void setMap(const cryo::Volume& volume, const cryo::VolumeStats& stats, double level);
    void setLevel(double level);   // programmatic; emits nothing
    double level() const { return m_level; }
    double sigmaLevel() const;     // (level - mean) / σ

Q_SIGNALS:
    void levelChanged(double level);

private:
    void applyLevel(double level, bool notify);

    HistogramView* m_histogram;
    QDoubleSpinBox* m_absolute;
    QDoubleSpinBox* m_sigma;
    QSlider* m_slider;
    QLabel* m_range;
    cryo::VolumeStats m_stats;
    double m_level = 0;
    bool m_updating = false;
};
