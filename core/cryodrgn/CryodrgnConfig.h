#pragma once
// The configuration of a cryoDRGN training run: config.yaml (cryoDRGN ≥ 2.3) or config.pkl
// (≤ 2.2, a pickled dict with NumPy scalars), written by `train_vae` / `abinit_het` (a
// HetOnlyVAE: encoder and decoder), `train_nn` / `abinit_homo` / `train_dec` (a decoder alone)
// or the 4.x `abinit` (cryoDRGN-AI's HyperVolume; its size is in the checkpoint). Keys that older versions did not write take the values
// cryoDRGN itself assumes for them (cryodrgn/config.py update_config_v1: feat_sigma none,
// activation relu). What cannot be read is refused with a message naming the file, what was
// found, and what to do: the unreleased 4.0/4.1 flat configs, the 4.2 pre-release abinit
// configs, unknown domains, encodings and activations.
#include <array>
#include <filesystem>
#include <optional>
#include <string>

namespace cryo {

// Which network the checkpoint holds (and where its decoder's weights are).
enum class CryodrgnModel {
    Vae,          // HetOnlyVAE: model_state_dict["decoder.…"]
    Decoder,      // a decoder alone: model_state_dict
    HyperVolume,  // 4.x abinit: hypervolume_state_dict, hypervolume_params, output_mask_radius
};

struct CryodrgnConfig {
    std::filesystem::path file;            // config.yaml / config.pkl it was read from
    std::string version;                   // "4.3.0"; "" when the file does not say
    CryodrgnModel model = CryodrgnModel::Vae;
    // lattice_args
    int latticeSize = 0;                   // D: image box + 1 (odd)
    double extent = 0.5;                   // lattice spans [−extent, extent] cycles/px
    // model_args
    int zdim = 0;                          // 0 for a homogeneous decoder (train_nn, abinit_homo)
    std::string domain = "fourier";        // "hartley" | "fourier"
    std::string encoding = "geom_lowf";    // pe_type
    int encodingDim = 0;                   // pe_dim; 0: D / 2 (null in the config)
    std::string activation = "relu";       // "relu" | "leaky_relu"
    int decoderLayers = 0, decoderWidth = 0;   // players / pdim (train_nn: layers / dim; abinit_homo: qlayers / qdim)
    int encoderLayers = 0, encoderWidth = 0;   // qlayers / qdim of a HetOnlyVAE
    // dataset_args (paths as written: they name files on the machine that trained)
    std::filesystem::path particles, poses, ctf, dataDirectory, indices;
    std::array<double, 2> norm{0, 1};      // mean, std of the Hartley-transformed images (abinit: data_norm_mean/std)
    bool invertData = true;
    std::optional<double> pixelSize;       // Å/px when the config records one (few do)

    int boxSize() const { return latticeSize - 1; }
    bool heterogeneous() const { return zdim > 0; }
};

// Reads config.yaml or config.pkl. Throws FileError (naming the file and the key) when it
// cannot be read or describes a model that we cannot decode.
CryodrgnConfig readCryodrgnConfig(const std::filesystem::path& path);

} // namespace cryo
