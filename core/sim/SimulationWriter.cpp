#include "sim/SimulationWriter.h"

#include "io/H5File.h"
#include "util/Error.h"

namespace cryo {

ParticleMetadata simulatedMetadata(const ParticleTruth& truth, const SimulationOptions& o,
                                   const std::string& stackName)
{
    ParticleMetadata m;
    OpticsGroup optics;
    optics.id = 1;
    optics.name = "opticsGroup1";
    optics.pixelSize = o.pixelSize;
    optics.imageSize = o.box;
    optics.voltage = float(o.voltage);
    optics.sphericalAberration = float(o.sphericalAberration);
    optics.amplitudeContrast = float(o.amplitudeContrast);
    m.optics = {optics};
    m.stackPaths = {stackName};
    m.hasCtf = true;   // the CTF parameters are written even when o.applyCtf is off
    m.particles.resize(truth.size());
    m.poses.resize(truth.size());
    for (std::size_t i = 0; i < truth.size(); ++i) {
        ParticleRecord& p = m.particles[i];
        p.originalIndex = i;
        p.stack = 0;
        p.image = int(i);
        p.opticsGroup = 0;
        p.ctf = truth.ctf[i];
        ParticlePose& pose = m.poses[i];
        pose.rotation = rowMajorFromMatrix(truth.rotations[i]);
        const EulerAngles e = relionEulerFromMatrix(truth.rotations[i]);
        pose.angles = {float(e.rot), float(e.tilt), float(e.psi)};
        pose.shiftX = float(truth.shifts[i][0] * o.pixelSize);
        pose.shiftY = float(truth.shifts[i][1] * o.pixelSize);
    }
    return m;
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
    h5.setAttribute("/", "atom_sigma_A", complex.atomSigma());
    h5.setAttribute("/", "snr", o.snr);
    h5.setAttribute("/", "snr_region",
                    std::string(o.snrRegion == SnrRegion::Particle ? "particle disc" : "whole image"));
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
