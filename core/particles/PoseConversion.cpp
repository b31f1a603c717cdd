#include "particles/PoseConversion.h"

#include "geometry/PoseConventions.h"

namespace cryo {
namespace {

Mat3 toEigen(const Matrix3& m)
{
    Mat3 e;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            e(i, j) = m[std::size_t(i * 3 + j)];
    return e;
}

Matrix3 fromEigen(const Mat3& e)
{
    Matrix3 m;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            m[std::size_t(i * 3 + j)] = float(e(i, j));
    return m;
}

std::array<double, 3> toArray(const Vec3& v) { return {v.x(), v.y(), v.z()}; }

} // namespace

Matrix3 relionEulerToMatrix(double rotDeg, double tiltDeg, double psiDeg)
{
    return fromEigen(matrixFromRelionEuler({rotDeg, tiltDeg, psiDeg}));
}

std::array<double, 3> matrixToRelionEuler(const Matrix3& a)
{
    const EulerAngles e = relionEulerFromMatrix(toEigen(a));
    return {e.rot, e.tilt, e.psi};
}

Matrix3 axisAngleToMatrix(const std::array<double, 3>& v) { return fromEigen(expMap(Vec3(v[0], v[1], v[2]))); }

Matrix3 cryosparcPoseToMatrix(const std::array<double, 3>& v)
{
    return fromEigen(matrixFromCryosparcPose(Vec3(v[0], v[1], v[2])));
}

std::array<double, 3> matrixToAxisAngle(const Matrix3& r) { return toArray(logMap(toEigen(r))); }

std::array<double, 3> matrixToCryosparcPose(const Matrix3& a) { return toArray(cryosparcPoseFromMatrix(toEigen(a))); }

Matrix3 transposed(const Matrix3& m) { return fromEigen(toEigen(m).transpose()); }

} // namespace cryo
