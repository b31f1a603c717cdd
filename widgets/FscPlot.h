#pragma once
// Fourier shell correlation curves painted with QPainter: FSC (−0.2 … 1) over spatial
// frequency (0 … Nyquist, 1/Å, labelled in Å), the 0.143 and 0.5 thresholds dashed, one
// colour and legend entry per curve.
#include "reconstruct/FourierShellCorrelation.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

class FscPlot : public QWidget {
    Q_OBJECT
public:
    struct Curve {
        QString label;
        QColor colour;
        cryo::FscCurve fsc;
    };

    explicit FscPlot(QWidget* parent = nullptr);

    void setCurves(std::vector<Curve> curves);
    void clear() { setCurves({}); }
    const std::vector<Curve>& curves() const { return m_curves; }
    // Widget coordinates of a curve's points (shell order), for tests.
    std::vector<QPointF> curvePoints(std::size_t index) const;

    QSize sizeHint() const override { return {420, 220}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF plotRect() const;
    double maxFrequency() const;   // 1/Å at the right edge (the largest Nyquist)
    QPointF toWidget(double frequency, double fsc) const;
    void paintAxes(class QPainter& p) const;
    void paintLegend(class QPainter& p) const;

    std::vector<Curve> m_curves;
};
