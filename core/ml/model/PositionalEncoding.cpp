#include "model/PositionalEncoding.h"

#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace cryo {

PositionalEncodingImpl::PositionalEncodingImpl(const ModelArchitecture& architecture, int boxSize)
{
    if (boxSize < 4 || boxSize % 2)
        throw UsageError("the box size must be even and at least 4 (got " + std::to_string(boxSize) + ")");
    const std::int64_t F = boxSize / 2;
    const double twoPi = 2 * std::numbers::pi;
    m_outputs = 6 * F;
    if (architecture.positionalEncoding == "geometric") {
        m_gaussian = false;
        auto omega = torch::empty({F});
        for (std::int64_t j = 0; j < F; ++j)
            omega[j] = twoPi * std::pow(double(F), double(j) / double(std::max<std::int64_t>(1, F - 1)));
        m_frequencies = register_buffer("frequencies", omega.view({1, 1, F}));
    } else if (architecture.positionalEncoding == "gaussian") {
        m_gaussian = true;
        auto generator = at::detail::createCPUGenerator(architecture.encodingSeed);
        auto b = at::randn({3, 3 * F}, generator) * (architecture.gaussianSigma * F);
        m_frequencies = register_buffer("frequencies", b);
    } else {
        throw UsageError("unknown positional encoding '" + architecture.positionalEncoding +
                         "' (use geometric or gaussian)");
    }
}

torch::Tensor PositionalEncodingImpl::forward(const torch::Tensor& coords)
{
    // angles: geometric [N, 3, F] → [N, 3F]; gaussian [N, 3F]
    const torch::Tensor angles = m_gaussian ? torch::mm(coords, m_frequencies)
                                            : (coords.unsqueeze(-1) * m_frequencies).flatten(1);
    return torch::cat({torch::sin(angles), torch::cos(angles)}, 1);
}

} // namespace cryo
