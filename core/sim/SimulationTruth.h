#pragma once
// A simulated dataset's ground truth, read back from its truth.h5 (SimulationWriter.h): the
// pseudo-atom complex, rebuilt from the recorded motion, seed, hinge range and atom width
// (the complex is a function of those), and every particle's conformation. From them the
// true map of any particle, or any conformation, is rendered exactly as the simulator
// rendered truth_map_NN.mrc (AtomRenderer's renderVolume, same box and pixel size).
#include "io/Volume.h"
#include "sim/PseudoAtomComplex.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace cryo {

class SimulationTruth {
public:
    // Throws FileError naming the file when it is not a simulation's truth.h5 or its tables
    // are inconsistent. Files written before atom_sigma_A was recorded used 4 Å atoms.
    static SimulationTruth open(const std::filesystem::path& truthH5);

    const std::filesystem::path& path() const { return m_path; }
    std::size_t particleCount() const { return m_conformations.size(); }
    int boxSize() const { return m_box; }
    double pixelSize() const { return m_pixelSize; }
    const PseudoAtomComplex& complex() const { return *m_complex; }
    const Conformation& conformation(std::size_t particle) const { return m_conformations.at(particle); }
    // Discrete data: the state of each particle (0 … stateCount − 1); continuous: all 0.
    std::vector<int> states() const;

    // The true map of a conformation / of a particle's conformation: D³, the pixel size, origin 0.
    Volume mapOf(const Conformation& conformation) const;
    Volume particleMap(std::size_t particle) const { return mapOf(conformation(particle)); }

private:
    SimulationTruth() = default;

    std::filesystem::path m_path;
    int m_box = 0;
    double m_pixelSize = 0;
    std::shared_ptr<const PseudoAtomComplex> m_complex;
    std::vector<Conformation> m_conformations;
};

} // namespace cryo
