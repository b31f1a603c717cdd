#pragma once
// run.h5, the record of one training run (layout: docs/run-directory.md):
//   /                attributes format = "cryoscape-run", version = 1
//   /config          attributes: RunConfig (names in docs)
//   /history/*       per epoch: epoch, loss, mse, kld, seconds, images_per_second (E)
//   /particles/z_mu, /particles/z_logvar   N × zdim float32, input order
//   /particles/*     analyses added later (pca, umap, kmeans, ...), N rows each
//   /analysis/*      their parameters (PCA components, k-means centres, ...)
// Written by the training job (atomically, once per epoch) and by analysis commands
// (read-write); read by the GUI. HDF5 here is not thread-safe: one thread per file.
#include "io/H5File.h"
#include "run/RunConfig.h"

#include <filesystem>
#include <vector>

namespace cryo {

struct EpochRecord {
    int epoch = 0;                  // 1-based
    double loss = 0, mse = 0, kld = 0;   // means over the epoch's batches
    double seconds = 0;             // wall time of the epoch
    double imagesPerSecond = 0;
};

// Per-particle latent posterior, N × zdim row-major.
struct LatentTable {
    std::size_t count = 0;
    int zdim = 0;
    std::vector<float> mu, logvar;
};

// Per-particle poses found by ab initio training, input order. Conventions of
// geometry/PoseConventions.h: our R (= RELION's Euler matrix, = cryoDRGN's pose.pkl matrix),
// and shifts t in pixels with the particle centre at image centre − t (RELION _rlnOriginX/Y
// in pixels; cryoDRGN stores t / D).
struct PoseTable {
    std::size_t count = 0;
    std::vector<float> rotations;   // N × 9, row-major
    std::vector<float> shifts;      // N × 2, pixels
};

inline constexpr const char* kRunFileName = "run.h5";

void writeRunConfig(H5File& file, const RunConfig& config);
RunConfig readRunConfig(const H5File& file);   // throws FileError if /config is missing or incomplete
void writeHistory(H5File& file, const std::vector<EpochRecord>& history);
std::vector<EpochRecord> readHistory(const H5File& file);   // empty when absent
void writeLatents(H5File& file, const LatentTable& latents);
LatentTable readLatents(const H5File& file);   // throws FileError when absent
// /particles/rotations (N × 3 × 3) and /particles/shifts (N × 2).
void writePoses(H5File& file, const PoseTable& poses);
PoseTable readPoses(const H5File& file);       // throws FileError when absent or malformed

// Checks the format attribute; throws FileError ("not a Cryoscape run file") otherwise.
void checkRunFile(const H5File& file);
// The run.h5 of a run directory (or the path itself if it names a file).
std::filesystem::path runFilePath(const std::filesystem::path& runDirOrFile);

} // namespace cryo
