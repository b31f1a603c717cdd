#include "run/RunAnalyses.h"

#include "run/RunFile.h"
#include "util/Error.h"

#include <string>

namespace cryo {
namespace {

using Shape = std::vector<std::size_t>;

std::string shapeText(const Shape& shape)
{
    std::string text;
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? " × " : "") + std::to_string(shape[i]);
    return text.empty() ? "scalar" : text;
}

template <typename T>
std::vector<T> readShaped(const H5File& file, const std::string& name, const Shape& expected)
{
    Shape shape;
    std::vector<T> values = file.read<T>(name, &shape);
    if (shape != expected)
        throw FileError(file.path(), name + ": expected shape " + shapeText(expected) + ", found " + shapeText(shape));
    return values;
}

// Rows of a per-particle table, which must be 1D (rank 1) or 2D with `columns` columns.
std::size_t particleRows(const H5File& file, const std::string& name, int rank)
{
    const Shape shape = file.shape(name);
    if (int(shape.size()) != rank)
        throw FileError(file.path(), name + ": expected a " + std::to_string(rank) + "-D table, found shape " +
                                         shapeText(shape));
    if (file.exists("/particles/z_mu")) {
        const Shape z = file.shape("/particles/z_mu");
        if (!z.empty() && z[0] != shape[0])
            throw FileError(file.path(), name + " has " + std::to_string(shape[0]) + " rows but /particles/z_mu has " +
                                             std::to_string(z[0]));
    }
    return shape[0];
}

double attribute(const H5File& file, const std::string& object, const char* name, double fallback)
{
    return file.hasAttribute(object, name) ? file.numberAttribute(object, name) : fallback;
}

} // namespace

void writePca(H5File& file, const PcaTable& t)
{
    const std::size_t p = std::size_t(t.pca.componentCount()), d = std::size_t(t.pca.dim());
    if (t.projections.size() != t.count * p)
        throw UsageError("writePca: projections are not count × components");
    file.write("/particles/pca", t.projections, {t.count, p});
    file.write("/analysis/pca/components", t.pca.components(), {p, d});
    file.write("/analysis/pca/mean", t.pca.mean(), {d});
    file.write("/analysis/pca/explained_variance", t.pca.explainedVariance(), {p});
}

std::optional<PcaTable> readPca(const H5File& file)
{
    if (!file.exists("/particles/pca"))
        return std::nullopt;
    PcaTable t;
    t.count = particleRows(file, "/particles/pca", 2);
    const std::size_t p = file.shape("/particles/pca")[1];
    const Shape components = file.shape("/analysis/pca/components");
    if (components.size() != 2 || components[0] != p)
        throw FileError(file.path(), "/analysis/pca/components: expected " + std::to_string(p) + " × zdim, found " +
                                         shapeText(components));
    const std::size_t d = components[1];
    if (d == 0 || p == 0)
        throw FileError(file.path(), "/analysis/pca/components: empty (" + shapeText(components) + ")");
    t.projections = file.read<float>("/particles/pca");
    t.pca = LatentPca(readShaped<float>(file, "/analysis/pca/mean", {d}),
                      readShaped<float>(file, "/analysis/pca/components", {p, d}),
                      readShaped<float>(file, "/analysis/pca/explained_variance", {p}));
    return t;
}

void writeUmap(H5File& file, const UmapTable& t)
{
    if (t.coordinates.size() != t.count * 2)
        throw UsageError("writeUmap: coordinates are not count × 2");
    file.write("/particles/umap", t.coordinates, {t.count, 2});
    file.createGroup("/analysis/umap");
    file.setAttribute("/analysis/umap", "n_neighbors", double(t.neighbors));
    file.setAttribute("/analysis/umap", "min_dist", t.minDist);
    file.setAttribute("/analysis/umap", "spread", t.spread);
    file.setAttribute("/analysis/umap", "epochs", double(t.epochs));
    file.setAttribute("/analysis/umap", "seed", double(t.seed));
    file.setAttribute("/analysis/umap", "a", t.a);
    file.setAttribute("/analysis/umap", "b", t.b);
}

