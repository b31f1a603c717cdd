#pragma once
// What a metadata reader (STAR, .cs) yields before the image stacks are attached.
#include "particles/ParticleTypes.h"

#include <functional>
#include <string>
#include <vector>

namespace cryo {

class NpyFile;
class StarFile;

struct ParticleTable {
    std::vector<ParticleRecord> particles;   // `stack` not yet set; `image` 0-based
    std::vector<std::string> stackRefs;      // per particle: the stack path as written
    std::vector<OpticsGroup> optics;
    std::vector<ParticlePose> poses;         // empty, or one per particle
    bool hasCtf = false;
    bool oneBasedIndices = true;             // how the source counts images (STAR 1-based, .cs 0-based)
    std::vector<std::string> problems;       // findings that do not stop reading
    std::string particleBlock;               // STAR: name of the block holding the particles
    // "data_particles row 3 (line 52)" / "record 3": prefixes messages about particle i.
    std::function<std::string(std::size_t)> rowLocation;
};

// RELION 3.0 (one block, per-particle optics) and 3.1+ (data_optics + data_particles).
// Throws FileError naming the file, row and column for missing columns, non-numeric
// fields, malformed _rlnImageName values and unknown optics groups.
ParticleTable readStarParticles(const StarFile& star, const ParticleDatasetOptions& options);

// cryoSPARC particle records (blob/path, blob/idx, ctf/*, alignments3D/*).
ParticleTable readCsParticles(const NpyFile& cs, const ParticleDatasetOptions& options);

} // namespace cryo
