#include "run/RunLandscape.h"

#include "util/Error.h"

#include <sstream>
#include <string>

namespace cryo {
namespace {

const std::string kGroup = "/analysis/landscape";

void checkShape(const H5File& file, const std::string& name, const std::vector<std::size_t>& expected)
{
    if (file.shape(name) != expected) {
        std::string text;
        for (std::size_t s : expected)
            text += (text.empty() ? "" : " × ") + std::to_string(s);
        throw FileError(file.path(), name + ": expected shape " + text);
    }
}

template <typename T>
void checkRange(const H5File& file, const std::string& name, const std::vector<T>& values, long long end)
{
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] < 0 || (long long)values[i] >= end)
            throw FileError(file.path(), name + ", row " + std::to_string(i) + ": " + std::to_string(values[i]) +
                                             " outside [0, " + std::to_string(end) + ")");
}

} // namespace

LandscapeTable landscapeTable(const LandscapeResult& result, std::size_t count, const LandscapeOptions& options,
                              bool fullMaps)
{
    LandscapeTable t;
    t.count = count;
    t.clusters = int(result.clusterMeans.size());
    t.components = result.pca.componentCount();
    t.labels = result.particleClusters;
    t.volumePc = result.particleVolumePc;
    t.volumePc.resize(count * std::size_t(t.components), 0.0f);
    t.sketchParticles = result.sketch.centerRows;
    t.sketchClusters = result.centreClusters;
    t.sketchVolumePc = result.centreVolumePc;
    t.explainedVariance = result.pca.explainedVariance();
    t.linkage = linkageName(options.linkage);
    t.quality = fullMaps ? "full" : "preview";
    t.maskVoxels = double(result.mask.insideCount());
    t.regressionR2 = result.regressionR2;
    t.totalVariance = result.pca.totalVariance();
    t.seed = options.seed;
    return t;
}

void writeLandscape(H5File& file, const LandscapeTable& t)
{
    const std::size_t P = std::size_t(t.components), k = t.sketchParticles.size();
    if (t.labels.size() != t.count || t.volumePc.size() != t.count * P || t.sketchClusters.size() != k ||
        t.sketchVolumePc.size() != k * P || t.explainedVariance.size() != P)
        throw UsageError("writeLandscape: table sizes disagree");
    file.write("/particles/landscape_cluster", t.labels, {t.count});
    file.write("/particles/volume_pc", t.volumePc, {t.count, P});
    file.write(kGroup + "/sketch_particles", t.sketchParticles, {k});
    file.write(kGroup + "/sketch_clusters", t.sketchClusters, {k});
    file.write(kGroup + "/sketch_volume_pc", t.sketchVolumePc, {k, P});
    file.write(kGroup + "/explained_variance", t.explainedVariance, {P});
    file.setAttribute(kGroup, "clusters", double(t.clusters));
    file.setAttribute(kGroup, "sketch", double(k));
    file.setAttribute(kGroup, "linkage", t.linkage);
    file.setAttribute(kGroup, "quality", t.quality);
    file.setAttribute(kGroup, "mask_voxels", t.maskVoxels);
    file.setAttribute(kGroup, "regression_r2", t.regressionR2);
    file.setAttribute(kGroup, "seed", double(t.seed));
    file.setAttribute(kGroup, "total_variance", t.totalVariance);
}

std::optional<LandscapeTable> readLandscape(const H5File& file)
{
    if (!file.exists("/particles/landscape_cluster"))
        return std::nullopt;
    LandscapeTable t;
    const auto labelShape = file.shape("/particles/landscape_cluster");
    if (labelShape.size() != 1)
        throw FileError(file.path(), "/particles/landscape_cluster: expected a 1-D table");
    t.count = labelShape[0];
    const auto zShape = file.exists("/particles/z_mu") ? file.shape("/particles/z_mu") : std::vector<std::size_t>{};
    if (!zShape.empty() && zShape[0] != t.count)
        throw FileError(file.path(), "/particles/landscape_cluster: row count differs from /particles/z_mu");
    if (!file.exists(kGroup + "/sketch_particles"))
        throw FileError(file.path(), kGroup + "/sketch_particles is missing");
    const double clusters = file.numberAttribute(kGroup, "clusters");
    if (!(clusters >= 1 && clusters <= 1e6))
        throw FileError(file.path(), kGroup + ": clusters = " + (std::ostringstream() << clusters).str() +
                                         " is out of range");
    t.clusters = int(clusters);
    const auto pcShape = file.shape("/particles/volume_pc");
    if (pcShape.size() != 2 || pcShape[0] != t.count)
        throw FileError(file.path(), "/particles/volume_pc: expected " + std::to_string(t.count) + " × P");
    t.components = int(pcShape[1]);
    const std::size_t P = pcShape[1];
    t.labels = file.read<std::int32_t>("/particles/landscape_cluster");
    t.volumePc = file.read<float>("/particles/volume_pc");
    t.sketchParticles = file.read<std::int64_t>(kGroup + "/sketch_particles");
    const std::size_t k = t.sketchParticles.size();
    checkShape(file, kGroup + "/sketch_clusters", {k});
    checkShape(file, kGroup + "/sketch_volume_pc", {k, P});
    checkShape(file, kGroup + "/explained_variance", {P});
    t.sketchClusters = file.read<std::int32_t>(kGroup + "/sketch_clusters");
    t.sketchVolumePc = file.read<float>(kGroup + "/sketch_volume_pc");
    t.explainedVariance = file.read<float>(kGroup + "/explained_variance");
    checkRange(file, "/particles/landscape_cluster", t.labels, t.clusters);
    checkRange(file, kGroup + "/sketch_clusters", t.sketchClusters, t.clusters);
    checkRange(file, kGroup + "/sketch_particles", t.sketchParticles, (long long)t.count);
    if (file.hasAttribute(kGroup, "linkage"))
        t.linkage = file.stringAttribute(kGroup, "linkage");
    if (file.hasAttribute(kGroup, "quality"))
        t.quality = file.stringAttribute(kGroup, "quality");
    if (file.hasAttribute(kGroup, "mask_voxels"))
        t.maskVoxels = file.numberAttribute(kGroup, "mask_voxels");
    if (file.hasAttribute(kGroup, "regression_r2"))
        t.regressionR2 = file.numberAttribute(kGroup, "regression_r2");
    if (file.hasAttribute(kGroup, "seed"))
        t.seed = std::uint64_t(file.numberAttribute(kGroup, "seed"));
    if (file.hasAttribute(kGroup, "total_variance"))
        t.totalVariance = file.numberAttribute(kGroup, "total_variance");
    return t;
}

} // namespace cryo
