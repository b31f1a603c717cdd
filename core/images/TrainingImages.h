#pragma once
// The particle images as the model sees them: per particle, the centred (translated by its
// shift), normalised Hartley values on the TrainingLattice (B × 2Ph), the CTF at the half
// points (B × Ph) and the rotation (B × 9). Preprocessed once and kept in memory when that
// fits in what the memory bound leaves (images/ImageMemory.h: the bound minus what the process
// holds when this object is made), otherwise read from the stacks and preprocessed batch by
// batch (by the prefetch thread, so it overlaps the compute). Read lazily, an epoch visits the
// particles in a windowed shuffle (WindowedShuffle.h) and the raw images of the next window
// are read ahead on another thread (ImageReadAhead.h): two windows of at most half of what is
// left each (and 512 MiB), after the epoch's order and index lists.
#include "fourier/ImagePreprocessor.h"
#include "images/ImageMemory.h"
#include "images/ImageReadAhead.h"
#include "images/TrainingLattice.h"
#include "images/WindowedShuffle.h"
#include "particles/ParticleTypes.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace cryo {

class ParticleDataset;

struct TrainingBatch {
    std::vector<std::size_t> indices;   // B particle indices (input order)
    std::vector<float> target;          // B × 2Ph normalised Hartley values, particle centred
    std::vector<float> ctf;             // B × Ph CTF at the half points (1 without CTF)
    std::vector<float> rotations;       // B × 9, our R (PoseConventions.h), row-major
    std::size_t size() const { return indices.size(); }
};

struct TrainingImagesOptions {
    PreprocessOptions preprocess;
    std::size_t memoryLimitBytes = defaultMemoryBoundBytes();   // on the whole process
    // What the process needs besides the images, read when they are loaded: its peak resident
    // memory so far (tests give a fixed value).
    std::function<std::size_t()> residentBytes = processPeakResidentBytes;
    // What training allocates per particle after the images are loaded, kept out of their
    // share of the bound (the latent table each epoch ends with: TrainingEngine).
    std::size_t laterBytesPerParticle = 0;
    int normImages = 1000;              // images used to estimate the Hartley normalisation
    std::function<void(std::size_t done, std::size_t total)> progress;   // while caching
    // Replace the dataset's own poses, one per particle (ab initio: the poses are searched for).
    // Poses and CTF from other files are applied to the dataset (run/RunParticles.h).
    std::vector<ParticlePose> poses;
    // false: the targets are the raw (uncentred) images, as pose search needs them; then a
    // dataset without poses is accepted (identity rotations, zero shifts).
    bool centreByShift = true;
};

class TrainingImages {
public:
    // Throws UsageError when the dataset has no poses (and centreByShift is set) or the memory
    // bound leaves less than reading lazily needs (the message names the bound), FileError for
    // unreadable images.
    TrainingImages(const ParticleDataset& dataset, const TrainingImagesOptions& options);

    std::size_t size() const { return m_count; }
    const TrainingLattice& lattice() const { return m_lattice; }
    const HartleyNorm& norm() const { return m_norm; }
    bool cached() const { return !m_cache.empty(); }
    bool hasCtf() const { return m_hasCtf; }
    const ShuffleWindows& shuffleWindows() const { return m_windows; }   // when read lazily
    const ImageMemoryBudget& memoryBudget() const { return m_budget; }

    // The order to visit the particles in for an epoch: a plain shuffle when cached, a
    // windowed shuffle when read lazily (the same order for the same seed either way).
    std::vector<std::size_t> epochOrder(std::uint64_t seed) const;

    // Read lazily: starts reading ahead the raw images of the coming fill() calls, which
    // ask for the particles of `order` in that order (BatchPrefetcher announces its order).
    // Particles outside it are still read, one by one. Nothing to do when cached.
    void readAhead(std::span<const std::size_t> order);

    // Fills batch for the given particles (resizing its vectors only when B grows).
    // Not thread-safe: one caller at a time (the prefetch thread, or the evaluation pass).
    void fill(std::span<const std::size_t> indices, TrainingBatch& batch);

private:
    void preprocess(std::size_t index, const float* image, float* out);

    const ParticleDataset& m_dataset;
    std::size_t m_count;
    int m_D;
    double m_pixelSize;
    bool m_hasCtf;
    bool m_centre;
    std::vector<ParticlePose> m_poses;   // one per particle
    std::vector<CtfParams> m_ctf;        // one per particle (empty without CTF)
    TrainingLattice m_lattice;
    ImagePreprocessor m_preprocessor;
    HartleyNorm m_norm;
    std::vector<float> m_cache;          // N × 2Ph when the images fit in memory
    ImageMemoryBudget m_budget;
    ShuffleWindows m_windows;            // the lazy epochs' blocks and windows
    std::unique_ptr<ImageReadAhead> m_readAhead;
    std::vector<float> m_image, m_ht, m_shifted;   // scratch: D², (D+1)², (D+1)²
};

} // namespace cryo
