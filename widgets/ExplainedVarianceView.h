#pragma once
// A small bar chart of explained variance per principal component (e.g. the landscape's
// volume PCs): one bar per component, in percent of `total`, labelled PC 1, PC 2, …
#include <QString>
#include <QWidget>

#include <vector>

class ExplainedVarianceView : public QWidget {
    Q_OBJECT
public:
    explicit ExplainedVarianceView(QWidget* parent = nullptr);

    // variances: one per component; total: what 100 % is (≤ 0: their sum). caption is drawn
    // above the bars ("explained variance, % of all").
    void setValues(std::vector<float> variances, double total, const QString& caption);
    // Percent of the total for each component, as drawn.
    std::vector<double> percentages() const;

    QSize sizeHint() const override { return {260, 110}; }
    QSize minimumSizeHint() const override { return {120, 70}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<float> m_variances;
    double m_total = 0;
    QString m_caption;
};
