#include "particles/ParticleMetadataWriter.h"

#include "formats/NpyFile.h"
#include "formats/StarFile.h"
#include "particles/ParticleDataset.h"
#include "particles/PoseConversion.h"
#include "util/Error.h"

#include <cstdio>
#include <numbers>

namespace cryo {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;

std::string fixed(double value, int decimals = 6)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

void validate(const ParticleMetadata& m)
{
    if (m.optics.empty())
        throw UsageError("particle metadata needs at least one optics group");
    if (!m.poses.empty() && m.poses.size() != m.particles.size())
        throw UsageError("particle metadata has " + std::to_string(m.poses.size()) + " poses for " +
                         std::to_string(m.particles.size()) + " particles");
    for (std::size_t i = 0; i < m.particles.size(); ++i) {
        const ParticleRecord& p = m.particles[i];
        if (p.stack < 0 || std::size_t(p.stack) >= m.stackPaths.size() || p.opticsGroup < 0 ||
            std::size_t(p.opticsGroup) >= m.optics.size() || p.image < 0)
            throw UsageError("particle " + std::to_string(i) + " refers to a missing stack or optics group");
    }
}

// The columns of kRelionPoseColumns for one pose: rot, tilt, psi (degrees) and the origin (Å).
std::array<std::string, 5> relionPoseText(const ParticlePose& pose)
{
    const auto euler = matrixToRelionEuler(pose.rotation);
    return {fixed(euler[0]), fixed(euler[1]), fixed(euler[2]), fixed(pose.shiftX), fixed(pose.shiftY)};
}

constexpr const char* kRelionPoseColumns[5] = {"_rlnAngleRot", "_rlnAngleTilt", "_rlnAnglePsi", "_rlnOriginXAngst",
                                              "_rlnOriginYAngst"};

// alignments3D/pose (axis-angle), /shift (pixels) and, when the file has it, /psize_A of one record.
void putCryosparcPose(NpyFile& cs, std::size_t record, const ParticlePose& pose, double pixelSize)
{
    const auto v = matrixToCryosparcPose(pose.rotation);
    const int poseField = cs.requireField("alignments3D/pose"), shiftField = cs.requireField("alignments3D/shift");
    for (std::size_t k = 0; k < 3; ++k)
        cs.setNumber(record, poseField, v[k], k);
    cs.setNumber(record, shiftField, pose.shiftX / pixelSize, 0);
    cs.setNumber(record, shiftField, pose.shiftY / pixelSize, 1);
    if (const int psize = cs.fieldIndex("alignments3D/psize_A"); psize >= 0)
        cs.setNumber(record, psize, pixelSize);
}

// A deterministic, well-mixed 64-bit id per particle (cryoSPARC uids are random u64).
std::uint64_t uidFor(std::size_t index)
{
    std::uint64_t z = std::uint64_t(index) + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

StarBlock opticsBlock(const ParticleMetadata& m)
{
    StarBlock optics;
    optics.name = "optics";
    optics.isLoop = true;
    optics.comments = {"# version 30001"};
    optics.columns = {"_rlnOpticsGroup", "_rlnOpticsGroupName", "_rlnAmplitudeContrast",
                      "_rlnSphericalAberration", "_rlnVoltage", "_rlnImagePixelSize",
                      "_rlnImageSize", "_rlnImageDimensionality"};
    for (const OpticsGroup& g : m.optics)
        optics.rows.push_back({std::to_string(g.id), g.name.empty() ? "opticsGroup" + std::to_string(g.id) : g.name,
                               fixed(g.amplitudeContrast), fixed(g.sphericalAberration), fixed(g.voltage),
                               fixed(g.pixelSize), std::to_string(g.imageSize), "2"});
    return optics;
}

} // namespace

ParticleMetadata metadataOf(const ParticleDataset& dataset)
{
    ParticleMetadata m;
    m.optics = dataset.opticsGroups();
    m.particles = dataset.particles();
    for (const StackInfo& stack : dataset.stacks())
        m.stackPaths.push_back(stack.reference);
    m.poses = dataset.poses();
    m.hasCtf = dataset.hasCtf();
    return m;
}

void writeRelionStar(const std::filesystem::path& path, const ParticleMetadata& m)
{
    validate(m);
    StarFile file;
    file.addBlock(opticsBlock(m));
    StarBlock particles;
    particles.name = "particles";
    particles.isLoop = true;
    particles.comments = {"# version 30001"};
    particles.columns = {"_rlnImageName", "_rlnOpticsGroup"};
    if (m.hasCtf)
        particles.columns.insert(particles.columns.end(),
                                 {"_rlnDefocusU", "_rlnDefocusV", "_rlnDefocusAngle", "_rlnPhaseShift"});
    if (!m.poses.empty())
        particles.columns.insert(particles.columns.end(), std::begin(kRelionPoseColumns), std::end(kRelionPoseColumns));
    particles.rows.reserve(m.particles.size());
    char name[32];
    for (std::size_t i = 0; i < m.particles.size(); ++i) {
        const ParticleRecord& p = m.particles[i];
        std::snprintf(name, sizeof name, "%06d@", p.image + 1);
        std::vector<std::string> row{name + m.stackPaths[std::size_t(p.stack)],
                                     std::to_string(m.optics[std::size_t(p.opticsGroup)].id)};
        if (m.hasCtf)
            row.insert(row.end(), {fixed(p.ctf.defocusU), fixed(p.ctf.defocusV), fixed(p.ctf.defocusAngle),
                                   fixed(p.ctf.phaseShift)});
        if (!m.poses.empty()) {
            const auto pose = relionPoseText(m.poses[i]);
            row.insert(row.end(), pose.begin(), pose.end());
        }
        particles.rows.push_back(std::move(row));
    }
    file.addBlock(std::move(particles));
    file.write(path);
}

void writeCryosparcCs(const std::filesystem::path& path, const ParticleMetadata& m)
{
    validate(m);
    std::size_t pathBytes = 1;
    for (const std::string& stack : m.stackPaths)
        pathBytes = std::max(pathBytes, stack.size());
    std::vector<NpyFieldSpec> fields{{"uid", "<u8", {}},
                                     {"blob/path", "|S" + std::to_string(pathBytes), {}},
                                     {"blob/idx", "<u4", {}},
                                     {"blob/shape", "<u4", {2}},
                                     {"blob/psize_A", "<f4", {}},
                                     {"ctf/exp_group_id", "<u4", {}}};
    if (m.hasCtf)
        for (const char* name : {"ctf/accel_kv", "ctf/cs_mm", "ctf/amp_contrast", "ctf/df1_A", "ctf/df2_A",
                                 "ctf/df_angle_rad", "ctf/phase_shift_rad"})
            fields.push_back({name, "<f4", {}});
    if (!m.poses.empty())
        fields.insert(fields.end(), {{"alignments3D/shift", "<f4", {2}},
                                     {"alignments3D/pose", "<f4", {3}},
                                     {"alignments3D/psize_A", "<f4", {}}});
    NpyFile cs = NpyFile::create(fields, m.particles.size());
    auto field = [&](const char* name) { return cs.fieldIndex(name); };
    for (std::size_t i = 0; i < m.particles.size(); ++i) {
        const ParticleRecord& p = m.particles[i];
        const OpticsGroup& g = m.optics[std::size_t(p.opticsGroup)];
        cs.setUnsigned(i, field("uid"), uidFor(i));
        cs.setText(i, field("blob/path"), m.stackPaths[std::size_t(p.stack)]);
        cs.setNumber(i, field("blob/idx"), p.image);
        cs.setNumber(i, field("blob/shape"), g.imageSize, 0);
        cs.setNumber(i, field("blob/shape"), g.imageSize, 1);
        cs.setNumber(i, field("blob/psize_A"), g.pixelSize);
        cs.setNumber(i, field("ctf/exp_group_id"), g.id);
        if (m.hasCtf) {
            cs.setNumber(i, field("ctf/accel_kv"), p.ctf.voltage);
            cs.setNumber(i, field("ctf/cs_mm"), p.ctf.sphericalAberration);
            cs.setNumber(i, field("ctf/amp_contrast"), p.ctf.amplitudeContrast);
            cs.setNumber(i, field("ctf/df1_A"), p.ctf.defocusU);
            cs.setNumber(i, field("ctf/df2_A"), p.ctf.defocusV);
            cs.setNumber(i, field("ctf/df_angle_rad"), p.ctf.defocusAngle * kDegToRad);
            cs.setNumber(i, field("ctf/phase_shift_rad"), p.ctf.phaseShift * kDegToRad);
        }
        if (!m.poses.empty())
            putCryosparcPose(cs, i, m.poses[i], g.pixelSize);
    }
    cs.write(path);
}

void setRelionPoses(StarBlock& particles, const std::vector<ParticlePose>& poses, const std::vector<double>& pixelSizes)
{
    if (poses.size() != particles.rowCount() || pixelSizes.size() != particles.rowCount())
        throw UsageError("setRelionPoses: " + std::to_string(poses.size()) + " poses for " +
                         std::to_string(particles.rowCount()) + " rows");
    // RELION 3.0 tables give the origin in pixels only; adding Å columns beside would leave
    // RELION two origins to choose from.
    const bool pixelOrigins = particles.hasColumn("_rlnOriginX") && !particles.hasColumn("_rlnOriginXAngst");
    const char* names[5] = {kRelionPoseColumns[0], kRelionPoseColumns[1], kRelionPoseColumns[2],
                            pixelOrigins ? "_rlnOriginX" : kRelionPoseColumns[3],
                            pixelOrigins ? "_rlnOriginY" : kRelionPoseColumns[4]};
    int columns[5];
    for (int c = 0; c < 5; ++c)
        columns[c] = particles.addColumn(names[c]);   // the existing column when there is one
    for (std::size_t row = 0; row < particles.rowCount(); ++row) {
        auto text = relionPoseText(poses[row]);
        if (pixelOrigins) {
            text[3] = fixed(poses[row].shiftX / pixelSizes[row]);
            text[4] = fixed(poses[row].shiftY / pixelSizes[row]);
        }
        for (int c = 0; c < 5; ++c)
            particles.setValue(row, columns[c], text[std::size_t(c)]);
    }
}

bool setCryosparcPoses(NpyFile& cs, const std::vector<ParticlePose>& poses, const std::vector<double>& pixelSizes)
{
    if (poses.size() != cs.recordCount() || pixelSizes.size() != cs.recordCount())
        throw UsageError("setCryosparcPoses: " + std::to_string(poses.size()) + " poses for " +
                         std::to_string(cs.recordCount()) + " records");
    if (cs.fieldIndex("alignments3D/pose") < 0 || cs.fieldIndex("alignments3D/shift") < 0)
        return false;
    for (std::size_t i = 0; i < cs.recordCount(); ++i)
        putCryosparcPose(cs, i, poses[i], pixelSizes[i]);
    return true;
}

} // namespace cryo
