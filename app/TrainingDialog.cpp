#include "TrainingDialog.h"

#include "AbInitioSettings.h"
#include "FormFields.h"
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

// A learning rate as rates are written on the command line and in papers: 1e-4, 2.5e-4.
QString learningRateText(double rate)
{
    const int exponent = int(std::floor(std::log10(rate)));
    return QString::number(rate / std::pow(10.0, exponent), 'g', 6) + QStringLiteral("e%1").arg(exponent);
}

// Accepts "1e-4" and "0.0001" whatever the locale, and the user's decimal comma.
double parseNumber(const QString& text, bool* ok)
{
    const QString t = text.trimmed();
    double value = QLocale::c().toDouble(t, ok);
    if (!*ok)
        value = QLocale().toDouble(t, ok);
    if (*ok && !std::isfinite(value))
        *ok = false;
    return value;
}

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
}

void TrainingDialog::buildImageMemoryRow(QFormLayout* form)
{
    const double defaultGb = double(cryo::defaultImageMemoryBytes()) / double(1 << 30);
    m_imageMemory = new QDoubleSpinBox(this);
    m_imageMemory->setRange(0.1, std::max(1.0, 4 * defaultGb));   // up to all of the memory
    m_imageMemory->setDecimals(1);
    m_imageMemory->setSuffix(tr(" GB"));
    m_imageMemory->setValue(defaultGb);
    m_imageMemory->setToolTip(tr("Memory the particle images may take. When they do not fit, they are read from "
                                 "the stacks during training, a window of images ahead of the model. Default: a "
                                 "quarter of this computer's memory (%1 GB).")
                                  .arg(defaultGb, 0, 'f', 1));
    m_imageMemoryNote = new QLabel(this);
    connect(m_imageMemory, &QDoubleSpinBox::valueChanged, this, &TrainingDialog::updateImageMemoryNote);
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_imageMemory);
    layout->addWidget(m_imageMemoryNote, 1);
    form->addRow(tr("Memory for images:"), row);
}

void TrainingDialog::updateImageMemoryNote()
{
    if (m_particleCount == 0 || m_boxSize <= 0) {
        m_imageMemoryNote->clear();
        return;
    }
    // The preprocessed images: about D² floats each (TrainingLattice).
    const double gb = double(m_particleCount) * m_boxSize * m_boxSize * sizeof(float) / double(1 << 30);
    m_imageMemoryNote->setText(gb <= m_imageMemory->value()
                                   ? tr("the images take %1 GB: held in memory").arg(gb, 0, 'f', 1)
                                   : tr("the images take %1 GB: read from disk during training").arg(gb, 0, 'f', 1));
}

void TrainingDialog::setParticles(const QString& path)
{
    m_particles->setText(path);
    inspectParticles();
}

void TrainingDialog::setOutputDirectory(const QString& path)
{
    m_outDirEdited = true;
    m_outDir->setText(path);
}

void TrainingDialog::inspectParticles()
{
    const QString path = m_particles->text().trimmed();
    const QString key = path + QLatin1Char('\n') + m_dataDirectory->text().trimmed();
    if (key == m_inspectedPath)
        return;
    m_inspectedPath = key;
    m_datasetError.clear();
    m_particleCount = 0;
    m_abInitio->setParticlePoses(std::nullopt);
    m_datasetInfo->setVisible(!path.isEmpty());
    if (path.isEmpty()) {
        m_datasetInfo->clear();
        updateImageMemoryNote();
        updateOutputDirectory();
        return;
    }
    cryo::ParticleDatasetOptions options;
    options.requireImages = false;   // metadata only: cheap, and missing stacks are reported
    options.dataDirectory = m_dataDirectory->text().trimmed().toStdString();
    try {
        const auto dataset = cryo::ParticleDataset::open(path.toStdString(), options);
        m_particleCount = dataset.size();
        m_boxSize = dataset.boxSize();
        m_pixelSize = dataset.pixelSize();
        m_abInitio->setParticlePoses(dataset.hasPoses());
        QString text = tr("%1 particles · box %2 px · %3 Å/px")
                           .arg(QLocale().toString(qulonglong(m_particleCount)))
                           .arg(m_boxSize)
                           .arg(m_pixelSize, 0, 'f', 3);
        if (!dataset.problems().empty())
            text += QStringLiteral("<br><span style='color:#c0392b'>%1</span>")
                        .arg(QString::fromStdString(dataset.problems().front()).toHtmlEscaped());
        m_datasetInfo->setText(text);
    } catch (const std::exception& e) {
        m_datasetError = QString::fromUtf8(e.what());
        m_datasetInfo->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(m_datasetError.toHtmlEscaped()));
    }
    updateImageMemoryNote();
    updateOutputDirectory();
}

QString TrainingDialog::defaultOutputDirectory(const QString& particles, int zdim)
{
    if (particles.trimmed().isEmpty())
        return {};
    const QFileInfo info(particles.trimmed());
    const QString name = zdim > 0 ? QStringLiteral("%1_z%2").arg(info.completeBaseName()).arg(zdim)
                                  : QStringLiteral("%1_homogeneous").arg(info.completeBaseName());
    return QDir(info.absolutePath()).filePath(QStringLiteral("cryoscape_runs/") + name);
}

