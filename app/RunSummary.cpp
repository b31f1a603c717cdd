#include "RunSummary.h"

#include "train/AbInitioState.h"

#include <QFileInfo>
#include <QLocale>

QString RunSummary::text(const QString& runDirOrFile)
{
    const auto path = cryo::runFilePath(runDirOrFile.toStdString());
    const cryo::H5File file(path, cryo::H5File::Mode::ReadOnly);
    cryo::checkRunFile(file);
    const cryo::RunConfig c = cryo::readRunConfig(file);
    const auto history = cryo::readHistory(file);
    QStringList lines;
    lines << tr("Run: %1").arg(QString::fromStdString(path.parent_path().string()));
    if (c.importedFromCryodrgn())
        lines << tr("cryoDRGN run, epoch %1: %2").arg(c.cryodrgnEpoch).arg(QString::fromStdString(c.cryodrgnWeights.string()));
    lines << tr("Particles: %1 (%2 images, box %3 px, %4 Å/px)")
                 .arg(QString::fromStdString(c.particles.string()))
                 .arg(QLocale().toString(qulonglong(c.particleCount)))
                 .arg(c.boxSize)
                 .arg(c.pixelSize, 0, 'f', 3);
    lines << (c.model.homogeneous() ? tr("Model: homogeneous, decoder %1 × %2")
                                          .arg(c.model.decoderWidth)
                                          .arg(c.model.decoderLayers)
                                    : tr("Model: %1 latent dimensions, encoder %2 × %3, decoder %4 × %5")
                                          .arg(c.model.zdim)
                                          .arg(c.model.encoderWidth)
                                          .arg(c.model.encoderLayers)
                                          .arg(c.model.decoderWidth)
                                          .arg(c.model.decoderLayers));
    if (const auto abInitio = cryo::readAbInitioRecord(file)) {
        const int searched = cryo::readSearchedEpoch(file);
        lines << tr("Poses: searched ab initio every %1 epochs, model reset %2, base grid %3%4")
                     .arg(abInitio->options.searchEvery)
                     .arg(abInitio->resetEpoch > 0 ? tr("after epoch %1").arg(abInitio->resetEpoch) : tr("never"))
                     .arg(abInitio->options.baseResolution)
                     .arg(searched > 0 ? tr("; last searched in epoch %1").arg(searched) : QString());
    }
    const int done = history.empty() ? 0 : history.back().epoch;
    lines << tr("Epochs: %1 of %2 (batch %3, learning rate %4, β %5, %6)")
                 .arg(done)
                 .arg(c.epochs)
                 .arg(c.batchSize)
                 .arg(c.learningRate, 0, 'g', 3)
                 .arg(c.effectiveBeta(), 0, 'g', 3)
                 .arg(QString::fromStdString(c.precision));
    if (!history.empty()) {
        double seconds = 0;
        for (const auto& r : history)
            seconds += r.seconds;
        lines << tr("Last loss: %1 (MSE %2, KL %3); %4 s of training")
                     .arg(history.back().loss, 0, 'g', 5)
                     .arg(history.back().mse, 0, 'g', 5)
                     .arg(history.back().kld, 0, 'g', 4)
                     .arg(seconds, 0, 'f', 0);
    }
    return lines.join(QLatin1Char('\n'));
}

QString RunSummary::title(const cryo::RunConfig& config, const QString& runDir)
{
    if (!config.importedFromCryodrgn())
        return QFileInfo(runDir).fileName();
    return tr("%1 · cryoDRGN run, epoch %2")
        .arg(QString::fromStdString(config.cryodrgnWeights.parent_path().filename().string()))
        .arg(config.cryodrgnEpoch);
}

std::vector<cryo::EpochRecord> RunSummary::history(const QString& runDirOrFile)
{
    try {
        const cryo::H5File file(cryo::runFilePath(runDirOrFile.toStdString()), cryo::H5File::Mode::ReadOnly);
        return cryo::readHistory(file);
    } catch (const std::exception&) {
        return {};   // no run there yet (a first start) or an unreadable one: nothing to continue
    }
}

std::vector<cryo::PoseErrorRecord> RunSummary::poseErrorHistory(const QString& runDirOrFile)
{
    try {
        const cryo::H5File file(cryo::runFilePath(runDirOrFile.toStdString()), cryo::H5File::Mode::ReadOnly);
        return cryo::readPoseErrorHistory(file);
    } catch (const std::exception&) {
        return {};   // as history(): nothing to continue
    }
}
