// cryoscape movie RUN (--pc N | --path FILE | --turn) --out file.mp4|file.gif [--frames 60]
//   [--size 800x600] [--fps 24] [--background white|black|#rrggbb] [--color C]
//   [--level auto|constant-volume|VALUE] [--preview] [--keyframe-step K] [--z "v1,v2,…"]
//   [--path-kind auto|z|particles]
// Renders maps of a trained run offscreen at a fixed camera (framing the first map's box)
// and encodes them: along PC N of z (5th–95th percentile), along a path of z rows or
// particle indices, or one map (mean z, or --z) turned 360° about the vertical axis.
// Maps are decoded on a worker thread while the main thread renders and encodes.
#include "cli/CliCommand.h"
#include "cli/CliOptions.h"
#include "tasks/MovieDecoder.h"
#include "cli/MoviePath.h"
#include "cli/ProgressPrinter.h"

#include "MovieEncoder.h"
#include "MovieRenderer.h"
#include "analysis/Trajectory.h"
#include "model/VolumeGenerator.h"
#include "run/RunFile.h"
#include "util/Error.h"

#include <QColor>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

enum class Source { Pc, Path, Turn };

struct MovieRequest {
    std::filesystem::path run, out, pathFile;
    Source source = Source::Pc;
    int pc = 1, frames = 60, threads = 0, keyframeStep = 1;
    PathKind pathKind = PathKind::Auto;
    std::optional<std::vector<float>> z;   // --z for --turn
    bool preview = false;
    double fps = 24.0;
    cryo::MovieStyle style;
};

cryo::RgbColor colorOption(const QString& name, const QString& text)
{
    const QColor color = QColor::fromString(text);
    if (!color.isValid())
        throw cryo::UsageError(tr("--%1 needs a colour name or #rrggbb, got '%2'").arg(name, text).toStdString());
    return {color.redF(), color.greenF(), color.blueF()};
}

void sizeOption(const QCommandLineParser& parser, cryo::MovieStyle& style)
{
    if (!parser.isSet("size"))
        return;
    const QStringList parts = parser.value("size").toLower().split(QLatin1Char('x'));
    bool okWidth = false, okHeight = false;
    if (parts.size() == 2) {
        style.width = parts[0].toInt(&okWidth);
        style.height = parts[1].toInt(&okHeight);
    }
    if (!okWidth || !okHeight || style.width < 16 || style.height < 16 || style.width > 8192 || style.height > 8192)
        throw cryo::UsageError(tr("--size needs WIDTHxHEIGHT between 16 and 8192 (e.g. 800x600), got '%1'")
                                   .arg(parser.value("size")).toStdString());
}

void levelOption(const QCommandLineParser& parser, cryo::MovieStyle& style)
{
    const QString text = parser.isSet("level") ? parser.value("level") : QStringLiteral("auto");
    if (text == QLatin1String("auto"))
        return;
    if (text == QLatin1String("constant-volume")) {
        style.levelMode = cryo::MovieLevelMode::ConstantVolume;
        return;
    }
    bool ok = false;
    style.level = text.toDouble(&ok);
    if (!ok || !std::isfinite(*style.level))
        throw cryo::UsageError(tr("--level needs auto, constant-volume or a number, got '%1'").arg(text).toStdString());
}

std::vector<float> zOption(const QString& text)
{
    std::vector<float> z;
    for (const QString& word : text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        z.push_back(word.toFloat(&ok));
        if (!ok)
            throw cryo::UsageError(tr("--z: '%1' is not a number").arg(word).toStdString());
    }
    return z;
}

