#pragma once
// `cryoscape downsample`: a Fourier-cropped copy (D → D') of a whole particle dataset.
// Input .mrcs: one new stack. Input .star: every stack it uses, plus a .star that points
// at the new stacks and keeps every other column, the optics table and the row order
// (pixel size and image size updated; see DownsampleStar.h).
// Outputs are written into outDir as <name>_D<D'>.mrcs / .star, each atomically.
#include <filesystem>
#include <functional>
#include <stop_token>
#include <vector>

namespace cryo {

struct DownsampleDatasetOptions {
    std::filesystem::path input;           // .mrcs or .star
    std::filesystem::path outDir;          // created if needed
    int newBox = 0;                        // even, ≤ the input box
    std::filesystem::path dataDirectory;   // where to look for stacks of a .star by name
    std::function<void(long long done, long long total)> progress;   // images
    std::stop_token stop;
};

struct DownsampleDatasetResult {
    long long images = 0;
    int oldBox = 0, newBox = 0;
    double oldPixelSize = 0, newPixelSize = 0;   // Å (0 if unknown)
    std::vector<std::filesystem::path> written;  // stacks, then the .star
    bool cancelled = false;                      // files finished before the cancel stay
};

DownsampleDatasetResult downsampleDataset(const DownsampleDatasetOptions& options);

} // namespace cryo
