// Pose conventions: known matrices, round trips, and agreement with the matrices RELION
// (Euler_angles2matrix) and cryoDRGN (R_from_relion, expmap + transpose) build, written out
// independently here.
#include "geometry/PoseConventions.h"
#include "particles/PoseConversion.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace cryo;

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// RELION's Euler_angles2matrix written with its cc/cs/sc/ss products.
Mat3 relionReference(double rot, double tilt, double psi)
{
    const double ca = std::cos(rot * kDeg), sa = std::sin(rot * kDeg);
    const double cb = std::cos(tilt * kDeg), sb = std::sin(tilt * kDeg);
    const double cg = std::cos(psi * kDeg), sg = std::sin(psi * kDeg);
    const double cc = cb * ca, cs = cb * sa, sc = sb * ca, ss = sb * sa;
    Mat3 A;
    A << cg * cc - sg * sa, cg * cs + sg * ca, -cg * sb,
        -sg * cc - cg * sa, -sg * cs + cg * ca, sg * sb,
        sc, ss, cb;
    return A;
}

// cryoDRGN's utils.R_from_relion: active Rz(psi)·Ry(−tilt)·Rz(rot), then four sign flips.
Mat3 cryodrgnReference(double rot, double tilt, double psi)
{
    auto rz = [](double a) {
        Mat3 m;
        m << std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1;
        return m;
    };
    Mat3 rb;
    const double b = tilt * kDeg;
    rb << std::cos(b), 0, -std::sin(b), 0, 1, 0, std::sin(b), 0, std::cos(b);
    Mat3 R = rz(psi * kDeg) * rb * rz(rot * kDeg);
    R(0, 1) *= -1;
    R(1, 0) *= -1;
    R(1, 2) *= -1;
    R(2, 1) *= -1;
    return R;
}

double maxAbsDiff(const Mat3& a, const Mat3& b) { return (a - b).cwiseAbs().maxCoeff(); }

} // namespace

