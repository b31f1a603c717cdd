#include "fourier/ImagePreprocessor.h"

#include "fourier/HartleyLattice.h"
#include "io/MrcFile.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace cryo {

std::vector<float> softCircularWindow(int D, double inner, double outer)
{
    if (!(outer > inner))
        throw UsageError("window: the outer radius must exceed the inner radius");
    std::vector<float> w(std::size_t(D) * D);
    const double half = D / 2.0;
    for (int y = 0; y < D; ++y) {
        for (int x = 0; x < D; ++x) {
            const double r = std::hypot(x - half, y - half) / half;
            const double v = 1.0 - (r - inner) / (outer - inner);
            w[std::size_t(y) * D + x] = float(std::clamp(v, 0.0, 1.0));
        }
    }
    return w;
}

ImagePreprocessor::ImagePreprocessor(int D, const PreprocessOptions& options)
    : m_D(D), m_options(options), m_fft(D, 2)
{
    if (options.window)
        m_window = softCircularWindow(D, options.windowInner, options.windowOuter);
    m_image.resize(std::size_t(D) * D);
    m_ht.resize(std::size_t(D) * D);
}

void ImagePreprocessor::process(const float* image, float* out)
{
    const std::size_t n = std::size_t(m_D) * m_D;
    const float sign = m_options.invertContrast ? -1.0f : 1.0f;
    for (std::size_t i = 0; i < n; ++i)
        m_image[i] = sign * (m_window.empty() ? image[i] : image[i] * m_window[i]);
    m_fft.hartley(m_image.data(), m_ht.data());
    symmetrize2D(m_ht.data(), m_D, out);
}

void ImagePreprocessor::process(const float* image, const HartleyNorm& norm, float* out)
{
    process(image, out);
    const std::size_t n = std::size_t(m_D + 1) * (m_D + 1);
    const float mean = float(norm.mean), inv = float(1.0 / norm.std);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = (out[i] - mean) * inv;
}

HartleyNorm hartleyNormFromValues(const float* values, std::size_t count)
{
    HartleyNorm norm;
    if (count == 0)
        return norm;
    double sum = 0, sumSq = 0;
    for (std::size_t i = 0; i < count; ++i) {
        sum += values[i];
        sumSq += double(values[i]) * values[i];
    }
    const double mean = sum / double(count);
    norm.std = std::sqrt(std::max(0.0, sumSq / double(count) - mean * mean));
    if (!(norm.std > 0))
        norm.std = 1;   // an all-constant input: leave values unscaled
    return norm;
}

HartleyNorm estimateHartleyNorm(MrcReader& stack, const PreprocessOptions& options, int maxImages)
{
    const MrcHeader& h = stack.header();
    if (h.nx != h.ny || h.nx % 2 != 0)
        throw FileError(stack.path(), "images must be square with an even size, found " +
                                          std::to_string(h.nx) + " x " + std::to_string(h.ny));
    const int D = h.nx;
    const int count = std::min(h.nz, std::max(1, maxImages));
    ImagePreprocessor pre(D, options);
    const std::size_t lattice = std::size_t(D + 1) * (D + 1);
    std::vector<float> image(std::size_t(D) * D), out(lattice);
    double sum = 0, sumSq = 0;
    for (int i = 0; i < count; ++i) {
        // Evenly spread over the stack so a stack sorted by class or defocus is sampled fairly.
        const int index = int((long long)i * h.nz / count);
        stack.readSections(index, 1, image.data());
        pre.process(image.data(), out.data());
        for (float v : out) {
            sum += v;
            sumSq += double(v) * v;
        }
    }
    const double n = double(count) * double(lattice);
    HartleyNorm norm;
    const double mean = sum / n;
    norm.std = std::sqrt(std::max(0.0, sumSq / n - mean * mean));
    if (!(norm.std > 0))
        norm.std = 1;
    return norm;
}

} // namespace cryo
