// RELION .star -> ParticleTable.
#include "formats/StarFile.h"
#include "particles/ParticleTable.h"
#include "particles/PoseConversion.h"
#include "util/Error.h"

#include <charconv>
#include <map>
#include <tuple>

namespace cryo {

namespace {

// Column indices of the particle block (-1 = absent), looked up once.
struct ParticleColumns {
    int image, group, defocusU, defocusV, angle, phase, voltage, cs, ac;
    int pixelSize, detectorPixel, magnification;
    int rot, tilt, psi, originXA, originYA, originX, originY;

    explicit ParticleColumns(const StarBlock& b)
        : image(b.requireColumn("_rlnImageName")), group(b.columnIndex("_rlnOpticsGroup")),
          defocusU(b.columnIndex("_rlnDefocusU")), defocusV(b.columnIndex("_rlnDefocusV")),
          angle(b.columnIndex("_rlnDefocusAngle")), phase(b.columnIndex("_rlnPhaseShift")),
          voltage(b.columnIndex("_rlnVoltage")), cs(b.columnIndex("_rlnSphericalAberration")),
          ac(b.columnIndex("_rlnAmplitudeContrast")),
          pixelSize(b.columnIndex("_rlnImagePixelSize") >= 0 ? b.columnIndex("_rlnImagePixelSize")
                                                            : b.columnIndex("_rlnPixelSize")),
          detectorPixel(b.columnIndex("_rlnDetectorPixelSize")), magnification(b.columnIndex("_rlnMagnification")),
          rot(b.columnIndex("_rlnAngleRot")), tilt(b.columnIndex("_rlnAngleTilt")), psi(b.columnIndex("_rlnAnglePsi")),
          originXA(b.columnIndex("_rlnOriginXAngst")), originYA(b.columnIndex("_rlnOriginYAngst")),
          originX(b.columnIndex("_rlnOriginX")), originY(b.columnIndex("_rlnOriginY"))
    {
    }
};

const StarBlock* findParticleBlock(const StarFile& star)
{
    if (const StarBlock* particles = star.block("particles"))
        return particles;
    for (const StarBlock& block : star.blocks())
        if (block.isLoop && block.hasColumn("_rlnImageName"))
            return &block;
    return nullptr;
}

// "000012@Extract/a.mrcs" -> (11, "Extract/a.mrcs"); a bare path is image 1 of that file.
std::pair<int, std::string> parseImageName(const StarBlock& block, std::size_t row, int column)
{
    const std::string& text = block.value(row, column);
    const std::size_t at = text.find('@');
    if (at == std::string::npos)
        return {0, text};
    long long index = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + at, index);
    if (at == 0 || parsed.ec != std::errc() || parsed.ptr != text.data() + at || at + 1 >= text.size())
        throw FileError(block.source, block.rowLocation(row) + ", _rlnImageName: '" + text +
                                          "' is not index@path");
    if (index < 1 || index > (1LL << 31) - 1)
        throw FileError(block.source, block.rowLocation(row) + ", _rlnImageName: image index " +
                                          std::to_string(index) + " in '" + text + "' (indices start at 1)");
    return {int(index - 1), text.substr(at + 1)};
}

float numberOr(const StarBlock& block, std::size_t row, int column, float fallback)
{
    return column >= 0 ? float(block.number(row, column)) : fallback;
}

std::vector<OpticsGroup> readOpticsBlock(const StarBlock& optics)
{
    const int idColumn = optics.requireColumn("_rlnOpticsGroup");
    const int nameColumn = optics.columnIndex("_rlnOpticsGroupName");
    const int pixelColumn = optics.columnIndex("_rlnImagePixelSize");
    const int sizeColumn = optics.columnIndex("_rlnImageSize");
    const int voltageColumn = optics.columnIndex("_rlnVoltage");
    const int csColumn = optics.columnIndex("_rlnSphericalAberration");
    const int acColumn = optics.columnIndex("_rlnAmplitudeContrast");
    std::vector<OpticsGroup> groups;
    for (std::size_t r = 0; r < optics.rowCount(); ++r) {
        OpticsGroup g;
        g.id = int(optics.integer(r, idColumn));
        g.name = nameColumn >= 0 ? optics.value(r, nameColumn) : std::string();
        g.pixelSize = pixelColumn >= 0 ? optics.number(r, pixelColumn) : 0.0;
        g.imageSize = sizeColumn >= 0 ? int(optics.integer(r, sizeColumn)) : 0;
        g.voltage = numberOr(optics, r, voltageColumn, g.voltage);
        g.sphericalAberration = numberOr(optics, r, csColumn, g.sphericalAberration);
        g.amplitudeContrast = numberOr(optics, r, acColumn, g.amplitudeContrast);
        for (const OpticsGroup& other : groups)
            if (other.id == g.id)
                throw FileError(optics.source, optics.rowLocation(r) + ": optics group " + std::to_string(g.id) +
                                                   " appears twice");
        groups.push_back(g);
    }
    if (groups.empty())
        throw FileError(optics.source, "data_optics has no rows");
    return groups;
}

// RELION 3.1+: each particle names its group; returns the index into `groups`.
int groupIndexFromOptics(const StarBlock& block, std::size_t row, const ParticleColumns& col,
                         const std::vector<OpticsGroup>& groups)
{
    if (col.group < 0) {
        if (groups.size() == 1)
            return 0;
        block.requireColumn("_rlnOpticsGroup");   // throws: several groups, no way to choose
    }
    const std::int64_t id = block.integer(row, col.group);
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups[g].id == id)
            return int(g);
    throw FileError(block.source, block.rowLocation(row) + ", _rlnOpticsGroup: group " + std::to_string(id) +
                                      " is not in data_optics");
}

