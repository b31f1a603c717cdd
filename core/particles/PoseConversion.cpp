#include "particles/PoseConversion.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>

namespace cryo {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;

} // namespace

Matrix3 relionEulerToMatrix(double rotDeg, double tiltDeg, double psiDeg)
{
    const double ca = std::cos(rotDeg * kDegToRad), sa = std::sin(rotDeg * kDegToRad);
    const double cb = std::cos(tiltDeg * kDegToRad), sb = std::sin(tiltDeg * kDegToRad);
    const double cg = std::cos(psiDeg * kDegToRad), sg = std::sin(psiDeg * kDegToRad);
    const double cc = cb * ca, cs = cb * sa, sc = sb * ca, ss = sb * sa;
    return {float(cg * cc - sg * sa), float(cg * cs + sg * ca), float(-cg * sb),
            float(-sg * cc - cg * sa), float(-sg * cs + cg * ca), float(sg * sb),
            float(sc), float(ss), float(cb)};
}

std::array<double, 3> matrixToRelionEuler(const Matrix3& a)
{
    auto at = [&](int r, int c) { return double(a[std::size_t(r * 3 + c)]); };
    double rot = 0, tilt = 0, psi = 0;
    const double absSinTilt = std::sqrt(at(0, 2) * at(0, 2) + at(1, 2) * at(1, 2));
    if (absSinTilt > 16 * FLT_EPSILON) {
        psi = std::atan2(at(1, 2), -at(0, 2));
        rot = std::atan2(at(2, 1), at(2, 0));
        // sin(tilt) >= 0 for tilt in [0, pi]; the sign picks the branch consistent with psi.
        double sign = 1;
        if (std::fabs(std::sin(psi)) < FLT_EPSILON)
            sign = (-at(0, 2) / std::cos(psi)) >= 0 ? 1 : -1;
        else
            sign = std::sin(psi) > 0 ? (at(1, 2) >= 0 ? 1 : -1) : (at(1, 2) >= 0 ? -1 : 1);
        tilt = std::atan2(sign * absSinTilt, at(2, 2));
    } else if (at(2, 2) > 0) {
        psi = std::atan2(-at(1, 0), at(0, 0));
    } else {
        tilt = std::numbers::pi;
        psi = std::atan2(at(1, 0), -at(0, 0));
    }
    return {rot / kDegToRad, tilt / kDegToRad, psi / kDegToRad};
}

Matrix3 axisAngleToMatrix(const std::array<double, 3>& v)
{
    const double theta = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if (theta < 1e-12)
        return {1, 0, 0, 0, 1, 0, 0, 0, 1};
    const double x = v[0] / theta, y = v[1] / theta, z = v[2] / theta;
    const double c = std::cos(theta), s = std::sin(theta), t = 1 - c;
    return {float(c + x * x * t), float(x * y * t - z * s), float(x * z * t + y * s),
            float(y * x * t + z * s), float(c + y * y * t), float(y * z * t - x * s),
            float(z * x * t - y * s), float(z * y * t + x * s), float(c + z * z * t)};
}

Matrix3 transposed(const Matrix3& m)
{
    return {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
}

std::array<double, 3> matrixToAxisAngle(const Matrix3& r)
{
    auto at = [&](int i, int j) { return double(r[std::size_t(i * 3 + j)]); };
    const double c = (at(0, 0) + at(1, 1) + at(2, 2) - 1) / 2;
    // Twice sin(theta) times the axis, from the antisymmetric part.
    const std::array<double, 3> s{at(2, 1) - at(1, 2), at(0, 2) - at(2, 0), at(1, 0) - at(0, 1)};
    const double sNorm = std::sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
    // atan2 keeps theta accurate near 0 and pi, where acos of the trace is ill-conditioned.
    const double theta = std::atan2(sNorm / 2, c);
    if (theta < 1e-6)
        return {s[0] / 2, s[1] / 2, s[2] / 2};
    if (std::numbers::pi - theta > 1e-3)
        return {theta * s[0] / sNorm, theta * s[1] / sNorm, theta * s[2] / sNorm};
    // Near pi the antisymmetric part vanishes: R ~ 2 a a^T - I, so read the axis from the
    // largest diagonal entry and take its sign from what is left of s.
    int big = 0;
    for (int i = 1; i < 3; ++i)
        if (at(i, i) > at(big, big))
            big = i;
    std::array<double, 3> a{};
    a[std::size_t(big)] = std::sqrt(std::max(0.0, (at(big, big) + 1) / 2));
    for (int j = 0; j < 3; ++j)
        if (j != big)
            a[std::size_t(j)] = (at(big, j) + at(j, big)) / (4 * a[std::size_t(big)]);
    const double norm = std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    const double sign = (a[0] * s[0] + a[1] * s[1] + a[2] * s[2]) < 0 ? -1.0 : 1.0;
    return {sign * theta * a[0] / norm, sign * theta * a[1] / norm, sign * theta * a[2] / norm};
}

std::array<double, 3> matrixToCryosparcPose(const Matrix3& a)
{
    return matrixToAxisAngle(transposed(a));
}

Matrix3 cryosparcPoseToMatrix(const std::array<double, 3>& v)
{
    return transposed(axisAngleToMatrix(v));
}

} // namespace cryo
