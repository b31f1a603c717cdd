#pragma once
// bench_scale's training section (issue #22): one epoch in memory and read lazily on the
// same data, and, optionally, training from a stack larger than memory.
#include <string>

namespace scalebench {

struct TrainingBenchSettings {
    std::string data;            // a particles file; empty: simulate `particles` × 64² first
    int particles = 50000;
    std::string large;           // a stack larger than memory (e.g. the 1M × 64² one); empty: skipped
    double largeSeconds = 0;     // > 0: interrupt the large run after this long (a partial epoch)
    std::size_t largeLoaderImages = 200000;   // images the loader alone reads from the large stack
    std::string extraArguments;  // e.g. "--enc 256x2 --dec 256x2", split at spaces
};

void benchTraining(const TrainingBenchSettings& settings);

} // namespace scalebench
