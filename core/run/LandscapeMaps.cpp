#include "run/LandscapeMaps.h"

#include "io/MapSeries.h"
#include "io/MrcFile.h"
#include "util/Error.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace cryo {
namespace {

std::filesystem::path clusterPath(const std::filesystem::path& dir, int m)
{
    char name[32];
    std::snprintf(name, sizeof name, "cluster_%02d.mrc", m);
    return dir / name;
}

std::filesystem::path eigenPath(const std::filesystem::path& dir, int component)
{
    return dir / ("eigenvolume_" + std::to_string(component + 1) + ".mrc");
}

void requireSameSize(const Volume& v, const Volume& like, const std::filesystem::path& path)
{
    if (v.nx != like.nx || v.ny != like.ny || v.nz != like.nz)
        throw FileError(path, "is " + std::to_string(v.nx) + "×" + std::to_string(v.ny) + "×" + std::to_string(v.nz) +
                                  " voxels, the landscape's mean map " + std::to_string(like.nx) + "×" +
                                  std::to_string(like.ny) + "×" + std::to_string(like.nz));
}

} // namespace

Volume LandscapeMaps::alongPc(int component, double coordinate) const
{
    if (component < 0 || component >= int(eigenvolumes.size()))
        throw UsageError("landscape: volume PC " + std::to_string(component + 1) + " is not stored");
    Volume v = mean;
    const std::vector<float>& e = eigenvolumes[std::size_t(component)].data;
    for (std::size_t i = 0; i < v.data.size() && i < e.size(); ++i)
        v.data[i] += float(coordinate) * e[i];
    return v;
}

LandscapeMaps landscapeMaps(const LandscapeResult& result)
{
    LandscapeMaps maps;
    maps.clusterMeans = result.clusterMeans;
    maps.mean = result.meanVolume;
    for (int c = 0; c < std::min(3, result.pca.componentCount()); ++c)
        maps.eigenvolumes.push_back(result.eigenvolume(c));
    return maps;
}

std::filesystem::path landscapeMapsDir(const std::filesystem::path& runDir) { return runDir / "landscape"; }

void writeLandscapeMaps(const std::filesystem::path& runDir, const LandscapeMaps& maps)
{
    const std::filesystem::path dir = landscapeMapsDir(runDir);
    std::filesystem::path part = dir;
    part += ".part";
    std::error_code ec;
    std::filesystem::remove_all(part, ec);
    std::filesystem::create_directories(part, ec);
    if (ec)
        throw FileError(part, "cannot create the folder: " + ec.message());
    for (std::size_t m = 0; m < maps.clusterMeans.size(); ++m)
        writeMrc(clusterPath(part, int(m)), maps.clusterMeans[m]);
    writeMrc(part / "mean.mrc", maps.mean);
    for (std::size_t c = 0; c < maps.eigenvolumes.size(); ++c)
        writeMrc(eigenPath(part, int(c)), maps.eigenvolumes[c]);
    std::filesystem::remove_all(dir, ec);
    if (ec)
        throw FileError(dir, "cannot replace the folder: " + ec.message());
    std::filesystem::rename(part, dir, ec);
    if (ec)
        throw FileError(dir, "cannot rename " + part.filename().string() + " onto it: " + ec.message());
}

std::optional<LandscapeMaps> readLandscapeMaps(const std::filesystem::path& runDir, int clusters)
{
    const std::filesystem::path dir = landscapeMapsDir(runDir);
    if (!std::filesystem::is_directory(dir))
        return std::nullopt;
    LandscapeMaps maps;
    if (!std::filesystem::exists(dir / "mean.mrc"))
        throw FileError(dir / "mean.mrc", "missing (the landscape maps folder is incomplete)");
    maps.mean = readMrc(dir / "mean.mrc");
    for (int m = 0; m < clusters; ++m) {
        const auto path = clusterPath(dir, m);
        if (!std::filesystem::exists(path))
            throw FileError(path, "missing: run.h5 has " + std::to_string(clusters) +
                                      " landscape clusters (the maps are from another analysis?)");
        maps.clusterMeans.push_back(readMrc(path));
        requireSameSize(maps.clusterMeans.back(), maps.mean, path);
    }
    if (std::filesystem::exists(clusterPath(dir, clusters)))
        throw FileError(clusterPath(dir, clusters), "one cluster map too many: run.h5 has " +
                                                        std::to_string(clusters) + " landscape clusters");
    for (int c = 0; c < 3 && std::filesystem::exists(eigenPath(dir, c)); ++c) {
        maps.eigenvolumes.push_back(readMrc(eigenPath(dir, c)));
        requireSameSize(maps.eigenvolumes.back(), maps.mean, eigenPath(dir, c));
    }
    return maps;
}

} // namespace cryo