void TrainingDialog::updateOutputDirectory()
{
    if (m_outDirEdited)
        return;
    m_outDir->setText(defaultOutputDirectory(m_particles->text(), m_homogeneous->isChecked() ? 0 : m_zdim->value()));
}

bool TrainingDialog::hasExistingRun() const
{
    const QString dir = m_outDir->text().trimmed();
    return !dir.isEmpty() && QFileInfo::exists(QDir(dir).filePath(QString::fromLatin1(cryo::kRunFileName)));
}

void TrainingDialog::updateRunNote()
{
    const bool exists = hasExistingRun();
    m_resumeButton->setVisible(exists);
    m_runNote->setVisible(exists);
    if (!exists) {
        m_runNote->clear();
        return;
    }
    QString epochs;
    try {
        const cryo::H5File file(cryo::runFilePath(m_outDir->text().trimmed().toStdString()), cryo::H5File::Mode::ReadOnly);
        const auto history = cryo::readHistory(file);
        const cryo::RunConfig config = cryo::readRunConfig(file);
        const auto abInitio = cryo::readAbInitioRecord(file);
        epochs = tr(" (epoch %1 of %2 done; its settings are shown below)")
                     .arg(history.empty() ? 0 : history.back().epoch)
                     .arg(config.epochs);
        const QString dir = QFileInfo(m_outDir->text().trimmed()).absoluteFilePath();
        if (dir != m_appliedRun) {
            m_appliedRun = dir;
            m_outDirEdited = true;   // the run's zdim must not move the directory away from it
            // The poses choice first: it may propose a learning rate, which the run's own replaces.
            m_abInitio->setAbInitio(abInitio.has_value());
            if (abInitio)
                m_abInitio->setOptions(abInitio->options);
            applyConfig(config);
        }
    } catch (const std::exception& e) {
        // An unreadable run.h5 is still a run the user may not want to lose: say so, keep the offer.
        epochs = tr(" (its run.h5 cannot be read: %1)").arg(QString::fromUtf8(e.what()));
    }
    m_runNote->setText(QStringLiteral("<span style='color:#b9770e'>%1</span>")
                           .arg(tr("This directory already holds a run%1. Resume continues it; Train starts it over "
                                   "and replaces it.")
                                    .arg(epochs)));
}

// Shows a run's settings in the fields (run.h5 stores the β that was used: automatic
// when it is 1/zdim).
void TrainingDialog::applyConfig(const cryo::RunConfig& c)
{
    m_homogeneous->setChecked(c.model.homogeneous());
    if (!c.model.homogeneous())
        m_zdim->setValue(c.model.zdim);
    m_encoderWidth->setValue(c.model.encoderWidth);
    m_encoderLayers->setValue(c.model.encoderLayers);
    m_decoderWidth->setValue(c.model.decoderWidth);
    m_decoderLayers->setValue(c.model.decoderLayers);
    m_epochs->setValue(c.epochs);
    m_batch->setValue(c.batchSize);
    m_learningRate->setText(learningRateText(c.learningRate));
    const bool automatic = c.beta < 0 || (c.model.zdim > 0 && std::abs(c.beta - 1.0 / c.model.zdim) < 1e-9);
    m_betaAuto->setChecked(automatic);
    if (!automatic)
        m_beta->setText(QString::number(c.beta, 'g', 6));
    m_seed->setValue(int(std::min<std::uint64_t>(c.seed, std::uint64_t(std::numeric_limits<int>::max()))));
    const int precision = m_precision->findData(QString::fromStdString(c.precision));
    if (precision >= 0)
        m_precision->setCurrentIndex(precision);
    updateAutomaticBeta();
}

// While β is automatic, its field shows the value that will be used.
void TrainingDialog::updateAutomaticBeta()
{
    if (m_betaAuto->isChecked())
        m_beta->setText(QString::number(1.0 / m_zdim->value(), 'g', 4));
}

void TrainingDialog::proposeLearningRate()
{
    const bool abInitio = m_abInitio->abInitio();
    const double from = abInitio ? cryo::RunConfig{}.learningRate : cryo::kAbInitioLearningRate;
    const double to = abInitio ? cryo::kAbInitioLearningRate : cryo::RunConfig{}.learningRate;
    bool ok = false;
    const double shown = parseNumber(m_learningRate->text(), &ok);
    if (ok && std::abs(shown - from) <= 1e-9 * from)
        m_learningRate->setText(learningRateText(to));
}

void TrainingDialog::updateEnabled()
{
    const bool latent = !m_homogeneous->isChecked();
    m_zdim->setEnabled(latent);
    m_encoderWidth->setEnabled(latent);
    m_encoderLayers->setEnabled(latent);
    m_beta->setEnabled(latent && !m_betaAuto->isChecked());
    m_betaAuto->setEnabled(latent);
    m_abInitio->setHeterogeneous(latent);
}

