#include "train/DataParallel.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace cryo {

DataParallel::DataParallel(const DistributedOptions& options)
    : m_group(options), m_gradients(m_group, options), m_fault(faultFromEnvironment())
{
}

DataParallel::Fault DataParallel::faultFromEnvironment()
{
    Fault fault;
    const char* text = std::getenv("CRYOSCAPE_TEST_FAULT");
    char kind[8] = {};
    if (text && std::sscanf(text, "%d:%zu:%7s", &fault.rank, &fault.step, kind) == 3)
        fault.hang = std::string(kind) == "hang";
    return fault;
}

void DataParallel::afterBackward(CryoModel& model)
{
    if (++m_steps == m_fault.step && m_fault.rank == rank())
        std::raise(m_fault.hang ? SIGSTOP : SIGKILL);
    m_gradients.afterBackward(model);
}

void DataParallel::synchronize(CryoModel& model, torch::optim::Adam& optimizer)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> tensors = model->parameters();
    for (const torch::Tensor& buffer : model->buffers())
        tensors.push_back(buffer);
    // Adam's moments exist after a resume (every rank read the same checkpoint; rank 0's win).
    for (const torch::Tensor& parameter : model->parameters()) {
        const auto state = optimizer.state().find(c10::guts::to_string(parameter.unsafeGetTensorImpl()));
        if (state == optimizer.state().end())
            continue;
        auto& adam = static_cast<torch::optim::AdamParamState&>(*state->second);
        tensors.push_back(adam.exp_avg());
        tensors.push_back(adam.exp_avg_sq());
    }
    std::vector<torch::Tensor> flat;
    for (const torch::Tensor& t : tensors)
        flat.push_back(t.detach().to(torch::kCPU, torch::kFloat32).reshape({-1}));
    const torch::Tensor all = torch::cat(flat);
    m_group.broadcastFromFirst(all);
    std::int64_t offset = 0;
    for (torch::Tensor& t : tensors) {
        t.copy_(all.narrow(0, offset, t.numel()).view(t.sizes()));
        offset += t.numel();
    }
}

void DataParallel::sum(std::vector<double>& values)
{
    const torch::Tensor tensor = torch::from_blob(values.data(), {std::int64_t(values.size())}, torch::kFloat64);
    m_group.sum(tensor);
}

void DataParallel::gatherRows(std::vector<float>& table)
{
    // Every rank's rows are zero outside its own range, so the sum is the table (x + 0 = x exactly).
    if (!table.empty())
        m_group.sum(torch::from_blob(table.data(), {std::int64_t(table.size())}, torch::kFloat32));
}

} // namespace cryo
