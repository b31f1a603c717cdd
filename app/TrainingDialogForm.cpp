// The Train dialog's form: its rows and fields, grouped as the dialog shows them (data,
// model, optimiser, image memory). What the fields do is in TrainingDialog.cpp.
#include "TrainingDialog.h"

#include "AbInitioSettings.h"
#include "FormFields.h"
#include "TrainingDefaults.h"
#include "train/AbInitioState.h"

#include "images/ImageMemory.h"
#include "particles/ParticleDataset.h"
#include "run/RunFile.h"
#include "util/ComputeThreads.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace {

// "[width] × [layers]" in one form row.
QWidget* pairRow(QWidget* parent, QSpinBox* width, QSpinBox* layers)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(width);
    layout->addWidget(new QLabel(QStringLiteral("×"), row));
    layout->addWidget(layers);
    layout->addWidget(new QLabel(TrainingDialog::tr("layers"), row));
    layout->addStretch(1);
    return row;
}

QWidget* withButton(QWidget* parent, QWidget* field, QPushButton* button)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(button);
    return row;
}

QLabel* noteLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

TrainingDialog::TrainingDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Train a Model"));
    setMinimumWidth(640);
    auto* form = new QFormLayout;
    buildDataRows(form);
    m_abInitio = new AbInitioSettings(this);
    form->addRow(m_abInitio);
    buildModelRows(form);
    buildOptimiserRows(form);

    m_error = noteLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* train = buttons->addButton(tr("Train"), QDialogButtonBox::AcceptRole);
    train->setToolTip(tr("Start training a new model in the output directory."));
    train->setDefault(true);
    m_resumeButton = buttons->addButton(tr("Resume"), QDialogButtonBox::ActionRole);
    m_resumeButton->setToolTip(tr("Continue the run already in the output directory from its last saved epoch."));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &TrainingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_resumeButton, &QPushButton::clicked, this, &TrainingDialog::acceptResume);
    connect(m_abInitio, &AbInitioSettings::changed, this, &TrainingDialog::proposeLearningRate);

    // Names for tests and for finding the fields in the UI.
    const std::pair<QWidget*, const char*> names[] = {
        {m_particles, "particles"},       {m_outDir, "outDir"},
        {m_dataDirectory, "dataDirectory"},
        {m_homogeneous, "homogeneous"},   {m_zdim, "zdim"},
        {m_encoderWidth, "encoderWidth"}, {m_encoderLayers, "encoderLayers"},
        {m_decoderWidth, "decoderWidth"}, {m_decoderLayers, "decoderLayers"},
        {m_epochs, "epochs"},             {m_batch, "batch"},
        {m_learningRate, "learningRate"}, {m_betaAuto, "betaAuto"},
        {m_beta, "beta"},                 {m_seed, "seed"},
        {m_threads, "threads"},           {m_precision, "precision"},
        {m_imageMemory, "imageMemory"},
        {m_resumeButton, "resume"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QString::fromLatin1(name));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    updateEnabled();
    updateOutputDirectory();
    updateRunNote();
    updateAutomaticBeta();
}

