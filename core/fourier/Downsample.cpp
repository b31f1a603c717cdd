#include "fourier/Downsample.h"

#include "fourier/CentredFft.h"
#include "io/MrcFile.h"
#include "util/Error.h"

#include <algorithm>
#include <string>

namespace cryo {
namespace {

void checkSizes(int D, int newD)
{
    if (D <= 0 || D % 2 != 0)
        throw UsageError("downsample: input box must be even and positive, got " + std::to_string(D));
    if (newD <= 0 || newD % 2 != 0 || newD > D)
        throw UsageError("downsample: new box must be even, positive and at most " + std::to_string(D) +
                         ", got " + std::to_string(newD));
}

// Copies the central newD^rank block of a centred D^rank spectrum.
void cropSpectrum(const Complex* in, int D, int newD, int rank, Complex* out)
{
    const std::size_t off = (D - newD) / 2;
    const std::size_t nz = rank == 3 ? newD : 1;
    for (std::size_t z = 0; z < nz; ++z) {
        const std::size_t zi = rank == 3 ? z + off : 0;
        for (std::size_t y = 0; y < std::size_t(newD); ++y) {
            const Complex* src = in + ((zi * D) + y + off) * D + off;
            std::copy(src, src + newD, out + (z * newD + y) * newD);
        }
    }
}

} // namespace

ImageDownsampler::ImageDownsampler(int D, int newD)
    : m_D(D), m_newD(newD)
{
    checkSizes(D, newD);
    m_big = std::make_unique<CentredFft>(D, 2);
    m_small = std::make_unique<CentredFft>(newD, 2);
    m_bigSpectrum.resize(std::size_t(D) * D);
    m_smallSpectrum.resize(std::size_t(newD) * newD);
}

ImageDownsampler::~ImageDownsampler() = default;
ImageDownsampler::ImageDownsampler(ImageDownsampler&&) noexcept = default;
ImageDownsampler& ImageDownsampler::operator=(ImageDownsampler&&) noexcept = default;

void ImageDownsampler::process(const float* image, float* out)
{
    const std::size_t n = std::size_t(m_newD) * m_newD;
    if (m_newD == m_D) {
        std::copy(image, image + n, out);
        return;
    }
    m_big->forward(image, m_bigSpectrum.data());
    cropSpectrum(m_bigSpectrum.data(), m_D, m_newD, 2, m_smallSpectrum.data());
    m_small->inverse(m_smallSpectrum.data(), out);
    const float scale = float(double(m_newD) * m_newD / (double(m_D) * m_D));
    for (std::size_t i = 0; i < n; ++i)
        out[i] *= scale;
}

std::vector<float> downsampleImage(const float* image, int D, int newD)
{
    ImageDownsampler ds(D, newD);
    std::vector<float> out(std::size_t(newD) * newD);
    ds.process(image, out.data());
    return out;
}

Volume downsampleVolume(const Volume& v, int newD)
{
    if (v.nx != v.ny || v.nx != v.nz)
        throw UsageError("downsample: the volume must be cubic");
    const int D = v.nx;
    checkSizes(D, newD);
    CentredFft big(D, 3), small(newD, 3);
    std::vector<Complex> spectrum(big.count()), cropped(small.count());
    big.forward(v.data.data(), spectrum.data());
    cropSpectrum(spectrum.data(), D, newD, 3, cropped.data());
    Volume out(newD, newD, newD, v.voxelSize * float(D) / float(newD));
    out.origin = v.origin;
    small.inverse(cropped.data(), out.data.data());
    const double scale = double(small.count()) / double(big.count());
    for (float& x : out.data)
        x = float(x * scale);
    return out;
}

DownsampleStackResult downsampleStack(const DownsampleStackOptions& options)
{
    MrcReader reader(options.input);
    const MrcHeader& h = reader.header();
    if (h.nx != h.ny || h.nx % 2 != 0)
        throw FileError(options.input, "images must be square with an even size, found " +
                                           std::to_string(h.nx) + " x " + std::to_string(h.ny));
    checkSizes(h.nx, options.newBox);
    DownsampleStackResult result;
    result.oldBox = h.nx;
    result.newBox = options.newBox;
    result.oldPixelSize = h.pixelSize();
    result.newPixelSize = result.oldPixelSize * float(h.nx) / float(options.newBox);

    MrcWriteOptions writeOptions;
    writeOptions.stack = true;
    MrcWriter writer(options.output, options.newBox, options.newBox, result.newPixelSize, writeOptions);
    ImageDownsampler ds(h.nx, options.newBox);
    const int chunk = std::max(1, options.chunk);
    const std::size_t inPixels = std::size_t(h.nx) * h.ny, outPixels = std::size_t(options.newBox) * options.newBox;
    std::vector<float> in(inPixels * chunk), out(outPixels * chunk);
    for (int first = 0; first < h.nz; first += chunk) {
        if (options.stop.stop_requested()) {
            result.cancelled = true;
            return result;   // the writer's destructor removes the .part file
        }
        const int count = std::min(chunk, h.nz - first);
        reader.readSections(first, count, in.data());
        for (int i = 0; i < count; ++i)
            ds.process(in.data() + i * inPixels, out.data() + i * outPixels);
        writer.appendSections(out.data(), count);
        result.count += count;
        if (options.progress)
            options.progress(result.count, h.nz);
    }
    writer.finish();
    return result;
}

} // namespace cryo
