#pragma once
// Loss curves of a training run, painted with QPainter: total loss, MSE and KL per epoch
// (x = epoch, 1-based), plus the running values of the epoch in progress drawn at its
// fractional position (epoch - 1 + fraction done). Log-scaled y by default because the
// KL term and the pixel MSE differ by orders of magnitude.
#include "run/RunFile.h"

#include <QWidget>

#include <optional>
#include <vector>

class QPainter;

class LossCurveView : public QWidget {
    Q_OBJECT
public:
    enum class Series { Loss, Mse, Kld };

    explicit LossCurveView(QWidget* parent = nullptr);

    // Replaces all epochs (e.g. the history of a run being resumed).
    void setHistory(const std::vector<cryo::EpochRecord>& history);
    // Appends an epoch; records of that epoch or later are replaced (a resumed run
    // repeating epochs after its last checkpoint draws them once).
    void addEpoch(const cryo::EpochRecord& record);
    // The running means of the epoch in progress; `position` is in epochs (e.g. 3.4).
    void setRunning(double position, double loss, double mse, double kld);
    void clearRunning();
    void clear();

    void setLogScale(bool logScale);
    bool logScale() const { return m_logScale; }
    void setTotalEpochs(int epochs);   // fixes the x range to 0..epochs (0: fit the data)

    const std::vector<cryo::EpochRecord>& epochs() const { return m_epochs; }
    bool hasRunning() const { return m_running.has_value(); }
    // Widget coordinates of a series' points (running value last, when shown).
    std::vector<QPointF> seriesPoints(Series series) const;

    QSize sizeHint() const override { return {360, 200}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Range {
        double low = 0, high = 1;
    };
    struct RunningPoint {
        double position, loss, mse, kld;
    };
    QRectF plotRect() const;
    Range xRange() const;
    Range yRange() const;   // in plotted units (log10 when log scale)
    double plotted(double value) const;
    bool drawable(double value) const;
    std::vector<QPointF> epochPoints(Series series) const;
    std::optional<QPointF> runningPoint(Series series) const;
    QPointF toWidget(double x, double value) const;
    void paintAxes(QPainter& p) const;
    void paintLegend(QPainter& p) const;

    std::vector<cryo::EpochRecord> m_epochs;
    std::optional<RunningPoint> m_running;
    bool m_logScale = true;
    int m_totalEpochs = 0;
};
