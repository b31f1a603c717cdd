#pragma once
// "Analysis → Landscape…": the options of a landscape analysis (sketch size, clusters,
// linkage, mask, volume PCs, preview or full-size decoding), each with a tooltip, and an
// estimate of how many volumes will be decoded for the run's particle count.
#include "analysis/LandscapeAnalysis.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

class LandscapeDialog : public QDialog {
    Q_OBJECT
public:
    // particles: the run's particle count (sizes the sketch estimate and the cluster limit).
    explicit LandscapeDialog(std::size_t particles, QWidget* parent = nullptr);

    cryo::LandscapeOptions options() const;
    bool fullMaps() const;
    void setOptions(const cryo::LandscapeOptions& options, bool fullMaps);
    // Empty when the fields are valid, else what is wrong in the user's words.
    QString validationError() const;
    QString estimateText() const;

public Q_SLOTS:
    void accept() override;

private:
    void buildMaskRows(QFormLayout* form);
    void chooseMaskFile();
    void updateEstimate();

    std::size_t m_particles;
    QSpinBox* m_sketch;
    QSpinBox* m_clusters;
    QComboBox* m_linkage;
    QRadioButton* m_automaticMask;
    QRadioButton* m_fileMask;
    QDoubleSpinBox* m_dilation;
    QLineEdit* m_maskFile;
    QPushButton* m_browse;
    QSpinBox* m_components;
    QCheckBox* m_fullMaps;
    QLabel* m_estimate;
    QLabel* m_error;
};
