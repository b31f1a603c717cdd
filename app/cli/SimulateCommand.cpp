// cryoscape simulate --out DIR [...] — a synthetic dataset with ground truth (see
// core/sim/Simulator.h for what is written).
#include "cli/CliCommand.h"
#include "cli/CliOptions.h"
#include "cli/ProgressPrinter.h"

#include "sim/Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <tuple>
#include <utility>

namespace cli {

namespace {

// "MIN:MAX" in degrees; throws cryo::UsageError when it is not two numbers with MIN ≤ MAX.
std::pair<double, double> hingeRange(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    bool okMin = false, okMax = false;
    const double lo = parts.size() == 2 ? parts[0].toDouble(&okMin) : 0;
    const double hi = parts.size() == 2 ? parts[1].toDouble(&okMax) : 0;
    if (!okMin || !okMax || lo > hi)
        throw cryo::UsageError("--hinge-range needs MIN:MAX in degrees with MIN <= MAX, got '" + text.toStdString() +
                               "'");
    return {lo, hi};
}

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

} // namespace

int runSimulate(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Simulate a particle dataset with known ground truth: a complex of Gaussian pseudo-atoms whose "
           "domains move (hinge: 1D, two-hinges: 2D, discrete: compositional states), projected at random "
           "poses with CTF, shifts and noise. Writes particles.mrcs, particles.star (RELION 3.1), "
           "particles.cs (cryoSPARC), truth.h5 and ground-truth maps (.mrc)."));
    parser.addHelpOption();
    parser.addOptions({
        {"out", tr("Output folder (created if needed)."), tr("DIR")},
        {"particles", tr("Number of particles (default 5000)."), tr("N")},
        {"box", tr("Box size in pixels, even (default 64)."), tr("D")},
        {"apix", tr("Pixel size in Å (default 3.0)."), tr("Å")},
        {"snr", tr("Signal-to-noise ratio: signal variance / noise variance (default 0.1; 0: no noise)."), tr("S")},
        {"snr-region",
         tr("Pixels the signal variance is measured over: image (all pixels, as cryoDRGN) or particle (a disc "
            "around the particle; noisier for the same SNR) (default image)."),
         tr("REGION")},
        {"motion", tr("hinge, two-hinges, discrete or none (one conformation) (default hinge)."), tr("KIND")},
        {"hinge-range", tr("Angles the hinged arms swing through, in degrees (default 0:80); hinge and two-hinges "
                           "only."), tr("MIN:MAX")},
        {"atom-sigma", tr("Width of the Gaussian pseudo-atoms in Å (default 2.5, or half a pixel if that is "
                          "wider): smaller gives finer detail, signal at higher frequencies; below 0.5 px the "
                          "images alias."), tr("Å")},
        {"seed", tr("Random seed (default 1)."), tr("K")},
        {"threads", tr("Compute threads (default: all cores)."), tr("T")},
        {"no-ctf", tr("Do not apply a CTF.")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
    parser.process(QStringList{QStringLiteral("cryoscape simulate")} + arguments);
    if (!parser.isSet("out")) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("simulate: --out DIR is required.")), qPrintable(parser.helpText()));
        return 2;
    }
    cryo::SimulationOptions options;
    options.outDir = parser.value("out").toStdString();
    options.applyCtf = !parser.isSet("no-ctf");
    ProgressPrinter progress(tr("Simulating"));
    options.progress = [&progress](int done, int total) { progress.update(done, total); };
    return runReportingFailures(QStringLiteral("simulate"), progress, [&] {
        numberOption(parser, "particles", options.particles);
        numberOption(parser, "box", options.box);
        numberOption(parser, "apix", options.pixelSize);
        numberOption(parser, "snr", options.snr);
        numberOption(parser, "seed", options.seed);
        numberOption(parser, "threads", options.threads);
        numberOption(parser, "atom-sigma", options.atomSigma);
        if (const QString region = parser.value("snr-region"); region == QStringLiteral("particle"))
            options.snrRegion = cryo::SnrRegion::Particle;
        else if (!region.isEmpty() && region != QStringLiteral("image"))
            throw cryo::UsageError("--snr-region must be image or particle, not " + region.toStdString());
        // "none": one conformation (the hinge fixed at 40°), for homogeneous reconstructions
        const bool oneConformation = parser.value("motion") == QStringLiteral("none");
        if (oneConformation)
            options.hingeMin = options.hingeMax = 40;
        else if (parser.isSet("motion"))
            options.motion = cryo::motionFromName(parser.value("motion").toStdString());
        if (parser.isSet("hinge-range")) {
            if (oneConformation || options.motion == cryo::MotionKind::Discrete)
                throw cryo::UsageError("--hinge-range applies to --motion hinge and two-hinges only");
            std::tie(options.hingeMin, options.hingeMax) = hingeRange(parser.value("hinge-range"));
        }
        const cryo::SimulationResult result = cryo::simulateDataset(options);
        progress.finish();
        std::printf("%s\n", qPrintable(tr("Wrote %1 particles of %2 x %2 px (%3 Å/px, SNR %4 over %5, %6) to %7 in %8 s")
                                           .arg(result.count)
                                           .arg(options.box)
                                           .arg(options.pixelSize)
                                           .arg(options.snr)
                                           .arg(options.snrRegion == cryo::SnrRegion::Particle ? tr("the particle disc")
                                                                                                : tr("the whole image"))
                                           .arg(oneConformation ? tr("one conformation")
                                                                : QString::fromStdString(cryo::motionName(options.motion)))
                                           .arg(parser.value("out"))
                                           .arg(result.seconds, 0, 'f', 1)));
        for (const auto& map : result.maps)
            std::printf("  %s\n", map.string().c_str());
    });
}

} // namespace cli
