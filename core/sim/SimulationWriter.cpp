#include "sim/SimulationWriter.h"

#include "formats/NpyFile.h"
#include "formats/StarFile.h"
#include "io/H5File.h"
#include "util/Error.h"

#include <cstdio>
#include <numbers>

namespace cryo {
namespace {

constexpr double kRad = std::numbers::pi / 180.0;

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

// A deterministic 64-bit id per particle (cryoSPARC uids are random u8 values).
std::uint64_t particleUid(std::uint64_t seed, std::size_t index)
{
    std::uint64_t z = seed * 0x9E3779B97F4A7C15ull + index + 1;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (z ^ (z >> 31)) >> 1;   // stays below 2^63 for readers that use int64
}

StarBlock opticsBlock(const SimulationOptions& o)
{
    StarBlock optics;
    optics.name = "optics";
    optics.isLoop = true;
    optics.comments = {"# version 30001"};
    optics.columns = {"_rlnOpticsGroupName", "_rlnOpticsGroup", "_rlnMicrographOriginalPixelSize", "_rlnVoltage",
                      "_rlnSphericalAberration", "_rlnAmplitudeContrast", "_rlnImagePixelSize", "_rlnImageSize",
                      "_rlnImageDimensionality"};
    optics.rows.push_back({"opticsGroup1", "1", fixed(o.pixelSize, 6), fixed(o.voltage, 6),
                           fixed(o.sphericalAberration, 6), fixed(o.amplitudeContrast, 6), fixed(o.pixelSize, 6),
                           std::to_string(o.box), "2"});
    return optics;
}

} // namespace

void writeSimulatedStar(const std::filesystem::path& path, const ParticleTruth& truth,
                        const SimulationOptions& options, const std::string& stackName)
{
    StarFile star;
    star.addBlock(opticsBlock(options));
    StarBlock particles;
    particles.name = "particles";
    particles.isLoop = true;
    particles.comments = {"# version 30001"};
    particles.columns = {"_rlnImageName", "_rlnMicrographName", "_rlnOpticsGroup", "_rlnDefocusU", "_rlnDefocusV",
                         "_rlnDefocusAngle", "_rlnPhaseShift", "_rlnCtfBfactor", "_rlnAngleRot", "_rlnAngleTilt",
                         "_rlnAnglePsi", "_rlnOriginXAngst", "_rlnOriginYAngst"};
    particles.rows.reserve(truth.size());
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const CtfParams& c = truth.ctf[i];
        const EulerAngles e = relionEulerFromMatrix(truth.rotations[i]);
        particles.rows.push_back({std::to_string(i + 1) + "@" + stackName, "simulated.mrc", "1",
                                  fixed(c.defocusU, 6), fixed(c.defocusV, 6), fixed(c.defocusAngle, 6),
                                  fixed(c.phaseShift, 6), "0.000000", fixed(e.rot, 6), fixed(e.tilt, 6),
                                  fixed(e.psi, 6), fixed(truth.shifts[i][0] * options.pixelSize, 6),
                                  fixed(truth.shifts[i][1] * options.pixelSize, 6)});
    }
    star.addBlock(std::move(particles));
    star.write(path);
}

void writeSimulatedCs(const std::filesystem::path& path, const ParticleTruth& truth,
                      const SimulationOptions& options, const std::string& stackName)
{
    const std::string pathType = "|S" + std::to_string(std::max<std::size_t>(stackName.size(), 1));
    NpyFile cs = NpyFile::create(
        {{"uid", "<u8", {}},
         {"blob/path", pathType, {}},
         {"blob/idx", "<u4", {}},
         {"blob/shape", "<u4", {2}},
         {"blob/psize_A", "<f4", {}},
         {"blob/sign", "<f4", {}},
         {"ctf/accel_kv", "<f4", {}},
         {"ctf/cs_mm", "<f4", {}},
         {"ctf/amp_contrast", "<f4", {}},
         {"ctf/df1_A", "<f4", {}},
         {"ctf/df2_A", "<f4", {}},
         {"ctf/df_angle_rad", "<f4", {}},
         {"ctf/phase_shift_rad", "<f4", {}},
         {"alignments3D/pose", "<f4", {3}},
         {"alignments3D/shift", "<f4", {2}},
         {"alignments3D/psize_A", "<f4", {}}},
        truth.size());
    const auto f = [&](const char* name) { return cs.requireField(name); };
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const CtfParams& c = truth.ctf[i];
        cs.setUnsigned(i, f("uid"), particleUid(options.seed, i));
        cs.setText(i, f("blob/path"), stackName);
        cs.setUnsigned(i, f("blob/idx"), i);
        cs.setUnsigned(i, f("blob/shape"), std::uint64_t(options.box), 0);
        cs.setUnsigned(i, f("blob/shape"), std::uint64_t(options.box), 1);
        cs.setNumber(i, f("blob/psize_A"), options.pixelSize);
        cs.setNumber(i, f("blob/sign"), -1.0);   // dark particles on a light background
        cs.setNumber(i, f("ctf/accel_kv"), c.voltage);
        cs.setNumber(i, f("ctf/cs_mm"), c.sphericalAberration);
        cs.setNumber(i, f("ctf/amp_contrast"), c.amplitudeContrast);
        cs.setNumber(i, f("ctf/df1_A"), c.defocusU);
        cs.setNumber(i, f("ctf/df2_A"), c.defocusV);
        cs.setNumber(i, f("ctf/df_angle_rad"), c.defocusAngle * kRad);
        cs.setNumber(i, f("ctf/phase_shift_rad"), c.phaseShift * kRad);
        const Vec3 pose = cryosparcPoseFromMatrix(truth.rotations[i]);
        for (int k = 0; k < 3; ++k)
            cs.setNumber(i, f("alignments3D/pose"), pose[k], k);
        cs.setNumber(i, f("alignments3D/shift"), truth.shifts[i][0], 0);
        cs.setNumber(i, f("alignments3D/shift"), truth.shifts[i][1], 1);
        cs.setNumber(i, f("alignments3D/psize_A"), options.pixelSize);
    }
    cs.write(path);
}

