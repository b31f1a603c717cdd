#pragma once
// Prepares the batches of one epoch on a background thread while the model trains on the
// previous ones (a bounded queue of `depth` batches; buffers are recycled, so a steady
// epoch allocates nothing). Images read lazily are read ahead in the epoch's order
// (TrainingImages::readAhead). An exception on the loader thread is rethrown by next().
#include "images/TrainingImages.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cryo {

class BatchPrefetcher {
public:
    // order: the particle indices of the epoch in the order to visit them.
    BatchPrefetcher(TrainingImages& images, std::vector<std::size_t> order, int batchSize, int depth = 3);
    ~BatchPrefetcher();   // stops the loader and joins it
    BatchPrefetcher(const BatchPrefetcher&) = delete;
    BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

    // The next batch (swapped into `batch`, whose old buffers are recycled); false at the end.
    bool next(TrainingBatch& batch);

private:
    void load(std::stop_token stop);

    TrainingImages& m_images;
    std::vector<std::size_t> m_order;
    std::size_t m_batchSize;
    std::size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    std::deque<TrainingBatch> m_ready, m_free;
    bool m_done = false;
    std::exception_ptr m_error;
    std::jthread m_thread;   // last: started after everything above exists
};

} // namespace cryo
