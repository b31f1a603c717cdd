#pragma once
// Pose error against a ground truth up to the ambiguities of ab initio reconstruction:
// the map is found in an arbitrary orientation (found R ≈ true R · A for one global A) and
// possibly mirrored (a map V∘F, F = diag(1, 1, −1), projects at poses F·R·F exactly like V at R,
// because F leaves the image plane z = 0 alone). The global A is the SO(3) projection of
// Σ Rtrueᵀ·Rfound, re-estimated once from the poses within 20° of it; the better of the
// direct and the mirrored alignment is reported. Shifts are compared directly (pixels).
#include "geometry/PoseConventions.h"

#include <array>
#include <vector>

namespace cryo {

struct PoseAccuracy {
    double medianRotationDeg = 0;
    double medianShiftPx = 0;
    bool mirrored = false;
    Mat3 alignment = Mat3::Identity();   // A: found ≈ (mirrored ? F·true·F : true) · A
    std::vector<double> rotationDeg;     // per particle, after alignment
};

// found/truth: row-major rotations (N × 9) and shifts (N × 2, pixels); all four the same N.
PoseAccuracy comparePoses(const std::vector<std::array<float, 9>>& foundRotations,
                          const std::vector<std::array<float, 2>>& foundShifts, const std::vector<Mat3>& trueRotations,
                          const std::vector<std::array<double, 2>>& trueShifts);

} // namespace cryo
