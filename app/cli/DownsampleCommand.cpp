// cryoscape downsample INPUT -D BOX --out DIR — Fourier-crop a stack or a .star dataset.
#include "cli/CliCommand.h"
#include "cli/ProgressPrinter.h"

#include "fourier/DownsampleDataset.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace cli {
namespace {
QString tr(const char* text) { return QCoreApplication::translate("cli", text); }
}

int runDownsample(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Downsample particles by Fourier cropping (no aliasing): an .mrcs stack, or a RELION .star file "
           "with all its stacks. Writes <name>_D<box>.mrcs (and .star, with pixel size and image size "
           "updated and every other column kept) into the output folder."));
    parser.addHelpOption();
    parser.addOptions({
        {{"D", "box"}, tr("New box size in pixels (even, at most the current box)."), tr("BOX")},
        {"out", tr("Output folder (created if needed)."), tr("DIR")},
        {QStringList{"data-dir", "datadir"}, tr("Folder to search for the .star file's stacks by name."), tr("DIR")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
    parser.addPositionalArgument(QStringLiteral("input"), tr("An .mrcs stack or a .star file."), tr("INPUT"));
    parser.process(QStringList{QStringLiteral("cryoscape downsample")} + arguments);
    bool boxOk = false;
    const int box = parser.value("box").toInt(&boxOk);
    if (parser.positionalArguments().size() != 1 || !boxOk || !parser.isSet("out")) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("downsample: give one INPUT, -D BOX and --out DIR.")),
                     qPrintable(parser.helpText()));
        return 2;
    }
    cryo::DownsampleDatasetOptions options;
    options.input = parser.positionalArguments().first().toStdString();
    options.outDir = parser.value("out").toStdString();
    options.newBox = box;
    options.dataDirectory = parser.value("data-dir").toStdString();
    ProgressPrinter progress(tr("Downsampling"));
    options.progress = [&progress](long long done, long long total) { progress.update(done, total); };
    return runReportingFailures(QStringLiteral("downsample"), progress, [&] {
        const cryo::DownsampleDatasetResult r = cryo::downsampleDataset(options);
        progress.finish();
        std::printf("%s\n", qPrintable(tr("Downsampled %1 images from %2 px (%3 Å/px) to %4 px (%5 Å/px):")
                                           .arg(r.images)
                                           .arg(r.oldBox)
                                           .arg(r.oldPixelSize, 0, 'f', 4)
                                           .arg(r.newBox)
                                           .arg(r.newPixelSize, 0, 'f', 4)));
        for (const auto& file : r.written)
            std::printf("  %s\n", file.string().c_str());
    });
}

} // namespace cli
