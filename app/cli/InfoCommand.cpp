// cryoscape info FILE [--json] — header summary of a map (.mrc/.map), or summary of a
// particle dataset (.mrcs/.star/.cs/.txt: count, box, optics, CTF ranges, poses, problems).
#include "cli/CliCommand.h"

#include "io/MrcFile.h"
#include "particles/DatasetSummary.h"
#include "particles/ParticleDataset.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

bool isMapFile(const QString& file)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    return suffix == QLatin1String("mrc") || suffix == QLatin1String("map");
}

QString mrcJson(const cryo::MrcHeader& h, const QString& path)
{
    QJsonObject o;
    o["file"] = path;
    o["kind"] = h.isStack() ? "stack" : "map";
    o["dimensions"] = QJsonArray{h.nx, h.ny, h.nz};
    o["mode"] = int(h.mode);
    o["pixel_size_A"] = h.pixelSize();
    o["origin_A"] = QJsonArray{h.origin[0], h.origin[1], h.origin[2]};
    o["min"] = h.dmin;
    o["max"] = h.dmax;
    o["mean"] = h.dmean;
    o["rms"] = h.rms;
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

// Prints one file's summary; throws on bad input.
void describe(const QString& file, bool json, const QString& dataDirectory)
{
    if (isMapFile(file)) {
        const cryo::MrcHeader header = cryo::readMrcHeader(file.toStdString());
        std::printf("%s", (json ? mrcJson(header, file) : describeMrc(header, file)).toUtf8().constData());
        return;
    }
    cryo::ParticleDatasetOptions options;
    options.requireImages = false;   // report missing stacks as problems, still summarise
    options.dataDirectory = dataDirectory.toStdString();
    const cryo::ParticleDataset dataset = cryo::ParticleDataset::open(file.toStdString(), options);
    std::printf("%s", cryo::describeDataset(dataset, json).c_str());
}

} // namespace

int runInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print the header summary of a map (.mrc, .map) or a summary of a particle dataset "
           "(.mrcs, .star, .cs, .txt): count, box, pixel size, optics groups, CTF ranges, poses, problems."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("lang"), tr("User interface language (e.g. de, en)."), tr("code")});
    parser.addOption({QStringLiteral("json"), tr("Print JSON instead of text.")});
    parser.addOption({QStringList{QStringLiteral("data-dir"), QStringLiteral("datadir")},
                      tr("Folder to search for particle stacks by name."), tr("DIR")});
    parser.addPositionalArgument(QStringLiteral("file"), tr("A map, stack, .star, .cs or .txt file."), tr("FILE..."));
    parser.process(QStringList{QStringLiteral("cryoscape info")} + arguments);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("info: no file given.")), qPrintable(parser.helpText()));
        return 2;
    }
    int status = 0;
    for (const QString& file : files) {
        try {
            describe(file, parser.isSet(QStringLiteral("json")), parser.value(QStringLiteral("data-dir")));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s\n", qPrintable(tr("Error: %1").arg(QString::fromUtf8(e.what()))));
            status = 1;
        }
    }
    return status;
}

} // namespace cli
