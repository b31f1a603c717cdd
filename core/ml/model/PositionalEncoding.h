#pragma once
// Positional encoding of 3D lattice coordinates k (cycles/px, |k| ≤ ½):
//   geometric: per axis, F = D/2 angular frequencies ω_j = 2π·(D/2)^(j/(F−1)), j = 0…F−1
//              (wavelengths from the whole lattice down to 2/D), features sin(ω_j·k_a), cos(ω_j·k_a);
//   gaussian:  3F random frequency vectors b ~ N(0, (σ·D/2)²·I) in radians per cycle/px
//              (seeded; σ = 0.5 as cryoDRGN's --feat-sigma), features sin(b·k), cos(b·k).
//              cryoDRGN made these its default: the geometric series, separable per axis,
//              lets the decoder add axis-aligned streaks to maps.
// Both give 6F = 3D features. The frequencies are a buffer: saved with the weights.
#include "model/TorchPch.h"
#include "run/RunConfig.h"

namespace cryo {

class PositionalEncodingImpl : public torch::nn::Module {
public:
    PositionalEncodingImpl(const ModelArchitecture& architecture, int boxSize);

    std::int64_t outputs() const { return m_outputs; }
    // coords [N, 3] → features [N, outputs()]
    torch::Tensor forward(const torch::Tensor& coords);

private:
    bool m_gaussian;
    std::int64_t m_outputs;
    torch::Tensor m_frequencies;   // geometric: [1, 1, F]; gaussian: [3, 3F], rad per cycle/px
};
TORCH_MODULE(PositionalEncoding);

} // namespace cryo
