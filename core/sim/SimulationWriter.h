#pragma once
// Metadata files of a simulated dataset: RELION 3.1 .star and cryoSPARC .cs through the
// shared particle metadata writer (particles/ParticleMetadataWriter.h), and truth.h5.
// All written atomically (temporary name, then rename).
#include "particles/ParticleMetadataWriter.h"
#include "sim/Simulator.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

// The ground-truth maps written next to the particles: their conformations and file names.
struct TruthMaps {
    std::vector<Conformation> conformations;
    std::vector<std::string> fileNames;   // relative to the output directory
};

// The particles as metadata: one optics group, image i of `stackName` (as it appears in
// rlnImageName / blob/path), CTF, and poses (our R; shifts t in Å = t_px · pixel size).
ParticleMetadata simulatedMetadata(const ParticleTruth& truth, const SimulationOptions& options,
                                   const std::string& stackName);
void writeTruthH5(const std::filesystem::path& path, const ParticleTruth& truth, const SimulationOptions& options,
                  const PseudoAtomComplex& complex, const TruthMaps& maps, const SimulationResult& result);

} // namespace cryo
