#include "analysis/LandscapeAnalysis.h"

#include "analysis/KernelRidge.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <string>

namespace cryo {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

LandscapeAnalysis::LandscapeAnalysis(LandscapeOptions options) : m_options(std::move(options)) {}

int LandscapeAnalysis::sketchSize(std::size_t count) const
{
    const std::size_t wanted = std::max<std::size_t>(count / 10, std::size_t(2 * std::max(m_options.clusters, 1)));
    return int(std::min({std::size_t(std::max(m_options.sketch, 1)), wanted, count}));
}

std::vector<Volume> LandscapeAnalysis::decodeSketch(LandscapeResult& result, int dim, const VolumeDecoder& decode,
                                                    const AnalysisContext& context) const
{
    const auto start = std::chrono::steady_clock::now();
    std::vector<Volume> volumes;
    volumes.reserve(std::size_t(result.sketchCount));
    for (int c = 0; c < result.sketchCount; ++c) {
        context.checkCancelled();
        volumes.push_back(decode(std::span<const float>(result.sketchZ.data() + std::size_t(c) * std::size_t(dim),
                                                        std::size_t(dim))));
        if (volumes.back().voxelCount() != volumes.front().voxelCount() || volumes.back().voxelCount() == 0)
            throw UsageError("landscape: the decoder returned maps of different or zero size");
        context.report(double(c + 1) / double(result.sketchCount));
    }
    result.decodeSeconds = secondsSince(start);
    return volumes;
}

void LandscapeAnalysis::summariseClusters(LandscapeResult& r, const std::vector<Volume>& volumes) const
{
    const int M = m_options.clusters;
    r.meanVolume = volumes.front();
    std::fill(r.meanVolume.data.begin(), r.meanVolume.data.end(), 0.0f);
    r.clusterMeans.assign(std::size_t(M), r.meanVolume);
    r.clusterVolumes.assign(std::size_t(M), 0);
    for (std::size_t c = 0; c < volumes.size(); ++c) {
        const std::size_t label = std::size_t(r.centreClusters[c]);
        ++r.clusterVolumes[label];
        for (std::size_t v = 0; v < volumes[c].data.size(); ++v) {
            r.clusterMeans[label].data[v] += volumes[c].data[v];
            r.meanVolume.data[v] += volumes[c].data[v];
        }
    }
    for (int m = 0; m < M; ++m)
        for (float& value : r.clusterMeans[std::size_t(m)].data)
            value /= float(std::max(r.clusterVolumes[std::size_t(m)], 1));
    for (float& value : r.meanVolume.data)
        value /= float(volumes.size());
    r.particleClusters.resize(r.sketch.labels.size());
    r.clusterParticles.assign(std::size_t(M), 0);
    for (std::size_t i = 0; i < r.sketch.labels.size(); ++i) {
        r.particleClusters[i] = r.centreClusters[std::size_t(r.sketch.labels[i])];
        ++r.clusterParticles[std::size_t(r.particleClusters[i])];
    }
}

LandscapeResult LandscapeAnalysis::run(const float* z, std::size_t count, int dim, const VolumeDecoder& decode,
                                       const AnalysisContext& context) const
{
    const auto start = std::chrono::steady_clock::now();
    if (dim < 1)
        throw UsageError("landscape: needs a heterogeneous run (zdim ≥ 1)");
    if (m_options.clusters < 1 || std::size_t(m_options.clusters) > count)
        throw UsageError("landscape: " + std::to_string(m_options.clusters) + " clusters for " + std::to_string(count) +
                         " particles");
    LandscapeResult r;
    r.sketchCount = std::max(sketchSize(count), std::min(m_options.clusters, int(count)));
    if (r.sketchCount < 2)
        throw UsageError("landscape: needs at least 2 particles");
    KMeansOptions kmeans;
    kmeans.clusters = r.sketchCount;
    kmeans.seed = m_options.seed;
    kmeans.threads = m_options.threads;
    r.sketch = KMeans(kmeans).fit(z, count, dim, context.sub(0, 0.05));
    for (std::int64_t row : r.sketch.centerRows)
        r.sketchZ.insert(r.sketchZ.end(), z + std::size_t(row) * std::size_t(dim), z + (std::size_t(row) + 1) * std::size_t(dim));

    const std::vector<Volume> volumes = decodeSketch(r, dim, decode, context.sub(0.05, 0.85));
    const Volume& first = volumes.front();
    const int dilation = int(std::lround(std::max(0.0, m_options.maskDilationAngstrom) / double(first.voxelSize)));
    r.mask = m_options.maskFile.empty() ? VolumeMask::automatic(volumes, m_options.maskFraction, dilation)
                                        : VolumeMask::fromFile(m_options.maskFile, first.nx, first.ny, first.nz);
    if (r.mask.insideCount() == 0)
        throw UsageError("landscape: the mask is empty");
    const std::size_t k = volumes.size(), p = r.mask.insideCount();
    std::vector<float> masked(k * p);
    for (std::size_t c = 0; c < k; ++c) {
        const std::vector<float> row = r.mask.extract(volumes[c]);
        std::copy(row.begin(), row.end(), masked.begin() + std::ptrdiff_t(c * p));
    }
    std::vector<float> mean;
    const std::vector<double> gram = centredGram(masked.data(), k, p, mean, context.sub(0.85, 0.92));
    r.dendrogram = AgglomerativeClustering::fitSquaredDistances(squaredDistancesFromGram(gram, k), k,
                                                                m_options.linkage, context.sub(0.92, 0.95));
    r.centreClusters = r.dendrogram.cut(std::min(m_options.clusters, int(k)));
    summariseClusters(r, volumes);

    r.pca = VolumePca::fitGram(masked.data(), k, p, gram, std::move(mean), std::max(1, m_options.components));
    r.centreVolumePc = r.pca.projections();
    context.checkCancelled();
    if (r.pca.componentCount() > 0) {   // 0 only when every sketch volume is the same
        const KernelRidge regression = KernelRidge::fit(r.sketchZ.data(), k, dim, r.centreVolumePc.data(),
                                                        r.pca.componentCount(), m_options.ridge);
        r.regressionR2 = regression.leaveOneOutR2();
        r.particleVolumePc = regression.predict(z, count, m_options.threads);
    }
    context.report(1);
    r.totalSeconds = secondsSince(start);
    return r;
}

Volume LandscapeResult::volumeAlongPc(int component, double coordinate) const
{
    const std::vector<float> inside = pca.along(component, coordinate);
    Volume v = meanVolume;
    const auto& indices = mask.indices();
    for (std::size_t i = 0; i < indices.size(); ++i)
        v.data[indices[i]] = inside[i];
    return v;
}

Volume LandscapeResult::eigenvolume(int component) const
{
    if (component < 0 || component >= pca.componentCount())
        throw UsageError("landscape: no volume PC " + std::to_string(component + 1));
    return mask.expand(pca.components().data() + std::size_t(component) * pca.voxels(), meanVolume);
}

} // namespace cryo
