#pragma once
// Everything that defines a trained model and the data it saw, stored as the attributes
// of /config in run.h5 (docs/run-directory.md) so that a run can be reopened, resumed
// and decoded without the options that created it.
#include <cstdint>
#include <filesystem>
#include <string>

namespace cryo {

struct ModelArchitecture {
    int zdim = 8;                    // 0: homogeneous (decoder only, no encoder, no z)
    int encoderWidth = 256, encoderLayers = 3;
    int decoderWidth = 256, decoderLayers = 3;
    std::string positionalEncoding = "gaussian";    // "gaussian" | "geometric" (axis-aligned streaks in maps)
    double gaussianSigma = 0.5;      // std of the random frequencies, in units of D/2 cycles/box
    std::uint64_t encodingSeed = 1;  // draws the Gaussian frequencies
    // What the encoder sees: "canonical" (each image turned to an in-plane angle set by its
    // viewing direction, train/CanonicalInPlane.h: the latent follows the motion epochs
    // earlier) or "image" (as recorded, cryoDRGN's; runs from before this existed).
    std::string encoderFrame = "canonical";
    static bool knownEncoderFrame(const std::string& frame) { return frame == "canonical" || frame == "image"; }
    bool homogeneous() const { return zdim == 0; }
};

struct RunConfig {
    ModelArchitecture model;
    // The data, as it was when training started.
    std::filesystem::path particles;       // absolute path of the .star/.cs/.mrcs
    std::filesystem::path dataDirectory;   // "" when not given
    std::size_t particleCount = 0;
    int boxSize = 0;                       // D of the images the model was trained on
    double pixelSize = 0;                  // Å/px of those images
    bool invertContrast = true;
    double hartleyStd = 1;                 // global normalisation of the Hartley values
    std::filesystem::path posesFile, ctfFile;   // poses / CTF from other files than `particles` ("": its own)
    std::filesystem::path particleIndices; // only these rows of `particles`, in this order (a cryoDRGN --ind .pkl); "": all
    // A run imported from cryoDRGN (cryodrgn/CryodrgnImport.h) rather than trained here: the
    // checkpoint and config its decoder reads, and N of weights.N.pkl. Empty for our own runs.
    std::filesystem::path cryodrgnWeights, cryodrgnConfig;
    int cryodrgnEpoch = -1;
    bool importedFromCryodrgn() const { return !cryodrgnWeights.empty(); }
    // Optimisation.
    int epochs = 20;
    int batchSize = 8;
    // Adam; 4e-4 rather than cryoDRGN's 1e-4: on the hinge and the two-hinge bench data it
    // followed the motion from epoch 2 on, with a higher FSC-AUC (docs/training.md, issue #23).
    double learningRate = 4e-4;
    double beta = -1;                      // weight of the KL term; < 0 means 1/zdim
    std::uint64_t seed = 1;
    std::string precision = "fp32";        // "fp32" | "bf16" (autocast of the MLP matmuls)
    double effectiveBeta() const { return beta >= 0 ? beta : (model.zdim > 0 ? 1.0 / model.zdim : 0.0); }
};

} // namespace cryo
