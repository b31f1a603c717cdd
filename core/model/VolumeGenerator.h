#pragma once
// Decodes maps from a run's model (no torch in this header): the one interface that
// click-to-volume, trajectories, landscapes, movies and eval-vol use, whether the run was
// trained here or imported from cryoDRGN (cryodrgn/CryodrgnImport.h). Weights are loaded once.
// A map of box n (even, n ≤ D) is the decoder evaluated on the central (n+1)³ points of the
// trained lattice — a Fourier crop — and inverse Hartley transformed: n³ voxels of D/n times
// the run's pixel size, on the full map's intensity scale. (cryoDRGN's `eval_vol -d n` writes
// the same map (D/n)³ times brighter.)
//   Quality::Preview  n = D/2, for interactive clicks
//   Quality::Full     n = D
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

    // runDir: a run directory or its run.h5. Throws FileError when the run or its weights
    // cannot be read.
    static std::unique_ptr<VolumeGenerator> open(const std::filesystem::path& runDir, int threads = 0);
    virtual ~VolumeGenerator() = default;

    virtual const RunConfig& config() const = 0;
    int zdim() const { return config().model.zdim; }   // 0 for a homogeneous run
    // z: zdim values (ignored/empty for homogeneous runs). Throws UsageError on a size mismatch
    // or a box that is odd, below 2 or above D.
    virtual Volume generate(std::span<const float> z, int box) = 0;
    Volume generate(std::span<const float> z, Quality quality = Quality::Full)
    {
        const int D = config().boxSize;
        return generate(z, quality == Quality::Full ? D : D / 2);
    }

    // Multiply-adds of the decoder for a map of this box (its MLP, over the lattice points it
    // evaluates): what a click costs.
    virtual double multiplyAdds(int box) const = 0;
    // The boxes a click shows, coarse to fine, ending with D: D/2 first, and before it the
    // largest even box costing at most `budget` multiply-adds when D/2 costs more — so that a
    // large decoder (cryoDRGN's default is 1024 × 3) still answers a click at once.
    std::vector<int> clickBoxes(double budget) const;
};

// The generator of a cryoDRGN checkpoint: config.cryodrgnWeights (weights.N.pkl) with
// config.cryodrgnConfig (config.yaml / config.pkl), as `cryodrgn eval_vol WEIGHTS -c CONFIG
// --Apix config.pixelSize` reads them (1 Å/px when the pixel size is 0). The box, zdim and
// normalisation come from the cryoDRGN config.
std::unique_ptr<VolumeGenerator> openCryodrgnVolumeGenerator(RunConfig config, int threads = 0);

} // namespace cryo
