// cryoSPARC .cs (structured .npy) -> ParticleTable.
#include "formats/NpyFile.h"
#include "particles/ParticleTable.h"
#include "particles/PoseConversion.h"
#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace cryo {

namespace {

constexpr double kRadToDeg = 180.0 / std::numbers::pi;

// Field indices (-1 = absent), looked up once.
struct CsFields {
    int path, idx, shape, psize, group, df1, df2, angle, kv, cs, ac, phase, pose, shift, alignPsize;

    explicit CsFields(const NpyFile& f)
        : path(f.requireField("blob/path")), idx(f.requireField("blob/idx")), shape(f.fieldIndex("blob/shape")),
          psize(f.fieldIndex("blob/psize_A")), group(f.fieldIndex("ctf/exp_group_id")),
          df1(f.fieldIndex("ctf/df1_A")), df2(f.fieldIndex("ctf/df2_A")), angle(f.fieldIndex("ctf/df_angle_rad")),
          kv(f.fieldIndex("ctf/accel_kv")), cs(f.fieldIndex("ctf/cs_mm")), ac(f.fieldIndex("ctf/amp_contrast")),
          phase(f.fieldIndex("ctf/phase_shift_rad")), pose(f.fieldIndex("alignments3D/pose")),
          shift(f.fieldIndex("alignments3D/shift")), alignPsize(f.fieldIndex("alignments3D/psize_A"))
    {
    }
};

// Each field read needs as many values per record as it is read with (a hostile or broken
// file can declare ('blob/shape', '<u4', (0,))): refused once, naming the field.
void checkValueCounts(const NpyFile& f, const CsFields& c)
{
    const std::pair<int, std::size_t> needs[] = {
        {c.path, 1}, {c.idx, 1}, {c.shape, 1}, {c.psize, 1}, {c.group, 1}, {c.df1, 1}, {c.df2, 1}, {c.angle, 1},
        {c.kv, 1}, {c.cs, 1}, {c.ac, 1}, {c.phase, 1}, {c.pose, 3}, {c.shift, 2}, {c.alignPsize, 1}};
    for (const auto& [field, count] : needs) {
        if (field < 0)
            continue;
        const NpyField& info = f.field(field);
        if (info.elementCount() < count)
            throw FileError(f.path(), "field '" + info.name + "' (" + info.dtype + ") holds " +
                                          std::to_string(info.elementCount()) + " value(s) per record, expected " +
                                          std::to_string(count));
    }
}

float fieldOr(const NpyFile& f, std::size_t r, int field, float fallback)
{
    return field >= 0 ? float(f.number(r, field)) : fallback;
}

// A finite value or a FileError naming the record and field.
double finiteValue(const NpyFile& f, std::size_t r, int field, std::size_t element = 0)
{
    const double v = f.number(r, field, element);
    if (!std::isfinite(v))
        throw FileError(f.path(), "record " + std::to_string(r) + ", " + f.field(field).name + ": value is " +
                                      (std::isnan(v) ? "NaN" : "infinite"));
    return v;
}

OpticsGroup groupFromRecord(const NpyFile& f, std::size_t r, const CsFields& c, int id)
{
    OpticsGroup g;
    g.id = id;
    g.name = "exp_group_" + std::to_string(id);
    g.pixelSize = c.psize >= 0 ? finiteValue(f, r, c.psize) : 0.0;
    if (c.shape >= 0)
        g.imageSize = int(f.integer(r, c.shape, 0));
    g.voltage = fieldOr(f, r, c.kv, g.voltage);
    g.sphericalAberration = fieldOr(f, r, c.cs, g.sphericalAberration);
    g.amplitudeContrast = fieldOr(f, r, c.ac, g.amplitudeContrast);
    return g;
}

int groupIndex(const NpyFile& f, std::size_t r, const CsFields& c, std::vector<OpticsGroup>& groups)
{
    const int id = c.group >= 0 ? int(f.integer(r, c.group)) : 1;
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups[g].id == id)
            return int(g);
    groups.push_back(groupFromRecord(f, r, c, id));
    return int(groups.size()) - 1;
}

