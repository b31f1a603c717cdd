#include "model/CryoModel.h"

#include "util/Error.h"

#include <cmath>

namespace cryo {

CryoModelImpl::CryoModelImpl(const ModelArchitecture& a, int boxSize, std::int64_t encoderInputs)
    : m_zdim(a.zdim), m_encoding(a, boxSize),
      m_decoder(m_encoding->outputs(), a.decoderWidth, a.decoderLayers, 2)
{
    if (a.zdim < 0 || a.decoderWidth < 1 || a.decoderLayers < 0 || a.encoderWidth < 1 || a.encoderLayers < 0)
        throw UsageError("zdim, widths and layer counts must not be negative (widths at least 1)");
    register_module("encoding", m_encoding);
    register_module("decoder", m_decoder);
    if (m_zdim > 0) {
        m_latent = register_module("latent", torch::nn::Linear(torch::nn::LinearOptions(m_zdim, a.decoderWidth).bias(false)));
        // The latent term is the z columns of the decoder's first layer (model/CryoModel.h), so
        // its weights start as that layer's do, U(±1/√fan-in) over features and z together.
        // Linear's own bound, 1/√zdim, made them ~5× larger at zdim 8: z's noise then drowned
        // the decoder's start and the latent took twice the epochs to follow a motion.
        torch::NoGradGuard noGrad;
        const double bound = 1.0 / std::sqrt(double(m_encoding->outputs() + m_zdim));
        m_latent->weight.uniform_(-bound, bound);
        if (encoderInputs > 0)
            m_encoder = register_module("encoder", ResidualMlp(encoderInputs, a.encoderWidth, a.encoderLayers, 2 * m_zdim));
    }
}

std::pair<torch::Tensor, torch::Tensor> CryoModelImpl::encode(const torch::Tensor& x)
{
    const auto out = m_encoder->forward(x);
    return {out.narrow(1, 0, m_zdim), out.narrow(1, m_zdim, m_zdim)};
}

torch::Tensor CryoModelImpl::decode(const torch::Tensor& coords, const torch::Tensor& z)
{
    const std::int64_t B = coords.size(0), P = coords.size(1);
    const auto features = m_encoding->forward(coords.reshape({B * P, 3}));
    const auto latentTerm = z.defined() && m_zdim > 0 ? m_latent->forward(z) : torch::Tensor();
    return m_decoder->forward(features, latentTerm).view({B, P, 2});
}

} // namespace cryo
