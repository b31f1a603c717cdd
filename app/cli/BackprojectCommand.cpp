// cryoscape backproject PARTICLES --out DIR [--index FILE] [--poses FILE] [--ctf FILE]
// [--poses-from RUN] [--max-particles N] — a map of the particles from their poses and CTF
// alone (no network), with half maps and their FSC (core/reconstruct/BackprojectionTask.h).
#include "cli/CliCommand.h"
#include "cli/CliOptions.h"
#include "cli/ProgressPrinter.h"

#include "reconstruct/BackprojectionTask.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>
#include <cstdio>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

void addBackprojectOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        tr("Backproject particles into a map with their poses, shifts and CTF (direct Fourier inversion in "
           "two half sets, masked by a soft sphere fitted to the particle). Writes DIR/backprojection.mrc "
           "(weighted by the signal-to-noise ratio the half maps show and filtered at their FSC = 0.143 "
           "resolution), DIR/backprojection_unfiltered.mrc, DIR/half_a.mrc, DIR/half_b.mrc and DIR/fsc.txt "
           "(spatial frequency in 1/Å, FSC), and prints the resolution at FSC 0.143 and 0.5."));
    parser.addHelpOption();
    parser.addPositionalArgument(tr("particles"),
                                 tr("Particles: .star or .cs with poses and CTF, or .mrcs with --poses and --ctf."));
    parser.addOptions({
        {"out", tr("Output folder (created if needed)."), tr("DIR")},
        {"index", tr("Backproject only these particles: 0-based indices, a .txt list or a cryoDRGN .pkl."),
         tr("FILE")},
        {"poses", tr("Take the poses from this file: cryoDRGN pose.pkl, or a .star/.cs with the same particles."),
         tr("FILE")},
        {"ctf", tr("Take the CTF from this file: cryoDRGN ctf.pkl, or a .star/.cs with the same particles."),
         tr("FILE")},
        {"poses-from", tr("Take the poses an ab initio run found for these particles (its directory or run.h5)."),
         tr("RUN")},
        {"max-particles", tr("Backproject at most the first N particles (of the selection)."), tr("N")},
        {"split", tr("How to form the half sets: even-odd (default, as cryoDRGN) or random."), tr("SPLIT")},
        {"seed", tr("Random seed of --split random (default 1)."), tr("K")},
        {"oversampling", tr("Fourier grid oversampling, 1 (default) or 2 (finer interpolation, 8x the memory)."),
         tr("P")},
        {"mask-radius", tr("Radius in Å of the soft spherical mask on the maps (default: fitted to the particle; "
                           "0: no mask)."), tr("Å")},
        {"threads", tr("Worker threads (default: all cores)."), tr("T")},
        {"datadir", tr("Folder to look for the image stacks in."), tr("DIR")},
        {"apix", tr("Override the pixel size (Å)."), tr("Å")},
        {"no-invert", tr("Do not invert the image contrast (for data with dark particles).")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
}

// Fills request from the parsed command line; throws UsageError for a bad value.
void readRequest(const QCommandLineParser& parser, cryo::BackprojectionRequest& request)
{
    request.particles = parser.positionalArguments().first().toStdString();
    request.outDir = parser.value("out").toStdString();
    request.index = parser.value("index").toStdString();
    request.poses = parser.value("poses").toStdString();
    request.ctf = parser.value("ctf").toStdString();
    request.posesFromRun = parser.value("poses-from").toStdString();
    request.dataDirectory = parser.value("datadir").toStdString();
    double maxParticles = 0;
    numberOption(parser, "max-particles", maxParticles);
    if (maxParticles < 0 || maxParticles != std::floor(maxParticles))
        throw cryo::UsageError("--max-particles needs a positive whole number");
    request.maxParticles = std::size_t(maxParticles);
    numberOption(parser, "apix", request.pixelSize);
    cryo::BackprojectionOptions& options = request.options;
    numberOption(parser, "threads", options.threads);
    numberOption(parser, "seed", options.seed);
    numberOption(parser, "oversampling", options.padding);
    if (parser.isSet("mask-radius")) {
        numberOption(parser, "mask-radius", options.maskRadius);
        if (options.maskRadius < 0)
            throw cryo::UsageError("--mask-radius needs a radius in Å, or 0 for no mask");
        if (options.maskRadius == 0)
            options.maskRadius = -1;   // BackprojectionOptions: < 0 is "no mask"
    }
    options.preprocess.invertContrast = !parser.isSet("no-invert");
    const QString split = parser.value("split");
    if (split == QStringLiteral("random"))
        options.split = cryo::HalfSplit::Random;
    else if (!split.isEmpty() && split != QStringLiteral("even-odd"))
        throw cryo::UsageError("--split must be even-odd or random, not '" + split.toStdString() + "'");
}

QString resolutionText(const cryo::FscResolution& r)
{
    return r.reached ? tr("%1 Å").arg(r.angstrom(), 0, 'f', 2)
                     : tr("beyond Nyquist (%1 Å)").arg(r.angstrom(), 0, 'f', 2);
}

void printResult(const cryo::BackprojectionResult& r, const cryo::BackprojectionRequest& request)
{
    std::printf("%s\n", qPrintable(tr("Backprojected %1 particles (halves of %2 and %3) in %4 s, %5 images/s")
                                       .arg(r.particles)
                                       .arg(r.halfACount)
                                       .arg(r.halfBCount)
                                       .arg(r.seconds, 0, 'f', 1)
                                       .arg(double(r.particles) / std::max(1e-9, r.seconds), 0, 'f', 0)));
    if (!r.ctfApplied)
        std::printf("%s\n", qPrintable(tr("Note: the particles have no CTF parameters; backprojected without CTF "
                                          "(give --ctf)")));
    if (r.maskRadius > 0)
        std::printf("%s\n", qPrintable(tr("Maps masked by a soft sphere of radius %1 Å around the box centre")
                                           .arg(r.maskRadius, 0, 'f', 1)));
    std::printf("%s\n", qPrintable(tr("Half-map FSC = 0.143: %1").arg(resolutionText(r.resolution0143))));
    std::printf("%s\n", qPrintable(tr("Half-map FSC = 0.5:   %1").arg(resolutionText(r.resolution05))));
    std::printf("%s\n", qPrintable(tr("Wrote to %1: backprojection.mrc, backprojection_unfiltered.mrc, half_a.mrc, "
                                      "half_b.mrc, fsc.txt")
                                       .arg(QString::fromStdString(request.outDir.string()))));
}

} // namespace

int runBackproject(const QStringList& arguments)
{
    QCommandLineParser parser;
    addBackprojectOptions(parser);
    parser.process(QStringList{QStringLiteral("cryoscape backproject")} + arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet("out")) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("backproject: give one particles file and --out DIR.")),
                     qPrintable(parser.helpText()));
        return 2;
    }
    ProgressPrinter progress(tr("Backprojecting"));
    InterruptWatcher interrupt;
    return runReportingFailures(QStringLiteral("backproject"), progress, [&] {
        cryo::BackprojectionRequest request;
        readRequest(parser, request);
        long long total = 0;
        request.opened = [&total](std::size_t particles) { total = (long long)particles; };
        const cryo::AnalysisContext context{interrupt.token(), [&](double fraction) {
                                                progress.update(std::llround(fraction * double(total)), total);
                                            }};
        const cryo::BackprojectionResult result = cryo::runBackprojection(request, context);
        progress.finish();
        printResult(result, request);
    });
}

} // namespace cli
