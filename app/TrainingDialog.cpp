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

void TrainingDialog::updateImageMemoryNote()
{
    if (m_particleCount == 0 || m_boxSize <= 0) {
        m_imageMemoryNote->clear();
        return;
    }
    // The preprocessed images: about D² floats each (TrainingLattice), against what the program
    // holds now (training runs in this process) leaves of the bound.
    const double gb = double(m_particleCount) * m_boxSize * m_boxSize * sizeof(float) / double(1 << 30);
    const double heldGb = double(cryo::processResidentBytes()) / double(1 << 30);
    m_imageMemoryNote->setText(gb <= m_imageMemory->value() - heldGb
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
    growToFit();
}

void TrainingDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    growToFit();
}

void TrainingDialog::growToFit()
{
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
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
