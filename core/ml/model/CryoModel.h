#pragma once
// The cryoDRGN-style model: an image encoder MLP (phase-flipped Hartley pixels on the
// training lattice → mean and log-variance of a diagonal Gaussian over z) and a coordinate
// decoder (positional encoding of a 3D lattice point k, plus z → two values (a, b) with
// HT(k) = a − b and HT(−k) = a + b, so only half of any centrosymmetric lattice is evaluated).
// Homogeneous models (zdim = 0) have no encoder and no latent input.
#include "model/PositionalEncoding.h"
#include "model/ResidualMlp.h"
#include "run/RunConfig.h"

namespace cryo {

class CryoModelImpl : public torch::nn::Module {
public:
    // encoderInputs: pixels per image (TrainingLattice::pixelCount()); 0 builds the decoder
    // alone (map generation needs no encoder).
    CryoModelImpl(const ModelArchitecture& architecture, int boxSize, std::int64_t encoderInputs);

    int zdim() const { return m_zdim; }
    bool hasEncoder() const { return !m_encoder.is_empty(); }

    // x [B, encoderInputs] → (mu, logvar), each [B, zdim]
    std::pair<torch::Tensor, torch::Tensor> encode(const torch::Tensor& x);
    // coords [B, P, 3] cycles/px, z [B, zdim] (undefined when homogeneous) → [B, P, 2]
    torch::Tensor decode(const torch::Tensor& coords, const torch::Tensor& z);

private:
    int m_zdim;
    PositionalEncoding m_encoding;
    ResidualMlp m_decoder;
    ResidualMlp m_encoder{nullptr};
    torch::nn::Linear m_latent{nullptr};   // z → first decoder layer (no bias: the layer has one)
};
TORCH_MODULE(CryoModel);

} // namespace cryo
