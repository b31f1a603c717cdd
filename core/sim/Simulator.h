#pragma once
// Simulated heterogeneous datasets with a known ground truth (the `cryoscape simulate` CLI
// and the demo use this). Per particle: a conformation of the PseudoAtomComplex, a uniform
// random SO(3) pose, a random shift, a random astigmatic defocus; the image is formed by
// ParticleImager (projection → shift → CTF) and Gaussian noise at the requested SNR.
//
// Output directory:
//   particles.mrcs   N × D × D float32 stack, contrast-inverted like RELION extraction; formed
//                    on all threads and streamed to disk (memory bounded by a few rounds of
//                    images, not the stack)
//   particles.star   RELION 3.1 (data_optics + data_particles, rlnImageName idx@particles.mrcs,
//                    defocus, angles, _rlnOriginXAngst/YAngst)
//   particles.cs     cryoSPARC structured array (blob/*, ctf/*, alignments3D/pose, shift)
//   truth.h5         per particle: /particles/{rotations N×3×3, shifts_px N×2, defocus N×3,
//                    state N, coordinates N×k}; /maps/{coordinates M×k, state M}; attributes
//   truth_map_NN.mrc ground-truth maps (5 along the hinge(s), or one per discrete state)
//   consensus.mrc    the population-average map (what a homogeneous refinement would see)
// Deterministic for a fixed seed, whatever the thread count.
#include "ctf/Ctf.h"
#include "sim/PseudoAtomComplex.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <vector>

namespace cryo {

// Which pixels the signal variance of the SNR is measured over. The number means different
// noise levels: at D = 64, 3 Å/px, SNR 0.1 over the particle is SNR 0.04 over the whole image.
enum class SnrRegion {
    WholeImage,   // all pixels of the noise-free images (cryoDRGN's add_noise; the thesis' datasets)
    Particle,     // a disc of the complex's radius around each particle's centre
};

struct SimulationOptions {
    std::filesystem::path outDir;
    int particles = 5000;
    int box = 64;                    // D, even
    double pixelSize = 3.0;          // Å/px
    double snr = 0.1;                // signal variance / noise variance; ≤ 0 → no noise
    SnrRegion snrRegion = SnrRegion::WholeImage;
    MotionKind motion = MotionKind::Hinge;
    std::uint64_t seed = 1;
    bool applyCtf = true;
    double maxShift = 3.0;           // px, shifts uniform in [−maxShift, maxShift]²
    double defocusMin = 10000, defocusMax = 25000;   // Å (defocus U)
    double maxAstigmatism = 500;     // Å, dfU − dfV uniform in [0, this]
    double voltage = 300, sphericalAberration = 2.7, amplitudeContrast = 0.1;
    double hingeMin = 0, hingeMax = 80;   // degrees
    // Width of the pseudo-atoms (Å), i.e. how far the signal reaches in frequency; unset:
    // defaultAtomSigma(pixelSize). Atoms are sampled at pixel centres: below ~0.5 px (29 % of
    // the amplitude left at Nyquist) the images alias.
    std::optional<double> atomSigma;
    int threads = 0;                 // 0: all hardware threads; the dataset does not depend on it
    // Images formed together while the previous round is written; memory holds two rounds.
    // 0: 32 MiB of images (2048 at D = 64), at least 100.
    int imagesPerRound = 0;
    std::function<void(int done, int total)> progress;   // optional: images formed, on the calling thread
    std::stop_token stop;
};

// Everything drawn per particle (the truth).
struct ParticleTruth {
    std::vector<Conformation> conformations;
    std::vector<Mat3> rotations;                   // our R (PoseConventions.h)
    std::vector<std::array<double, 2>> shifts;     // pixels; particle centre at image centre − t
    std::vector<CtfParams> ctf;
    std::size_t size() const { return rotations.size(); }
};

struct SimulationResult {
    int count = 0;
    bool cancelled = false;           // then no output files are left behind
    double signalVariance = 0;        // over the estimation images, in options.snrRegion
    double noiseStd = 0;
    double seconds = 0;
    std::vector<std::filesystem::path> maps;   // ground-truth maps, in truth.h5 order
};

// The pseudo-atom width (Å) of a simulation at this pixel size (Å/px) when none is given:
// 2.5 Å, a map B-factor of ≈ 490 Å² with signal to about 7 Å (still smoother than the
// molmap-style maps of the thesis' synthetic datasets; 4 Å, the default until 2026-11, left no
// signal beyond 12 Å, and even the true map placed SNR 0.1 images only to 5°); but at least
// half a pixel, so as not to alias.
double defaultAtomSigma(double pixelSize);

// Draws the per-particle truth (deterministic in options.seed).
ParticleTruth drawParticleTruth(const SimulationOptions& options, const PseudoAtomComplex& complex);

// Runs the whole simulation. Throws UsageError for bad options, FileError when the output
// directory cannot be written.
SimulationResult simulateDataset(const SimulationOptions& options);

} // namespace cryo
