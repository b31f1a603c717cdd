#pragma once
// Plain per-particle records shared by the particle dataset, its metadata readers and
// the summary. Units are stated on each field.
#include "ctf/Ctf.h"
#include "particles/StackPathResolver.h"

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

// CtfParams (the CTF parameters of one particle, RELION's units) lives in ctf/Ctf.h.

// One row of RELION's data_optics (or one cryoSPARC exposure group, or one group
// synthesised for RELION 3.0 files / bare stacks).
struct OpticsGroup {
    int id = 1;                    // _rlnOpticsGroup number / ctf/exp_group_id
    std::string name;              // _rlnOpticsGroupName, or "" when the source has none
    double pixelSize = 0;          // Å per pixel of the particle images
    int imageSize = 0;             // D (box edge in pixels); 0 when the source does not say
    float voltage = 300;           // kV
    float sphericalAberration = 2.7f;   // mm
    float amplitudeContrast = 0.1f;
};

// Orientation of one particle.
// rotation: row-major 3x3 matrix in RELION's Euler_angles2matrix convention (the matrix A
// with image coordinates = A * reference coordinates). cryoDRGN's pose.pkl rotations are
// the same matrices (its R_from_relion reproduces A). For cryoSPARC, A = exp(pose)^T.
// The raw source values are kept too: `angles` holds RELION (rot, tilt, psi) in degrees,
// or cryoSPARC's axis-angle vector in radians.
// shift: in Å, RELION's sign convention (_rlnOriginXAngst/_rlnOriginYAngst; cryoSPARC's
// alignments3D/shift has the same sign and is scaled by its pixel size).
struct ParticlePose {
    std::array<float, 9> rotation{1, 0, 0, 0, 1, 0, 0, 0, 1};
    std::array<float, 3> angles{0, 0, 0};
    float shiftX = 0, shiftY = 0;  // Å
};

// Where one particle's image lives and what is known about it.
struct ParticleRecord {
    std::size_t originalIndex = 0; // row in the input (STAR row / .cs record / position in the stacks)
    int stack = 0;                 // index into ParticleDataset::stacks()
    int image = 0;                 // 0-based section in that stack
    int opticsGroup = 0;           // index into ParticleDataset::opticsGroups()
    CtfParams ctf;
};

// An image stack file used by a dataset.
struct StackInfo {
    std::string reference;         // the path as written in the metadata ("Extract/job1/a.mrcs")
    std::filesystem::path path;    // where it was found ("" when not found)
    StackOrigin origin = StackOrigin::NotFound;   // which rule of StackPathResolver found it
    int imageCount = 0;            // sections in the file (0 when not opened)
    int nx = 0, ny = 0;
    double headerPixelSize = 0;    // Å, from the MRC header (0 when it does not say)
};

enum class ParticleSourceFormat { Mrcs, StackList, RelionStar, CryoSparcCs };

struct ParticleDatasetOptions {
    std::filesystem::path dataDirectory;   // last place to look for stacks: by basename here
    double pixelSize = 0;                  // Å; > 0 overrides what the files say
    bool loadEagerly = false;              // read every image into memory at open...
    std::size_t eagerLimitBytes = std::size_t(4) << 30;   // ...when it needs at most this much
    bool requireImages = true;             // false: missing/unreadable stacks become problems()
    bool requireCtf = false;               // a STAR file without defocus columns is an error
    bool checkFinite = true;               // reject NaN/Inf pixels when images are read
};

} // namespace cryo
