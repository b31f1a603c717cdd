// cryoscape analyze RUN --out DIR [--pc-traj] [--pc N] [--points P] [--kmeans K]
//   [--graph-traj "i,j,…"] [--landscape --sketch K --clusters M --linkage L --mask FILE]
// Maps of a trained run along trajectories and the volume landscape (issue #6):
//   DIR/pcN/vol_000.mrc …      along PC N of z (5th–95th percentile), + z.txt, series.cxc
//   DIR/kmeans/vol_000.mrc …   at the on-data k-means centres (chained), + z.txt, series.cxc
//   DIR/graph/vol_000.mrc …    along the latent kNN graph between anchor particles
//   DIR/landscape/…            cluster means, volumes along volume PCs 1–3, eigenvolumes
//   DIR/summary.txt            what was done, with the numbers
// The landscape also goes into run.h5: /particles/landscape_cluster, /particles/volume_pc.
#include "cli/AnalyzeLandscape.h"
#include "cli/CliCommand.h"
#include "cli/CliOptions.h"
#include "cli/ProgressPrinter.h"

#include "analysis/KMeans.h"
#include "analysis/LatentGraph.h"
#include "analysis/Trajectory.h"
#include "io/MapSeries.h"
#include "model/VolumeGenerator.h"
#include "run/RunFile.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>
#include <cstdio>
#include <fstream>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

struct AnalyzeRequest {
    std::filesystem::path run, out;
    bool pcTraj = false, landscape = false, preview = false;
    int pcs = 2, points = 10, kmeans = 0;
    std::vector<std::int64_t> graphAnchors;
    LandscapeRequest landscapeRequest;
    std::uint64_t seed = 0;
    int threads = 0;
};

template <typename T>
void requireNumber(const QCommandLineParser& parser, const QString& name, T& value, double minimum)
{
    numberOption(parser, name, value);
    if (parser.isSet(name) && double(value) < minimum)
        throw cryo::UsageError(("--" + name + " needs a value ≥ " + QString::number(minimum)).toStdString());
}

std::vector<std::int64_t> parseAnchors(const QString& text)
{
    std::vector<std::int64_t> anchors;
    for (const QString& word : text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        anchors.push_back(word.toLongLong(&ok));
        if (!ok)
            throw cryo::UsageError("--graph-traj: '" + word.toStdString() + "' is not a particle index");
    }
    if (anchors.size() < 2)
        throw cryo::UsageError("--graph-traj needs at least two particle indices");
    return anchors;
}

AnalyzeRequest parseRequest(const QCommandLineParser& parser)
{
    AnalyzeRequest r;
    r.run = runArgument(parser);
    r.out = parser.value("out").toStdString();
    r.pcTraj = parser.isSet("pc-traj");
    r.landscape = parser.isSet("landscape");
    r.preview = parser.isSet("preview");
    requireNumber(parser, "pc", r.pcs, 1);
    requireNumber(parser, "points", r.points, 2);
    requireNumber(parser, "kmeans", r.kmeans, 1);
    requireNumber(parser, "threads", r.threads, 0);
    requireNumber(parser, "seed", r.seed, 0);
    if (parser.isSet("graph-traj"))
        r.graphAnchors = parseAnchors(parser.value("graph-traj"));
    LandscapeRequest& l = r.landscapeRequest;
    requireNumber(parser, "sketch", l.options.sketch, 2);
    requireNumber(parser, "clusters", l.options.clusters, 1);
    requireNumber(parser, "components", l.options.components, 1);
    requireNumber(parser, "dilate", l.options.maskDilationAngstrom, 0);
    if (parser.isSet("linkage"))
        l.options.linkage = cryo::parseLinkage(parser.value("linkage").toStdString());
    if (parser.isSet("mask"))
        l.options.maskFile = parser.value("mask").toStdString();
    l.fullMaps = parser.isSet("full");
    l.options.seed = r.seed;
    l.options.threads = r.threads > 0 ? r.threads : 2;
    if (parser.isSet("color"))
        l.style.color = parser.value("color").toStdString();
    l.levelSet = parser.isSet("level");
    requireNumber(parser, "level", l.style.level, -1e30);
    if (!r.pcTraj && !r.landscape && r.kmeans == 0 && r.graphAnchors.empty())
        r.pcTraj = true;
    return r;
}

