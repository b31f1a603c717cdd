#include "cryodrgn/CryodrgnFiles.h"

#include "formats/AtomicFile.h"
#include "particles/CryodrgnPickles.h"
#include "particles/ParticleDataset.h"
#include "util/Error.h"

#include <sstream>

namespace cryo {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRemembered = "particles.txt";   // lines "particles=PATH", "datadir=PATH"

fs::path existing(const fs::path& p)
{
    std::error_code ec;
    return !p.empty() && fs::exists(p, ec) ? fs::absolute(p).lexically_normal() : fs::path();
}

// The written path, then relative to the run and its parent, then its name in `places`.
fs::path locate(const fs::path& written, const CryodrgnRun& run, const std::vector<fs::path>& places)
{
    if (written.empty())
        return {};
    if (written.is_absolute())
        if (fs::path p = existing(written); !p.empty())
            return p;
    if (written.is_relative())
        for (const fs::path& base : {run.directory, run.directory.parent_path()})
            if (fs::path p = existing(base / written); !p.empty())
                return p;
    for (const fs::path& place : places)
        if (fs::path p = existing(place / written.filename()); !p.empty())
            return p;
    return {};
}

struct Remembered {
    fs::path particles, dataDirectory;
};

Remembered readRemembered(const fs::path& folder)
{
    Remembered r;
    std::error_code ec;
    if (!fs::is_regular_file(folder / kRemembered, ec))
        return r;
    std::istringstream in(readWholeFile(folder / kRemembered));
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("particles=", 0) == 0)
            r.particles = line.substr(10);
        else if (line.rfind("datadir=", 0) == 0)
            r.dataDirectory = line.substr(8);
    }
    return r;
}

void remember(const fs::path& folder, const Remembered& r)
{
    fs::create_directories(folder);
    writeFileAtomically(folder / kRemembered, "particles=" + r.particles.string() + "\ndatadir=" + r.dataDirectory.string() + "\n");
}

} // namespace

double cryodrgnPixelSize(const CryodrgnRun& run, const CryodrgnFiles& files, const CryodrgnImportOptions& options,
                         std::vector<std::string>& notes)
{
    const int box = run.config.boxSize();
    if (options.pixelSize > 0)
        return options.pixelSize;
    try {
        if (files.ctf.extension() == ".pkl") {
            const CryodrgnCtfTable ctf = readCryodrgnCtf(files.ctf);
            if (!ctf.pixelSizes.empty())
                return ctf.pixelSizes[0] * ctf.imageSizes[0] / box;   // ctf.pkl may describe the full-size images
        }
        if (!files.particles.empty()) {
            ParticleDatasetOptions o;
            o.requireImages = false;
            o.dataDirectory = files.dataDirectory;
            const ParticleDataset dataset = ParticleDataset::open(files.particles, o);
            return dataset.pixelSize() * dataset.boxSize() / box;
        }
    } catch (const std::exception& e) {
        notes.push_back(std::string("pixel size not read: ") + e.what());
    }
    notes.push_back("pixel size unknown (no ctf.pkl or particle file found): maps are written at 1 Å/px until "
                    "the particle file is located (eval-vol also takes --apix)");
    return 1;
}

CryodrgnFiles locateCryodrgnFiles(const CryodrgnRun& run, const fs::path& folder, const CryodrgnImportOptions& options,
                                  std::vector<std::string>& notes)
{
    const CryodrgnConfig& c = run.config;
    Remembered chosen = readRemembered(folder);
    if (!options.particles.empty()) {
        if (existing(options.particles).empty())
            throw FileError(options.particles, "file not found");
        chosen = {existing(options.particles), existing(options.dataDirectory)};
        remember(folder, chosen);
    }
    CryodrgnFiles files;
    const std::vector<fs::path> places = {run.directory, run.directory.parent_path()};
    files.particles = existing(chosen.particles);
    if (files.particles.empty())
        files.particles = locate(c.particles, run, places);
    files.dataDirectory = existing(chosen.dataDirectory);
    if (files.dataDirectory.empty())
        files.dataDirectory = locate(c.dataDirectory, run, places);
    std::vector<fs::path> beside = places;
    if (!files.particles.empty())
        beside.push_back(files.particles.parent_path());
    files.poses = locate(c.poses, run, beside);
    files.ctf = locate(c.ctf, run, beside);
    files.indices = locate(c.indices, run, beside);

    if (files.particles.empty())
        notes.push_back("particle file not found (the config names " + c.particles.string() +
                        "): the latent space and maps work; montage, colouring by CTF/pose and particle export "
                        "need it (File → Locate Particles…, or --particles on the command line)");
    for (const auto& [written, found, what] : {std::tuple{c.poses, files.poses, "poses"}, std::tuple{c.ctf, files.ctf, "CTF"}})
        if (!written.empty() && found.empty())
            notes.push_back(std::string(what) + " file not found: " + written.string());
    if (!c.indices.empty() && files.indices.empty() && !files.particles.empty()) {
        notes.push_back("the run was trained on the subset " + c.indices.string() + ", which is not found: without it "
                        "the particles of " + files.particles.string() + " cannot be matched to z");
        files.particles.clear();
    }
    return files;
}

} // namespace cryo