MovieRequest parseRequest(const QCommandLineParser& parser)
{
    MovieRequest r;
    r.run = runArgument(parser);
    r.out = parser.value("out").toStdString();
    const int sources = int(parser.isSet("pc")) + int(parser.isSet("path")) + int(parser.isSet("turn"));
    if (sources != 1)
        throw cryo::UsageError(tr("movie: give exactly one of --pc N, --path FILE, --turn").toStdString());
    r.source = parser.isSet("pc") ? Source::Pc : parser.isSet("path") ? Source::Path : Source::Turn;
    r.pathFile = parser.value("path").toStdString();
    numberOption(parser, "pc", r.pc);
    numberOption(parser, "frames", r.frames);
    numberOption(parser, "fps", r.fps);
    numberOption(parser, "threads", r.threads);
    numberOption(parser, "keyframe-step", r.keyframeStep);
    if (r.pc < 1 || r.frames < 2 || r.frames > 100000 || r.threads < 0 || r.keyframeStep < 1)
        throw cryo::UsageError(
            tr("movie: --pc needs N ≥ 1, --frames 2 or more, --threads ≥ 0, --keyframe-step ≥ 1").toStdString());
    const QString kind = parser.isSet("path-kind") ? parser.value("path-kind") : QStringLiteral("auto");
    if (kind != QLatin1String("auto") && kind != QLatin1String("z") && kind != QLatin1String("particles"))
        throw cryo::UsageError(tr("--path-kind needs auto, z or particles, got '%1'").arg(kind).toStdString());
    r.pathKind = kind == QLatin1String("z") ? PathKind::ZRows : kind == QLatin1String("particles") ? PathKind::Particles
                                                                                                : PathKind::Auto;
    if (parser.isSet("z"))
        r.z = zOption(parser.value("z"));
    r.preview = parser.isSet("preview");
    sizeOption(parser, r.style);
    levelOption(parser, r.style);
    r.style.background = colorOption("background", parser.isSet("background") ? parser.value("background")
                                                                              : QStringLiteral("white"));
    if (parser.isSet("color"))
        r.style.surface = colorOption("color", parser.value("color"));
    cryo::movieFormatForPath(r.out);   // a bad extension is a usage error before any work
    return r;
}

cryo::LatentTable readLatentsChecked(const std::filesystem::path& run)
{
    const std::filesystem::path runFile = cryo::runFilePath(run);
    const cryo::H5File file(runFile, cryo::H5File::Mode::ReadOnly);
    cryo::checkRunFile(file);
    cryo::LatentTable z = cryo::readLatents(file);
    for (std::size_t i = 0; i < z.mu.size(); ++i)
        if (!std::isfinite(z.mu[i]))
            throw cryo::FileError(runFile, "/particles/z_mu, row " + std::to_string(i / std::size_t(z.zdim)) +
                                               ": not a finite number");
    return z;
}

// The z rows of the maps to decode: `frames` rows, or one row for a turn (none for a
// homogeneous run).
std::vector<float> movieZ(const MovieRequest& r, int zdim)
{
    if (zdim == 0) {
        if (r.source != Source::Turn)
            throw cryo::UsageError(tr("movie: the run is homogeneous (no z): only --turn makes sense").toStdString());
        return {};
    }
    if (r.source == Source::Turn && r.z) {
        if (int(r.z->size()) != zdim)
            throw cryo::UsageError(tr("--z has %1 values, the run's z has %2").arg(r.z->size()).arg(zdim).toStdString());
        return *r.z;
    }
    const cryo::LatentTable latents = readLatentsChecked(r.run);
    if (r.source == Source::Pc) {
        if (r.pc > zdim)
            throw cryo::UsageError(tr("--pc %1: z has only %2 dimensions").arg(r.pc).arg(zdim).toStdString());
        return cryo::pcTrajectory(latents.mu.data(), latents.count, zdim, r.pc - 1, r.frames);
    }
    if (r.source == Source::Path)
        return resamplePath(readLatentPath(r.pathFile, latents, r.pathKind), zdim, r.frames);
    std::vector<float> mean(std::size_t(zdim), 0.0f);   // turn of the map at the mean z
    for (std::size_t i = 0; i < latents.count; ++i)
        for (int c = 0; c < zdim; ++c)
            mean[std::size_t(c)] += latents.mu[i * std::size_t(zdim) + std::size_t(c)] / float(latents.count);
    return mean;
}

struct Timings {
    double render = 0, encode = 0;
};

