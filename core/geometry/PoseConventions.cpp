#include "geometry/PoseConventions.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cryo {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// RELION's "passive" rotation about z by a (radians).
Mat3 rzPassive(double a)
{
    Mat3 m;
    m << std::cos(a), std::sin(a), 0, -std::sin(a), std::cos(a), 0, 0, 0, 1;
    return m;
}

Mat3 ryPassive(double b)
{
    Mat3 m;
    m << std::cos(b), 0, -std::sin(b), 0, 1, 0, std::sin(b), 0, std::cos(b);
    return m;
}

// Wraps an angle in degrees to (−180, 180].
double wrapDeg(double a)
{
    a = std::fmod(a, 360.0);
    if (a <= -180.0)
        a += 360.0;
    if (a > 180.0)
        a -= 360.0;
    return a;
}

} // namespace

Mat3 matrixFromRelionEuler(const EulerAngles& e)
{
    return rzPassive(e.psi * kDeg) * ryPassive(e.tilt * kDeg) * rzPassive(e.rot * kDeg);
}

EulerAngles relionEulerFromMatrix(const Mat3& A)
{
    // Entries of Rz'(psi)·Ry'(tilt)·Rz'(rot): A(0,2) = −cos psi·sin tilt, A(1,2) = sin psi·sin tilt,
    // A(2,0) = sin tilt·cos rot, A(2,1) = sin tilt·sin rot, A(2,2) = cos tilt.
    EulerAngles e;
    const double sinTilt = std::hypot(A(0, 2), A(1, 2));
    if (sinTilt > 1e-9) {
        e.psi = std::atan2(A(1, 2), -A(0, 2)) / kDeg;
        e.rot = std::atan2(A(2, 1), A(2, 0)) / kDeg;
        e.tilt = std::atan2(sinTilt, A(2, 2)) / kDeg;
    } else if (A(2, 2) > 0) {
        // tilt = 0: A = Rz'(psi + rot); put everything into psi.
        e.tilt = 0;
        e.psi = std::atan2(A(0, 1), A(0, 0)) / kDeg;
    } else {
        // tilt = 180: A = Rz'(psi)·diag(−1, 1, −1)·Rz'(rot) with rot = 0.
        e.tilt = 180;
        e.psi = std::atan2(A(0, 1), -A(0, 0)) / kDeg;
    }
    e.rot = wrapDeg(e.rot);
    e.psi = wrapDeg(e.psi);
    return e;
}

Mat3 expMap(const Vec3& v)
{
    const double angle = v.norm();
    if (angle < 1e-12)
        return Mat3::Identity();
    return Eigen::AngleAxisd(angle, v / angle).toRotationMatrix();
}

Vec3 logMap(const Mat3& R)
{
    // Eigen's AngleAxis handles the angle ≈ π case (axis from the symmetric part).
    const Eigen::AngleAxisd aa(R);
    return aa.axis() * aa.angle();
}

Mat3 matrixFromCryosparcPose(const Vec3& pose)
{
    return expMap(pose).transpose();
}

Vec3 cryosparcPoseFromMatrix(const Mat3& R)
{
    return logMap(R.transpose());
}

Mat3 matrixFromRowMajor(const std::array<float, 9>& m)
{
    Mat3 R;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            R(r, c) = m[std::size_t(r * 3 + c)];
    return R;
}

std::array<float, 9> rowMajorFromMatrix(const Mat3& R)
{
    std::array<float, 9> m;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            m[std::size_t(r * 3 + c)] = float(R(r, c));
    return m;
}

Mat3 uniformRandomRotation(std::mt19937_64& rng)
{
    std::normal_distribution<double> normal(0.0, 1.0);
    Eigen::Quaterniond q;
    do {
        q = Eigen::Quaterniond(normal(rng), normal(rng), normal(rng), normal(rng));
    } while (q.norm() < 1e-6);
    q.normalize();
    return q.toRotationMatrix();
}

double rotationDistanceDeg(const Mat3& A, const Mat3& B)
{
    const double c = std::clamp(((A * B.transpose()).trace() - 1.0) / 2.0, -1.0, 1.0);
    return std::acos(c) / kDeg;
}

} // namespace cryo