// Decodes `zs` (points × zdim), writes the series + z.txt + series.cxc into dir.
std::vector<cryo::Volume> writeTrajectory(cryo::VolumeGenerator& generator, const std::vector<float>& zs,
                                          const std::filesystem::path& dir, const LandscapeRequest& style,
                                          bool preview, ProgressPrinter& progress)
{
    const int zdim = generator.zdim();
    const std::size_t points = zs.size() / std::size_t(zdim);
    std::vector<cryo::Volume> volumes;
    for (std::size_t i = 0; i < points; ++i) {
        volumes.push_back(generator.generate(std::span<const float>(zs.data() + i * std::size_t(zdim), std::size_t(zdim)),
                                             preview ? cryo::VolumeGenerator::Quality::Preview
                                                     : cryo::VolumeGenerator::Quality::Full));
        progress.update((long long)(i + 1), (long long)points);
    }
    progress.finish();
    const auto paths = cryo::writeMapSeries(dir, "vol_", volumes);
    writeSeriesScript(dir / "series.cxc", paths, volumes, style);
    std::ofstream text(dir / "z.txt");
    for (std::size_t i = 0; i < points; ++i) {
        for (int c = 0; c < zdim; ++c)
            text << (c ? " " : "") << zs[i * std::size_t(zdim) + std::size_t(c)];
        text << '\n';
    }
    if (!text)
        throw cryo::FileError(dir / "z.txt", "cannot write");
    return volumes;
}

void runTrajectories(const AnalyzeRequest& r, cryo::VolumeGenerator& generator, const cryo::LatentTable& z,
                     std::ofstream& summary)
{
    if (r.pcTraj)
        for (int pc = 0; pc < std::min(r.pcs, z.zdim); ++pc) {
            ProgressPrinter progress(tr("PC %1   ").arg(pc + 1));
            const auto zs = cryo::pcTrajectory(z.mu.data(), z.count, z.zdim, pc, r.points);
            writeTrajectory(generator, zs, r.out / ("pc" + std::to_string(pc + 1)), r.landscapeRequest, r.preview, progress);
            summary << "pc" << pc + 1 << ": " << r.points << " maps along PC " << pc + 1
                    << " of z, 5th to 95th percentile\n";
        }
    if (r.kmeans > 0) {
        cryo::KMeansOptions options;
        options.clusters = r.kmeans;
        options.seed = r.seed;
        const cryo::KMeansResult km = cryo::KMeans(options).fit(z.mu.data(), z.count, z.zdim);
        std::vector<float> zs;
        summary << "kmeans: " << r.kmeans << " maps at the on-data k-means centres, chained nearest to nearest "
                << "from the lowest on PC1 (particles";
        for (int centre : cryo::chainCentres(km.centers.data(), km.clusters, km.dim)) {
            const std::int64_t row = km.centerRows[std::size_t(centre)];
            zs.insert(zs.end(), z.mu.begin() + row * z.zdim, z.mu.begin() + (row + 1) * z.zdim);
            summary << ' ' << row;
        }
        summary << ")\n";
        ProgressPrinter progress(tr("k-means"));
        writeTrajectory(generator, zs, r.out / "kmeans", r.landscapeRequest, r.preview, progress);
    }
    if (!r.graphAnchors.empty()) {
        const cryo::LatentGraph graph = cryo::LatentGraph::build(z.mu.data(), z.count, z.zdim);
        const cryo::LatentPath path = graph.path(r.graphAnchors);
        summary << "graph: " << path.nodes.size() << " maps along the latent graph (cutoff " << graph.cutoff()
                << ", mean degree " << graph.meanDegree() << "), path length " << path.length << "\n";
        ProgressPrinter progress(tr("graph  "));
        writeTrajectory(generator, path.z, r.out / "graph", r.landscapeRequest, r.preview, progress);
    }
}

void addOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("run"), tr("A run directory or its run.h5, or a cryoDRGN output directory."), tr("RUN"));
    addRunOptions(parser);
    parser.addOptions({
        {"out", tr("Output folder."), tr("DIR")},
        {"pc-traj", tr("Maps along the first N principal components of z.")},
        {"pc", tr("How many PCs to traverse (default 2)."), tr("N")},
        {"points", tr("Maps per PC trajectory (default 10)."), tr("P")},
        {"kmeans", tr("Maps at K on-data k-means centres of z."), tr("K")},
        {"graph-traj", tr("Maps along the latent kNN graph through these particle indices."), tr("I,J,...")},
        {"landscape", tr("Landscape analysis: cluster and PCA the volumes of a k-means sketch of z.")},
        {"sketch", tr("Landscape sketch size (default 500, fewer for small datasets)."), tr("K")},
        {"clusters", tr("Landscape clusters (default 10)."), tr("M")},
        {"linkage", tr("ward, average or complete (default ward)."), tr("L")},
        {"components", tr("Volume PCs kept (default 10)."), tr("P")},
        {"mask", tr("Mask .mrc for the landscape (default: automatic)."), tr("FILE")},
        {"dilate", tr("Grow the automatic mask by this many Å (default 10)."), tr("Å")},
        {"full", tr("Landscape on full maps (default: half-size previews, 8× faster).")},
        {"preview", tr("Trajectory maps as half-size previews.")},
        {"level", tr("Contour level in the ChimeraX scripts (default: half the largest map maximum)."), tr("L")},
        {"color", tr("Colour in the ChimeraX scripts (default #b4b4ff)."), tr("C")},
        {"seed", tr("Random seed for k-means (default 0)."), tr("S")},
        {"threads", tr("Compute threads (default: all cores)."), tr("T")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
}

} // namespace

int runAnalyze(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Maps of a trained run along latent trajectories (PCs, k-means centres, graph paths) and the "
           "landscape of its volumes (clusters, volume PCA); writes .mrc series with ChimeraX scripts to DIR. "
           "Without an analysis flag: --pc-traj."));
    addOptions(parser);
    parser.process(QStringList{QStringLiteral("cryoscape analyze")} + arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet("out")) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("analyze: give one RUN and --out DIR.")), qPrintable(parser.helpText()));
        return 2;
    }
    ProgressPrinter progress(tr("Analyzing"));
    InterruptWatcher interrupt;
    return runReportingFailures(QStringLiteral("analyze"), progress, [&] {
        const AnalyzeRequest r = parseRequest(parser);
        const std::filesystem::path runFile = cryo::runFilePath(r.run);
        cryo::LatentTable z;
        {
            const cryo::H5File file(runFile, cryo::H5File::Mode::ReadOnly);
            cryo::checkRunFile(file);
            z = cryo::readLatents(file);
            for (std::size_t i = 0; i < z.mu.size(); ++i)
                if (!std::isfinite(z.mu[i]))
                    throw cryo::FileError(runFile, "/particles/z_mu, row " + std::to_string(i / std::size_t(z.zdim)) +
                                                       ": not a finite number");
        }
        auto generator = cryo::VolumeGenerator::open(r.run, r.threads);
        std::filesystem::create_directories(r.out);
        std::ofstream summary(r.out / "summary.txt");
        summary << "run: " << runFile.string() << "\n" << z.count << " particles, zdim " << z.zdim << "\n";
        runTrajectories(r, *generator, z, summary);
        if (r.landscape)
            runLandscape(r.landscapeRequest, runFile, *generator, z, r.out / "landscape", summary, interrupt.token());
        summary.close();
        if (!summary)
            throw cryo::FileError(r.out / "summary.txt", "cannot write");
        std::printf("%s\n", qPrintable(tr("Wrote %1").arg(QString::fromStdString((r.out / "summary.txt").string()))));
    });
}

} // namespace cli
