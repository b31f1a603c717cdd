#include "tasks/MovieDecoder.h"

#include "util/Error.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <span>

namespace cryo {

MovieDecoder::MovieDecoder(VolumeGenerator& generator, std::vector<float> zRows,
                           VolumeGenerator::Quality quality, std::size_t lookahead, std::size_t keyframeStep)
    : m_generator(generator), m_z(std::move(zRows)), m_quality(quality), m_lookahead(std::max<std::size_t>(1, lookahead)),
      m_step(std::max<std::size_t>(1, keyframeStep))
{
    const int zdim = m_generator.zdim();
    if (zdim > 0 && m_z.size() % std::size_t(zdim) != 0)
        throw UsageError("MovieDecoder: z rows are not a multiple of zdim " + std::to_string(zdim));
    m_count = zdim > 0 ? m_z.size() / std::size_t(zdim) : 1;
    if (m_count == 0)
        throw UsageError("MovieDecoder: no latent points to decode");
    m_worker = std::jthread([this](std::stop_token stop) { run(stop); });
}

MovieDecoder::~MovieDecoder()
{
    m_worker.request_stop();
    m_changed.notify_all();
}   // m_worker joins first (declared last, destroyed first)

namespace {

// (1 − t)·a + t·b, voxel by voxel (same box).
Volume blend(const Volume& a, const Volume& b, float t)
{
    Volume out = a;
    for (std::size_t i = 0; i < out.data.size(); ++i)
        out.data[i] = (1.0f - t) * a.data[i] + t * b.data[i];
    return out;
}

} // namespace

void MovieDecoder::push(Volume map)
{
    {
        std::lock_guard lock(m_mutex);
        m_ready.push_back(std::move(map));
        ++m_produced;
    }
    m_changed.notify_all();
}

void MovieDecoder::run(std::stop_token stop)
{
    const std::size_t zdim = std::size_t(m_generator.zdim());
    std::vector<std::size_t> keys;   // the rows decoded: every m_step-th and the last
    for (std::size_t i = 0; i < m_count; i += m_step)
        keys.push_back(i);
    if (keys.back() != m_count - 1)
        keys.push_back(m_count - 1);
    std::optional<Volume> previous;
    std::size_t previousKey = 0;
    for (std::size_t key : keys) {
        {
            std::unique_lock lock(m_mutex);
            // Wait while the consumer is `lookahead` maps behind.
            if (!m_changed.wait(lock, stop, [&] { return m_produced < m_taken + m_lookahead; }))
                return;
        }
        try {
            const auto start = std::chrono::steady_clock::now();
            Volume map = m_generator.generate(std::span<const float>(m_z.data() + key * zdim, zdim), m_quality);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            {
                std::lock_guard lock(m_mutex);
                m_seconds += seconds;
            }
            for (std::size_t i = previousKey + 1; previous && i < key; ++i)
                push(blend(*previous, map, float(i - previousKey) / float(key - previousKey)));
            push(map);
            previous = std::move(map);
            previousKey = key;
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
            m_changed.notify_all();
            return;
        }
        if (stop.stop_requested())
            return;
    }
}

Volume MovieDecoder::take()
{
    std::unique_lock lock(m_mutex);
    if (m_taken >= m_count)
        throw UsageError("MovieDecoder::take: all maps were taken");
    m_changed.wait(lock, [&] { return !m_ready.empty() || m_error; });
    if (m_ready.empty())
        std::rethrow_exception(m_error);
    Volume map = std::move(m_ready.front());
    m_ready.pop_front();
    ++m_taken;
    m_changed.notify_all();
    return map;
}

std::optional<Volume> MovieDecoder::tryTake()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_taken < m_count && m_ready.empty() && !m_error)
            return std::nullopt;
    }
    return take();
}

double MovieDecoder::decodeSeconds() const
{
    std::lock_guard lock(m_mutex);
    return m_seconds;
}

} // namespace cryo
