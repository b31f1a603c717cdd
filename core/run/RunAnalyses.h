#pragma once
// Latent-space analyses stored in run.h5 (layout: docs/run-directory.md), written by
// `cryoscape embed` and read by the GUI:
//   /particles/pca  float32 N × P   + /analysis/pca/{components P × zdim, mean zdim, explained_variance P}
//   /particles/umap float32 N × 2   + attributes n_neighbors, min_dist, spread, epochs, seed, a, b on /analysis/umap
//   /particles/kmeans int32 N       + /analysis/kmeans/{centers K × zdim float32, center_particles K int64},
//                                     attributes k, seed, inertia on /analysis/kmeans
// readX returns nullopt when the analysis is absent and throws FileError when it is present
// but inconsistent (shapes, label or index ranges).
#include "analysis/LatentPca.h"
#include "io/H5File.h"
#include "run/RunLandscape.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace cryo {

struct PcaTable {
    LatentPca pca;
    std::size_t count = 0;
    std::vector<float> projections;   // count × pca.componentCount()
};

struct UmapTable {
    std::size_t count = 0;
    std::vector<float> coordinates;   // count × 2
    int neighbors = 15;
    double minDist = 0.1, spread = 1.0;
    int epochs = 0;
    std::uint64_t seed = 0;
    double a = 0, b = 0;
};

struct KMeansTable {
    std::size_t count = 0;
    int clusters = 0, zdim = 0;
    std::vector<std::int32_t> labels;            // count, in [0, clusters)
    std::vector<float> centers;                  // clusters × zdim
    std::vector<std::int64_t> centerParticles;   // clusters, row nearest each centre
    std::uint64_t seed = 0;
    double inertia = 0;
};

void writePca(H5File& file, const PcaTable& table);
std::optional<PcaTable> readPca(const H5File& file);
void writeUmap(H5File& file, const UmapTable& table);
std::optional<UmapTable> readUmap(const H5File& file);
void writeKMeans(H5File& file, const KMeansTable& table);
std::optional<KMeansTable> readKMeans(const H5File& file);

// Stores whichever tables are set into an existing run.h5 without risking it: a copy
// "<run.h5>.part" is updated and renamed onto it, so a failure leaves the old file intact.
// Throws FileError (unreadable or not a run file, unwritable folder).
struct RunAnalysesUpdate {
    std::optional<PcaTable> pca;
    std::optional<UmapTable> umap;
    std::optional<KMeansTable> kmeans;
    std::optional<LandscapeTable> landscape;   // run/RunLandscape.h
};
void updateRunAnalyses(const std::filesystem::path& runFile, const RunAnalysesUpdate& update);

} // namespace cryo
