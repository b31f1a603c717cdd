#pragma once
// Everything the exploration view shows about one trained run, loaded once from run.h5
// (docs/run-directory.md), and the particle dataset the run was trained on. PCA and k-means
// are computed in memory when `cryoscape embed` has not stored them (both are fast); UMAP
// is only shown when run.h5 has it (computing it takes minutes for large N).
// Loading has three stages, so that the window can show the panels before the particles
// have been read (RunLoader runs them in the background): readRunTables,
// completeRunTables, loadRunParticles; loadRunTables is the first two in one call.
#include "ScatterTypes.h"
#include "analysis/AnalysisContext.h"
#include "analysis/LatentPca.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"

#include <QString>

#include <array>
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

    // The columns the scatter panels draw and colour by (PCs 1–3, each z, the UMAP), made once
    // off the GUI thread (prepareColumns) and shared by every panel: at a million particles,
    // copying them on the GUI thread would stall it.
    using Column = std::shared_ptr<const std::vector<float>>;
    std::vector<Column> pcaColumns, zColumns, umapColumns;
    ScatterLabels kmeansLabels;      // kmeans->labels, shared the same way
    // The pairs of those columns the panels plot, in the order of the axes chooser, each with
    // its render order and hover grid: sorting 10^6 points takes ~20 ms and the grid ~45 ms,
    // too long for the GUI thread once per pair and panel. key: how a session remembers a
    // panel's axes.
    struct Axes {
        enum class Kind { Pca, Umap, Z, ZByParticle } kind;
        int first;          // Pca, Z: the first of the two columns (PC first+1 / first+2)
        QString key;        // "pca:0,1", "umap", "z:0,1", "z:0,index"
        Column x, y;
        ScatterOrder order;
    };
    std::vector<Axes> axes;
    void prepareColumns();   // the columns, then the axes
    // The axes of a UMAP (columns, render order, hover grid: ~65 ms per 10^6 points; made off
    // the GUI thread), and adding a UMAP computed after opening with them.
    static Axes umapAxes(const cryo::UmapTable& table);
    void addUmap(cryo::UmapTable table, Axes axes);

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

// The particles of a run (metadata; images when the stacks are found). dataset is null when
// they cannot be opened or do not match the run's particle count; problem says why.
struct RunParticles {
    std::shared_ptr<const cryo::ParticleDataset> dataset;
    QString problem;
    // Colour columns made off the GUI thread (null when the dataset has no CTF / poses):
    // mean defocus (Å) and rot, tilt, psi (degrees, RELION ZYZ).
    RunTables::Column defocus;
    std::array<RunTables::Column, 3> angles;
};

// run.h5 of a run directory (or the file itself): config, z and the analyses it stores.
// Throws cryo::FileError when run.h5 is unreadable or has no latents (e.g. a homogeneous run
// or one before its first epoch).
RunTables readRunTables(const QString& runDirOrFile);
// Computes the PCA and k-means run.h5 does not have (kmeansClusters: K, clamped to the
// particle count; not stored), then the columns. Progress and cancellation:
// analysis/AnalysisContext.h.
void completeRunTables(RunTables& tables, int kmeansClusters = 20, const cryo::AnalysisContext& context = {});
RunTables loadRunTables(const QString& runDirOrFile, int kmeansClusters = 20);
RunParticles loadRunParticles(const RunTables& tables);
