#pragma once
// Everything the exploration view shows about one trained run, loaded once from run.h5
// (docs/run-directory.md) and the particle dataset the run was trained on. PCA and k-means
// are computed in memory when `cryoscape embed` has not stored them (both are fast); UMAP
// is only shown when run.h5 has it (computing it takes minutes for large N).
#include "analysis/KMeans.h"
#include "analysis/LatentPca.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace cryo {
class ParticleDataset;
}

struct RunTables {
    QString runDir;                  // the run directory (absolute)
    cryo::RunConfig config;
    cryo::LatentTable latents;       // z_mu: count × zdim
    cryo::PcaTable pca;              // always set when zdim ≥ 1 (projections count × P)
    bool pcaComputed = false;        // true: not from run.h5
    std::optional<cryo::UmapTable> umap;
    std::optional<cryo::KMeansTable> kmeans;
    bool kmeansComputed = false;
    // The particles (metadata; images when the stacks are found). Null when they cannot be
    // opened or do not match the run's particle count; datasetProblem says why.
    std::shared_ptr<const cryo::ParticleDataset> dataset;
    QString datasetProblem;

    std::size_t count() const { return latents.count; }
    int zdim() const { return latents.zdim; }
    // Column c of the z table / the PCA projections / the UMAP coordinates, count values.
    std::vector<float> zColumn(int c) const;
    std::vector<float> pcaColumn(int c) const;
    std::vector<float> umapColumn(int c) const;
    // Row i of z (zdim values).
    std::vector<float> zRow(std::size_t i) const;
    // The mean z over the given particles (zdim values; empty for no particles).
    std::vector<float> meanZ(const std::vector<std::size_t>& indices) const;
};

// Loads a run directory or its run.h5. Throws cryo::FileError when run.h5 is unreadable or
// has no latents (e.g. a homogeneous run or one before its first epoch). kmeansClusters:
// K used when run.h5 has no k-means (clamped to the particle count).
RunTables loadRunTables(const QString& runDirOrFile, int kmeansClusters = 20);
