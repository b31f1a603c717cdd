#include "sim/SimulationTruth.h"

#include "io/H5File.h"
#include "sim/AtomRenderer.h"
#include "util/Error.h"

#include <cmath>

namespace cryo {
namespace {

constexpr double kAtomSigmaBeforeRecorded = 4.0;   // Å, the simulator's default until atom_sigma_A was written

double requiredNumber(const H5File& file, const char* attribute)
{
    if (!file.hasAttribute("/", attribute))
        throw FileError(file.path(), std::string("has no '") + attribute +
                                         "' attribute: not the truth.h5 of a cryoscape simulation");
    return file.numberAttribute("/", attribute);
}

std::vector<Conformation> readConformations(const H5File& file, int coordinateCount)
{
    const std::vector<std::int32_t> states = file.read<std::int32_t>("/particles/state");
    const std::size_t n = states.size();
    std::vector<Conformation> conformations(n);
    for (std::size_t i = 0; i < n; ++i)
        conformations[i].state = states[i];
    if (coordinateCount == 0)
        return conformations;
    std::vector<std::size_t> shape;
    const std::vector<double> coordinates = file.read<double>("/particles/coordinates", &shape);
    if (shape.size() != 2 || shape[0] != n || shape[1] != std::size_t(coordinateCount))
        throw FileError(file.path(), "/particles/coordinates is not a " + std::to_string(n) + " × " +
                                         std::to_string(coordinateCount) + " table like /particles/state");
    for (std::size_t i = 0; i < n; ++i)
        for (int j = 0; j < coordinateCount; ++j)
            conformations[i].angles[std::size_t(j)] = coordinates[i * std::size_t(coordinateCount) + std::size_t(j)];
    return conformations;
}

} // namespace

SimulationTruth SimulationTruth::open(const std::filesystem::path& truthH5)
{
    const H5File file(truthH5, H5File::Mode::ReadOnly);
    if (!file.hasAttribute("/", "motion"))
        throw FileError(truthH5, "has no 'motion' attribute: not the truth.h5 of a cryoscape simulation");
    SimulationTruth truth;
    truth.m_path = truthH5;
    const MotionKind motion = motionFromName(file.stringAttribute("/", "motion"));
    const double seed = requiredNumber(file, "seed");
    const double atomSigma = file.hasAttribute("/", "atom_sigma_A") ? file.numberAttribute("/", "atom_sigma_A")
                                                                     : kAtomSigmaBeforeRecorded;
    truth.m_box = int(requiredNumber(file, "box"));
    truth.m_pixelSize = requiredNumber(file, "pixel_size_A");
    if (truth.m_box < 2 || truth.m_box % 2 != 0 || !(truth.m_pixelSize > 0) || !(seed >= 0))
        throw FileError(truthH5, "box, pixel size or seed out of range");
    truth.m_complex = std::make_shared<const PseudoAtomComplex>(motion, std::uint64_t(seed),
                                                                requiredNumber(file, "hinge_min_deg"),
                                                                requiredNumber(file, "hinge_max_deg"), atomSigma);
    truth.m_conformations = readConformations(file, truth.m_complex->coordinateCount());
    return truth;
}

std::vector<int> SimulationTruth::states() const
{
    std::vector<int> out(m_conformations.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = m_conformations[i].state;
    return out;
}

Volume SimulationTruth::mapOf(const Conformation& conformation) const
{
    return renderVolume(m_complex->atoms(conformation), m_box, m_pixelSize);
}

} // namespace cryo
