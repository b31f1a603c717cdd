#pragma once
// "Model → Train…": what to train on, where the run goes, and the model and optimiser
// settings, each with a tooltip in the user's words. Shows the dataset's size once a
// particle file is chosen (errors inline), proposes an output directory next to the
// data, and offers Resume when that directory already holds a run (whose settings the
// fields then show, so that Resume continues the same model). The "Poses" box
// (AbInitioSettings) chooses the file's poses or an ab initio search.
#include "train/TrainingJob.h"

#include <QDialog>

class AbInitioSettings;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class TrainingDialog : public QDialog {
    Q_OBJECT
public:
    explicit TrainingDialog(QWidget* parent = nullptr);

    // Pre-fills the particle file (the dataset open in the app) and inspects it.
    void setParticles(const QString& path);
    void setOutputDirectory(const QString& path);
    // Train on an existing run directory asks before starting it over (off in tests).
    void setConfirmReplace(bool confirm) { m_confirmReplace = confirm; }

    // The options the fields describe (resume = the user chose Resume).
    cryo::TrainingOptions options() const;
    // Empty when the fields make a valid run, else what is wrong, in the user's words.
    QString validationError() const;
    bool resumeChosen() const { return m_resume; }
    // True when the output directory holds a run.h5.
    bool hasExistingRun() const;
    QString datasetText() const;
    QString errorText() const;

    // <particles dir>/cryoscape_runs/<basename>_z<zdim> (…_homogeneous when zdim is 0).
    static QString defaultOutputDirectory(const QString& particles, int zdim);

public Q_SLOTS:
    void accept() override;
    // Validates and accepts with resume = true (the Resume button).
    void acceptResume();

protected:
    void showEvent(QShowEvent* event) override;

private:
    // The notes wrap, so the form's height depends on its width, which a window's minimum size
    // does not follow: grow to the height the width needs whenever the content changes, or the
    // layout squeezes the pose options into a sliver.
    void growToFit();
    void buildDataRows(QFormLayout* form);
    void buildModelRows(QFormLayout* form);
    void buildOptimiserRows(QFormLayout* form);
    void buildImageMemoryRow(QFormLayout* form);
    void inspectParticles();
    void updateOutputDirectory();
    void updateRunNote();
    // "the images take 16.4 GB: read from disk during training" beside the memory setting.
    void updateImageMemoryNote();
    void updateEnabled();
    void updateAutomaticBeta();
    // Ab initio chosen or left: the learning rate moves between the two defaults (1e-4 on given
    // poses, kAbInitioLearningRate ab initio), unless the user typed another.
    void proposeLearningRate();
    void applyConfig(const cryo::RunConfig& config);
    bool tryAccept(bool resume);

    QLineEdit* m_particles;
    QLineEdit* m_dataDirectory;
    QLabel* m_datasetInfo;
    QLineEdit* m_outDir;
    QLabel* m_runNote;
    QCheckBox* m_homogeneous;
    QSpinBox* m_zdim;
    QSpinBox* m_encoderWidth;
    QSpinBox* m_encoderLayers;
    QSpinBox* m_decoderWidth;
    QSpinBox* m_decoderLayers;
    QSpinBox* m_epochs;
    QSpinBox* m_batch;
    QLineEdit* m_learningRate;
    QCheckBox* m_betaAuto;
    QLineEdit* m_beta;
    QSpinBox* m_seed;
    QSpinBox* m_threads;
    QComboBox* m_precision;
    QDoubleSpinBox* m_imageMemory;
    QLabel* m_imageMemoryNote;
    AbInitioSettings* m_abInitio;
    QLabel* m_error;
    QPushButton* m_resumeButton;

    QString m_inspectedPath;          // particle file + "\n" + image directory that the members below describe
    QString m_datasetError;
    std::size_t m_particleCount = 0;
    int m_boxSize = 0;
    double m_pixelSize = 0;
    bool m_outDirEdited = false;      // the user typed or chose a directory: keep it
    QString m_appliedRun;             // the run directory whose settings the fields show
    bool m_resume = false;
    bool m_confirmReplace = true;
};
