#include "images/BatchPrefetcher.h"

#include <algorithm>

namespace cryo {

BatchPrefetcher::BatchPrefetcher(TrainingImages& images, std::vector<std::size_t> order, int batchSize, int depth)
    : m_images(images), m_order(std::move(order)), m_batchSize(std::size_t(std::max(1, batchSize))),
      m_depth(std::size_t(std::max(1, depth))), m_free(m_depth)
{
    m_images.readAhead(m_order);   // images read lazily: from the disk a window ahead
    m_thread = std::jthread([this](std::stop_token stop) { load(stop); });
}

BatchPrefetcher::~BatchPrefetcher()
{
    m_thread.request_stop();
    m_changed.notify_all();
}

void BatchPrefetcher::load(std::stop_token stop)
{
    try {
        for (std::size_t first = 0; first < m_order.size(); first += m_batchSize) {
            TrainingBatch batch;
            {
                std::unique_lock lock(m_mutex);
                if (!m_changed.wait(lock, stop, [this] { return !m_free.empty(); }))
                    return;
                batch = std::move(m_free.front());
                m_free.pop_front();
            }
            const std::size_t count = std::min(m_batchSize, m_order.size() - first);
            m_images.fill(std::span(m_order).subspan(first, count), batch);
            std::lock_guard lock(m_mutex);
            m_ready.push_back(std::move(batch));
            m_changed.notify_all();
        }
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
    }
    std::lock_guard lock(m_mutex);
    m_done = true;
    m_changed.notify_all();
}

bool BatchPrefetcher::next(TrainingBatch& batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
    if (!m_ready.empty()) {
        m_free.push_back(std::move(batch));
        batch = std::move(m_ready.front());
        m_ready.pop_front();
        m_changed.notify_all();
        return true;
    }
    if (m_error)
        std::rethrow_exception(m_error);
    return false;
}

} // namespace cryo
