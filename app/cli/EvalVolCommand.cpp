// cryoscape eval-vol RUN (--z "z1 z2 …" | --zfile F) --out DIR [--epoch N] [--downsample D]
// [--flip] [--invert] [--apix A] — decodes maps from a trained run (ours, or a cryoDRGN output
// directory, reproducing `cryodrgn eval_vol`) at given latent points (homogeneous runs need no
// z) and writes them as .mrc with the run's pixel size.
#include "cli/CliCommand.h"
#include "cli/CliOptions.h"
#include "cli/ProgressPrinter.h"

#include "model/VolumeGenerator.h"
#include "tasks/EvalVolumes.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

// One latent point per line (or per --z value list), whitespace or comma separated.
std::vector<std::vector<float>> parsePoints(const QStringList& lines, const QString& source, int zdim)
{
    std::vector<std::vector<float>> points;
    int lineNumber = 0;
    for (const QString& line : lines) {
        ++lineNumber;
        const QString text = line.section(QLatin1Char('#'), 0, 0).trimmed();
        if (text.isEmpty())
            continue;
        std::vector<float> z;
        for (const QString& word : text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
            bool ok = false;
            z.push_back(word.toFloat(&ok));
            if (!ok)
                throw cryo::FileError(source.toStdString(), "line " + std::to_string(lineNumber) + ": '" +
                                                                word.toStdString() + "' is not a number");
        }
        if (int(z.size()) != zdim)
            throw cryo::FileError(source.toStdString(), "line " + std::to_string(lineNumber) + ": " +
                                                            std::to_string(z.size()) + " values, the model has zdim " +
                                                            std::to_string(zdim));
        points.push_back(std::move(z));
    }
    return points;
}

std::vector<std::vector<float>> latentPoints(const QCommandLineParser& parser, int zdim)
{
    if (zdim == 0)
        return {std::vector<float>()};   // homogeneous: the one map
    if (parser.isSet("zfile")) {
        QFile file(parser.value("zfile"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            throw cryo::FileError(parser.value("zfile").toStdString(), "cannot open the z file");
        return parsePoints(QString::fromUtf8(file.readAll()).split(QLatin1Char('\n')), parser.value("zfile"), zdim);
    }
    if (parser.isSet("z"))
        return parsePoints(parser.values("z"), QStringLiteral("--z"), zdim);
    throw cryo::UsageError("this run has zdim " + std::to_string(zdim) + ": give --z \"z1 … z" + std::to_string(zdim) +
                           "\" or --zfile FILE");
}

} // namespace

int runEvalVol(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Decode maps from a trained run (ours or cryoDRGN's) at latent points and write "
                                        "them as .mrc."));
    parser.addHelpOption();
    parser.addPositionalArgument(tr("run"), tr("Run directory (or its run.h5), or a cryoDRGN output directory."));
    addRunOptions(parser);
    parser.addOptions({
        {"z", tr("A latent point: zdim numbers in quotes (repeat for several maps)."), tr("VALUES")},
        {"zfile", tr("Text file with one latent point per line."), tr("FILE")},
        {"out", tr("Output folder for vol_000.mrc, vol_001.mrc, …"), tr("DIR")},
        {"preview", tr("Decode the coarse preview (half the box size) instead of the full map.")},
        {"downsample", tr("Decode a map of D voxels per side (even, below the run's box): the central frequencies, "
                          "with cryodrgn eval_vol -d's intensities ((box/D)³ times the full map's)."), tr("D")},
        {"flip", tr("Flip the handedness (mirror along z), as cryodrgn eval_vol --flip.")},
        {"invert", tr("Invert the contrast, as cryodrgn eval_vol --invert.")},
        {"apix", tr("Pixel size of the run's box in Å (default: the run's; the headers give the voxel size)."), tr("A")},
        {"threads", tr("Compute threads (default: all cores)."), tr("T")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
    parser.process(QStringList{QStringLiteral("cryoscape eval-vol")} + arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet("out")) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("eval-vol: give one run directory and --out DIR.")),
                     qPrintable(parser.helpText()));
        return 2;
    }
    int threads = 0, downsample = 0;
    double apix = 0;
    ProgressPrinter progress(tr("Decoding"));
    return runReportingFailures(QStringLiteral("eval-vol"), progress, [&] {
        numberOption(parser, "threads", threads);
        numberOption(parser, "downsample", downsample);
        numberOption(parser, "apix", apix);
        if (parser.isSet("preview") && parser.isSet("downsample"))
            throw cryo::UsageError("--preview and --downsample exclude each other");
        auto generator = cryo::VolumeGenerator::open(runArgument(parser), threads);
        const int D = generator->config().boxSize;
        if (parser.isSet("downsample") && (downsample < 2 || downsample % 2 || downsample >= D))
            throw cryo::UsageError("--downsample needs an even box below the run's " + std::to_string(D) + ", got " +
                                   std::to_string(downsample));
        cryo::EvalVolumesRequest request;
        request.points = latentPoints(parser, generator->zdim());
        request.box = parser.isSet("downsample") ? downsample : parser.isSet("preview") ? D / 2 : D;
        request.cryodrgnCrop = parser.isSet("downsample");
        request.flip = parser.isSet("flip");
        request.invert = parser.isSet("invert");
        request.apix = apix;
        request.outDir = parser.value("out").toStdString();
        QElapsedTimer clock;
        clock.start();
        const std::size_t maps = request.points.size();
        cryo::evalVolumes(*generator, request,
                          {{}, [&](double f) { progress.update((long long)std::lround(f * double(maps)), (long long)maps); }});
        progress.finish();
        std::printf("%s\n", qPrintable(tr("Wrote %1 maps to %2 (%3 s per map)")
                                           .arg(maps)
                                           .arg(parser.value("out"))
                                           .arg(double(clock.elapsed()) / 1000.0 / double(maps), 0, 'f', 3)));
    });
}

} // namespace cli
