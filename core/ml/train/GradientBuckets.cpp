#include "train/GradientBuckets.h"

#include "train/ReplicaGroup.h"

#include <torch/csrc/distributed/c10d/Work.hpp>

#include <chrono>

namespace cryo {

GradientBuckets::GradientBuckets(ReplicaGroup& group, const DistributedOptions& options)
    : m_group(group), m_overlap(options.overlapBackward),
      m_bucketBytes(std::size_t(std::max(0.01, options.bucketMegabytes) * 1024 * 1024))
{
}

GradientBuckets::~GradientBuckets() = default;

void GradientBuckets::build(CryoModel& model)
{
    m_parameters = model->parameters();
    m_slots.assign(m_parameters.size(), Slot{});
    m_buckets.clear();
    std::vector<std::int64_t> sizes;
    std::int64_t filled = 0;
    for (std::size_t i = m_parameters.size(); i-- > 0;) {
        const std::int64_t elements = m_parameters[i].numel();
        if (sizes.empty() || std::size_t(filled) * sizeof(float) >= m_bucketBytes) {
            sizes.push_back(0);
            filled = 0;
        }
        m_slots[i] = Slot{sizes.size() - 1, sizes.back(), elements, false};
        sizes.back() += elements;
        filled += elements;
    }
    m_stats.bytesPerStep = 0;
    for (const std::int64_t size : sizes) {
        m_buckets.push_back(Bucket{torch::zeros({size}, torch::kFloat32), 0, {}});
        m_stats.bytesPerStep += std::size_t(size) * sizeof(float);
    }
    m_stats.buckets = m_buckets.size();
    if (!m_overlap)
        return;
    for (std::size_t i = 0; i < m_parameters.size(); ++i)
        m_parameters[i].register_hook([this, i](const torch::Tensor& gradient) { arrive(i, gradient); });
}

torch::Tensor GradientBuckets::view(std::size_t parameter)
{
    const Slot& slot = m_slots[parameter];
    return m_buckets[slot.bucket].flat.narrow(0, slot.offset, slot.elements);
}

void GradientBuckets::beforeBackward(CryoModel& model)
{
    const auto parameters = model->parameters();
    if (parameters.empty() || m_parameters.empty() ||
        parameters.front().unsafeGetTensorImpl() != m_parameters.front().unsafeGetTensorImpl())
        build(model);   // the first step, or the model was reset (new parameters)
    for (Slot& slot : m_slots)
        slot.arrived = false;
    for (Bucket& bucket : m_buckets)
        bucket.pending = 0;
    for (const Slot& slot : m_slots)
        ++m_buckets[slot.bucket].pending;
    m_nextBucket = 0;
    m_armed = m_overlap;
}

void GradientBuckets::arrive(std::size_t parameter, const torch::Tensor& gradient)
{
    Slot& slot = m_slots[parameter];
    if (!m_armed || slot.arrived)
        return;
    view(parameter).copy_(gradient.reshape({-1}));
    slot.arrived = true;
    if (--m_buckets[slot.bucket].pending == 0)
        startReady();
}

void GradientBuckets::startReady()
{
    while (m_nextBucket < m_buckets.size() && m_buckets[m_nextBucket].pending == 0) {
        Bucket& bucket = m_buckets[m_nextBucket++];
        bucket.work = m_group.startSum(bucket.flat);
    }
}

void GradientBuckets::afterBackward(CryoModel& model)
{
    (void)model;
    const auto start = std::chrono::steady_clock::now();
    m_armed = false;
    // Gradients that did not arrive through a hook (no overlap, or a parameter this step did
    // not use): the parameter's own, or zeros.
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        Slot& slot = m_slots[i];
        if (slot.arrived)
            continue;
        const torch::Tensor& gradient = m_parameters[i].grad();
        if (gradient.defined())
            view(i).copy_(gradient.reshape({-1}));
        else
            view(i).zero_();
        slot.arrived = true;
        --m_buckets[slot.bucket].pending;
    }
    startReady();
    for (Bucket& bucket : m_buckets)
        m_group.wait(bucket.work);
    for (std::size_t i = 0; i < m_parameters.size(); ++i) {
        torch::Tensor& parameter = m_parameters[i];
        const torch::Tensor sum = view(i).view(parameter.sizes());
        if (parameter.grad().defined())
            parameter.mutable_grad().copy_(sum);
        else if (sum.abs().max().item<float>() > 0)
            parameter.mutable_grad() = sum.clone();   // unused here, used by another rank
    }
    ++m_stats.steps;
    m_stats.blockedSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace cryo
