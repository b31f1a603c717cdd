#include "ThresholdPanel.h"

#include "HistogramView.h"
#include "analysis/MapMeasures.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kSliderSteps = 1000;
}

ThresholdPanel::ThresholdPanel(QWidget* parent) : QWidget(parent)
{
    m_histogram = new HistogramView(this);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setToolTip(tr("Contour level within the map's value range"));
    m_absolute = new QDoubleSpinBox(this);
    m_absolute->setDecimals(4);
    m_absolute->setKeyboardTracking(false);
    m_absolute->setToolTip(tr("Contour level in the map's own units"));
    m_sigma = new QDoubleSpinBox(this);
    m_sigma->setDecimals(2);
    m_sigma->setSingleStep(0.1);
    m_sigma->setSuffix(tr(" σ"));
    m_sigma->setKeyboardTracking(false);
    m_sigma->setToolTip(tr("Contour level in standard deviations above the mean"));
    m_range = new QLabel(this);
    m_range->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Level:"), m_absolute);
    form->addRow(tr("Above mean:"), m_sigma);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_histogram);
    layout->addWidget(m_slider);
    layout->addLayout(form);
    layout->addWidget(m_range);
    layout->addStretch();
    setEnabled(false);

    connect(m_histogram, &HistogramView::levelPicked, this, [this](double v) { applyLevel(v, true); });
    connect(m_absolute, &QDoubleSpinBox::valueChanged, this, [this](double v) { applyLevel(v, true); });
    connect(m_sigma, &QDoubleSpinBox::valueChanged, this,
            [this](double s) { applyLevel(m_stats.mean + s * m_stats.rms, true); });
    connect(m_slider, &QSlider::valueChanged, this, [this](int step) {
        applyLevel(m_stats.min + (double(m_stats.max) - m_stats.min) * step / kSliderSteps, true);
    });
}

void ThresholdPanel::setMap(const cryo::Volume& volume, const cryo::VolumeStats& stats, double level)
{
    m_stats = stats;
    m_histogram->setHistogram(cryo::computeHistogram(volume, 128));
    const double sigma = stats.rms > 0 ? stats.rms : 1.0;
    m_updating = true;
    m_absolute->setRange(stats.min, stats.max);
    m_absolute->setSingleStep((double(stats.max) - stats.min) / 200.0);
    m_sigma->setRange((stats.min - stats.mean) / sigma, (stats.max - stats.mean) / sigma);
    m_updating = false;
    m_range->setText(tr("Range %1 … %2, mean %3, σ %4")
                         .arg(stats.min, 0, 'g', 4)
                         .arg(stats.max, 0, 'g', 4)
                         .arg(stats.mean, 0, 'g', 4)
                         .arg(stats.rms, 0, 'g', 4));
    setEnabled(true);
    applyLevel(level, false);
}

void ThresholdPanel::setLevel(double level) { applyLevel(level, false); }

double ThresholdPanel::sigmaLevel() const
{
    return m_stats.rms > 0 ? (m_level - m_stats.mean) / m_stats.rms : 0.0;
}

void ThresholdPanel::applyLevel(double level, bool notify)
{
    if (m_updating)
        return;
    level = std::clamp(level, double(m_stats.min), double(m_stats.max));
    m_updating = true;   // the widgets below echo the value back through their signals
    m_level = level;
    m_absolute->setValue(level);
    m_sigma->setValue(sigmaLevel());
    const double range = double(m_stats.max) - m_stats.min;
    m_slider->setValue(range > 0 ? int(std::lround((level - m_stats.min) / range * kSliderSteps)) : 0);
    m_histogram->setLevel(level);
    m_updating = false;
    if (notify)
        Q_EMIT levelChanged(level);
}
