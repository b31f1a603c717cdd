#include "fourier/DownsampleStar.h"

#include "util/Error.h"

#include <cstdio>

namespace cryo {
namespace {

std::string formatNumber(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6f", value);
    return buffer;
}

// Multiplies a numeric column by `factor` in every row (no-op if the column is absent).
void scaleColumn(StarBlock& block, std::string_view column, double factor)
{
    const int c = block.columnIndex(column);
    if (c < 0)
        return;
    for (std::size_t r = 0; r < block.rowCount(); ++r)
        block.setValue(r, c, formatNumber(block.number(r, c) * factor));
}

void setColumn(StarBlock& block, std::string_view column, const std::string& value)
{
    const int c = block.columnIndex(column);
    if (c < 0)
        return;
    for (std::size_t r = 0; r < block.rowCount(); ++r)
        block.setValue(r, c, value);
}

void renameImages(StarBlock& block, const DownsampleStarOptions& o)
{
    if (!o.renameStack)
        return;
    const int c = block.requireColumn("_rlnImageName");
    for (std::size_t r = 0; r < block.rowCount(); ++r) {
        const std::string& name = block.value(r, c);
        const std::size_t at = name.find('@');
        if (at == std::string::npos || at == 0 || at + 1 == name.size())
            throw FileError(block.source, block.rowLocation(r) + ", _rlnImageName: '" + name +
                                              "' is not of the form index@stack");
        block.setValue(r, c, name.substr(0, at + 1) + o.renameStack(name.substr(at + 1)));
    }
}

} // namespace

StarFile downsampledStar(const StarFile& input, const DownsampleStarOptions& o)
{
    if (o.oldBox <= 0 || o.newBox <= 0 || o.newBox > o.oldBox)
        throw UsageError("downsample: new box must be positive and at most the old box");
    const double shrink = double(o.newBox) / double(o.oldBox);   // pixels per old pixel
    StarFile out = input;
    bool foundParticles = false;
    for (StarBlock& block : out.blocks()) {
        // Optics tables (3.1) and per-particle optics (3.0) carry the image geometry.
        scaleColumn(block, "_rlnImagePixelSize", 1.0 / shrink);
        setColumn(block, "_rlnImageSize", std::to_string(o.newBox));
        if (!block.hasColumn("_rlnImageName"))
            continue;
        foundParticles = true;
        // RELION 3.0: pixel size = DetectorPixelSize·1e4 / Magnification.
        if (!block.hasColumn("_rlnImagePixelSize"))
            scaleColumn(block, "_rlnMagnification", shrink);
        scaleColumn(block, "_rlnOriginX", shrink);
        scaleColumn(block, "_rlnOriginY", shrink);
        renameImages(block, o);
    }
    if (!foundParticles)
        throw FileError(input.path(), "no data block has an _rlnImageName column");
    return out;
}

} // namespace cryo
