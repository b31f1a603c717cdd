#pragma once
// Fourier-crop downsampling D → D' (both even, D' ≤ D): centred FFT, keep the central
// D'×D' frequencies (|k| below the new Nyquist, so nothing aliases), inverse FFT of size
// D', and rescale by (D'/D)^rank so that pixel values (the mean, a projection's line
// integrals per pixel) are preserved. The pixel size grows by D/D'.
#include "io/Volume.h"

#include <complex>
#include <filesystem>
#include <functional>
#include <memory>
#include <stop_token>
#include <vector>

namespace cryo {

class CentredFft;

// Reusable per-thread downsampler of D×D images (plans made once).
class ImageDownsampler {
public:
    ImageDownsampler(int D, int newD);
    ~ImageDownsampler();
    ImageDownsampler(ImageDownsampler&&) noexcept;
    ImageDownsampler& operator=(ImageDownsampler&&) noexcept;

    int inputSize() const { return m_D; }
    int outputSize() const { return m_newD; }
    // image: D×D → out: D'×D'. out may not alias image.
    void process(const float* image, float* out);

private:
    int m_D, m_newD;
    std::unique_ptr<CentredFft> m_big, m_small;
    std::vector<std::complex<float>> m_bigSpectrum, m_smallSpectrum;
};

std::vector<float> downsampleImage(const float* image, int D, int newD);
// Downsamples a cubic volume (nx = ny = nz = D); voxel size scaled, origin kept.
Volume downsampleVolume(const Volume& volume, int newD);

struct DownsampleStackOptions {
    std::filesystem::path input;    // .mrcs / .mrc stack of square images
    std::filesystem::path output;   // written atomically (MrcWriter: .part + rename)
    int newBox = 0;                 // even, ≤ input box
    int chunk = 256;                // images read/written per step
    std::function<void(int done, int total)> progress;   // optional, called per chunk
    std::stop_token stop;           // cooperative cancel, checked per chunk
};

struct DownsampleStackResult {
    int count = 0;
    int oldBox = 0, newBox = 0;
    float oldPixelSize = 0, newPixelSize = 0;   // Å; 0 when the input header has none
    bool cancelled = false;                     // no output file when cancelled
};

// Streams the stack through MrcReader/MrcWriter chunk by chunk (memory: 2 chunks).
// Throws FileError for unreadable or non-square input, UsageError for a bad newBox.
DownsampleStackResult downsampleStack(const DownsampleStackOptions& options);

} // namespace cryo
