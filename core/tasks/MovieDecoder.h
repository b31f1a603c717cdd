#pragma once
// Decodes a movie's maps on a worker thread while the caller renders: maps for z rows
// (points × zdim) come out in order through take(), at most about `lookahead` ahead of the
// consumer (memory stays bounded for long movies of big maps). With keyframeStep k > 1 only
// every k-th row (and the last) is decoded and the maps in between are blended linearly in
// real space: k times less decoding, for smooth trajectories whose neighbouring maps differ
// little (a blend, not a motion, between keyframes).
#include "io/Volume.h"
#include "model/VolumeGenerator.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <vector>

namespace cryo {

class MovieDecoder {
public:
    // `generator` is used on the worker thread only, until this object is destroyed.
    MovieDecoder(VolumeGenerator& generator, std::vector<float> zRows, VolumeGenerator::Quality quality,
                 std::size_t lookahead = 4, std::size_t keyframeStep = 1);
    ~MovieDecoder();   // stops the worker (after the map it is decoding)

    std::size_t count() const { return m_count; }
    // Maps actually decoded: count() without keyframes, fewer with them.
    std::size_t decodedCount() const { return (m_count - 1) / m_step + 1 + ((m_count - 1) % m_step ? 1 : 0); }
    // The next map; blocks until it is decoded. Rethrows the worker's exception.
    Volume take();
    // The next map if it is decoded already (never blocks; for the GUI's timer). Rethrows
    // the worker's exception.
    std::optional<Volume> tryTake();
    // Seconds the worker spent decoding so far.
    double decodeSeconds() const;

private:
    void run(std::stop_token stop);

    VolumeGenerator& m_generator;
    std::vector<float> m_z;
    VolumeGenerator::Quality m_quality;
    void push(Volume map);
    std::size_t m_count = 0, m_lookahead, m_step, m_taken = 0, m_produced = 0;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_changed;
    std::deque<Volume> m_ready;
    std::exception_ptr m_error;
    double m_seconds = 0.0;
    std::jthread m_worker;   // last: starts after the members above exist
};

} // namespace cryo
