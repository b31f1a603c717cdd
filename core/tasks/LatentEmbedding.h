#pragma once
// The latent-space embeddings of a run (PCA, UMAP, k-means of the particles' z), as the
// tables run.h5 stores (run/RunAnalyses.h). One implementation for `cryoscape embed`, the
// explorer's "Compute UMAP" and the tables the window computes when run.h5 has none.
// Progress and cancellation follow analysis/AnalysisContext.h.
#include "analysis/AnalysisContext.h"
#include "analysis/Umap.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"

#include <filesystem>

namespace cryo {

// Every principal component of z (projections count × zdim).
PcaTable embedPca(const LatentTable& z, const AnalysisContext& context = {});

// 2D UMAP; `details` (optional) gets the kNN and layout timings.
UmapTable embedUmap(const LatentTable& z, const UmapOptions& options, const AnalysisContext& context = {},
                    UmapResult* details = nullptr);

// k-means with on-data centres (UsageError when clusters > count). `iterations` (optional)
// gets the Lloyd iterations of the kept restart.
KMeansTable embedKMeans(const LatentTable& z, int clusters, std::uint64_t seed, const AnalysisContext& context = {},
                        int* iterations = nullptr);

// z of a run file, refused (FileError naming the row and column) when a value is NaN or
// infinite: a diverged run must not produce a meaningless embedding.
LatentTable readFiniteLatents(const std::filesystem::path& runFile);

} // namespace cryo
