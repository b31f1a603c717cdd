#pragma once
// Rotation conventions of the particle metadata we read. All matrices are row-major 3x3
// and follow RELION's Euler_angles2matrix: A maps reference (map) coordinates to the
// particle's image frame; cryoDRGN's pose.pkl stores the same A for RELION inputs.
// TODO(merge): the `signal` branch owns core/geometry/PoseConventions.h; these functions
// should move there (or forward to it) when both branches meet.
#include <array>

namespace cryo {

using Matrix3 = std::array<float, 9>;   // row-major

// RELION ZYZ Euler angles (rot, tilt, psi) in degrees -> A = Rz(psi) Ry(tilt) Rz(rot)
// with RELION's (passive) elementary rotations.
Matrix3 relionEulerToMatrix(double rotDeg, double tiltDeg, double psiDeg);
// Inverse of relionEulerToMatrix (RELION's Euler_matrix2angles): {rot, tilt, psi} in
// degrees, tilt in [0, 180]. For tilt = 0 or 180 the split of rot/psi is arbitrary
// (rot = 0 is returned); the matrix is reproduced either way.
std::array<double, 3> matrixToRelionEuler(const Matrix3& a);

// Rodrigues / exponential map of an axis-angle vector (radians): the rotation by |v|
// about v/|v| (active, right-handed).
Matrix3 axisAngleToMatrix(const std::array<double, 3>& v);
// cryoSPARC alignments3D/pose -> A: exp map, transposed for the slicing convention.
Matrix3 cryosparcPoseToMatrix(const std::array<double, 3>& v);
// Inverse of axisAngleToMatrix (log map): |v| in [0, pi].
std::array<double, 3> matrixToAxisAngle(const Matrix3& r);
// Inverse of cryosparcPoseToMatrix: A -> alignments3D/pose.
std::array<double, 3> matrixToCryosparcPose(const Matrix3& a);

Matrix3 transposed(const Matrix3& m);

} // namespace cryo
