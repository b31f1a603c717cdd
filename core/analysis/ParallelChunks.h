#pragma once
// Runs a job's chunks on a few threads (the calling thread is one of them). Chunks are
// handed out in increasing order by an atomic counter; results that must not depend on the
// thread count are written per chunk and combined by the caller in chunk order.
// Cancellation: the stop token is checked before every chunk; once all threads have
// finished, AnalysisCancelled is thrown if a stop was requested. An exception in any chunk
// is rethrown on the calling thread. Progress (chunks done / chunks) is reported on the
// calling thread only. parallelWorkerChunks also tells the work which worker runs it
// (0 = the calling thread, up to threads − 1), for jobs that keep per-worker accumulators.
#include "analysis/AnalysisContext.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cryo {

// work(chunk, worker); the number of workers is workerCount(chunks, threads).
inline int workerCount(std::size_t chunks, int threads)
{
    return std::max(1, std::min(threads, int(std::min<std::size_t>(chunks, 1u << 16))));
}

template <typename ChunkFunction>
void parallelWorkerChunks(std::size_t chunks, int threads, const AnalysisContext& context, ChunkFunction&& work)
{
    std::atomic<std::size_t> next{0}, done{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    std::atomic<bool> failed{false};
    const auto loop = [&](int worker) {
        const bool reporting = worker == 0;
        for (;;) {
            if (failed.load() || context.stop.stop_requested())
                return;
            const std::size_t chunk = next.fetch_add(1);
            if (chunk >= chunks)
                return;
            try {
                work(chunk, worker);
            } catch (...) {
                std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
                failed = true;
                return;
            }
            const std::size_t finished = done.fetch_add(1) + 1;
            if (reporting)
                context.report(double(finished) / double(chunks));
        }
    };
    const int workers = chunks == 0 ? 1 : workerCount(chunks, threads);
    std::vector<std::thread> pool;
    for (int t = 1; t < workers; ++t)
        pool.emplace_back(loop, t);
    loop(0);
    for (auto& thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
    context.checkCancelled();
    context.report(1.0);
}

template <typename ChunkFunction>
void parallelChunks(std::size_t chunks, int threads, const AnalysisContext& context, ChunkFunction&& work)
{
    parallelWorkerChunks(chunks, threads, context, [&work](std::size_t chunk, int) { work(chunk); });
}

} // namespace cryo
