// cryoscape info FILE.mrc[s] — header summary of a map or stack, or the error.
#include "cli/CliCommand.h"

#include "io/MrcFile.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

QString describeMrc(const cryo::MrcHeader& h, const QString& path)
{
    const QString kind = h.isStack() ? tr("particle stack") : tr("map");
    QString out;
    out += tr("File:        %1 (%2)\n").arg(path, kind);
    out += h.isStack() ? tr("Images:      %1 of %2 x %3 pixels\n").arg(h.nz).arg(h.nx).arg(h.ny)
                       : tr("Dimensions:  %1 x %2 x %3 voxels\n").arg(h.nx).arg(h.ny).arg(h.nz);
    out += tr("Mode:        %1\n").arg(QString::fromStdString(cryo::modeName(h.mode)));
    out += h.pixelSize() > 0 ? tr("Pixel size:  %1 Å\n").arg(h.pixelSize(), 0, 'f', 4)
                             : tr("Pixel size:  not set in the header (cell is 0)\n");
    out += tr("Origin:      %1, %2, %3 Å\n").arg(h.origin[0]).arg(h.origin[1]).arg(h.origin[2]);
    out += tr("Min / max:   %1 / %2\n").arg(h.dmin, 0, 'g', 6).arg(h.dmax, 0, 'g', 6);
    out += tr("Mean / rms:  %1 / %2\n").arg(h.dmean, 0, 'g', 6).arg(h.rms, 0, 'g', 6);
    if (h.nsymbt > 0)
        out += tr("Extended header: %1 bytes (skipped)\n").arg(h.nsymbt);
    if (h.bigEndian)
        out += tr("Byte order:  big-endian\n");
    return out;
}

} // namespace

int runInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print the header summary of a map (.mrc) or particle stack (.mrcs)."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("lang"), tr("User interface language (e.g. de, en)."), tr("code")});
    parser.addPositionalArgument(QStringLiteral("file"), tr("An .mrc or .mrcs file."), tr("FILE..."));
    parser.process(QStringList{QStringLiteral("cryoscape info")} + arguments);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("info: no file given.")), qPrintable(parser.helpText()));
        return 2;
    }
    int status = 0;
    for (const QString& file : files) {
        try {
            const cryo::MrcHeader header = cryo::readMrcHeader(file.toStdString());
            std::printf("%s", describeMrc(header, file).toUtf8().constData());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s\n", qPrintable(tr("Error: %1").arg(QString::fromUtf8(e.what()))));
            status = 1;
        }
    }
    return status;
}

} // namespace cli