class TestPose : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownRotAboutZ()
    {
        // rot = 90: RELION's passive rotation about z; an atom on +x lands on −y.
        const Mat3 R = matrixFromRelionEuler({90, 0, 0});
        Mat3 expected;
        expected << 0, 1, 0, -1, 0, 0, 0, 0, 1;
        QVERIFY(maxAbsDiff(R, expected) < 1e-12);
        QVERIFY((rotatePoint(R, Vec3(1, 0, 0)) - Vec3(0, -1, 0)).norm() < 1e-12);
        // Slicing samples the volume at Rᵀ·(kx, ky, 0): the image kx axis is the volume's +y.
        QVERIFY((sliceCoordinate(R, 1, 0) - Vec3(0, 1, 0)).norm() < 1e-12);
    }

    void tiltIsAboutY()
    {
        // tilt = 90 (rot = psi = 0): the volume's z axis becomes the image x axis.
        const Mat3 R = matrixFromRelionEuler({0, 90, 0});
        QVERIFY((rotatePoint(R, Vec3(0, 0, 1)) - Vec3(-1, 0, 0)).norm() < 1e-12);
        QVERIFY((rotatePoint(R, Vec3(0, 1, 0)) - Vec3(0, 1, 0)).norm() < 1e-12);
    }

    void matchesRelionAndCryodrgn_data()
    {
        QTest::addColumn<double>("rot");
        QTest::addColumn<double>("tilt");
        QTest::addColumn<double>("psi");
        QTest::newRow("generic") << 12.5 << 67.0 << -143.2;
        QTest::newRow("large") << -170.0 << 150.0 << 95.0;
        QTest::newRow("small tilt") << 33.0 << 0.5 << 20.0;
        QTest::newRow("tilt 180") << 0.0 << 180.0 << 45.0;
    }
    void matchesRelionAndCryodrgn()
    {
        QFETCH(double, rot);
        QFETCH(double, tilt);
        QFETCH(double, psi);
        const Mat3 R = matrixFromRelionEuler({rot, tilt, psi});
        QVERIFY(maxAbsDiff(R, relionReference(rot, tilt, psi)) < 1e-12);
        QVERIFY(maxAbsDiff(R, cryodrgnReference(rot, tilt, psi)) < 1e-12);
        // And back: the angles may differ (gimbal lock) but the matrix must not.
        const EulerAngles e = relionEulerFromMatrix(R);
        QVERIFY(maxAbsDiff(matrixFromRelionEuler(e), R) < 1e-9);
        if (tilt > 1 && tilt < 179) {
            QVERIFY(std::abs(e.rot - rot) < 1e-9 && std::abs(e.tilt - tilt) < 1e-9 && std::abs(e.psi - psi) < 1e-9);
        }
    }

    void randomRoundTrips()
    {
        std::mt19937_64 rng(7);
        for (int i = 0; i < 2000; ++i) {
            const Mat3 R = uniformRandomRotation(rng);
            QVERIFY(std::abs(R.determinant() - 1) < 1e-12);
            QVERIFY(maxAbsDiff(R * R.transpose(), Mat3::Identity()) < 1e-12);
            const Mat3 viaEuler = matrixFromRelionEuler(relionEulerFromMatrix(R));
            QVERIFY(rotationDistanceDeg(viaEuler, R) < 1e-5);
            const Mat3 viaPose = matrixFromCryosparcPose(cryosparcPoseFromMatrix(R));
            QVERIFY(rotationDistanceDeg(viaPose, R) < 1e-5);
        }
    }

    void gimbalLock_data()
    {
        QTest::addColumn<double>("tilt");
        QTest::newRow("tilt 0") << 0.0;
        QTest::newRow("tilt 180") << 180.0;
    }
    void gimbalLock()
    {
        QFETCH(double, tilt);
        const Mat3 R = matrixFromRelionEuler({40, tilt, -25});
        const EulerAngles e = relionEulerFromMatrix(R);
        QCOMPARE(e.tilt, tilt);
        QVERIFY(maxAbsDiff(matrixFromRelionEuler(e), R) < 1e-12);
    }

    void axisAngle()
    {
        // exp map of a quarter turn about z is the active rotation (x → y) ...
        const Mat3 Rcs = expMap(Vec3(0, 0, std::numbers::pi / 2));
        QVERIFY((Rcs * Vec3(1, 0, 0) - Vec3(0, 1, 0)).norm() < 1e-12);
        // ... and our stored matrix is its transpose (cryoDRGN's parse_pose_csparc).
        QVERIFY(maxAbsDiff(matrixFromCryosparcPose(Vec3(0, 0, std::numbers::pi / 2)), Rcs.transpose()) < 1e-12);
        // The same rotation as RELION rot = 90.
        QVERIFY(maxAbsDiff(matrixFromCryosparcPose(Vec3(0, 0, std::numbers::pi / 2)),
                           matrixFromRelionEuler({90, 0, 0})) < 1e-12);
        // Rodrigues against the series for a generic vector.
        const Vec3 v(0.3, -0.8, 1.1);
        Mat3 K;
        K << 0, -v.z(), v.y(), v.z(), 0, -v.x(), -v.y(), v.x(), 0;
        Mat3 series = Mat3::Identity(), term = Mat3::Identity();
        for (int n = 1; n < 30; ++n) {
            term = term * K / n;
            series += term;
        }
        QVERIFY(maxAbsDiff(expMap(v), series) < 1e-12);
        QVERIFY((logMap(expMap(v)) - v).norm() < 1e-9);
        // Near the angle π the log map still recovers the rotation.
        const Vec3 nearPi = Vec3(1, 2, -2).normalized() * (std::numbers::pi - 1e-7);
        QVERIFY(rotationDistanceDeg(expMap(logMap(expMap(nearPi))), expMap(nearPi)) < 1e-4);
    }

    void haarMeasure()
    {
        // For the uniform (Haar) distribution on SO(3) every entry has mean 0.
        std::mt19937_64 rng(11);
        Mat3 sum = Mat3::Zero();
        const int n = 20000;
        for (int i = 0; i < n; ++i)
            sum += uniformRandomRotation(rng);
        QVERIFY((sum / n).cwiseAbs().maxCoeff() < 0.02);
    }

    void agreesWithParticleReaders()
    {
        // The particle dataset converts poses with its own float functions
        // (particles/PoseConversion.h); both must describe the same matrices.
        std::mt19937_64 rng(3);
        for (int i = 0; i < 500; ++i) {
            const Mat3 R = uniformRandomRotation(rng);
            const EulerAngles e = relionEulerFromMatrix(R);
            const Matrix3 theirs = relionEulerToMatrix(e.rot, e.tilt, e.psi);
            QVERIFY(maxAbsDiff(matrixFromRowMajor(rowMajorFromMatrix(R)), R) < 1e-7);
            QCOMPARE(rowMajorFromMatrix(R)[1], float(R(0, 1)));   // row-major
            const Vec3 v = cryosparcPoseFromMatrix(R);
            const Matrix3 theirsCs = cryosparcPoseToMatrix({v.x(), v.y(), v.z()});
            for (int r = 0; r < 3; ++r)
                for (int c = 0; c < 3; ++c) {
                    QVERIFY(std::abs(theirs[r * 3 + c] - R(r, c)) < 1e-5);
                    QVERIFY(std::abs(theirsCs[r * 3 + c] - R(r, c)) < 1e-5);
                }
        }
    }

    void shiftUnits()
    {
        QCOMPARE(pixelsFromAngstrom(6.0, 1.5), 4.0);
        QCOMPARE(angstromFromPixels(4.0, 1.5), 6.0);
        QCOMPARE(boxFractionFromPixels(16.0, 64), 0.25);
        QCOMPARE(pixelsFromBoxFraction(0.25, 64), 16.0);
    }
};

QTEST_GUILESS_MAIN(TestPose)
#include "tst_pose.moc"