std::optional<UmapTable> readUmap(const H5File& file)
{
    if (!file.exists("/particles/umap"))
        return std::nullopt;
    UmapTable t;
    t.count = particleRows(file, "/particles/umap", 2);
    t.coordinates = readShaped<float>(file, "/particles/umap", {t.count, 2});
    if (file.exists("/analysis/umap")) {
        const std::string g = "/analysis/umap";
        t.neighbors = int(attribute(file, g, "n_neighbors", t.neighbors));
        t.minDist = attribute(file, g, "min_dist", t.minDist);
        t.spread = attribute(file, g, "spread", t.spread);
        t.epochs = int(attribute(file, g, "epochs", 0));
        t.seed = std::uint64_t(attribute(file, g, "seed", 0));
        t.a = attribute(file, g, "a", 0);
        t.b = attribute(file, g, "b", 0);
    }
    return t;
}

void writeKMeans(H5File& file, const KMeansTable& t)
{
    const std::size_t k = std::size_t(t.clusters), d = std::size_t(t.zdim);
    if (t.labels.size() != t.count || t.centers.size() != k * d || t.centerParticles.size() != k)
        throw UsageError("writeKMeans: labels, centres or centre particles have the wrong size");
    file.write("/particles/kmeans", t.labels, {t.count});
    file.write("/analysis/kmeans/centers", t.centers, {k, d});
    file.write("/analysis/kmeans/center_particles", t.centerParticles, {k});
    file.setAttribute("/analysis/kmeans", "k", double(t.clusters));
    file.setAttribute("/analysis/kmeans", "seed", double(t.seed));
    file.setAttribute("/analysis/kmeans", "inertia", t.inertia);
}

std::optional<KMeansTable> readKMeans(const H5File& file)
{
    if (!file.exists("/particles/kmeans"))
        return std::nullopt;
    KMeansTable t;
    t.count = particleRows(file, "/particles/kmeans", 1);
    const Shape centers = file.shape("/analysis/kmeans/centers");
    if (centers.size() != 2 || centers[0] == 0)
        throw FileError(file.path(), "/analysis/kmeans/centers: expected K × zdim, found " + shapeText(centers));
    t.clusters = int(centers[0]);
    t.zdim = int(centers[1]);
    t.labels = file.read<std::int32_t>("/particles/kmeans");
    t.centers = file.read<float>("/analysis/kmeans/centers");
    t.centerParticles = readShaped<std::int64_t>(file, "/analysis/kmeans/center_particles", {centers[0]});
    for (std::size_t i = 0; i < t.count; ++i)
        if (t.labels[i] < 0 || t.labels[i] >= t.clusters)
            throw FileError(file.path(), "/particles/kmeans, row " + std::to_string(i) + ": label " +
                                             std::to_string(t.labels[i]) + " outside [0, " +
                                             std::to_string(t.clusters) + ")");
    for (std::size_t c = 0; c < t.centerParticles.size(); ++c)
        if (t.centerParticles[c] < 0 || std::size_t(t.centerParticles[c]) >= t.count)
            throw FileError(file.path(), "/analysis/kmeans/center_particles, row " + std::to_string(c) +
                                             ": particle index " + std::to_string(t.centerParticles[c]) +
                                             " outside the table");
    t.seed = std::uint64_t(attribute(file, "/analysis/kmeans", "seed", 0));
    t.inertia = attribute(file, "/analysis/kmeans", "inertia", 0);
    return t;
}

void updateRunAnalyses(const std::filesystem::path& runFile, const RunAnalysesUpdate& update)
{
    checkRunFile(H5File(runFile, H5File::Mode::ReadOnly));
    const std::filesystem::path part = runFile.string() + ".part";
    std::error_code ec;
    std::filesystem::copy_file(runFile, part, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec)
        throw FileError(part, "cannot write a copy of the run file: " + ec.message());
    try {
        H5File file(part, H5File::Mode::ReadWrite);
        if (update.pca)
            writePca(file, *update.pca);
        if (update.umap)
            writeUmap(file, *update.umap);
        if (update.kmeans)
            writeKMeans(file, *update.kmeans);
        if (update.landscape)
            writeLandscape(file, *update.landscape);
        file.close();
    } catch (...) {
        std::filesystem::remove(part, ec);
        throw;
    }
    std::filesystem::rename(part, runFile, ec);
    if (ec)
        throw FileError(runFile, "cannot replace the run file with its updated copy: " + ec.message());
}

} // namespace cryo
