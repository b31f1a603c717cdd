#pragma once
// bf16 precision for the forward pass of one training step: inside the scope, LibTorch's CPU
// autocast runs the matrix products in bfloat16; parameters, gradients and the loss stay fp32.
// Leaving the scope clears autocast's cache of bfloat16 weight copies. Autocast keeps a copy per
// weight for as long as its cache lives (for layers whose input is a matrix, such as the
// encoder's), so a cache kept across optimizer steps feeds every later forward pass the weights
// as they were before the steps. Torch callers only.
#include "model/TorchPch.h"

namespace cryo {

class AutocastScope {
public:
    explicit AutocastScope(bool bf16) : m_enabled(bf16)
    {
        if (!m_enabled)
            return;
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
    }
    ~AutocastScope()
    {
        if (!m_enabled)
            return;
        at::autocast::set_cpu_enabled(false);
        at::autocast::clear_cache();
    }
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool m_enabled;
};

} // namespace cryo
