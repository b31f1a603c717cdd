#include "images/TrainingImages.h"

#include "ctf/Ctf.h"
#include "fourier/HartleyLattice.h"
#include "particles/ParticleDataset.h"
#include "util/Error.h"

#include <algorithm>
#include <string>

namespace cryo {

namespace {

HartleyNorm estimateNorm(const ParticleDataset& dataset, ImagePreprocessor& preprocessor, int maxImages)
{
    const std::size_t n = dataset.size();
    const std::size_t used = std::min<std::size_t>(n, std::size_t(std::max(1, maxImages)));
    const int D = dataset.boxSize();
    const std::size_t lattice = std::size_t(D + 1) * (D + 1);
    std::vector<float> image(std::size_t(D) * D), values(used * lattice);
    for (std::size_t i = 0; i < used; ++i) {
        dataset.readImages(i * n / used, 1, image.data());   // spread evenly over the stack
        preprocessor.process(image.data(), values.data() + i * lattice);
    }
    return hartleyNormFromValues(values.data(), values.size());
}

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20) + " MB"; }

// Two windows of raw images (the one in use, the one read ahead) in what the budget leaves
// after the epoch's order and the read-ahead's index lists (3 × 8 bytes per particle), what
// training allocates per particle later (`laterBytesPerParticle`) and 15 %
// for what grows once training runs (Adam's moments, the loader threads' buffers, allocator
// slack: 34 MiB over a 0.8 GiB bound at 200,000 × 64² without it), at most
// 512 MiB each (larger windows mix the stack no better than 128 blocks and delay the first
// batch); blocks of about 4 MiB (one read each), at least 8 per window. Throws UsageError,
// naming the bound, when not even two windows of 16 images fit.
ShuffleWindows lazyWindows(const ImageMemoryBudget& budget, int D, std::size_t count, std::size_t laterBytesPerParticle)
{
    const std::size_t imageBytes = std::size_t(D) * std::size_t(D) * sizeof(float);
    const std::size_t particleBytes = (3 * sizeof(std::size_t) + laterBytesPerParticle) * count;
    const std::size_t available = budget.imageBytes();
    const std::size_t forWindows = available - available * 15 / 100;
    const std::size_t windowBytes = std::min((forWindows > particleBytes ? forWindows - particleBytes : 0) / 2, std::size_t(512) << 20);
    const std::size_t fewest = std::min<std::size_t>(16, count);
    if (windowBytes < fewest * imageBytes)
        throw UsageError("the memory bound of " + megabytes(budget.boundBytes) + " (--max-memory, the training dialog's "
                         "Memory bound) leaves " + megabytes(available) + " for the particle images after the " +
                         megabytes(budget.baselineBytes) + " this process needs already (program, model, particle "
                         "metadata, a training step); reading them from the stacks needs at least " +
                         megabytes((particleBytes + 2 * fewest * imageBytes) * 100 / 85) + ": raise the bound");
    ShuffleWindows w;
    w.windowParticles = windowBytes / imageBytes;
    w.blockParticles = std::clamp<std::size_t>((std::size_t(4) << 20) / imageBytes, 1, std::max<std::size_t>(1, w.windowParticles / 8));
    return w;
}

} // namespace

