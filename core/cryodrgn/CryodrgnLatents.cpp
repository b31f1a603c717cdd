#include "cryodrgn/CryodrgnLatents.h"

#include "formats/AtomicFile.h"
#include "formats/PickleFile.h"
#include "util/Error.h"

#include <algorithm>
#include <regex>
#include <sstream>

namespace cryo {

namespace fs = std::filesystem;

namespace {

// An N × columns float array from a pickle value (float32 or float64).
std::vector<float> floatTable(const PickleValue& v, const fs::path& file, const char* what, std::size_t& rows, int columns)
{
    if (!v.isArray() || !v.array->isFloat() || v.array->shape.size() != 2 || v.array->shape[1] != columns)
        throw FileError(file, std::string(what) + " should be an N × " + std::to_string(columns) + " float array, found " +
                                  v.kindName());
    rows = std::size_t(v.array->shape[0]);
    return v.array->toFloats();
}

std::vector<double> numbersInText(const fs::path& file)
{
    std::istringstream in(readWholeFile(file));
    std::vector<double> out;
    for (std::string token; in >> token;) {
        char* end = nullptr;
        const double value = std::strtod(token.c_str(), &end);
        if (end != token.c_str() + token.size())
            throw FileError(file, "'" + token + "' is not a number");
        out.push_back(value);
    }
    return out;
}

std::optional<UmapTable> readUmap(const fs::path& file, std::size_t count, std::vector<std::string>& notes)
{
    if (!fs::is_regular_file(file))
        return std::nullopt;
    UmapTable umap;
    std::size_t rows = 0;
    umap.coordinates = floatTable(readPickle(file), file, "umap.pkl", rows, 2);
    if (rows != count) {
        notes.push_back(file.string() + " has " + std::to_string(rows) + " rows, z " + std::to_string(count) + ": not used");
        return std::nullopt;
    }
    umap.count = count;
    return umap;
}

// analyze.N/kmeansK with the smallest K (cryoDRGN's default is 20).
std::optional<KMeansTable> readKMeans(const fs::path& analysis, const LatentTable& z, std::vector<std::string>& notes)
{
    static const std::regex name("kmeans([0-9]{1,6})");
    int k = 0;
    for (const fs::directory_entry& e : fs::directory_iterator(analysis)) {
        std::smatch m;
        const std::string folder = e.path().filename().string();
        if (e.is_directory() && std::regex_match(folder, m, name) && (k == 0 || std::stoi(m[1]) < k))
            k = std::stoi(m[1]);
    }
    const fs::path dir = analysis / ("kmeans" + std::to_string(k));
    if (k == 0 || !fs::is_regular_file(dir / "labels.pkl") || !fs::is_regular_file(dir / "centers.txt"))
        return std::nullopt;
    KMeansTable t;
    t.count = z.count;
    t.clusters = k;
    t.zdim = z.zdim;
    const std::vector<std::int64_t> labels = readPickledArray(dir / "labels.pkl").toInt64s();
    const std::vector<double> centers = numbersInText(dir / "centers.txt");
    std::vector<double> rows = fs::is_regular_file(dir / "centers_ind.txt") ? numbersInText(dir / "centers_ind.txt") : std::vector<double>{};
    if (labels.size() != z.count || centers.size() != std::size_t(k) * std::size_t(z.zdim) || (!rows.empty() && rows.size() != std::size_t(k)) ||
        std::any_of(labels.begin(), labels.end(), [&](std::int64_t l) { return l < 0 || l >= k; }) ||
        std::any_of(rows.begin(), rows.end(), [&](double r) { return r < 0 || r >= double(z.count); })) {
        notes.push_back(dir.string() + " does not match z (" + std::to_string(z.count) + " particles, zdim " +
                        std::to_string(z.zdim) + "): not used");
        return std::nullopt;
    }
    t.labels.assign(labels.begin(), labels.end());
    t.centers.assign(centers.begin(), centers.end());
    for (double r : rows)
        t.centerParticles.push_back(std::int64_t(r));
    for (std::size_t i = 0; i < z.count; ++i)   // the within-cluster sum of squares, as our k-means reports it
        for (int d = 0; d < z.zdim; ++d) {
            const double diff = z.mu[i * std::size_t(z.zdim) + std::size_t(d)] - t.centers[std::size_t(t.labels[i]) * std::size_t(z.zdim) + std::size_t(d)];
            t.inertia += diff * diff;
        }
    return t;
}

} // namespace

CryodrgnLatents readCryodrgnLatents(const CryodrgnRun& run, const CryodrgnEpoch& epoch, std::vector<std::string>& notes)
{
    CryodrgnLatents out;
    if (epoch.latents.empty())
        return out;   // train_nn: one map, no latent space
    const std::vector<PickleValue> values = readPickles(epoch.latents);
    LatentTable& z = out.table;
    z.zdim = run.config.zdim;
    z.mu = floatTable(values[0], epoch.latents, "z_mu", z.count, z.zdim);
    std::size_t rows = 0;
    if (values.size() > 1)
        z.logvar = floatTable(values[1], epoch.latents, "z_logvar", rows, z.zdim);
    if (rows != z.count) {   // train_dec and the 4.x abinit write z alone
        z.logvar.assign(z.mu.size(), 0.0f);
        if (run.config.model == CryodrgnModel::Vae)
            notes.push_back(epoch.latents.string() + " has no z_logvar matching z_mu: variances are not shown");
    }
    if (z.count >= 2) {
        out.pca.count = z.count;
        out.pca.pca = LatentPca::fit(z.mu.data(), z.count, z.zdim, 0);
        out.pca.projections = out.pca.pca.project(z.mu.data(), z.count);
    }
    if (const fs::path analysis = run.analysisDirectory(epoch); !analysis.empty()) {
        try {
            out.umap = readUmap(analysis / "umap.pkl", z.count, notes);
            out.kmeans = readKMeans(analysis, z, notes);
        } catch (const FileError& e) {
            notes.push_back(std::string("cryodrgn analyze results not used: ") + e.what());
        }
    }
    return out;
}

} // namespace cryo
