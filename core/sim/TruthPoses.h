#pragma once
// The per-particle poses in a simulation's truth.h5 (SimulationWriter.h): /particles/rotations
// (N × 3 × 3, our R) and /particles/shifts_px (N × 2, pixels; particle centre at image centre − t).
#include "geometry/PoseConventions.h"

#include <array>
#include <filesystem>
#include <vector>

namespace cryo {

struct TruthPoses {
    std::vector<Mat3> rotations;
    std::vector<std::array<double, 2>> shifts;
    std::size_t size() const { return rotations.size(); }
};

// Throws FileError when the file cannot be read or the two tables differ in length.
TruthPoses readTruthPoses(const std::filesystem::path& truthH5);

// The first continuous coordinate of each of `count` particles (/particles/coordinates, N × k,
// e.g. the hinge angle in degrees); empty when the truth has none (discrete states). Throws
// FileError when the table does not hold `count` rows.
std::vector<double> readTruthCoordinate(const std::filesystem::path& truthH5, std::size_t count);

} // namespace cryo
