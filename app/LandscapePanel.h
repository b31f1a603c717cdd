#pragma once
// The landscape analysis of a run (issue #6): every particle in volume-PC space (a scatter
// panel linked to the explorer's SelectionModel, coloured by landscape cluster), the
// explained variance of the volume PCs, the volumes along volume PC 1–3 (−2σ … +2σ), and a
// gallery of the cluster means ("n volumes · n particles") whose particles can be selected
// for export. Also shows the running job's progress with Cancel. The maps it shows come
// from a LandscapeState (computed now, or read back from run.h5 and RUN/landscape/).
#include "LandscapeJob.h"
#include "analysis/SelectionSet.h"

#include <QWidget>

#include <memory>

class ExplainedVarianceView;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSlider;
class ScatterPanel;
class SelectionModel;
struct RunTables;

class LandscapePanel : public QWidget {
    Q_OBJECT
public:
    // selection: the explorer's (not owned; must outlive the panel).
    LandscapePanel(std::shared_ptr<const RunTables> tables, SelectionModel* selection, QWidget* parent = nullptr);

    // null: no analysis yet (the panel says how to run one).
    void setState(std::shared_ptr<const LandscapeState> state);
    const LandscapeState* state() const { return m_state.get(); }
    std::shared_ptr<const LandscapeState> sharedState() const { return m_state; }

    ScatterPanel* scatter() const { return m_scatter; }
    ExplainedVarianceView* varianceView() const { return m_variance; }
    QString summaryText() const;
    int galleryCount() const;     // cluster thumbnails shown
    int currentCluster() const;   // -1: none clicked
    // Makes cluster c current and asks for its mean map in the viewer.
    void setCurrentCluster(int cluster);
    // The particles whose landscape label is `cluster`, combined into the selection.
    void selectClusterParticles(int cluster, cryo::SelectionMode mode);
    // Volumes along volume PCs: available when the mean map and eigenvolumes are known.
    bool alongPcAvailable() const;
    QString alongPcText() const;
    // Shows the volume at `sigmas` standard deviations along volume PC `component` (0-based).
    void showAlongPc(int component, double sigmas);

    // Job display: a running job (fraction in [0, 1] and its step), or idle.
    void showProgress(double fraction, const QString& text);
    void showIdle();

Q_SIGNALS:
    void volumeRequested(std::shared_ptr<const cryo::Volume> map, const QString& description);
    void computeRequested();
    void cancelRequested();
    void exportRequested();

private:
    QWidget* buildAlongPc();
    QWidget* buildGallery();
    void fillScatter();
    void fillGallery();
    void fillAlongPc();
    QString describeParticle(qint64 index) const;

    std::shared_ptr<const RunTables> m_tables;
    SelectionModel* m_selection;
    std::shared_ptr<const LandscapeState> m_state;
    QLabel* m_summary;
    QLabel* m_progressText;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_compute;
    ScatterPanel* m_scatter;
    ExplainedVarianceView* m_variance;
    QComboBox* m_pc;
    QSlider* m_along;
    QLabel* m_alongText;
    QListWidget* m_gallery;
    QComboBox* m_selectMode;
    QPushButton* m_select;
    QPushButton* m_export;
};
