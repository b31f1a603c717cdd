// cryoscape export RUN (--index FILE | --kmeans-cluster C) [--invert] [--star OUT.star]
// [--cs OUT.cs] [--pkl OUT.pkl] [--txt OUT.txt] — write a selection of a run's particles
// (or its complement) for RELION, cryoSPARC and cryoDRGN (core/particles/SubsetExport.h).
// An ab initio run's particles are written with the poses it found (--input-poses: the file's).
#include "cli/CliCommand.h"
#include "cli/CliOptions.h"
#include "cli/ProgressPrinter.h"

#include "io/H5File.h"
#include "particles/CryodrgnPickles.h"
#include "particles/ParticleDataset.h"
#include "particles/SubsetExport.h"
#include "run/RunFile.h"
#include "run/RunParticles.h"
#include "run/RunPoses.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

// Particles whose k-means label is one of `clusters` (run.h5 /particles/kmeans, int32 N).
std::vector<std::size_t> clusterMembers(const cryo::H5File& run, const std::vector<int>& clusters, std::size_t count)
{
    if (!run.exists("/particles/kmeans"))
        throw cryo::FileError(run.path(), "has no k-means labels (/particles/kmeans); cluster the run first "
                                          "(cryoscape embed --kmeans K RUN)");
    const std::vector<std::int32_t> labels = run.read<std::int32_t>("/particles/kmeans");
    if (labels.size() != count)
        throw cryo::FileError(run.path(), "/particles/kmeans has " + std::to_string(labels.size()) +
                                              " labels for " + std::to_string(count) + " particles");
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (std::find(clusters.begin(), clusters.end(), labels[i]) != clusters.end())
            members.push_back(i);
    if (members.empty()) {
        const auto [lo, hi] = std::minmax_element(labels.begin(), labels.end());
        throw cryo::UsageError("no particle is in the requested k-means cluster(s) (labels run from " +
                               std::to_string(labels.empty() ? 0 : *lo) + " to " +
                               std::to_string(labels.empty() ? 0 : *hi) + ")");
    }
    return members;
}

std::vector<int> parseClusters(const QString& text)
{
    std::vector<int> clusters;
    for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int c = part.trimmed().toInt(&ok);
        if (!ok || c < 0)
            throw cryo::UsageError("--kmeans-cluster needs cluster numbers (0, 1, ... or 0,3), got '" +
                                   text.toStdString() + "'");
        clusters.push_back(c);
    }
    if (clusters.empty())
        throw cryo::UsageError("--kmeans-cluster needs a cluster number");
    return clusters;
}

void exportSelection(const QCommandLineParser& parser)
{
    const std::filesystem::path runPath = cryo::runFilePath(runArgument(parser));
    const cryo::H5File run(runPath, cryo::H5File::Mode::ReadOnly);
    cryo::checkRunFile(run);
    const cryo::RunConfig config = cryo::readRunConfig(run);
    const cryo::ParticleDataset dataset =
        cryo::openRunParticles(config, parser.value("data-dir").toStdString());   // "" when not given
    cryo::SubsetExportRequest request;
    QString what;
    if (parser.isSet("index")) {
        cryo::IndexFileInfo info;
        request.selection = cryo::readIndexFile(parser.value("index").toStdString(), dataset.size(), &info);
        what = tr("%1 indices from %2").arg(request.selection.size()).arg(parser.value("index"));
        if (info.duplicates > 0)
            what += tr(" (%1 repeated entries ignored)").arg(info.duplicates);
    } else {
        request.selection = clusterMembers(run, parseClusters(parser.value("kmeans-cluster")), dataset.size());
        what = tr("%1 particles in k-means cluster %2").arg(request.selection.size()).arg(parser.value("kmeans-cluster"));
    }
    request.invert = parser.isSet("invert");
    request.star = parser.value("star").toStdString();
    request.cs = parser.value("cs").toStdString();
    request.txt = parser.value("txt").toStdString();
    request.pkl = parser.value("pkl").toStdString();
    if (!parser.isSet("input-poses"))
        request.poses = cryo::exportPoses(run, dataset);
    const cryo::SubsetExportResult result = cryo::exportSubset(dataset, request);
    std::printf("%s\n", qPrintable(tr("Selection: %1%2").arg(what, request.invert ? tr(", inverted") : QString())));
    if (!request.poses.empty() && !(request.star.empty() && request.cs.empty()))
        std::printf("%s\n", qPrintable(tr("Poses: the run's ab initio poses, not the particle file's "
                                          "(--input-poses keeps those)")));
    std::printf("%s\n", qPrintable(tr("Exported %1 of %2 particles to:").arg(result.exported.size()).arg(dataset.size())));
    for (const auto& file : result.written)
        std::printf("  %s\n", file.string().c_str());
    for (const std::string& note : result.notes)
        std::printf("%s\n", qPrintable(tr("Note: %1").arg(QString::fromStdString(note))));
}

} // namespace

int runExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export a selection of a run's particles (or, with --invert, all others): as a RELION .star "
           "(every original column, optics table and row order kept), a cryoSPARC .cs (original dtype), "
           "a cryoDRGN index .pkl and a plain index list (.txt). Indices are 0-based, in input order."));
    parser.addHelpOption();
    parser.addOptions({
        {"index", tr("Selection: a file of 0-based particle indices (.txt one per line, or cryoDRGN .pkl)."), tr("FILE")},
        {"kmeans-cluster", tr("Selection: the particles of k-means cluster C (or C1,C2,...)."), tr("C")},
        {"invert", tr("Export the particles NOT in the selection.")},
        {"star", tr("Write a RELION .star file."), tr("OUT.star")},
        {"cs", tr("Write a cryoSPARC .cs file."), tr("OUT.cs")},
        {"pkl", tr("Write a cryoDRGN index .pkl (int64 NumPy array)."), tr("OUT.pkl")},
        {"txt", tr("Write the indices as text, one per line."), tr("OUT.txt")},
        {"input-poses", tr("Ab initio runs: write the particle file's poses instead of the ones the run found.")},
        {QStringList{"data-dir", "datadir"}, tr("Folder to search for particle stacks by name (default: the run's)."),
         tr("DIR")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
    parser.addPositionalArgument(QStringLiteral("run"), tr("The run directory (or its run.h5), or a cryoDRGN output directory."), tr("RUN"));
    addRunOptions(parser);
    parser.process(QStringList{QStringLiteral("cryoscape export")} + arguments);
    const bool anyOutput = parser.isSet("star") || parser.isSet("cs") || parser.isSet("pkl") || parser.isSet("txt");
    if (parser.positionalArguments().size() != 1 || parser.isSet("index") == parser.isSet("kmeans-cluster") ||
        !anyOutput) {
        std::fprintf(stderr, "%s\n%s",
                     qPrintable(tr("export: give one RUN, either --index FILE or --kmeans-cluster C, and at least "
                                   "one of --star, --cs, --pkl, --txt.")),
                     qPrintable(parser.helpText()));
        return 2;
    }
    ProgressPrinter progress(tr("Exporting"));
    return runReportingFailures(QStringLiteral("export"), progress, [&] { exportSelection(parser); });
}

} // namespace cli
