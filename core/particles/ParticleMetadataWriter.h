#pragma once
// Writes particle metadata (CTF, poses, optics, where each image lives) as a new RELION
// 3.1 STAR file or a new cryoSPARC .cs file — for simulated data and for format
// conversion. (Subsets of an existing file keep that file's own columns instead:
// ParticleDataset::writeSubset.)
#include "particles/ParticleTypes.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

class NpyFile;
class ParticleDataset;
struct StarBlock;

struct ParticleMetadata {
    std::vector<OpticsGroup> optics;          // at least one; pixelSize and imageSize must be set
    std::vector<ParticleRecord> particles;    // stack, image (0-based), opticsGroup, ctf
    std::vector<std::string> stackPaths;      // by ParticleRecord::stack, written as given
    std::vector<ParticlePose> poses;          // empty, or one per particle (rotation, shifts in Å)
    bool hasCtf = true;
};

// The metadata of an opened dataset; stack paths are the references as written in its source.
ParticleMetadata metadataOf(const ParticleDataset& dataset);

// RELION 3.1: data_optics + data_particles with _rlnImageName "000001@stack.mrcs",
// _rlnDefocusU/V/Angle, _rlnPhaseShift, _rlnAngleRot/Tilt/Psi, _rlnOriginX/YAngst.
void writeRelionStar(const std::filesystem::path& path, const ParticleMetadata& metadata);

// cryoSPARC: uid, blob/path, blob/idx (0-based), blob/shape, blob/psize_A, ctf/*,
// alignments3D/pose (axis-angle of A^T), alignments3D/shift (pixels), alignments3D/psize_A.
void writeCryosparcCs(const std::filesystem::path& path, const ParticleMetadata& metadata);

// Puts other poses (e.g. found ab initio) into a particle table read from a file, one pose and
// pixel size (Å/px) per row/record in order, keeping every other column:
// RELION: sets _rlnAngleRot/Tilt/Psi and _rlnOriginX/YAngst (added when absent); a RELION 3.0
// table, with _rlnOriginX/Y in pixels and no Å columns, gets its pixel columns set instead.
void setRelionPoses(StarBlock& particles, const std::vector<ParticlePose>& poses, const std::vector<double>& pixelSizes);
// cryoSPARC: sets alignments3D/pose, /shift (pixels) and /psize_A. Returns false, changing
// nothing, when the file has no alignments3D/pose and /shift fields to hold them.
bool setCryosparcPoses(NpyFile& cs, const std::vector<ParticlePose>& poses, const std::vector<double>& pixelSizes);

} // namespace cryo
