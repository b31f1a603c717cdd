#pragma once
// THE place where Cryoscape's pose conventions are written down. Everything that reads,
// writes, simulates or slices with poses goes through these functions.
//
// Matrix type: Eigen::Matrix3d (double), acting on column vectors (x, y, z).
//
// Stored rotation R ("our R") -- the matrix we keep per particle in memory, truth.h5,
// run.h5 and session files -- is exactly RELION's Euler_angles2matrix(rot, tilt, psi) and
// exactly the matrix cryoDRGN stores in pose.pkl:
//
//   R = Rz'(psi) · Ry'(tilt) · Rz'(rot),   Rz'(a) = [[ cos a, sin a, 0],
//                                                    [-sin a, cos a, 0],
//                                                    [     0,     0, 1]],
//                                          Ry'(b) = [[cos b, 0, -sin b],
//                                                    [    0, 1,      0],
//                                                    [sin b, 0,  cos b]]
//   (rot, tilt, psi in degrees; ZYZ; primed = "passive" rotations as RELION writes them).
//
// What "projected with pose R" means (real space): the volume is rotated by R, then
// integrated along z:  image(x, y) = ∫ V(Rᵀ·(x, y, z)) dz.  Equivalently an atom at
// position p (Å, relative to the box centre) lands at the 2D position (R·p)_xy.
// Fourier/Hartley space (slice theorem): image pixel at 2D frequency c = (kx, ky, 0)
// takes the value of the volume's 3D transform at Rᵀ·c. In cryoDRGN's row-vector code
// that is `coords @ R`. So the 2D lattice is rotated by Rᵀ when slicing.
//
// Array axes: images are [y][x] and volumes [z][y][x] with x fastest; index i along an
// axis of size D is the coordinate i − D/2 pixels in real space and (i − D/2)/D cycles/px
// in frequency space, so the box centre and the DC term are both at index D/2.
//
// cryoSPARC `alignments3D/pose`: axis-angle vector v (radians) with Rcs = exp([v]×) (Rodrigues).
// cryoSPARC's matrix is the transpose of ours:  R = Rcsᵀ = exp([v]×)ᵀ = exp(−[v]×).
// (This is the same transposition cryoDRGN's parse_pose_csparc applies.)
//
// Shifts t = (tx, ty): RELION _rlnOriginX/Y (pixels, 3.0) or _rlnOriginX/YAngst (Å, 3.1),
// cryoSPARC alignments3D/shift (pixels), cryoDRGN pose.pkl (fraction of the box, t_px / D)
// all mean the same vector. The particle's centre sits at image centre − t; translating
// the image by +t (Hartley: H'(k) = cos(2πk·t)H(k) + sin(2πk·t)H(−k)) centres it.
#include <Eigen/Core>
#include <Eigen/Geometry>

#include <array>
#include <random>

namespace cryo {

using Mat3 = Eigen::Matrix3d;
using Vec3 = Eigen::Vector3d;

struct EulerAngles {
    double rot = 0, tilt = 0, psi = 0;   // degrees, RELION ZYZ
};

// RELION Euler angles (degrees) → our R (see header comment).
Mat3 matrixFromRelionEuler(const EulerAngles& angles);
// Inverse of matrixFromRelionEuler, tilt in [0, 180], rot and psi in (−180, 180].
// For tilt = 0 or 180 (gimbal lock) rot is set to 0 and psi carries the in-plane angle.
EulerAngles relionEulerFromMatrix(const Mat3& R);

// Rodrigues exponential / logarithm maps of so(3) (v = axis · angle, radians, |v| ≤ π).
Mat3 expMap(const Vec3& axisAngle);
Vec3 logMap(const Mat3& rotation);

// cryoSPARC alignments3D/pose ⇄ our R (R = exp([v]×)ᵀ).
Mat3 matrixFromCryosparcPose(const Vec3& pose);
Vec3 cryosparcPoseFromMatrix(const Mat3& R);

// Where the 2D frequency (kx, ky) of a particle image with pose R samples the volume's
// 3D transform: Rᵀ·(kx, ky, 0). Units are kept (cycles/px or cycles/Å).
inline Vec3 sliceCoordinate(const Mat3& R, double kx, double ky) { return R.transpose() * Vec3(kx, ky, 0.0); }
// Where a point p of the volume (relative to the box centre) appears: (R·p)_xy, z dropped.
inline Vec3 rotatePoint(const Mat3& R, const Vec3& p) { return R * p; }

// Shift conversions. The shift vector is the same in every unit (see header comment).
inline double pixelsFromAngstrom(double angstrom, double pixelSize) { return angstrom / pixelSize; }
inline double angstromFromPixels(double pixels, double pixelSize) { return pixels * pixelSize; }
inline double boxFractionFromPixels(double pixels, int boxSize) { return pixels / boxSize; }
inline double pixelsFromBoxFraction(double fraction, int boxSize) { return fraction * boxSize; }

// Row-major 3×3 float arrays, as the particle dataset (particles/ParticleTypes.h) and
// cryoDRGN's pose.pkl store them.
Mat3 matrixFromRowMajor(const std::array<float, 9>& m);
std::array<float, 9> rowMajorFromMatrix(const Mat3& R);

// A rotation drawn uniformly from SO(3) (Haar measure; unit quaternion from 4 normals).
Mat3 uniformRandomRotation(std::mt19937_64& rng);

// Angle (degrees) of the rotation A·Bᵀ: 0 when A = B.
double rotationDistanceDeg(const Mat3& A, const Mat3& B);

} // namespace cryo