void TrainingDialog::buildDataRows(QFormLayout* form)
{
    m_particles = new QLineEdit(this);
    m_particles->setToolTip(tr("The particle images to learn from: a RELION .star, a cryoSPARC .cs or an .mrcs stack. "
                               "CTF (and poses, unless searched ab initio) are taken from it."));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Particles to Train On"), m_particles->text(),
                                                          tr("Particle datasets (*.star *.cs *.mrcs *.txt);;All files (*)"));
        if (!path.isEmpty())
            setParticles(path);
    });
    connect(m_particles, &QLineEdit::editingFinished, this, &TrainingDialog::inspectParticles);
    form->addRow(tr("Particles:"), withButton(this, m_particles, browse));
    m_dataDirectory = new QLineEdit(this);
    m_dataDirectory->setPlaceholderText(tr("optional"));
    m_dataDirectory->setToolTip(tr("Where to look for the image stacks (.mrcs) when they are not where the "
                                   "particle file says, e.g. after copying a RELION project."));
    auto* browseData = new QPushButton(tr("Browse…"), this);
    connect(browseData, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Image Directory"), m_dataDirectory->text());
        if (!dir.isEmpty()) {
            m_dataDirectory->setText(dir);
            inspectParticles();
        }
    });
    connect(m_dataDirectory, &QLineEdit::editingFinished, this, &TrainingDialog::inspectParticles);
    form->addRow(tr("Image directory:"), withButton(this, m_dataDirectory, browseData));
    m_datasetInfo = noteLabel(this);
    form->addRow(m_datasetInfo);
    m_datasetInfo->hide();

    m_outDir = new QLineEdit(this);
    m_outDir->setToolTip(tr("Where the run is written: run.h5 (losses and latent coordinates) and a checkpoint "
                            "after every epoch. Created if it does not exist."));
    auto* browseOut = new QPushButton(tr("Browse…"), this);
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Run Directory"), m_outDir->text());
        if (!dir.isEmpty())
            setOutputDirectory(dir);
    });
    connect(m_outDir, &QLineEdit::textEdited, this, [this] { m_outDirEdited = true; });
    connect(m_outDir, &QLineEdit::textChanged, this, &TrainingDialog::updateRunNote);
    form->addRow(tr("Output directory:"), withButton(this, m_outDir, browseOut));
    m_runNote = noteLabel(this);
    form->addRow(m_runNote);
}

void TrainingDialog::buildModelRows(QFormLayout* form)
{
    m_homogeneous = new QCheckBox(tr("Homogeneous (no latent space)"), this);
    m_homogeneous->setToolTip(tr("Learn a single structure for all particles: no encoder and no latent "
                                 "coordinates. A quick baseline before looking for heterogeneity."));
    m_zdim = makeSpinBox(this, 1, 256, 8,
                     tr("How many numbers describe each particle's conformation. 8 is a good start; "
                        "1 suits a single motion, more can capture several independent changes."));
    connect(m_homogeneous, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        updateOutputDirectory();
    });
    connect(m_zdim, &QSpinBox::valueChanged, this, &TrainingDialog::updateOutputDirectory);
    connect(m_zdim, &QSpinBox::valueChanged, this, &TrainingDialog::updateAutomaticBeta);
    form->addRow(QString(), m_homogeneous);
    form->addRow(tr("Latent dimensions:"), m_zdim);
    const QString widthTip = tr("Neurons per layer: wider networks learn finer detail but train more slowly.");
    const QString layersTip = tr("Number of hidden layers: deeper networks can model more complex changes.");
    m_encoderWidth = makeSpinBox(this, 8, 4096, 256, tr("Encoder (image → latent coordinates). ") + widthTip);
    m_encoderLayers = makeSpinBox(this, 1, 16, 3, tr("Encoder (image → latent coordinates). ") + layersTip);
    m_decoderWidth = makeSpinBox(this, 8, 4096, 256, tr("Decoder (coordinates → density). ") + widthTip);
    m_decoderLayers = makeSpinBox(this, 1, 16, 3, tr("Decoder (coordinates → density). ") + layersTip);
    m_encoderWidth->setSingleStep(64);
    m_decoderWidth->setSingleStep(64);
    form->addRow(tr("Encoder:"), pairRow(this, m_encoderWidth, m_encoderLayers));
    form->addRow(tr("Decoder:"), pairRow(this, m_decoderWidth, m_decoderLayers));
}

