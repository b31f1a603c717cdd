#pragma once
// cryoDRGN's decoders, rebuilt from a checkpoint's state dict so that maps come out as
// `cryodrgn eval_vol` writes them (cryodrgn/models.py, release 4.3; read to understand, not
// copied). A decoder is a coordinate MLP f(pe(k) ⊕ z) on lattice points k (cycles/px, the
// lattice [−extent, extent]³ of D = box + 1 points per axis):
//   hartley domain  one output per point: the Hartley value at k, every lattice point;
//   fourier domain  two outputs (a, b) on the half space H (z < 0; z = 0 and y < 0; z = y = 0 and
//                   x ≤ 0); HT(k) = a − b and HT(−k) = a + b. With a positional encoding only
//                   points inside the sphere |k| ≤ extent are decoded (the rest stay 0 before
//                   the normalisation); without one (FTSliceDecoder) every point is, and the
//                   map is zeroed outside the sphere after it.
// Encodings (pe_type): gaussian (the checkpoint's rand_freqs × D/2), geom_lowf, geom_ft,
// geom_full, geom_nohighf, linear_lowf, none. The MLP's layers (plain or residual, their
// widths and count) are read from the state-dict keys, not from the config.
// The 4.x abinit's HyperVolume (models_ai.py) is a hartley decoder with the gaussian encoding,
// z raw or encoded as sin/cos of z × 2^(−4…−1)·π (geom_freqs_conf), and an output mask: in
// each slice the disc of the checkpoint's output_mask_radius, without the centre (kx = ky = 0),
// as its eval_volume_method leaves it.
#include "cryodrgn/CryodrgnConfig.h"
#include "formats/PickleFile.h"
#include "model/TorchPch.h"

#include <span>

namespace cryo {

class CryodrgnDecoder {
public:
    // checkpoint: the torch.save dict of `weights`. Throws FileError naming `weights` when a
    // tensor the architecture needs is missing or has the wrong shape.
    CryodrgnDecoder(const CryodrgnConfig& config, const PickleValue& checkpoint, const std::filesystem::path& weights);

    int zdim() const { return m_zdim; }
    int latticeSize() const { return m_latticeSize; }   // D = box + 1
    void to(const torch::Device& device);

    // The normalised Hartley values (value · std + mean, as eval_volume) on the central
    // (n + 1)³ points of the trained lattice, [z][y][x]; n even, 2 ≤ n ≤ D − 1 (n = D − 1: the
    // whole lattice; smaller n: cryoDRGN's `-d n` evaluation). z: zdim values.
    std::vector<float> evaluateLattice(std::span<const float> z, int n);
    // The MLP's multiply-adds for evaluateLattice(z, n).
    double multiplyAdds(int n) const;

private:
    struct Layer {
        torch::Tensor weight, bias;   // [out, in], [out]
        bool residual = false;        // ResidLinear: y = W·x + b + x
    };
    void readLayers(const PickleValue& stateDict, const std::string& prefix, const std::filesystem::path& weights);
    void readHyperVolume(const PickleValue& checkpoint, const std::filesystem::path& weights);
    bool outsideOutputMask(float x, float y, float z) const;
    torch::Tensor encode(const torch::Tensor& coords) const;   // [N, 3] → [N, inputs − zdim]
    torch::Tensor mlp(torch::Tensor x) const;                  // [N, inputs] → [N, outputs]
    torch::Tensor decodePoints(const torch::Tensor& coords, const torch::Tensor& z) const;   // [N, outputs]
    // The lattice points of a box-n evaluation the MLP sees: flat [z][y][x] indices and coordinates.
    void decodedPoints(int n, std::vector<std::int64_t>& points, std::vector<float>& coords) const;

    CryodrgnConfig m_config;
    int m_latticeSize = 0, m_zdim = 0;
    bool m_fourier = false;
    bool m_leakyRelu = false;
    std::string m_encoding;
    torch::Tensor m_frequencies;   // gaussian: [3F, 3] × D/2; geometric/linear: [F]; none: undefined
    torch::Tensor m_zFrequencies;  // HyperVolume with geom z encoding: [4] rad per unit of z; else undefined
    int m_outputMaskRadius = -1;   // HyperVolume: px; −1: no output mask
    std::vector<Layer> m_layers;
    torch::Device m_device{torch::kCPU};
};

} // namespace cryo
