#include "run/RunFile.h"

#include "util/Error.h"

#include <cmath>
#include <cstdio>

namespace cryo {

namespace {

constexpr const char* kFormat = "cryoscape-run";
constexpr int kVersion = 1;

double required(const H5File& file, const char* name)
{
    if (!file.hasAttribute("/config", name))
        throw FileError(file.path(), std::string("/config has no attribute '") + name + "'");
    return file.numberAttribute("/config", name);
}

std::string plain(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

// A /config number that must be a whole number in [lo, hi] (converting 1e300 to int is
// undefined behaviour, and a decoder 10^9 wide would be allocated before anything failed).
double requiredWhole(const H5File& file, const char* name, double lo, double hi)
{
    const double value = required(file, name);
    if (!(value >= lo && value <= hi) || value != std::floor(value))
        throw FileError(file.path(), std::string("/config: ") + name + " = " + plain(value) +
                                         " is not a whole number from " + plain(lo) + " to " + plain(hi));
    return value;
}

double requiredFinite(const H5File& file, const char* name)
{
    const double value = required(file, name);
    if (!std::isfinite(value))
        throw FileError(file.path(), std::string("/config: ") + name + " is not a finite number");
    return value;
}

std::string requiredString(const H5File& file, const char* name)
{
    if (!file.hasAttribute("/config", name))
        throw FileError(file.path(), std::string("/config has no attribute '") + name + "'");
    return file.stringAttribute("/config", name);
}

} // namespace

void checkRunFile(const H5File& file)
{
    if (!file.hasAttribute("/", "format") || file.stringAttribute("/", "format") != kFormat)
        throw FileError(file.path(), "not a Cryoscape run file (no format = \"cryoscape-run\" attribute)");
    const double version = file.numberAttribute("/", "version");
    if (!(version <= kVersion))
        throw FileError(file.path(), "run file version " + plain(version) +
                                         " is newer than this Cryoscape understands (" +
                                         std::to_string(kVersion) + ")");
}

std::filesystem::path runFilePath(const std::filesystem::path& runDirOrFile)
{
    if (std::filesystem::is_directory(runDirOrFile))
        return runDirOrFile / kRunFileName;
    return runDirOrFile;
}

void writeRunConfig(H5File& file, const RunConfig& c)
{
    file.setAttribute("/", "format", std::string(kFormat));
    file.setAttribute("/", "version", double(kVersion));
    file.createGroup("/config");
    const auto set = [&](const char* name, double value) { file.setAttribute("/config", name, value); };
    const auto setString = [&](const char* name, const std::string& value) {
        file.setAttribute("/config", name, value);
    };
    set("zdim", c.model.zdim);
    set("encoder_width", c.model.encoderWidth);
    set("encoder_layers", c.model.encoderLayers);
    set("decoder_width", c.model.decoderWidth);
    set("decoder_layers", c.model.decoderLayers);
    setString("positional_encoding", c.model.positionalEncoding);
    set("gaussian_sigma", c.model.gaussianSigma);
    set("encoding_seed", double(c.model.encodingSeed));
    setString("encoder_frame", c.model.encoderFrame);
    setString("particles", c.particles.string());
    setString("data_directory", c.dataDirectory.string());
    set("particle_count", double(c.particleCount));
    set("box_size", c.boxSize);
    set("pixel_size", c.pixelSize);
    set("invert_contrast", c.invertContrast ? 1 : 0);
    set("hartley_std", c.hartleyStd);
    set("epochs", c.epochs);
    set("batch_size", c.batchSize);
    set("learning_rate", c.learningRate);
    set("beta", c.effectiveBeta());
    set("seed", double(c.seed));
    setString("precision", c.precision);
    // Written only when set, so runs from before these existed read back unchanged.
    const auto setPath = [&](const char* name, const std::filesystem::path& value) {
        if (!value.empty())
            setString(name, value.string());
    };
    setPath("poses_file", c.posesFile);
    setPath("ctf_file", c.ctfFile);
    setPath("particle_indices", c.particleIndices);
    setPath("cryodrgn_weights", c.cryodrgnWeights);
    setPath("cryodrgn_config", c.cryodrgnConfig);
    if (c.importedFromCryodrgn())
        set("cryodrgn_epoch", c.cryodrgnEpoch);
}

RunConfig readRunConfig(const H5File& file)
{
    checkRunFile(file);
    const double kMaxSeed = std::nextafter(0x1p64, 0.0);   // the largest double below 2^64
    RunConfig c;
    c.model.zdim = int(requiredWhole(file, "zdim", 0, 1024));
    c.model.encoderWidth = int(requiredWhole(file, "encoder_width", 0, 8192));
    c.model.encoderLayers = int(requiredWhole(file, "encoder_layers", 0, 100));
    c.model.decoderWidth = int(requiredWhole(file, "decoder_width", 1, 8192));
    c.model.decoderLayers = int(requiredWhole(file, "decoder_layers", 0, 100));
    c.model.positionalEncoding = requiredString(file, "positional_encoding");
    c.model.gaussianSigma = requiredFinite(file, "gaussian_sigma");
    c.model.encodingSeed = std::uint64_t(requiredWhole(file, "encoding_seed", 0, kMaxSeed));
    c.model.encoderFrame = file.hasAttribute("/config", "encoder_frame") ? requiredString(file, "encoder_frame")
                                                                         : "image";   // runs from before it existed
    if (!ModelArchitecture::knownEncoderFrame(c.model.encoderFrame))
        throw FileError(file.path(), "/config: encoder_frame = \"" + c.model.encoderFrame +
                                         "\" is neither canonical nor image");
    c.particles = requiredString(file, "particles");
    c.dataDirectory = requiredString(file, "data_directory");
    c.particleCount = std::size_t(requiredWhole(file, "particle_count", 0, 1e12));
    c.boxSize = int(requiredWhole(file, "box_size", 2, 16384));
    c.pixelSize = requiredFinite(file, "pixel_size");
    c.invertContrast = required(file, "invert_contrast") != 0;
    c.hartleyStd = requiredFinite(file, "hartley_std");
    c.epochs = int(requiredWhole(file, "epochs", 0, 1e9));
    c.batchSize = int(requiredWhole(file, "batch_size", 1, 1e9));
    c.learningRate = requiredFinite(file, "learning_rate");
    c.beta = requiredFinite(file, "beta");
    c.seed = std::uint64_t(requiredWhole(file, "seed", 0, kMaxSeed));
    c.precision = requiredString(file, "precision");
    const auto optionalPath = [&](const char* name) {
        return std::filesystem::path(file.hasAttribute("/config", name) ? file.stringAttribute("/config", name) : "");
    };
    c.posesFile = optionalPath("poses_file");
    c.ctfFile = optionalPath("ctf_file");
    c.particleIndices = optionalPath("particle_indices");
    c.cryodrgnWeights = optionalPath("cryodrgn_weights");
    c.cryodrgnConfig = optionalPath("cryodrgn_config");
    if (file.hasAttribute("/config", "cryodrgn_epoch"))
        c.cryodrgnEpoch = int(requiredWhole(file, "cryodrgn_epoch", -1, 1e9));
    if (c.boxSize % 2 || c.pixelSize <= 0)
        throw FileError(file.path(), "/config: box_size must be even and pixel_size positive (box_size " +
                                         std::to_string(c.boxSize) + ", pixel_size " + std::to_string(c.pixelSize) +
                                         ")");
    return c;
}

void writeHistory(H5File& file, const std::vector<EpochRecord>& history)
{
    const std::size_t n = history.size();
    std::vector<std::int32_t> epoch(n);
    std::vector<double> loss(n), mse(n), kld(n), seconds(n), rate(n);
    for (std::size_t i = 0; i < n; ++i) {
        epoch[i] = history[i].epoch;
        loss[i] = history[i].loss;
        mse[i] = history[i].mse;
        kld[i] = history[i].kld;
        seconds[i] = history[i].seconds;
        rate[i] = history[i].imagesPerSecond;
    }
    file.write("/history/epoch", epoch, {n});
    file.write("/history/loss", loss, {n});
    file.write("/history/mse", mse, {n});
    file.write("/history/kld", kld, {n});
    file.write("/history/seconds", seconds, {n});
    file.write("/history/images_per_second", rate, {n});
}

std::vector<EpochRecord> readHistory(const H5File& file)
{
    if (!file.exists("/history/epoch"))
        return {};
    const auto epoch = file.read<std::int32_t>("/history/epoch");
    const auto loss = file.read<double>("/history/loss");
    const auto mse = file.read<double>("/history/mse");
    const auto kld = file.read<double>("/history/kld");
    const auto seconds = file.read<double>("/history/seconds");
    const auto rate = file.read<double>("/history/images_per_second");
    const std::size_t n = epoch.size();
    if (loss.size() != n || mse.size() != n || kld.size() != n || seconds.size() != n || rate.size() != n)
        throw FileError(file.path(), "/history: columns have different lengths");
    std::vector<EpochRecord> history(n);
    for (std::size_t i = 0; i < n; ++i)
        history[i] = {epoch[i], loss[i], mse[i], kld[i], seconds[i], rate[i]};
    return history;
}

void writeLatents(H5File& file, const LatentTable& latents)
{
    const std::vector<std::size_t> shape{latents.count, std::size_t(latents.zdim)};
    file.write("/particles/z_mu", latents.mu, shape);
    file.write("/particles/z_logvar", latents.logvar, shape);
}

void writePoses(H5File& file, const PoseTable& poses)
{
    file.write("/particles/rotations", poses.rotations, {poses.count, 3, 3});
    file.write("/particles/shifts", poses.shifts, {poses.count, 2});
}

PoseTable readPoses(const H5File& file)
{
    if (!file.exists("/particles/rotations") || !file.exists("/particles/shifts"))
        throw FileError(file.path(), "no poses (/particles/rotations, /particles/shifts): not an ab initio run");
    PoseTable table;
    std::vector<std::size_t> rotationShape, shiftShape;
    table.rotations = file.read<float>("/particles/rotations", &rotationShape);
    table.shifts = file.read<float>("/particles/shifts", &shiftShape);
    if (rotationShape.size() != 3 || rotationShape[1] != 3 || rotationShape[2] != 3 || shiftShape.size() != 2 ||
        shiftShape[1] != 2 || shiftShape[0] != rotationShape[0])
        throw FileError(file.path(), "/particles/rotations must be N × 3 × 3 and /particles/shifts N × 2");
    table.count = rotationShape[0];
    return table;
}

LatentTable readLatents(const H5File& file)
{
    if (!file.exists("/particles/z_mu"))
        throw FileError(file.path(), "no latent coordinates (/particles/z_mu): a homogeneous run, or "
                                     "training has not finished an epoch yet");
    LatentTable table;
    std::vector<std::size_t> shape;
    table.mu = file.read<float>("/particles/z_mu", &shape);
    if (shape.size() != 2)
        throw FileError(file.path(), "/particles/z_mu is not an N × zdim table");
    table.count = shape[0];
    table.zdim = int(shape[1]);
    if (file.exists("/particles/z_logvar")) {
        table.logvar = file.read<float>("/particles/z_logvar", &shape);
        if (table.logvar.size() != table.mu.size())
            throw FileError(file.path(), "/particles/z_logvar and /particles/z_mu differ in shape");
    }
    return table;
}

} // namespace cryo
