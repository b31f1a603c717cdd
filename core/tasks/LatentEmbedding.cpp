#include "tasks/LatentEmbedding.h"

#include "analysis/KMeans.h"
#include "io/H5File.h"
#include "util/Error.h"

#include <cmath>
#include <string>

namespace cryo {

PcaTable embedPca(const LatentTable& z, const AnalysisContext& context)
{
    PcaTable table;
    table.count = z.count;
    table.pca = LatentPca::fit(z.mu.data(), z.count, z.zdim, 0, context.sub(0, 0.5));
    table.projections = table.pca.project(z.mu.data(), z.count, context.sub(0.5, 1));
    return table;
}

UmapTable embedUmap(const LatentTable& z, const UmapOptions& options, const AnalysisContext& context, UmapResult* details)
{
    UmapResult r = Umap(options).fit(z.mu.data(), z.count, z.zdim, context);
    UmapTable table;
    table.count = z.count;
    table.coordinates = r.embedding;
    table.neighbors = options.neighbors;
    table.minDist = options.minDist;
    table.spread = options.spread;
    table.epochs = r.epochs;
    table.seed = options.seed;
    table.a = r.a;
    table.b = r.b;
    if (details)
        *details = std::move(r);
    return table;
}

KMeansTable embedKMeans(const LatentTable& z, int clusters, std::uint64_t seed, const AnalysisContext& context,
                        int* iterations)
{
    KMeansOptions options;
    options.clusters = clusters;
    options.seed = seed;
    KMeansResult r = KMeans(options).fit(z.mu.data(), z.count, z.zdim, context);
    KMeansTable table;
    table.count = z.count;
    table.clusters = r.clusters;
    table.zdim = z.zdim;
    table.labels = std::move(r.labels);
    table.centers = std::move(r.centers);
    table.centerParticles = std::move(r.centerRows);
    table.seed = seed;
    table.inertia = r.inertia;
    if (iterations)
        *iterations = r.iterations;
    return table;
}

LatentTable readFiniteLatents(const std::filesystem::path& runFile)
{
    const H5File file(runFile, H5File::Mode::ReadOnly);
    checkRunFile(file);
    LatentTable z = readLatents(file);
    for (std::size_t i = 0; i < z.mu.size(); ++i)
        if (!std::isfinite(z.mu[i]))
            throw FileError(file.path(), "/particles/z_mu, row " + std::to_string(i / std::size_t(z.zdim)) + ", column " +
                                             std::to_string(i % std::size_t(z.zdim)) + ": not a finite number");
    return z;
}

} // namespace cryo
