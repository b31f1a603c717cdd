#include "train/VaeObjective.h"

#include "images/BatchPrefetcher.h"

#include <algorithm>
#include <numeric>

namespace cryo {

BatchTensors BatchTensors::from(TrainingBatch& batch, std::int64_t halfCount, const torch::Device& device)
{
    // The batch's buffers outlive the step (the prefetcher recycles them only on the next
    // batch), so on the CPU the tensors view them without a copy.
    const auto B = std::int64_t(batch.size());
    BatchTensors t;
    t.target = torch::from_blob(batch.target.data(), {B, 2 * halfCount}).to(device);
    t.ctf = torch::from_blob(batch.ctf.data(), {B, halfCount}).to(device);
    t.rotations = torch::from_blob(batch.rotations.data(), {B, 3, 3}).to(device);
    return t;
}

VaeObjective::VaeObjective(const TrainingLattice& lattice, double beta, const torch::Device& device,
                           bool canonicalEncoderFrame)
    : m_beta(beta), m_D(lattice.D)
{
    if (canonicalEncoderFrame)
        m_canonicalFrame.emplace(lattice, device);
    const auto P = std::int64_t(lattice.halfCount());
    m_allHalfCoords = torch::from_blob(const_cast<float*>(lattice.halfCoords.data()), {P, 2}).clone().to(device);
    m_halfCoords = m_allHalfCoords;
}

void VaeObjective::setFrequencyLimit(double radius)
{
    if (radius <= 0 || radius >= 0.5 * m_D) {
        m_halfCoords = m_allHalfCoords;
        m_selection = torch::Tensor();
        return;
    }
    const auto k2 = (m_allHalfCoords * double(m_D)).square().sum(1);
    m_selection = torch::nonzero(k2 <= radius * radius + 1e-6).flatten();
    m_halfCoords = m_allHalfCoords.index_select(0, m_selection);
}

torch::Tensor VaeObjective::encoderInput(const BatchTensors& batch) const
{
    // Phase flipping makes images of one conformation look alike whatever their defocus, the
    // canonical frame whatever their in-plane angle.
    const auto flipped = batch.target * torch::sign(batch.ctf).repeat({1, 2});
    return m_canonicalFrame ? m_canonicalFrame->turn(flipped, batch.rotations) : flipped;
}

LossTerms VaeObjective::evaluate(CryoModel& model, const BatchTensors& batch, at::Generator& generator,
                                 NoiseRows noise) const
{
    // Rᵀ·(kx, ky, 0) for every half point: [Ph, 2] @ [B, 2, 3] → [B, Ph, 3]
    const auto coords = torch::matmul(m_halfCoords, batch.rotations.narrow(1, 0, 2));
    LossTerms terms;
    torch::Tensor z;
    torch::Tensor logvar;
    const bool variational = model->zdim() > 0 && !m_consensus;
    if (variational) {
        std::tie(terms.mu, logvar) = model->encode(encoderInput(batch));
        const std::int64_t B = terms.mu.size(0), rows = noise.rows > 0 ? noise.rows : B;
        const auto eps = at::randn({rows, terms.mu.size(1)}, generator, torch::TensorOptions())
                             .narrow(0, noise.first, B)
                             .to(terms.mu.device());
        z = terms.mu + eps * torch::exp(0.5 * logvar);
    } else if (model->zdim() > 0) {
        z = torch::zeros({batch.target.size(0), model->zdim()}, batch.target.options());
    }
    const auto out = model->decode(coords, z);            // [B, Ph, 2]
    const auto a = out.select(2, 0), b = out.select(2, 1);
    auto target = batch.target, ctf = batch.ctf;
    if (m_selection.defined()) {
        const std::int64_t Ph = batch.ctf.size(1);
        target = torch::cat({target.narrow(1, 0, Ph).index_select(1, m_selection),
                             target.narrow(1, Ph, Ph).index_select(1, m_selection)}, 1);
        ctf = ctf.index_select(1, m_selection);
    }
    const auto prediction = torch::cat({a - b, a + b}, 1) * ctf.repeat({1, 2});
    terms.mse = torch::mse_loss(prediction, target);
    terms.loss = terms.mse;
    if (variational) {
        terms.kld = (-0.5 * (1 + logvar - terms.mu.pow(2) - logvar.exp()).sum(1)).mean();
        terms.loss = terms.mse + (m_beta / double(target.size(1))) * terms.kld;
    }
    return terms;
}

void VaeObjective::skipNoise(CryoModel& model, std::int64_t rows, at::Generator& generator) const
{
    if (model->zdim() > 0 && !m_consensus)
        (void)at::randn({rows, model->zdim()}, generator, torch::TensorOptions());
}

std::pair<torch::Tensor, torch::Tensor> VaeObjective::encodePosterior(CryoModel& model, const BatchTensors& batch) const
{
    torch::NoGradGuard noGrad;
    return model->encode(encoderInput(batch));
}

LatentTable VaeObjective::encodeDataset(CryoModel& model, TrainingImages& images, const torch::Device& device,
                                        const std::function<void(TrainingBatch&)>& prepare,
                                        std::pair<std::size_t, std::size_t> rows) const
{
    LatentTable table;
    table.zdim = model->zdim();
    table.count = images.size();
    if (table.zdim == 0)
        return table;
    rows.second = std::min(rows.second, table.count);
    std::vector<std::size_t> order(rows.second - std::min(rows.first, rows.second));
    std::iota(order.begin(), order.end(), rows.first);
    table.mu.resize(table.count * std::size_t(table.zdim));
    table.logvar.resize(table.mu.size());
    if (order.empty())
        return table;
    BatchPrefetcher prefetcher(images, std::move(order), 256);
    TrainingBatch batch;
    const std::int64_t half = std::int64_t(images.lattice().halfCount());
    while (prefetcher.next(batch)) {
        if (prepare)
            prepare(batch);
        const auto [mu, logvar] = encodePosterior(model, BatchTensors::from(batch, half, device));
        const std::size_t offset = batch.indices.front() * std::size_t(table.zdim);
        for (auto [tensor, out] : {std::pair{mu, &table.mu}, std::pair{logvar, &table.logvar}}) {
            const auto cpu = tensor.to(torch::kCPU, torch::kFloat32).contiguous();
            std::copy_n(cpu.data_ptr<float>(), cpu.numel(), out->data() + offset);
        }
    }
    return table;
}

} // namespace cryo
