#include "images/ImageReadAhead.h"

#include "particles/ParticleDataset.h"

#include <algorithm>

namespace cryo {

namespace {

constexpr std::size_t kMaxRun = 1024;   // images per read: a stop is seen within one

} // namespace

ImageReadAhead::ImageReadAhead(const ParticleDataset& dataset, std::span<const std::size_t> order,
                               std::size_t windowParticles)
    : m_dataset(dataset), m_pixels(std::size_t(dataset.boxSize()) * std::size_t(dataset.boxSize()))
{
    const std::size_t window = std::max<std::size_t>(1, windowParticles);
    for (std::size_t first = 0; first < order.size(); first += window) {
        const auto begin = order.begin() + std::ptrdiff_t(first);
        std::vector<std::size_t> particles(begin, begin + std::ptrdiff_t(std::min(window, order.size() - first)));
        std::sort(particles.begin(), particles.end());
        m_windows.push_back(std::move(particles));
    }
    m_thread = std::jthread([this](std::stop_token stop) { readWindows(stop); });
}

ImageReadAhead::~ImageReadAhead()
{
    m_thread.request_stop();
    m_changed.notify_all();
}

std::ptrdiff_t ImageReadAhead::slotIn(std::size_t w, std::size_t particle) const
{
    if (w >= m_windows.size())
        return -1;
    const std::vector<std::size_t>& particles = m_windows[w];
    const auto found = std::lower_bound(particles.begin(), particles.end(), particle);
    return found != particles.end() && *found == particle ? found - particles.begin() : -1;
}

const float* ImageReadAhead::image(std::size_t particle)
{
    std::unique_lock lock(m_mutex);
    std::ptrdiff_t slot = slotIn(m_current, particle);
    if (slot < 0) {
        slot = slotIn(m_current + 1, particle);
        if (slot < 0)
            return nullptr;
        ++m_current;   // the reader may now refill the previous window's buffer
        m_changed.notify_all();
    }
    m_changed.wait(lock, [this] { return m_read > m_current || m_error; });
    if (m_read <= m_current)
        std::rethrow_exception(m_error);
    return m_buffers[m_current % 2].data() + std::size_t(slot) * m_pixels;
}

void ImageReadAhead::readWindows(std::stop_token stop)
{
    try {
        for (std::size_t w = 0; w < m_windows.size(); ++w) {
            {
                // Window w reuses window w − 2's buffer: wait until its user has moved past it.
                std::unique_lock lock(m_mutex);
                if (!m_changed.wait(lock, stop, [&] { return m_current + 2 > w; }))
                    return;
            }
            readWindow(w, m_buffers[w % 2], stop);
            if (stop.stop_requested())
                return;
            std::lock_guard lock(m_mutex);
            m_read = w + 1;
            m_changed.notify_all();
        }
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
        m_changed.notify_all();
    }
}

void ImageReadAhead::readWindow(std::size_t w, std::vector<float>& images, const std::stop_token& stop) const
{
    const std::vector<std::size_t>& particles = m_windows[w];
    images.resize(particles.size() * m_pixels);
    for (std::size_t first = 0; first < particles.size() && !stop.stop_requested();) {
        std::size_t count = 1;   // the run of consecutive particles starting at `first`
        while (first + count < particles.size() && count < kMaxRun &&
               particles[first + count] == particles[first] + count)
            ++count;
        m_dataset.readImages(particles[first], count, images.data() + first * m_pixels);
        first += count;
    }
}

} // namespace cryo
