#include "TrainingDefaults.h"

#include "FormFields.h"
#include "run/RunConfig.h"

#include <QCoreApplication>

QString trainingDefaultsNote()
{
    const cryo::RunConfig defaults;
    const cryo::ModelArchitecture& m = defaults.model;
    return QCoreApplication::translate(
               "TrainingDefaults",
               "Defaults: %1 positional encoding, encoder %2×%3 and decoder %4×%5, batch %6, learning rate %7, "
               "KL weight β = 1/zdim, the encoder sees each image turned to a canonical in-plane angle. Why: "
               "cryoDRGN's own defaults, so a run compares directly with cryoDRGN's, except the learning rate "
               "and the turned images, with which the latent followed the motion in fewer epochs than with "
               "cryoDRGN's 1e-4 and images as recorded (docs/training.md).")
        .arg(m.positionalEncoding == "gaussian" ? QCoreApplication::translate("TrainingDefaults", "Gaussian")
                                                : QString::fromStdString(m.positionalEncoding))
        .arg(m.encoderWidth)
        .arg(m.encoderLayers)
        .arg(m.decoderWidth)
        .arg(m.decoderLayers)
        .arg(defaults.batchSize)
        .arg(learningRateText(defaults.learningRate));
}
