#pragma once
// The "Poses" box of the training dialog: take the poses from the particle file, or search
// them ab initio (cryoDRGN2) every N epochs, with the model reset of thesis §5.3.3 and, under
// Advanced, the base grid of the search, the images searched per model update and the
// volumes per chunk of a heterogeneous model. When the particle file has no poses, ab initio is
// chosen and "from the particle file" is disabled, with a note saying why.
#include "train/TrainingJob.h"

#include <QGroupBox>

#include <optional>

class QCheckBox;
class QLabel;
class QRadioButton;
class QSpinBox;
class QToolButton;
class QWidget;

class AbInitioSettings : public QGroupBox {
    Q_OBJECT
public:
    explicit AbInitioSettings(QWidget* parent = nullptr);

    // Whether the chosen particle file holds poses; std::nullopt when unknown (no file, or
    // one that cannot be read): both choices stay open.
    void setParticlePoses(std::optional<bool> hasPoses);
    bool abInitio() const;
    // Selects a mode (e.g. that of a run being reopened), even "from the particle file" when
    // it is disabled: resuming must continue the run as it was trained.
    void setAbInitio(bool abInitio);
    // The fields as AbInitioOptions (the settings not shown keep their defaults).
    cryo::AbInitioOptions options() const;
    void setOptions(const cryo::AbInitioOptions& options);
    QString noteText() const;
    // The run's epoch count: while the reset is automatic, its field shows the epoch it resolves to.
    void setEpochs(int epochs);
    // Whether the model has a latent space: only then does "volumes per chunk" apply.
    void setHeterogeneous(bool heterogeneous);

Q_SIGNALS:
    void changed();

private:
    void buildFields();
    void updateEnabled();

    QRadioButton* m_fromFile;
    QRadioButton* m_search;
    QLabel* m_note;
    QWidget* m_fields;
    QSpinBox* m_searchEvery;
    QCheckBox* m_resetAuto;
    QSpinBox* m_resetAfter;
    QToolButton* m_advanced;
    QSpinBox* m_baseResolution;
    QSpinBox* m_searchChunk;
    QSpinBox* m_latentVolumes;
    cryo::AbInitioOptions m_hidden;   // the settings without a field, kept from setOptions
    bool m_forced = false;            // ab initio was chosen because the file has no poses
    int m_epochs = 20;
    bool m_heterogeneous = true;
};
