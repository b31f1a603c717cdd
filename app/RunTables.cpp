#include "RunTables.h"

#include "io/H5File.h"
#include "particles/ParticleDataset.h"
#include "run/RunParticles.h"
#include "util/Error.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

cryo::PcaTable computePca(const cryo::LatentTable& z)
{
    cryo::PcaTable table;
    table.count = z.count;
    table.pca = cryo::LatentPca::fit(z.mu.data(), z.count, z.zdim, 0);
    table.projections = table.pca.project(z.mu.data(), z.count);
    return table;
}

cryo::KMeansTable computeKMeans(const cryo::LatentTable& z, int clusters)
{
    cryo::KMeansOptions options;
    options.clusters = std::clamp<int>(clusters, 1, int(z.count));
    const cryo::KMeansResult r = cryo::KMeans(options).fit(z.mu.data(), z.count, z.zdim);
    cryo::KMeansTable table;
    table.count = z.count;
    table.clusters = r.clusters;
    table.zdim = r.dim;
    table.labels = r.labels;
    table.centers = r.centers;
    table.centerParticles = r.centerRows;
    table.inertia = r.inertia;
    return table;
}

void openDataset(RunTables& t)
{
    if (t.config.particles.empty()) {
        t.datasetProblem = QCoreApplication::translate("RunTables", "run.h5 does not name its particles");
        return;
    }
    try {   // metadata only: it still colours the scatter without stacks
        auto dataset = std::make_shared<cryo::ParticleDataset>(cryo::openRunParticles(t.config));
        if (dataset->size() != t.count()) {
            t.datasetProblem = QCoreApplication::translate("RunTables", "%1 has %2 particles, the run %3")
                                   .arg(QString::fromStdString(t.config.particles.string()))
                                   .arg(dataset->size())
                                   .arg(t.count());
            return;
        }
        t.dataset = std::move(dataset);
    } catch (const std::exception& e) {
        t.datasetProblem = QString::fromUtf8(e.what());
    }
}

} // namespace

std::vector<float> RunTables::zColumn(int c) const
{
    std::vector<float> out(count());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = latents.mu[i * std::size_t(zdim()) + std::size_t(c)];
    return out;
}

std::vector<float> RunTables::pcaColumn(int c) const
{
    const std::size_t p = std::size_t(pca.pca.componentCount());
    std::vector<float> out(count());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = pca.projections[i * p + std::size_t(c)];
    return out;
}

std::vector<float> RunTables::umapColumn(int c) const
{
    std::vector<float> out(count());
    for (std::size_t i = 0; umap && i < out.size(); ++i)
        out[i] = umap->coordinates[i * 2 + std::size_t(c)];
    return out;
}

std::vector<float> RunTables::zRow(std::size_t i) const
{
    const auto first = latents.mu.begin() + std::ptrdiff_t(i * std::size_t(zdim()));
    return {first, first + zdim()};
}

std::vector<float> RunTables::meanZ(const std::vector<std::size_t>& indices) const
{
    if (indices.empty())
        return {};
    std::vector<double> sum(std::size_t(zdim()), 0.0);
    for (std::size_t i : indices)
        for (int d = 0; d < zdim(); ++d)
            sum[std::size_t(d)] += latents.mu[i * std::size_t(zdim()) + std::size_t(d)];
    std::vector<float> out(sum.size());
    for (std::size_t d = 0; d < sum.size(); ++d)
        out[d] = float(sum[d] / double(indices.size()));
    return out;
}

RunTables loadRunTables(const QString& runDirOrFile, int kmeansClusters)
{
    const auto path = cryo::runFilePath(runDirOrFile.toStdString());
    RunTables t;
    t.runDir = QString::fromStdString(std::filesystem::absolute(path).parent_path().string());
    {
        const cryo::H5File file(path, cryo::H5File::Mode::ReadOnly);
        cryo::checkRunFile(file);
        t.config = cryo::readRunConfig(file);
        t.latents = cryo::readLatents(file);
        if (t.latents.zdim < 1 || t.latents.count < 2)
            throw cryo::FileError(path, "/particles/z_mu has fewer than 2 particles or no latent dimension: "
                                        "nothing to explore (homogeneous run?)");
        if (auto pca = cryo::readPca(file); pca && pca->count == t.count())
            t.pca = std::move(*pca);
        if (auto umap = cryo::readUmap(file); umap && umap->count == t.count())
            t.umap = std::move(*umap);
        if (auto kmeans = cryo::readKMeans(file); kmeans && kmeans->count == t.count())
            t.kmeans = std::move(*kmeans);
    }
    if (t.pca.count != t.count()) {
        t.pca = computePca(t.latents);
        t.pcaComputed = true;
    }
    if (!t.kmeans) {
        t.kmeans = computeKMeans(t.latents, kmeansClusters);
        t.kmeansComputed = true;
    }
    openDataset(t);
    return t;
}