void renderMovie(const MovieRequest& r, cryo::MovieDecoder& decoder, const InterruptWatcher& interrupt, Timings& timings)
{
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); };
    cryo::MovieEncoder encoder(r.out, {r.style.width, r.style.height, r.fps});
    cryo::MovieRenderer renderer(r.style);
    ProgressPrinter progress(tr("Rendering"));
    std::optional<cryo::Volume> turning;   // the one map of a turn
    for (int frame = 0; frame < r.frames; ++frame) {
        if (interrupt.interrupted())
            throw std::runtime_error(tr("Interrupted: no movie written").toStdString());
        if (r.source != Source::Turn)
            turning = decoder.take();
        else if (!turning)
            turning = decoder.take();
        auto start = Clock::now();
        if (r.source == Source::Turn && frame > 0)
            renderer.turn(360.0 / r.frames);
        const auto rgb = renderer.renderFrame(*turning);
        timings.render += seconds(start);
        start = Clock::now();
        encoder.addFrame(rgb);
        timings.encode += seconds(start);
        progress.update(frame + 1, r.frames);
    }
    const auto start = Clock::now();
    encoder.finish();
    timings.encode += seconds(start);
    progress.finish();
}

void addOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("run"), tr("A run directory or its run.h5, or a cryoDRGN output directory."), tr("RUN"));
    addRunOptions(parser);
    parser.addOptions({
        {"out", tr("The movie: .mp4 (H.264) or .gif."), tr("FILE")},
        {"pc", tr("Maps along principal component N of z (1-based), 5th to 95th percentile."), tr("N")},
        {"path", tr("Maps along a path: a text file of z rows or particle indices, one per line."), tr("FILE")},
        {"path-kind", tr("What the --path lines are: auto, z or particles (default auto)."), tr("KIND")},
        {"turn", tr("One map (at the mean z, or --z) turned 360° about the vertical axis.")},
        {"z", tr("The latent point of the map for --turn."), tr("v1,v2,...")},
        {"frames", tr("Frames (default 60)."), tr("N")},
        {"size", tr("Frame size in pixels (default 800x600; MP4 needs even numbers)."), tr("WxH")},
        {"fps", tr("Frames per second (default 24)."), tr("F")},
        {"background", tr("Background: white, black, a colour name or #rrggbb (default white)."), tr("C")},
        {"color", tr("Surface colour (default light tan)."), tr("C")},
        {"level", tr("auto (the first map's mean + 2 standard deviations, as in the viewer, kept), constant-volume (per frame, enclosing as many "
                     "voxels as the first map) or a fixed density value."), tr("L")},
        {"preview", tr("Half-size maps (8x faster decoding).")},
        {"keyframe-step", tr("Decode every K-th map of a trajectory only and blend the maps in between "
                             "(K times faster decoding; default 1: decode all)."), tr("K")},
        {"threads", tr("Decoding threads (default: all cores)."), tr("T")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
}

} // namespace

int runMovie(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Render maps of a trained run as a movie (MP4 or GIF): along a PC of z, "
                                        "along a path, or one map turned 360°. Needs an X display (or xvfb-run)."));
    addOptions(parser);
    parser.process(QStringList{QStringLiteral("cryoscape movie")} + arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet("out")) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("movie: give one RUN and --out FILE.")), qPrintable(parser.helpText()));
        return 2;
    }
    ProgressPrinter failures(tr("movie"));
    InterruptWatcher interrupt;
    return runReportingFailures(QStringLiteral("movie"), failures, [&] {
        MovieRequest r = parseRequest(parser);
        const auto start = std::chrono::steady_clock::now();
        auto generator = cryo::VolumeGenerator::open(r.run, r.threads);
        std::vector<float> z = movieZ(r, generator->zdim());
        cryo::MovieDecoder decoder(*generator, std::move(z),
                             r.preview ? cryo::VolumeGenerator::Quality::Preview : cryo::VolumeGenerator::Quality::Full,
                             4, std::size_t(r.keyframeStep));
        Timings timings;
        renderMovie(r, decoder, interrupt, timings);
        const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%s\n", qPrintable(tr("Wrote %1: %2 frames %3x%4 at %5 fps, %6 kB in %7 s (decoding %11 maps %8 s "
                                          "on a worker, rendering %9 s, encoding %10 s)")
                                           .arg(QString::fromStdString(r.out.string())).arg(r.frames)
                                           .arg(r.style.width).arg(r.style.height).arg(r.fps)
                                           .arg(std::filesystem::file_size(r.out) / 1024)
                                           .arg(total, 0, 'f', 1).arg(decoder.decodeSeconds(), 0, 'f', 1)
                                           .arg(timings.render, 0, 'f', 1).arg(timings.encode, 0, 'f', 1)
                                           .arg(decoder.decodedCount())));
    });
}

} // namespace cli
