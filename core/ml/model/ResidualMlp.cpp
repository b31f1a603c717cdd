#include "model/ResidualMlp.h"

namespace cryo {

ResidualMlpImpl::ResidualMlpImpl(std::int64_t inputs, std::int64_t width, int hiddenLayers, std::int64_t outputs)
    : m_width(width)
{
    m_first = register_module("first", torch::nn::Linear(inputs, width));
    for (int i = 0; i < hiddenLayers; ++i)
        m_hidden.push_back(register_module("hidden" + std::to_string(i), torch::nn::Linear(width, width)));
    m_last = register_module("last", torch::nn::Linear(width, outputs));
}

torch::Tensor ResidualMlpImpl::forward(const torch::Tensor& x, const torch::Tensor& rowBias)
{
    torch::Tensor h;
    if (rowBias.defined()) {
        // [N, width] = [G·rows, width]: the latent term is shared by the rows of one image.
        const std::int64_t groups = rowBias.size(0);
        // Out of place: an in-place add on the view of mm's output would make autograd copy
        // the whole activation back through CopySlices (measured: ~15% of a training step).
        h = (torch::mm(x, m_first->weight.t()).view({groups, -1, m_width}) + (rowBias + m_first->bias).unsqueeze(1))
                .relu_()
                .view({-1, m_width});
    } else {
        h = torch::addmm(m_first->bias, x, m_first->weight.t()).relu_();
    }
    for (auto& layer : m_hidden)
        h = torch::addmm(h, h, layer->weight.t()).add_(layer->bias).relu_();
    return torch::addmm(m_last->bias, h, m_last->weight.t());
}

} // namespace cryo
