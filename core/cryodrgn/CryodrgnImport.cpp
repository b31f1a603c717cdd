#include "cryodrgn/CryodrgnImport.h"

#include "cryodrgn/CryodrgnFiles.h"
#include "cryodrgn/CryodrgnLatents.h"
#include "formats/AtomicFile.h"
#include "io/H5File.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"
#include "util/Error.h"

#include <unistd.h>

#include <functional>

namespace cryo {

namespace fs = std::filesystem;

namespace {

constexpr const char* kImportGroup = "/import";   // run.h5: where the run came from, to tell when it is stale

// Size and modification time: enough to see that cryoDRGN rewrote a file.
std::string stamp(const fs::path& file)
{
    if (file.empty())
        return "";
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    const auto time = fs::last_write_time(file, ec).time_since_epoch().count();
    return ec ? "" : std::to_string(size) + "@" + std::to_string(time);
}

// The config is named by its absolute path with its stamp: an import recorded under another
// path (or before the config was edited) is made again.
struct SourceStamp {
    std::string weights, latents, particles, config;
    bool operator==(const SourceStamp&) const = default;
};

SourceStamp stampOf(const CryodrgnRun& run, const CryodrgnEpoch& epoch, const fs::path& particles)
{
    return {stamp(epoch.weights), stamp(epoch.latents), particles.string(),
            run.config.file.string() + " " + stamp(run.config.file)};
}

bool isCurrent(const fs::path& runFile, const SourceStamp& source)
{
    if (!fs::is_regular_file(runFile))
        return false;
    try {
        const H5File file(runFile, H5File::Mode::ReadOnly);
        checkRunFile(file);
        const auto attribute = [&](const char* name) {
            return file.hasAttribute(kImportGroup, name) ? file.stringAttribute(kImportGroup, name) : std::string("?");
        };
        return SourceStamp{attribute("weights"), attribute("latents"), attribute("particles"), attribute("config")}
               == source;
    } catch (const std::exception&) {
        return false;   // unreadable: import again
    }
}

RunConfig runConfigOf(const CryodrgnRun& run, const CryodrgnEpoch& epoch, const CryodrgnFiles& files, double pixelSize,
                      std::size_t count)
{
    const CryodrgnConfig& c = run.config;
    RunConfig config;
    config.model.zdim = c.zdim;
    config.model.encoderWidth = c.encoderWidth;
    config.model.encoderLayers = c.encoderLayers;
    config.model.decoderWidth = c.decoderWidth;
    config.model.decoderLayers = c.decoderLayers;
    config.model.positionalEncoding = c.encoding;
    config.model.encoderFrame = "image";
    config.particles = files.particles;
    config.dataDirectory = files.dataDirectory;
    config.posesFile = files.poses;
    config.ctfFile = files.ctf;
    config.particleIndices = files.indices;
    config.particleCount = count;
    config.boxSize = c.boxSize();
    config.pixelSize = pixelSize;
    config.invertContrast = c.invertData;
    config.hartleyStd = c.norm[1];
    config.epochs = epoch.number;
    config.cryodrgnWeights = epoch.weights;
    config.cryodrgnConfig = c.file;
    config.cryodrgnEpoch = epoch.number;
    return config;
}

void writeImport(const fs::path& runFile, const CryodrgnImport& import, const RunConfig& config,
                 const CryodrgnLatents& latents, const SourceStamp& source)
{
    fs::create_directories(runFile.parent_path());
    H5File file(runFile, H5File::Mode::CreateAtomic);
    writeRunConfig(file, config);
    file.createGroup(kImportGroup);
    file.setAttribute(kImportGroup, "source", std::string("cryodrgn"));
    file.setAttribute(kImportGroup, "directory", import.run.directory.string());
    file.setAttribute(kImportGroup, "version", import.run.config.version);
    file.setAttribute(kImportGroup, "weights", source.weights);
    file.setAttribute(kImportGroup, "latents", source.latents);
    file.setAttribute(kImportGroup, "particles", source.particles);
    file.setAttribute(kImportGroup, "config", source.config);
    if (latents.table.count > 0) {
        writeLatents(file, latents.table);
        writePca(file, latents.pca);
        if (latents.umap)
            writeUmap(file, *latents.umap);
        if (latents.kmeans)
            writeKMeans(file, *latents.kmeans);
    }
    file.close();
}

// A folder we may write into. Root passes access() everywhere, so a folder whose mode grants
// nobody write permission (a shared, read-only results folder) counts as read-only for root too.
bool writableFolder(const fs::path& folder)
{
    std::error_code ec;
    const fs::perms p = fs::status(folder, ec).permissions();
    const fs::perms write = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
    return !ec && ::access(folder.c_str(), W_OK) == 0 && (p & write) != fs::perms::none;
}

fs::path dataHome()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return xdg;
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / ".local" / "share";
}

} // namespace

fs::path cryoscapeFolderFor(const fs::path& cryodrgnDirectory)
{
    const fs::path directory = fs::absolute(cryodrgnDirectory).lexically_normal();
    const fs::path beside = directory / "cryoscape";
    if (writableFolder(fs::is_directory(beside) ? beside : directory))
        return beside;
    char hash[20];
    std::snprintf(hash, sizeof hash, "%016zx", std::hash<std::string>{}(directory.string()));
    return dataHome() / "cryoscape" / "cryodrgn-runs" / (directory.filename().string() + "-" + hash);
}

CryodrgnImport importCryodrgnRun(const fs::path& directory, const CryodrgnImportOptions& options)
{
    CryodrgnImport import;
    import.run = openCryodrgnRun(directory);
    import.epoch = import.run.epoch(options.epoch);
    const fs::path folder = cryoscapeFolderFor(import.run.directory);
    if (folder.parent_path() != import.run.directory)
        import.notes.push_back(import.run.directory.string() + " is read-only: Cryoscape keeps its files for this run in " +
                               folder.string());
    import.runDirectory = folder / ("epoch_" + std::to_string(import.epoch.number));
    const fs::path runFile = import.runDirectory / kRunFileName;

    const CryodrgnFiles files = locateCryodrgnFiles(import.run, folder, options, import.notes);
    const SourceStamp source = stampOf(import.run, import.epoch, files.particles);
    if (!options.reimport && isCurrent(runFile, source)) {
        import.reused = true;
        return import;
    }
    const CryodrgnLatents latents = readCryodrgnLatents(import.run, import.epoch, import.notes);
    const double pixelSize = cryodrgnPixelSize(import.run, files, options, import.notes);
    writeImport(runFile, import, runConfigOf(import.run, import.epoch, files, pixelSize, latents.table.count), latents, source);
    return import;
}

fs::path resolveRunDirectory(const fs::path& path, std::optional<int> epoch)
{
    if (!isCryodrgnRunDirectory(path)) {
        if (epoch)
            throw UsageError("--epoch applies to cryoDRGN run directories; " + path.string() + " is not one");
        return path;
    }
    CryodrgnImportOptions options;
    options.epoch = epoch;
    return importCryodrgnRun(path, options).runDirectory;
}

} // namespace cryo
