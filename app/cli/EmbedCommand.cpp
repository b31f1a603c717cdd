// cryoscape embed RUN [--pca] [--umap] [--kmeans K] — latent-space analyses of a training
// run, stored in RUN/run.h5 (docs/run-directory.md): /particles/pca, /particles/umap,
// /particles/kmeans and their parameters under /analysis. No analysis flag: all three, K = 20.
#include "cli/CliCommand.h"
#include "cli/CliOptions.h"
#include "cli/ProgressPrinter.h"

#include "tasks/LatentEmbedding.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <string>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

struct EmbedRequest {
    bool pca = false, umap = false;
    int clusters = 0;   // 0: no k-means
    cryo::UmapOptions umapOptions;
    std::uint64_t seed = 0;
};

EmbedRequest parseRequest(const QCommandLineParser& parser)
{
    EmbedRequest r;
    r.pca = parser.isSet("pca");
    r.umap = parser.isSet("umap");
    if (parser.isSet("kmeans")) {
        numberOption(parser, "kmeans", r.clusters);
        if (r.clusters < 1)
            throw cryo::UsageError(tr("--kmeans needs K ≥ 1").toStdString());
    }
    if (!r.pca && !r.umap && r.clusters == 0) {
        r.pca = r.umap = true;
        r.clusters = 20;
    }
    numberOption(parser, "neighbors", r.umapOptions.neighbors);
    numberOption(parser, "min-dist", r.umapOptions.minDist);
    numberOption(parser, "threads", r.umapOptions.threads);
    numberOption(parser, "seed", r.seed);
    r.umapOptions.seed = r.seed;
    return r;
}

cryo::AnalysisContext printingContext(ProgressPrinter& progress)
{
    return {{}, [&progress](double f) { progress.update((long long)(f * 1000), 1000); }};
}

cryo::PcaTable embedPca(const cryo::LatentTable& z, ProgressPrinter& progress)
{
    progress = ProgressPrinter(tr("PCA    "));
    QElapsedTimer clock;
    clock.start();
    cryo::PcaTable table = cryo::embedPca(z, printingContext(progress));
    progress.finish();
    QStringList variance;
    const double total = table.pca.totalVariance() > 0 ? table.pca.totalVariance() : 1;
    for (float v : table.pca.explainedVariance())
        variance << QString::number(100.0 * v / total, 'f', 1);
    std::printf("%s\n", qPrintable(tr("PCA: %1 components, explained variance %2 %, %3 s")
                                       .arg(table.pca.componentCount())
                                       .arg(variance.join(QStringLiteral(" / ")))
                                       .arg(clock.elapsed() / 1000.0, 0, 'f', 2)));
    return table;
}

cryo::UmapTable embedUmap(const cryo::LatentTable& z, const EmbedRequest& request, ProgressPrinter& progress)
{
    progress = ProgressPrinter(tr("UMAP   "));
    cryo::UmapResult r;
    cryo::UmapTable table = cryo::embedUmap(z, request.umapOptions, printingContext(progress), &r);
    progress.finish();
    std::printf("%s\n", qPrintable(tr("UMAP: %1 neighbours, min_dist %2, %3 epochs; kNN %4 s, layout %5 s")
                                       .arg(table.neighbors)
                                       .arg(table.minDist)
                                       .arg(r.epochs)
                                       .arg(r.neighborSeconds, 0, 'f', 2)
                                       .arg(r.layoutSeconds, 0, 'f', 2)));
    return table;
}

cryo::KMeansTable embedKMeans(const cryo::LatentTable& z, const EmbedRequest& request, ProgressPrinter& progress)
{
    progress = ProgressPrinter(tr("k-means"));
    QElapsedTimer clock;
    clock.start();
    int iterations = 0;
    cryo::KMeansTable table = cryo::embedKMeans(z, request.clusters, request.seed, printingContext(progress), &iterations);
    progress.finish();
    std::printf("%s\n", qPrintable(tr("k-means: %1 clusters, %2 iterations, inertia %3, %4 s")
                                       .arg(table.clusters)
                                       .arg(iterations)
                                       .arg(table.inertia, 0, 'g', 6)
                                       .arg(clock.elapsed() / 1000.0, 0, 'f', 2)));
    return table;
}

} // namespace

int runEmbed(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Latent-space analyses of a training run: PCA, UMAP and k-means of the particles' z, stored in "
           "RUN/run.h5 (/particles/pca, /particles/umap, /particles/kmeans). Without --pca, --umap or "
           "--kmeans all three are computed, with K = 20."));
    parser.addHelpOption();
    parser.addOptions({
        {"pca", tr("Principal components of z.")},
        {"umap", tr("2D UMAP of z.")},
        {"kmeans", tr("k-means of z with K clusters and on-data centres."), tr("K")},
        {"neighbors", tr("UMAP neighbours, including the particle itself (default 15)."), tr("N")},
        {"min-dist", tr("UMAP minimum distance (default 0.1)."), tr("D")},
        {"seed", tr("Random seed for UMAP and k-means (default 0)."), tr("S")},
        {"threads", tr("UMAP layout threads (default 1, reproducible; more is faster but varies run to run)."),
         tr("T")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
    parser.addPositionalArgument(QStringLiteral("run"), tr("A run directory or its run.h5, or a cryoDRGN output directory."), tr("RUN"));
    addRunOptions(parser);
    parser.process(QStringList{QStringLiteral("cryoscape embed")} + arguments);
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("embed: give one RUN.")), qPrintable(parser.helpText()));
        return 2;
    }
    ProgressPrinter progress(tr("Embedding"));
    return runReportingFailures(QStringLiteral("embed"), progress, [&] {
        const EmbedRequest request = parseRequest(parser);
        const std::filesystem::path path = cryo::runFilePath(runArgument(parser));
        const cryo::LatentTable z = cryo::readFiniteLatents(path);
        std::printf("%s\n", qPrintable(tr("%1 particles, zdim %2").arg(z.count).arg(z.zdim)));
        cryo::RunAnalysesUpdate update;
        if (request.pca)
            update.pca = embedPca(z, progress);
        if (request.umap)
            update.umap = embedUmap(z, request, progress);
        if (request.clusters > 0)
            update.kmeans = embedKMeans(z, request, progress);
        cryo::updateRunAnalyses(path, update);   // run.h5 is replaced whole, never half-written
        std::printf("%s\n", qPrintable(tr("Wrote %1").arg(QString::fromStdString(path.string()))));
    });
}

} // namespace cli