// RELION 3.0: optics live on each particle; one group per distinct combination.
int groupIndexFromRow(const StarBlock& block, std::size_t row, const ParticleColumns& col,
                      std::vector<OpticsGroup>& groups, std::map<std::tuple<float, float, float, double>, int>& seen)
{
    OpticsGroup g;
    g.voltage = numberOr(block, row, col.voltage, g.voltage);
    g.sphericalAberration = numberOr(block, row, col.cs, g.sphericalAberration);
    g.amplitudeContrast = numberOr(block, row, col.ac, g.amplitudeContrast);
    if (col.pixelSize >= 0) {
        g.pixelSize = block.number(row, col.pixelSize);
    } else if (col.detectorPixel >= 0 && col.magnification >= 0) {
        const double magnification = block.number(row, col.magnification);
        g.pixelSize = magnification > 0 ? block.number(row, col.detectorPixel) * 1.0e4 / magnification : 0.0;
    }
    const auto key = std::make_tuple(g.voltage, g.sphericalAberration, g.amplitudeContrast, g.pixelSize);
    const auto found = seen.find(key);
    if (found != seen.end())
        return found->second;
    g.id = int(groups.size()) + 1;
    groups.push_back(g);
    seen.emplace(key, g.id - 1);
    return g.id - 1;
}

void readCtf(const StarBlock& block, std::size_t row, const ParticleColumns& col, const OpticsGroup& group,
             CtfParams& ctf)
{
    ctf.defocusU = float(block.number(row, col.defocusU));
    ctf.defocusV = float(block.number(row, col.defocusV));
    ctf.defocusAngle = numberOr(block, row, col.angle, 0.0f);
    ctf.phaseShift = numberOr(block, row, col.phase, 0.0f);
    ctf.voltage = numberOr(block, row, col.voltage, group.voltage);
    ctf.sphericalAberration = numberOr(block, row, col.cs, group.sphericalAberration);
    ctf.amplitudeContrast = numberOr(block, row, col.ac, group.amplitudeContrast);
}

ParticlePose readPose(const StarBlock& block, std::size_t row, const ParticleColumns& col, double pixelSize)
{
    ParticlePose pose;
    pose.angles = {float(block.number(row, col.rot)), float(block.number(row, col.tilt)),
                   float(block.number(row, col.psi))};
    pose.rotation = relionEulerToMatrix(pose.angles[0], pose.angles[1], pose.angles[2]);
    if (col.originXA >= 0 && col.originYA >= 0) {
        pose.shiftX = float(block.number(row, col.originXA));
        pose.shiftY = float(block.number(row, col.originYA));
    } else if (col.originX >= 0 && col.originY >= 0) {   // RELION 3.0: pixels
        pose.shiftX = float(block.number(row, col.originX) * pixelSize);
        pose.shiftY = float(block.number(row, col.originY) * pixelSize);
    }
    return pose;
}

void checkCtfColumns(const StarBlock& block, const ParticleColumns& col, const ParticleDatasetOptions& options,
                     ParticleTable& table)
{
    if (col.defocusU >= 0 || col.defocusV >= 0 || options.requireCtf) {
        block.requireColumn("_rlnDefocusU");
        block.requireColumn("_rlnDefocusV");
        table.hasCtf = true;
    } else {
        table.problems.push_back(block.blockLabel() + " has no CTF (no _rlnDefocusU/_rlnDefocusV columns)");
    }
}

} // namespace

ParticleTable readStarParticles(const StarFile& star, const ParticleDatasetOptions& options)
{
    const StarBlock* block = findParticleBlock(star);
    if (!block)
        throw FileError(star.path(), "no data_particles block and no table with an _rlnImageName column");
    const ParticleColumns col(*block);
    ParticleTable table;
    table.particleBlock = block->name;
    table.rowLocation = [block](std::size_t row) { return block->rowLocation(row); };
    const StarBlock* optics = star.block("optics");
    if (optics)
        table.optics = readOpticsBlock(*optics);
    checkCtfColumns(*block, col, options, table);
    const bool hasPoses = col.rot >= 0 && col.tilt >= 0 && col.psi >= 0;
    if (!hasPoses && (col.rot >= 0 || col.tilt >= 0 || col.psi >= 0))
        table.problems.push_back(block->blockLabel() + " has only some of _rlnAngleRot/_rlnAngleTilt/_rlnAnglePsi: poses ignored");

    std::map<std::tuple<float, float, float, double>, int> seenGroups;
    const std::size_t n = block->rowCount();
    table.particles.resize(n);
    table.stackRefs.resize(n);
    if (hasPoses)
        table.poses.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
        ParticleRecord& p = table.particles[r];
        p.originalIndex = r;
        std::tie(p.image, table.stackRefs[r]) = parseImageName(*block, r, col.image);
        p.opticsGroup = optics ? groupIndexFromOptics(*block, r, col, table.optics)
                               : groupIndexFromRow(*block, r, col, table.optics, seenGroups);
        const OpticsGroup& group = table.optics[std::size_t(p.opticsGroup)];
        if (table.hasCtf)
            readCtf(*block, r, col, group, p.ctf);
        if (hasPoses)
            table.poses[r] = readPose(*block, r, col, options.pixelSize > 0 ? options.pixelSize : group.pixelSize);
    }
    if (n == 0)
        table.problems.push_back(block->blockLabel() + " has no particle rows");
    return table;
}

} // namespace cryo