cryo::TrainingOptions TrainingDialog::options() const
{
    cryo::TrainingOptions o;
    const QString particles = m_particles->text().trimmed();
    o.particles = QFileInfo(particles).absoluteFilePath().toStdString();
    o.outDir = QFileInfo(m_outDir->text().trimmed()).absoluteFilePath().toStdString();
    o.resume = m_resume;
    o.threads = m_threads->value();
    o.memoryLimitBytes = std::size_t(m_imageMemory->value() * double(1 << 30));
    const QString dataDirectory = m_dataDirectory->text().trimmed();
    if (!dataDirectory.isEmpty())
        o.dataset.dataDirectory = QFileInfo(dataDirectory).absoluteFilePath().toStdString();
    cryo::RunConfig& c = o.config;
    c.particles = o.particles;
    c.dataDirectory = o.dataset.dataDirectory;
    c.particleCount = m_particleCount;
    c.boxSize = m_boxSize;
    c.pixelSize = m_pixelSize;
    c.model.zdim = m_homogeneous->isChecked() ? 0 : m_zdim->value();
    c.model.encoderWidth = m_encoderWidth->value();
    c.model.encoderLayers = m_encoderLayers->value();
    c.model.decoderWidth = m_decoderWidth->value();
    c.model.decoderLayers = m_decoderLayers->value();
    c.epochs = m_epochs->value();
    c.batchSize = m_batch->value();
    bool ok = false;
    const double lr = parseNumber(m_learningRate->text(), &ok);
    c.learningRate = ok ? lr : c.learningRate;
    const double beta = parseNumber(m_beta->text(), &ok);
    c.beta = (c.model.zdim == 0 || m_betaAuto->isChecked() || !ok) ? -1.0 : beta;
    c.seed = std::uint64_t(m_seed->value());
    c.precision = m_precision->currentData().toString().toStdString();
    o.abInitio = m_abInitio->abInitio();
    o.abInitioOptions = m_abInitio->options();
    return o;
}

QString TrainingDialog::validationError() const
{
    const QString particles = m_particles->text().trimmed();
    if (particles.isEmpty())
        return tr("Choose the particle file to train on.");
    if (!QFileInfo(particles).isFile())
        return tr("The particle file %1 does not exist.").arg(particles);
    const bool inspected = m_inspectedPath.section(QLatin1Char('\n'), 0, 0) == particles;
    if (inspected && !m_datasetError.isEmpty())
        return tr("The particle file cannot be used: %1").arg(m_datasetError);
    if (inspected && m_particleCount == 0)
        return tr("The particle file holds no particles.");
    const QString out = m_outDir->text().trimmed();
    if (out.isEmpty())
        return tr("Choose an output directory for the run.");
    const QString dataDirectory = m_dataDirectory->text().trimmed();
    if (!dataDirectory.isEmpty() && !QFileInfo(dataDirectory).isDir())
        return tr("The image directory %1 does not exist.").arg(dataDirectory);
    if (QFileInfo(out).exists() && !QFileInfo(out).isDir())
        return tr("The output directory %1 is a file.").arg(out);
    bool ok = false;
    const double lr = parseNumber(m_learningRate->text(), &ok);
    if (!ok || lr <= 0 || lr > 1)
        return tr("The learning rate must be a number above 0 and at most 1 (e.g. 1e-4), not “%1”.")
            .arg(m_learningRate->text());
    if (!m_homogeneous->isChecked() && !m_betaAuto->isChecked()) {
        const double beta = parseNumber(m_beta->text(), &ok);
        if (!ok || beta < 0)
            return tr("β must be a number of at least 0 (e.g. 0.125), not “%1”.").arg(m_beta->text());
    }
    if (m_particleCount > 0 && std::size_t(m_batch->value()) > m_particleCount)
        return tr("The batch size (%1) is larger than the number of particles (%2).")
            .arg(m_batch->value())
            .arg(m_particleCount);
    return {};
}

void TrainingDialog::accept() { tryAccept(false); }

void TrainingDialog::acceptResume() { tryAccept(true); }

bool TrainingDialog::tryAccept(bool resume)
{
    inspectParticles();   // the path may have been typed without leaving the field
    QString error = validationError();
    if (error.isEmpty() && resume && !hasExistingRun())
        error = tr("There is no run to resume in %1.").arg(m_outDir->text().trimmed());
    m_error->setText(error);
    if (!error.isEmpty())
        return false;
    if (!resume && hasExistingRun() && m_confirmReplace &&
        QMessageBox::question(this, tr("Start Over?"),
                              tr("%1 already holds a run. Start a new one there and replace it?")
                                  .arg(m_outDir->text().trimmed())) != QMessageBox::Yes)
        return false;
    m_resume = resume;
    QDialog::accept();
    return true;
}

QString TrainingDialog::datasetText() const { return m_datasetInfo->text(); }
QString TrainingDialog::errorText() const { return m_error->text(); }