TrainingImages::TrainingImages(const ParticleDataset& dataset, const TrainingImagesOptions& options)
    : m_dataset(dataset), m_count(dataset.size()), m_D(dataset.boxSize()), m_pixelSize(dataset.pixelSize()),
      m_hasCtf(dataset.hasCtf()), m_centre(options.centreByShift), m_lattice(TrainingLattice::make(m_D)), m_preprocessor(m_D, options.preprocess)
{
    if (m_count == 0)
        throw UsageError(dataset.sourcePath().string() + ": the dataset has no particles");
    m_poses = options.poses.empty() ? dataset.poses() : options.poses;
    if (m_poses.empty() && !m_centre)
        m_poses.assign(m_count, ParticlePose{});   // ab initio: the poses are searched for
    if (m_poses.empty())
        throw UsageError(dataset.sourcePath().string() +
                         ": the particles have no poses (angles and shifts); train on the output of a "
                         "consensus refinement (RELION Refine3D, cryoSPARC homogeneous refinement) or give --poses");
    if (m_hasCtf) {
        m_ctf.reserve(m_count);
        for (const ParticleRecord& record : dataset.particles())
            m_ctf.push_back(record.ctf);
    }
    if (m_poses.size() != m_count || (m_hasCtf && m_ctf.size() != m_count))
        throw UsageError(dataset.sourcePath().string() + ": " + std::to_string(m_count) + " particles but " +
                         std::to_string(m_poses.size()) + " poses and " + std::to_string(m_ctf.size()) +
                         " CTF entries");
    m_image.resize(std::size_t(m_D) * m_D);
    m_ht.resize(std::size_t(m_D + 1) * (m_D + 1));
    m_shifted.resize(m_ht.size());
    m_norm = estimateNorm(dataset, m_preprocessor, options.normImages);

    const std::size_t perImage = m_lattice.pixelCount();
    m_budget = {options.memoryLimitBytes, options.residentBytes ? options.residentBytes() : 0};
    if (m_count * (perImage * sizeof(float) + options.laterBytesPerParticle) > m_budget.imageBytes()) {
        m_windows = lazyWindows(m_budget, m_D, m_count, options.laterBytesPerParticle);
        return;   // read lazily, batch by batch
    }
    m_cache.resize(m_count * perImage);
    const std::size_t chunk = 256;
    std::vector<float> images(chunk * m_image.size());
    for (std::size_t first = 0; first < m_count; first += chunk) {
        const std::size_t count = std::min(chunk, m_count - first);
        dataset.readImages(first, count, images.data());
        for (std::size_t i = 0; i < count; ++i)
            preprocess(first + i, images.data() + i * m_image.size(), m_cache.data() + (first + i) * perImage);
        if (options.progress)
            options.progress(first + count, m_count);
    }
}

std::vector<std::size_t> TrainingImages::epochOrder(std::uint64_t seed) const
{
    ShuffleWindows plain;
    plain.windowParticles = m_count;
    return windowedShuffle(m_count, cached() ? plain : m_windows, seed);
}

void TrainingImages::readAhead(std::span<const std::size_t> order)
{
    m_readAhead.reset();   // joins the previous reader before its memory is reused
    if (!cached())
        m_readAhead = std::make_unique<ImageReadAhead>(m_dataset, order, m_windows.windowParticles);
}

void TrainingImages::preprocess(std::size_t index, const float* image, float* out)
{
    m_preprocessor.process(image, m_norm, m_ht.data());
    const ParticlePose& pose = m_poses[index];
    // Translating by +t centres the particle (PoseConventions.h); t in pixels.
    if (m_centre)
        translateHartley(m_ht.data(), m_D, true, pose.shiftX / m_pixelSize, pose.shiftY / m_pixelSize, m_shifted.data());
    else
        m_shifted = m_ht;
    const std::size_t half = m_lattice.halfCount();
    for (std::size_t p = 0; p < half; ++p) {
        out[p] = m_shifted[std::size_t(m_lattice.half[p])];
        out[half + p] = m_shifted[std::size_t(m_lattice.mirror[p])];
    }
}

void TrainingImages::fill(std::span<const std::size_t> indices, TrainingBatch& batch)
{
    const std::size_t B = indices.size(), half = m_lattice.halfCount(), perImage = m_lattice.pixelCount();
    batch.indices.assign(indices.begin(), indices.end());
    batch.target.resize(B * perImage);
    batch.ctf.resize(B * half);
    batch.rotations.resize(B * 9);
    for (std::size_t b = 0; b < B; ++b) {
        const std::size_t index = indices[b];
        float* target = batch.target.data() + b * perImage;
        if (cached()) {
            std::copy_n(m_cache.data() + index * perImage, perImage, target);
        } else {
            const float* image = m_readAhead ? m_readAhead->image(index) : nullptr;
            if (!image) {
                m_dataset.readImages(index, 1, m_image.data());
                image = m_image.data();
            }
            preprocess(index, image, target);
        }
        float* ctf = batch.ctf.data() + b * half;
        if (m_hasCtf) {
            const CtfParams& params = m_ctf[index];
            for (std::size_t p = 0; p < half; ++p)
                ctf[p] = evaluateCtf(params, m_pixelSize, m_lattice.halfCoords[2 * p], m_lattice.halfCoords[2 * p + 1]);
        } else {
            std::fill_n(ctf, half, 1.0f);
        }
        const auto& R = m_poses[index].rotation;
        std::copy(R.begin(), R.end(), batch.rotations.data() + b * 9);
    }
}

} // namespace cryo
