#pragma once
// A residual ReLU MLP on rows: x [N, in] → [N, out]
//   h = relu(W0·x + b0 (+ rowBias)),  h = relu(h + Wl·h + bl) for each hidden layer,  y = Wo·h + bo.
// `rowBias` ([N / G, width], broadcast over groups of G consecutive rows) lets the decoder
// add its per-image latent term without concatenating z to every coordinate.
// Written with addmm so each layer is one GEMM plus in-place elementwise work.
#include "model/TorchPch.h"

namespace cryo {

class ResidualMlpImpl : public torch::nn::Module {
public:
    ResidualMlpImpl(std::int64_t inputs, std::int64_t width, int hiddenLayers, std::int64_t outputs);

    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& rowBias = {});
    std::int64_t width() const { return m_width; }

private:
    std::int64_t m_width;
    torch::nn::Linear m_first{nullptr}, m_last{nullptr};
    std::vector<torch::nn::Linear> m_hidden;
};
TORCH_MODULE(ResidualMlp);

} // namespace cryo