ParticlePose readPose(const NpyFile& f, std::size_t r, const CsFields& c, double pixelSize)
{
    ParticlePose pose;
    const std::array<double, 3> v{finiteValue(f, r, c.pose, 0), finiteValue(f, r, c.pose, 1),
                                  finiteValue(f, r, c.pose, 2)};
    pose.angles = {float(v[0]), float(v[1]), float(v[2])};
    pose.rotation = cryosparcPoseToMatrix(v);
    if (c.shift >= 0) {
        // Pixels of the refinement box; its pixel size is alignments3D/psize_A.
        const double scale = c.alignPsize >= 0 ? f.number(r, c.alignPsize) : pixelSize;
        pose.shiftX = float(finiteValue(f, r, c.shift, 0) * scale);
        pose.shiftY = float(finiteValue(f, r, c.shift, 1) * scale);
    }
    return pose;
}

} // namespace

ParticleTable readCsParticles(const NpyFile& f, const ParticleDatasetOptions& options)
{
    if (!f.isStructured())
        throw FileError(f.path(), "not a cryoSPARC particle file: a plain " + f.descrText() +
                                      " array, not a structured array of particle records");
    const CsFields c(f);
    checkValueCounts(f, c);
    ParticleTable table;
    table.rowLocation = [](std::size_t r) { return "record " + std::to_string(r); };
    table.oneBasedIndices = false;
    table.hasCtf = c.df1 >= 0 && c.df2 >= 0;
    if (options.requireCtf && !table.hasCtf)
        f.requireField(c.df1 < 0 ? "ctf/df1_A" : "ctf/df2_A");
    if (!table.hasCtf)
        table.problems.push_back("no CTF (no ctf/df1_A and ctf/df2_A fields)");
    const std::size_t n = f.recordCount();
    table.particles.resize(n);
    table.stackRefs.resize(n);
    if (c.pose >= 0)
        table.poses.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
        ParticleRecord& p = table.particles[r];
        p.originalIndex = r;
        std::string path = f.text(r, c.path);
        if (!path.empty() && path.front() == '>')
            path.erase(0, 1);   // cryoSPARC marks project-relative paths with '>'
        if (path.empty())
            throw FileError(f.path(), "record " + std::to_string(r) + ", blob/path: empty");
        table.stackRefs[r] = path;
        const std::int64_t idx = f.integer(r, c.idx);
        if (idx < 0 || idx > (std::int64_t(1) << 31) - 1)
            throw FileError(f.path(), "record " + std::to_string(r) + ", blob/idx: " + std::to_string(idx) +
                                          " is not a valid image index");
        p.image = int(idx);
        p.opticsGroup = groupIndex(f, r, c, table.optics);
        const OpticsGroup& g = table.optics[std::size_t(p.opticsGroup)];
        if (table.hasCtf) {
            p.ctf.defocusU = float(finiteValue(f, r, c.df1));
            p.ctf.defocusV = float(finiteValue(f, r, c.df2));
            p.ctf.defocusAngle = float(c.angle >= 0 ? finiteValue(f, r, c.angle) * kRadToDeg : 0.0);
            p.ctf.phaseShift = float(c.phase >= 0 ? finiteValue(f, r, c.phase) * kRadToDeg : 0.0);
            p.ctf.voltage = fieldOr(f, r, c.kv, g.voltage);
            p.ctf.sphericalAberration = fieldOr(f, r, c.cs, g.sphericalAberration);
            p.ctf.amplitudeContrast = fieldOr(f, r, c.ac, g.amplitudeContrast);
        }
        if (c.pose >= 0)
            table.poses[r] = readPose(f, r, c, options.pixelSize > 0 ? options.pixelSize : g.pixelSize);
    }
    if (n == 0)
        table.problems.push_back("no particle records");
    return table;
}

} // namespace cryo
