#pragma once
// Decodes maps from a trained run (no torch in this header). Loads the newest weights of
// a run directory once; generate() evaluates the decoder on the lattice inside the
// Nyquist sphere, half of it (Hermitian symmetry gives the rest), in chunks, then the
// inverse Hartley transform gives the real-space map with the run's pixel size.
//   Quality::Preview  the sphere |k| < ¼ only → a (D/2)³ map with twice the voxel size
//   Quality::Full     the whole (D+1)³ lattice → a D³ map
// Not thread-safe: one generator per thread (the GUI keeps one on its decoding thread).
#include "io/Volume.h"
#include "run/RunConfig.h"

#include <filesystem>
#include <memory>
#include <span>

namespace cryo {

class VolumeGenerator {
public:
    enum class Quality { Preview, Full };

    // runDir: a run directory or its run.h5; weights from the newest checkpoint.
    // Throws FileError when the run or its weights cannot be read.
    static std::unique_ptr<VolumeGenerator> open(const std::filesystem::path& runDir, int threads = 0);
    ~VolumeGenerator();

    const RunConfig& config() const;
    int zdim() const;                         // 0 for a homogeneous run
    // z: zdim values (ignored/empty for homogeneous runs). Throws UsageError on a size mismatch.
    Volume generate(std::span<const float> z, Quality quality = Quality::Full);

    struct Impl;

private:
    explicit VolumeGenerator(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace cryo
