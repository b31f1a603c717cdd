#pragma once
// Pose error against a ground truth up to the ambiguities of ab initio reconstruction:
// the map is found in an arbitrary orientation (found R ≈ true R · A for one global A) and
// possibly mirrored (a map V∘F, F = diag(1, 1, −1), projects at poses F·R·F exactly like V at R,
// because F leaves the image plane z = 0 alone). The global A is the SO(3) projection of
// Σ Rtrueᵀ·Rfound, re-estimated once from the poses within 20° of it; the better of the
// direct and the mirrored alignment is reported. The map's origin is arbitrary too: a map
// found offset by c (pixels, in its own frame) gives every image the extra shift (R_found·c)_xy,
// so the shifts are compared after the least-squares c (re-fitted once without the particles
// more than 3× the median error off, as a few wrong poses would pull it).
#include "geometry/PoseConventions.h"

#include <array>
#include <string>
#include <vector>

namespace cryo {

struct PoseAccuracy {
    double medianRotationDeg = 0;
    double medianShiftPx = 0;
    bool mirrored = false;
    Mat3 alignment = Mat3::Identity();   // A: found ≈ (mirrored ? F·true·F : true) · A
    Eigen::Vector3d mapOffset = Eigen::Vector3d::Zero();   // c (pixels): found shift ≈ true + (R_found·c)_xy
    std::vector<double> rotationDeg;     // per particle, after alignment
};

// found/truth: row-major rotations (N × 9) and shifts (N × 2, pixels); all four the same N.
PoseAccuracy comparePoses(const std::vector<std::array<float, 9>>& foundRotations,
                          const std::vector<std::array<float, 2>>& foundShifts, const std::vector<Mat3>& trueRotations,
                          const std::vector<std::array<double, 2>>& trueShifts);

// The per-particle rotation errors (°) as the bench programs print them, one line that
// bench/bench_abinitio.sh parses: "median M deg (quantiles 10/25/75/90%: a b c d), P% within 5 deg".
std::string describeRotationErrors(const std::vector<double>& degrees);
// The q-quantile (0 ≤ q ≤ 1) of values, by the rule the line above prints: the value at rank
// ⌊q·n⌋ of the sorted values (0 for none).
double errorQuantile(std::vector<double> values, double q);

} // namespace cryo
