#include "RunTables.h"

#include "ScatterRaster.h"

#include "io/H5File.h"
#include "geometry/PoseConventions.h"
#include "particles/ParticleDataset.h"
#include "run/RunParticles.h"
#include "tasks/LatentEmbedding.h"
#include "util/Error.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

RunTables::Column shared(std::vector<float> values) { return std::make_shared<const std::vector<float>>(std::move(values)); }

// Mean defocus and the RELION Euler angles of every particle (the explorer's colours).
void makeParticleColumns(RunParticles& p)
{
    const cryo::ParticleDataset& dataset = *p.dataset;
    if (dataset.hasCtf()) {
        std::vector<float> defocus;
        defocus.reserve(dataset.size());
        for (const cryo::ParticleRecord& r : dataset.particles())
            defocus.push_back(0.5f * (r.ctf.defocusU + r.ctf.defocusV));
        p.defocus = shared(std::move(defocus));
    }
    if (!dataset.hasPoses())
        return;
    std::array<std::vector<float>, 3> angles;
    for (auto& a : angles)
        a.reserve(dataset.size());
    for (const cryo::ParticlePose& pose : dataset.poses()) {
        cryo::Mat3 r;
        for (int i = 0; i < 9; ++i)
            r(i / 3, i % 3) = pose.rotation[std::size_t(i)];
        const cryo::EulerAngles e = cryo::relionEulerFromMatrix(r);
        angles[0].push_back(float(e.rot));
        angles[1].push_back(float(e.tilt));
        angles[2].push_back(float(e.psi));
    }
    for (int k = 0; k < 3; ++k)
        p.angles[std::size_t(k)] = shared(std::move(angles[std::size_t(k)]));
}

} // namespace

void RunTables::prepareColumns()
{
    pcaColumns.clear();
    zColumns.clear();
    umapColumns.clear();
    for (int c = 0; c < std::min(pca.pca.componentCount(), 3); ++c)
        pcaColumns.push_back(shared(pcaColumn(c)));
    for (int c = 0; c < zdim(); ++c)
        zColumns.push_back(shared(zColumn(c)));
    kmeansLabels = kmeans ? std::make_shared<const std::vector<std::int32_t>>(kmeans->labels) : nullptr;
    axes.clear();
    using Kind = Axes::Kind;
    for (int c = 0; c + 1 < int(pcaColumns.size()); ++c)
        axes.push_back({Kind::Pca, c, QStringLiteral("pca:%1,%2").arg(c).arg(c + 1), pcaColumns[std::size_t(c)],
                        pcaColumns[std::size_t(c) + 1], nullptr});
    for (int c = 0; c + 1 < zdim(); c += 2)
        axes.push_back({Kind::Z, c, QStringLiteral("z:%1,%2").arg(c).arg(c + 1), zColumns[std::size_t(c)],
                        zColumns[std::size_t(c) + 1], nullptr});
    if (zdim() == 1) {   // one latent dimension: z1 against the particle index
        std::vector<float> index(count());
        for (std::size_t i = 0; i < index.size(); ++i)
            index[i] = float(i);
        axes.push_back({Kind::ZByParticle, 0, QStringLiteral("z:0,index"), zColumns[0], shared(std::move(index)), nullptr});
    }
    for (Axes& a : axes)
        a.order = makeRenderOrder(a.x, a.y, true);
    if (umap) {
        Axes umapPair = umapAxes(*umap);
        addUmap(std::move(*umap), std::move(umapPair));
    }
}

RunTables::Axes RunTables::umapAxes(const cryo::UmapTable& table)
{
    const std::size_t n = table.coordinates.size() / 2;
    std::vector<float> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = table.coordinates[2 * i], y[i] = table.coordinates[2 * i + 1];
    Axes a{Axes::Kind::Umap, 0, QStringLiteral("umap"), shared(std::move(x)), shared(std::move(y)), nullptr};
    a.order = makeRenderOrder(a.x, a.y, true);
    return a;
}

void RunTables::addUmap(cryo::UmapTable table, Axes umapPair)
{
    umap = std::move(table);
    umapColumns = {umapPair.x, umapPair.y};
    const auto afterPca = std::find_if(axes.begin(), axes.end(), [](const Axes& a) { return a.kind != Axes::Kind::Pca; });
    axes.insert(afterPca, std::move(umapPair));
}

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

RunTables readRunTables(const QString& runDirOrFile)
{
    const auto path = cryo::runFilePath(runDirOrFile.toStdString());
    RunTables t;
    t.runDir = QString::fromStdString(std::filesystem::absolute(path).parent_path().string());
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
    return t;
}

void completeRunTables(RunTables& t, int kmeansClusters, const cryo::AnalysisContext& context)
{
    if (t.pca.count != t.count()) {
        t.pca = cryo::embedPca(t.latents, context.sub(0, 0.3));
        t.pcaComputed = true;
    }
    if (!t.kmeans) {
        t.kmeans = cryo::embedKMeans(t.latents, std::clamp<int>(kmeansClusters, 1, int(t.count())), 0, context.sub(0.3, 1));
        t.kmeansComputed = true;
    }
    t.prepareColumns();
}

RunTables loadRunTables(const QString& runDirOrFile, int kmeansClusters)
{
    RunTables t = readRunTables(runDirOrFile);
    completeRunTables(t, kmeansClusters);
    return t;
}

RunParticles loadRunParticles(const RunTables& t)
{
    RunParticles out;
    if (t.config.particles.empty()) {
        out.problem = QCoreApplication::translate("RunTables", "run.h5 does not name its particles");
        return out;
    }
    try {   // metadata only: it still colours the scatter without stacks
        auto dataset = std::make_shared<const cryo::ParticleDataset>(cryo::openRunParticles(t.config));
        if (dataset->size() != t.count()) {
            out.problem = QCoreApplication::translate("RunTables", "%1 has %2 particles, the run %3")
                              .arg(QString::fromStdString(t.config.particles.string()))
                              .arg(dataset->size())
                              .arg(t.count());
            return out;
        }
        out.dataset = std::move(dataset);
        makeParticleColumns(out);
    } catch (const std::exception& e) {
        out.problem = QString::fromUtf8(e.what());
    }
    return out;
}
