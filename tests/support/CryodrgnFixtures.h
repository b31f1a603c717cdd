#pragma once
// cryoDRGN files for tests: paths of the shared fixtures (checkpoints, configs and the maps
// cryoDRGN's own eval_vol decodes from them), a minimal ZIP writer for crafted torch.save
// archives, and a cryoDRGN output directory assembled from the fixtures (config.yaml,
// weights.N.pkl, z.N.pkl written the way train_vae writes it).
#include "formats/AtomicFile.h"
#include "formats/PickleFile.h"
#include "formats/ZipArchive.h"
#include "io/Volume.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace cryodrgn_fixtures {

namespace fs = std::filesystem;

inline const fs::path kExternal = CRYOSCAPE_FIXTURES_DIR;                        // ../shared/fixtures/external
inline const fs::path kEval = fs::path(CRYOSCAPE_FIXTURES_DIR).parent_path() / "cryodrgn-eval";

// Row 0 of zvals_het-8_4k.pkl: the z of vol.mrc, vol_flip.mrc, vol_inv_apix.mrc, vol_d32.mrc.
inline std::vector<float> hetZ0()
{
    const cryo::PickledArray z = cryo::readPickledArray(kExternal / "zvals_het-8_4k.pkl");
    const std::vector<float> all = z.toFloats();
    return {all.begin(), all.begin() + 8};
}
// The z of f.mrc and f_d16.mrc.
inline std::vector<float> fourierZ() { return {0.3f, -1.2f, 0.7f, 2.0f}; }

// A ZIP of stored entries (what torch.save writes), built in memory.
inline std::string zipOf(const std::vector<std::pair<std::string, std::string>>& entries)
{
    std::string out, directory;
    const auto put = [](std::string& s, std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            s += char((v >> (8 * i)) & 0xFF);
    };
    for (const auto& [name, data] : entries) {
        const std::size_t offset = out.size();
        put(out, 0x04034b50, 4);
        put(out, 20, 2), put(out, 0, 2), put(out, 0, 2), put(out, 0, 4), put(out, 0, 4);
        put(out, data.size(), 4), put(out, data.size(), 4), put(out, name.size(), 2), put(out, 0, 2);
        out += name + data;
        put(directory, 0x02014b50, 4);
        put(directory, 20, 2), put(directory, 20, 2), put(directory, 0, 2), put(directory, 0, 2), put(directory, 0, 4);
        put(directory, 0, 4), put(directory, data.size(), 4), put(directory, data.size(), 4);
        put(directory, name.size(), 2), put(directory, 0, 2), put(directory, 0, 2), put(directory, 0, 2);
        put(directory, 0, 2), put(directory, 0, 4), put(directory, offset, 4);
        directory += name;
    }
    const std::size_t start = out.size();
    out += directory;
    put(out, 0x06054b50, 4);
    put(out, 0, 2), put(out, 0, 2), put(out, entries.size(), 2), put(out, entries.size(), 2);
    put(out, directory.size(), 4), put(out, start, 4), put(out, 0, 2);
    return out;
}

inline void writeFile(const fs::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

// A float32 N × columns array pickled as NumPy does.
inline std::string pickledFloats(const std::vector<float>& values, std::int64_t rows, std::int64_t columns)
{
    cryo::PickledArray a;
    cryo::parseNpyDtype("<f4", a.dtype);
    a.shape = {rows, columns};
    a.bytes.assign(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
    return cryo::pickledArray(a);
}

// A cryoDRGN output directory at `dir` made from the het fixture (hartley, gaussian, zdim 8,
// box 64): config.yaml (its `particles:` line replaced when `particles` is given),
// weights.<epoch>.pkl and z.<epoch>.pkl with the first `count` rows of zvals_het-8_4k.pkl as
// z_mu and −z/4 as z_logvar. Returns the z_mu written (count × 8).
inline std::vector<float> makeHetRun(const fs::path& dir, int epoch, std::size_t count, const fs::path& particles = {})
{
    fs::create_directories(dir);
    std::string config = cryo::readWholeFile(kExternal / "het_config.yaml");
    if (!particles.empty()) {
        const std::size_t at = config.find("particles: ");
        config.replace(at, config.find('\n', at) - at, "particles: " + particles.string());
    }
    writeFile(dir / "config.yaml", config);
    fs::copy_file(kExternal / "het_weights.pkl", dir / ("weights." + std::to_string(epoch) + ".pkl"),
                  fs::copy_options::overwrite_existing);
    const std::vector<float> all = cryo::readPickledArray(kExternal / "zvals_het-8_4k.pkl").toFloats();
    std::vector<float> mu(all.begin(), all.begin() + std::ptrdiff_t(count * 8)), logvar(mu.size());
    for (std::size_t i = 0; i < mu.size(); ++i)
        logvar[i] = -mu[i] / 4;
    writeFile(dir / ("z." + std::to_string(epoch) + ".pkl"),
              pickledFloats(mu, std::int64_t(count), 8) + pickledFloats(logvar, std::int64_t(count), 8));
    return mu;
}

// max |ours · scale − ref| / max |ref| (infinite when the shapes differ): how close a decoded map
// comes to the one cryoDRGN wrote.
inline double relativeMapError(const cryo::Volume& ours, const cryo::Volume& ref, double scale = 1)
{
    if (ours.nx != ref.nx || ours.ny != ref.ny || ours.nz != ref.nz)
        return INFINITY;
    double worst = 0, peak = 0;
    for (std::size_t i = 0; i < ref.data.size(); ++i) {
        worst = std::max(worst, std::abs(ours.data[i] * scale - ref.data[i]));
        peak = std::max(peak, double(std::abs(ref.data[i])));
    }
    return worst / peak;
}

} // namespace cryodrgn_fixtures
