#pragma once
// N particle images of D x D pixels with their pixel size, CTF, optional poses and optics
// groups, opened from a single .mrcs, a .txt list of stacks, a RELION .star or a
// cryoSPARC .cs. Images are read lazily from the stacks (each stack opened once), or
// held in memory after loadIntoMemory() / options.loadEagerly.
//
// Particle i keeps `particles()[i].originalIndex`, its row in the input, so a selection
// can be written back as a subset of the original file (writeSubset).
#include "particles/ParticleTypes.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cryo {

class ParticleDataset {
public:
    // Opens and validates (required columns, stack files, image indices within their
    // stack, equal square box sizes, a positive pixel size). Throws FileError naming the
    // file, the row and the problem; with options.requireImages = false, stack problems
    // are collected in problems() instead (metadata-only use, e.g. `cryoscape info`).
    static ParticleDataset open(const std::filesystem::path& path, const ParticleDatasetOptions& options = {});
    // By extension: .mrcs/.mrc/.st stack, .txt list, .star, .cs. Throws FileError otherwise.
    static ParticleSourceFormat detectFormat(const std::filesystem::path& path);

    ParticleDataset(ParticleDataset&&) noexcept;
    ParticleDataset& operator=(ParticleDataset&&) noexcept;
    ~ParticleDataset();

    const std::filesystem::path& sourcePath() const;
    ParticleSourceFormat format() const;
    std::size_t size() const;
    int boxSize() const;                    // D
    double pixelSize() const;               // Å, of the first optics group
    const std::vector<ParticleRecord>& particles() const;
    const std::vector<OpticsGroup>& opticsGroups() const;
    const std::vector<StackInfo>& stacks() const;
    bool hasCtf() const;
    bool hasPoses() const;
    const std::vector<ParticlePose>& poses() const;   // empty or one per particle
    bool imagesAvailable() const;           // every stack was found and opened
    const std::vector<std::string>& problems() const;

    // Reads images first .. first+count-1 into out (count * D * D floats, [n][y][x]).
    // Consecutive images of one stack are read in one call. Thread-safe. Throws
    // FileError for a NaN/Inf pixel (options.checkFinite) or an unavailable stack.
    void readImages(std::size_t first, std::size_t count, float* out) const;
    std::vector<float> readImage(std::size_t index) const;
    // Reads every image into memory (checked once); later reads are copies.
    void loadIntoMemory();
    bool isInMemory() const;

    // Keeps only these particles, in this order (rows of the current particles; repeats are
    // allowed): a run trained on a subset (cryoDRGN --ind) sees exactly its particles, and
    // writeSubset still writes rows of the source file. Throws UsageError for a row out of range.
    void selectParticles(const std::vector<std::size_t>& rows);
    // Poses / CTF from another file (cryoDRGN pose.pkl / ctf.pkl, `train --poses/--ctf`), one
    // per particle, replacing the source's. Throws UsageError when the count differs.
    void setPoses(std::vector<ParticlePose> poses);
    void setCtf(const std::vector<CtfParams>& ctf);

    // Writes the selected particles (indices into this dataset) as a subset of the
    // source: same columns, optics table and row order for .star, same dtype for .cs.
    // poses: empty, or one per particle of this dataset (e.g. found ab initio) written instead
    // of the source's (ParticleMetadataWriter.h: setRelionPoses, setCryosparcPoses). Returns
    // false, writing nothing, when a .cs source has no alignments3D fields to hold them.
    // Throws UsageError for sources that are bare stacks.
    bool writeSubset(const std::filesystem::path& out, const std::vector<std::size_t>& indices,
                     const std::vector<ParticlePose>& poses = {}) const;

    struct Impl;

private:
    explicit ParticleDataset(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

std::string formatName(ParticleSourceFormat format);

} // namespace cryo