void TrainingDialog::buildOptimiserRows(QFormLayout* form)
{
    m_epochs = makeSpinBox(this, 1, 100000, 20, tr("How many times the model sees every particle. 20–50 is typical; "
                                               "you can stop early and resume later."));
    m_batch = makeSpinBox(this, 1, 4096, 8, tr("Images per optimisation step. Small batches (8) learn faster per "
                                           "epoch; larger ones run faster per image."));
    m_learningRate = new QLineEdit(learningRateText(cryo::RunConfig{}.learningRate), this);
    m_learningRate->setToolTip(tr("Step size of the optimiser (Adam). Lower it (e.g. 5e-5) if the loss "
                                  "jumps around or becomes NaN."));
    m_betaAuto = new QCheckBox(tr("automatic (1 / latent dimensions)"), this);
    m_betaAuto->setChecked(true);
    m_beta = new QLineEdit(QStringLiteral("0.125"), this);
    const QString betaTip = tr("Weight of the KL term that keeps the latent space smooth and centred. "
                               "Larger values give a tidier but less detailed latent space.");
    m_betaAuto->setToolTip(betaTip);
    m_beta->setToolTip(betaTip);
    connect(m_betaAuto, &QCheckBox::toggled, this, &TrainingDialog::updateEnabled);
    connect(m_betaAuto, &QCheckBox::toggled, this, &TrainingDialog::updateAutomaticBeta);
    auto* betaRow = new QWidget(this);
    auto* betaLayout = new QHBoxLayout(betaRow);
    betaLayout->setContentsMargins(0, 0, 0, 0);
    betaLayout->addWidget(m_betaAuto);
    betaLayout->addWidget(m_beta, 1);
    m_seed = makeSpinBox(this, 0, std::numeric_limits<int>::max(), 1,
                     tr("Starting point of the random numbers: the same seed and settings give the same run."));
    // One core is left to the interface and to whatever else the user runs (util/ComputeThreads.h).
    m_threads = makeSpinBox(this, 1, std::max(1, QThread::idealThreadCount()), cryo::threadsLeavingOneCoreFree(),
                            tr("CPU cores used for training. Leave one free to keep the "
                               "rest of the computer responsive."));
    m_precision = new QComboBox(this);
    m_precision->addItem(tr("fp32 (exact)"), QStringLiteral("fp32"));
    m_precision->addItem(tr("bf16 (faster on recent CPUs)"), QStringLiteral("bf16"));
    m_precision->setToolTip(tr("Number format of the network's matrix products. bf16 is faster on CPUs "
                               "that support it, with slightly less precise losses."));
    connect(m_epochs, &QSpinBox::valueChanged, m_abInitio, &AbInitioSettings::setEpochs);
    m_abInitio->setEpochs(m_epochs->value());
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("KL weight β:"), betaRow);
    form->addRow(tr("Random seed:"), m_seed);
    form->addRow(tr("Threads:"), m_threads);
    form->addRow(tr("Precision:"), m_precision);
    buildImageMemoryRow(form);
    QLabel* defaultsNote = noteLabel(this);
    defaultsNote->setObjectName(QStringLiteral("defaultsNote"));
    defaultsNote->setText(trainingDefaultsNote());
    defaultsNote->setToolTip(tr("The settings a new run starts from; any of them can be changed above."));
    form->addRow(defaultsNote);
}

void TrainingDialog::buildImageMemoryRow(QFormLayout* form)
{
    const double defaultGb = double(cryo::defaultMemoryBoundBytes()) / double(1 << 30);
    m_imageMemory = new QDoubleSpinBox(this);
    m_imageMemory->setRange(0.1, std::max(1.0, 4 * defaultGb));   // up to all of the memory
    m_imageMemory->setDecimals(1);
    m_imageMemory->setSuffix(tr(" GB"));
    m_imageMemory->setValue(defaultGb);
    m_imageMemory->setToolTip(tr("Memory the whole program may hold while training. The particle images get what "
                                 "the program, the model and the particle metadata leave of it: held in memory when "
                                 "they fit, else read from the stacks during training, a window of images ahead of "
                                 "the model. Default: a quarter of this computer's memory (%1 GB).")
                                  .arg(defaultGb, 0, 'f', 1));
    m_imageMemoryNote = new QLabel(this);
    connect(m_imageMemory, &QDoubleSpinBox::valueChanged, this, &TrainingDialog::updateImageMemoryNote);
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_imageMemory);
    layout->addWidget(m_imageMemoryNote, 1);
    form->addRow(tr("Memory bound (whole program):"), row);
}