namespace {

// /particles/*: the per-particle truth tables.
void writeParticleTables(H5File& h5, const ParticleTruth& truth, int k)
{
    const std::size_t n = truth.size();
    std::vector<double> rotations(n * 9), shifts(n * 2), defocus(n * 3), coords(n * std::max(k, 1));
    std::vector<std::int32_t> states(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                rotations[i * 9 + r * 3 + c] = truth.rotations[i](r, c);
        shifts[i * 2] = truth.shifts[i][0];
        shifts[i * 2 + 1] = truth.shifts[i][1];
        defocus[i * 3] = truth.ctf[i].defocusU;
        defocus[i * 3 + 1] = truth.ctf[i].defocusV;
        defocus[i * 3 + 2] = truth.ctf[i].defocusAngle;
        for (int j = 0; j < k; ++j)
            coords[i * k + j] = truth.conformations[i].angles[j];
        states[i] = truth.conformations[i].state;
    }
    h5.write("/particles/rotations", rotations, {n, 3, 3});
    h5.write("/particles/shifts_px", shifts, {n, 2});
    h5.write("/particles/defocus", defocus, {n, 3});
    h5.write("/particles/state", states, {n});
    if (k > 0)
        h5.write("/particles/coordinates", coords, {n, std::size_t(k)});
    h5.setAttribute("/particles/rotations", "convention",
                    std::string("R = RELION Euler_angles2matrix(rot,tilt,psi) = cryoDRGN pose.pkl rotation; "
                                "image = CTF * shift(-t) * project(volume rotated by R) along z"));
    h5.setAttribute("/particles/shifts_px", "convention",
                    std::string("t in pixels = rlnOriginX/YAngst / pixel size = cryoSPARC alignments3D/shift; "
                                "particle centre at image centre - t"));
    h5.setAttribute("/particles/defocus", "columns", std::string("defocusU_A, defocusV_A, angle_deg"));
}

// /maps/*: which conformation each ground-truth map shows.
void writeMapTables(H5File& h5, const TruthMaps& maps, int k)
{
    const std::size_t m = maps.conformations.size();
    std::vector<double> coords(m * std::max(k, 1));
    std::vector<std::int32_t> states(m);
    std::string names;
    for (std::size_t i = 0; i < m; ++i) {
        for (int j = 0; j < k; ++j)
            coords[i * k + j] = maps.conformations[i].angles[j];
        states[i] = maps.conformations[i].state;
        names += (i ? ";" : "") + maps.fileNames[i];
    }
    if (k > 0)
        h5.write("/maps/coordinates", coords, {m, std::size_t(k)});
    h5.write("/maps/state", states, {m});
    h5.setAttribute("/maps", "files", names);
}

void writeRootAttributes(H5File& h5, const SimulationOptions& o, const PseudoAtomComplex& complex,
                         const SimulationResult& result)
{
    h5.setAttribute("/", "format", std::string("cryoscape-simulation-truth"));
    h5.setAttribute("/", "version", 1.0);
    h5.setAttribute("/", "motion", motionName(o.motion));
    h5.setAttribute("/", "description", complex.description());
    h5.setAttribute("/", "coordinate_units", std::string("degrees (hinge angle of arm 1, then arm 2)"));
    h5.setAttribute("/", "state_count", double(complex.stateCount()));
    h5.setAttribute("/", "hinge_min_deg", o.hingeMin);
    h5.setAttribute("/", "hinge_max_deg", o.hingeMax);
    h5.setAttribute("/", "seed", double(o.seed));
    h5.setAttribute("/", "box", double(o.box));
    h5.setAttribute("/", "pixel_size_A", o.pixelSize);
    h5.setAttribute("/", "snr", o.snr);
    h5.setAttribute("/", "noise_std", result.noiseStd);
    h5.setAttribute("/", "signal_variance", result.signalVariance);
    h5.setAttribute("/", "ctf_applied", o.applyCtf ? 1.0 : 0.0);
    h5.setAttribute("/", "voltage_kv", o.voltage);
    h5.setAttribute("/", "cs_mm", o.sphericalAberration);
    h5.setAttribute("/", "amplitude_contrast", o.amplitudeContrast);
}

} // namespace

void writeTruthH5(const std::filesystem::path& path, const ParticleTruth& truth, const SimulationOptions& options,
                  const PseudoAtomComplex& complex, const TruthMaps& maps, const SimulationResult& result)
{
    H5File h5(path, H5File::Mode::CreateAtomic);
    const int k = complex.coordinateCount();
    writeParticleTables(h5, truth, k);
    writeMapTables(h5, maps, k);
    writeRootAttributes(h5, options, complex, result);
    h5.close();
}

} // namespace cryo
