#pragma once
// bench_scale's training section (issue #22): one epoch in memory and read lazily on the
// same data, and, optionally, training from a stack larger than memory against an in-memory
// subset of it, interleaved.
#include <string>

namespace scalebench {

struct TrainingBenchSettings {
    std::string data;            // a particles file; empty: simulate `particles` × 64² first
    int particles = 50000;
    std::string large;           // a stack larger than memory (e.g. the 1M × 64² one); empty: skipped
    double largeMemoryGb = 2;    // the large stack's --max-memory: well below its size
    long long stepImages = 800;  // images each interleaved run trains on (then interrupted)
    int rounds = 3;              // lazy / in-memory pairs
    std::size_t largeLoaderImages = 200000;   // images the loader alone reads from the large stack
    std::string extraArguments;  // e.g. "--enc 256x2 --dec 256x2", split at spaces
};

void benchTraining(const TrainingBenchSettings& settings);

} // namespace scalebench
