#pragma once
// The "Validation" panel: the decoder's map of a selection beside the backprojection of the
// same particles (two viewers sharing one camera, each with its own contour level in σ of
// its map), the FSC curves (the backprojection's half maps, decoder vs backprojection, and what
// a perfect map would reach against this backprojection, for scale), the
// particle count and resolutions, and the density the particles do not support (MapAgreement
// excess ≥ 3 σ of the data's noise) drawn in red over the decoder's map.
#include "ValidationJob.h"

#include <QWidget>

#include <memory>

class FscPlot;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class VolumeViewer;

class ValidationPanel : public QWidget {
    Q_OBJECT
public:
    explicit ValidationPanel(QWidget* parent = nullptr);

    // A job is running: its progress, with a Cancel button.
    void showProgress(double fraction, const QString& text);
    // selection: what was backprojected, for the title ("Selection 1 (1,204 particles)").
    void showResult(std::shared_ptr<const ValidationResult> result, const QString& selection);
    void showFailure(const QString& message);

    VolumeViewer* decoderViewer() const { return m_decoder; }
    VolumeViewer* backprojectionViewer() const { return m_backprojection; }
    FscPlot* fscPlot() const { return m_fsc; }
    QCheckBox* excessBox() const { return m_excessBox; }
    std::shared_ptr<const ValidationResult> result() const { return m_result; }
    QString summaryText() const;

    static constexpr double kExcessLevel = 3.0;   // σ of the backprojection's noise

Q_SIGNALS:
    void cancelRequested();

private:
    QWidget* makeViewerColumn(VolumeViewer* viewer, QLabel* title, QDoubleSpinBox* level);
    void applyLevels();
    void applyExcess();

    VolumeViewer* m_decoder;
    VolumeViewer* m_backprojection;
    QLabel* m_decoderTitle;
    QLabel* m_backprojectionTitle;
    QDoubleSpinBox* m_decoderLevel;
    QDoubleSpinBox* m_backprojectionLevel;
    QCheckBox* m_excessBox;
    QLabel* m_excessText;
    FscPlot* m_fsc;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QLabel* m_progressText;
    QPushButton* m_cancel;
    std::shared_ptr<const ValidationResult> m_result;
};
