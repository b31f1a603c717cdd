#pragma once
// Reads the raw images an epoch will ask for on a background thread, one window ahead of
// their user (TrainingImages::fill on BatchPrefetcher's loader thread). A window is the
// particles at windowParticles consecutive positions of the epoch's order; they are read
// sorted, in runs of consecutive particles (ParticleDataset::readImages reads a run of one
// stack in one call, and a run that crosses stack files in one call per stack), so a window
// of a windowedShuffle order costs about one sequential read per block. Memory: two windows
// of raw images, 2 × windowParticles × D² floats.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace cryo {

class ParticleDataset;

class ImageReadAhead {
public:
    // Starts reading the first two windows. The dataset must outlive this object.
    ImageReadAhead(const ParticleDataset& dataset, std::span<const std::size_t> order, std::size_t windowParticles);
    ~ImageReadAhead();   // stops the reader and joins it
    ImageReadAhead(const ImageReadAhead&) = delete;
    ImageReadAhead& operator=(const ImageReadAhead&) = delete;

    // The raw image (D² floats) of `particle`, waiting for its window to be read. Asking
    // for a particle of the next window moves on to it, which frees the current window's
    // memory for the one after (earlier pointers then dangle). nullptr when the particle is
    // in neither window (the caller reads it itself). Rethrows the reader's FileError.
    const float* image(std::size_t particle);

private:
    // Slot of `particle` in window w's sorted particles, or -1.
    std::ptrdiff_t slotIn(std::size_t w, std::size_t particle) const;
    void readWindows(std::stop_token stop);
    void readWindow(std::size_t w, std::vector<float>& images, const std::stop_token& stop) const;

    const ParticleDataset& m_dataset;
    std::size_t m_pixels;                              // D²
    std::vector<std::vector<std::size_t>> m_windows;   // each window's particles, sorted
    std::vector<float> m_buffers[2];                   // window w's images in m_buffers[w % 2]
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    std::size_t m_current = 0;   // the window in use
    std::size_t m_read = 0;      // windows [0, m_read) have been read
    std::exception_ptr m_error;
    std::jthread m_thread;   // last: started after everything above exists
};

} // namespace cryo
