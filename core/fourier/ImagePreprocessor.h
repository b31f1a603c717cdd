#pragma once
// cryoDRGN-style per-image preprocessing: real-space image D×D →
//   soft circular window (1 → 0 linearly between windowInner and windowOuter × half box)
//   → optional contrast inversion → centred Hartley transform → symmetrised (D+1)² lattice
//   → (x − mean) / std with a global HartleyNorm estimated from up to 1000 images.
#include "fourier/CentredFft.h"

#include <cstddef>
#include <vector>

namespace cryo {

class MrcReader;

struct PreprocessOptions {
    bool window = true;
    double windowInner = 0.85;   // fraction of the half box where the window starts to fall
    double windowOuter = 0.99;   // fraction where it reaches 0
    // Multiply by −1 (cryoDRGN's default). Extracted particle stacks (RELION, and our
    // simulator) show light particles; the CTF model is negative at low frequency, so a
    // positive density images as a dark particle: inverting makes data and model agree.
    bool invertContrast = true;
};

// Global normalisation of Hartley values (cryoDRGN: mean is forced to 0).
struct HartleyNorm {
    double mean = 0;
    double std = 1;
};

// The window as a D×D [y][x] image; r = |(x, y) − D/2| / (D/2).
std::vector<float> softCircularWindow(int D, double inner, double outer);

class ImagePreprocessor {
public:
    ImagePreprocessor(int D, const PreprocessOptions& options = {});

    int boxSize() const { return m_D; }
    int latticeSize() const { return m_D + 1; }
    const PreprocessOptions& options() const { return m_options; }

    // image: D×D reals → out: (D+1)² symmetrised Hartley values, not normalised.
    void process(const float* image, float* out);
    // Same, then (value − norm.mean) / norm.std.
    void process(const float* image, const HartleyNorm& norm, float* out);

private:
    int m_D;
    PreprocessOptions m_options;
    CentredFft m_fft;
    std::vector<float> m_window, m_image, m_ht;
};

// Estimates the global norm from up to maxImages images of a stack spread evenly over it
// (the first maxImages when the stack is small enough). Throws FileError for a non-square
// or odd-sized stack.
HartleyNorm estimateHartleyNorm(MrcReader& stack, const PreprocessOptions& options, int maxImages = 1000);

// Statistics of Hartley values: mean forced to 0, std about the values' own mean.
HartleyNorm hartleyNormFromValues(const float* values, std::size_t count);

} // namespace cryo
