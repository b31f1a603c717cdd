#pragma once
// Metadata files of a simulated dataset: RELION 3.1 .star, cryoSPARC .cs, truth.h5.
// All written atomically (temporary name, then rename).
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

// stackName: the .mrcs name as it appears in rlnImageName / blob/path.
void writeSimulatedStar(const std::filesystem::path& path, const ParticleTruth& truth,
                        const SimulationOptions& options, const std::string& stackName);
void writeSimulatedCs(const std::filesystem::path& path, const ParticleTruth& truth,
                      const SimulationOptions& options, const std::string& stackName);
void writeTruthH5(const std::filesystem::path& path, const ParticleTruth& truth, const SimulationOptions& options,
                  const PseudoAtomComplex& complex, const TruthMaps& maps, const SimulationResult& result);

} // namespace cryo
