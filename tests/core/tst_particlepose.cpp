// PoseConversion: RELION Euler <-> matrix, cryoSPARC axis-angle, checked on known
// rotations and on random round trips (fixed seed).
#include "particles/PoseConversion.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace cryo;

namespace {

Matrix3 product(const Matrix3& a, const Matrix3& b)
{
    Matrix3 c{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                c[std::size_t(i * 3 + j)] += a[std::size_t(i * 3 + k)] * b[std::size_t(k * 3 + j)];
    return c;
}

double maxDifference(const Matrix3& a, const Matrix3& b)
{
    double d = 0;
    for (std::size_t i = 0; i < 9; ++i)
        d = std::max(d, double(std::fabs(a[i] - b[i])));
    return d;
}

const Matrix3 kIdentity{1, 0, 0, 0, 1, 0, 0, 0, 1};

} // namespace

class TestParticlePose : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownEulerMatrices_data();
    void knownEulerMatrices();
    void eulerRoundTrip();
    void axisAngle();
    void logMap();
};

void TestParticlePose::knownEulerMatrices_data()
{
    QTest::addColumn<double>("rot");
    QTest::addColumn<double>("tilt");
    QTest::addColumn<double>("psi");
    QTest::addColumn<QList<float>>("matrix");
    QTest::newRow("identity") << 0.0 << 0.0 << 0.0 << QList<float>{1, 0, 0, 0, 1, 0, 0, 0, 1};
    // RELION's passive rotations: rot = 90 maps x to -y in the image frame.
    QTest::newRow("rot 90") << 90.0 << 0.0 << 0.0 << QList<float>{0, 1, 0, -1, 0, 0, 0, 0, 1};
    QTest::newRow("psi 90") << 0.0 << 0.0 << 90.0 << QList<float>{0, 1, 0, -1, 0, 0, 0, 0, 1};
    QTest::newRow("tilt 90") << 0.0 << 90.0 << 0.0 << QList<float>{0, 0, -1, 0, 1, 0, 1, 0, 0};
    QTest::newRow("tilt 180") << 0.0 << 180.0 << 0.0 << QList<float>{-1, 0, 0, 0, 1, 0, 0, 0, -1};
}

void TestParticlePose::knownEulerMatrices()
{
    QFETCH(double, rot);
    QFETCH(double, tilt);
    QFETCH(double, psi);
    QFETCH(QList<float>, matrix);
    const Matrix3 a = relionEulerToMatrix(rot, tilt, psi);
    Matrix3 expected{};
    std::copy(matrix.begin(), matrix.end(), expected.begin());
    QVERIFY2(maxDifference(a, expected) < 1e-6, qPrintable(QString::number(maxDifference(a, expected))));
    QVERIFY(maxDifference(relionEulerToMatrix(matrixToRelionEuler(a)[0], matrixToRelionEuler(a)[1],
                                              matrixToRelionEuler(a)[2]), a) < 1e-5);
}

void TestParticlePose::eulerRoundTrip()
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> angle(-180, 180), tiltDist(0.5, 179.5);
    for (int i = 0; i < 1000; ++i) {
        const double rot = angle(rng), tilt = tiltDist(rng), psi = angle(rng);
        const Matrix3 a = relionEulerToMatrix(rot, tilt, psi);
        QVERIFY(maxDifference(product(a, transposed(a)), kIdentity) < 1e-5);
        const auto back = matrixToRelionEuler(a);
        QVERIFY2(std::fabs(back[1] - tilt) < 1e-3, qPrintable(QString("tilt %1 -> %2").arg(tilt).arg(back[1])));
        auto wrapped = [](double d) { return std::fabs(std::remainder(d, 360.0)); };
        QVERIFY(wrapped(back[0] - rot) < 1e-2);
        QVERIFY(wrapped(back[2] - psi) < 1e-2);
    }
}

void TestParticlePose::axisAngle()
{
    const double halfPi = std::acos(0.0);
    const Matrix3 z90 = axisAngleToMatrix({0, 0, halfPi});
    QVERIFY(maxDifference(z90, Matrix3{0, -1, 0, 1, 0, 0, 0, 0, 1}) < 1e-6);
    QVERIFY(maxDifference(cryosparcPoseToMatrix({0, 0, halfPi}), transposed(z90)) < 1e-7);
    QVERIFY(maxDifference(axisAngleToMatrix({0, 0, 0}), kIdentity) < 1e-7);
    std::mt19937 rng(11);
    std::normal_distribution<double> n(0, 1.5);
    for (int i = 0; i < 500; ++i) {
        const std::array<double, 3> v{n(rng), n(rng), n(rng)};
        const Matrix3 r = axisAngleToMatrix(v);
        QVERIFY(maxDifference(product(r, transposed(r)), kIdentity) < 1e-5);
        // The axis is fixed, and the trace is 1 + 2 cos(angle).
        for (int row = 0; row < 3; ++row) {
            double rv = 0;
            for (int k = 0; k < 3; ++k)
                rv += r[std::size_t(row * 3 + k)] * v[std::size_t(k)];
            QVERIFY(std::fabs(rv - v[std::size_t(row)]) < 1e-4 * (1 + std::fabs(v[std::size_t(row)])));
        }
        const double theta = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        QVERIFY(std::fabs(r[0] + r[4] + r[8] - (1 + 2 * std::cos(theta))) < 1e-5);
        // Opposite vectors give inverse rotations.
        QVERIFY(maxDifference(axisAngleToMatrix({-v[0], -v[1], -v[2]}), transposed(r)) < 1e-5);
    }
}

void TestParticlePose::logMap()
{
    std::mt19937 rng(5);
    std::normal_distribution<double> n(0, 1);
    std::uniform_real_distribution<double> angle(0, 3.14159);
    for (int i = 0; i < 500; ++i) {
        std::array<double, 3> axis{n(rng), n(rng), n(rng)};
        const double len = std::sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        // Every 5th case sits within 1e-4 of pi, where the antisymmetric part vanishes.
        const double theta = i % 5 == 0 ? 3.14159265 - 1e-4 * (i % 3) : angle(rng);
        const std::array<double, 3> v{axis[0] / len * theta, axis[1] / len * theta, axis[2] / len * theta};
        const Matrix3 r = axisAngleToMatrix(v);
        const auto back = matrixToAxisAngle(r);
        QVERIFY2(maxDifference(axisAngleToMatrix(back), r) < 2e-5, qPrintable(QString("case %1").arg(i)));
        if (theta < 3.1)
            for (std::size_t k = 0; k < 3; ++k)
                QVERIFY(std::fabs(back[k] - v[k]) < 1e-4);
        const Matrix3 a = cryosparcPoseToMatrix(v);
        QVERIFY(maxDifference(cryosparcPoseToMatrix(matrixToCryosparcPose(a)), a) < 2e-5);
    }
    const auto zero = matrixToAxisAngle(kIdentity);
    QCOMPARE(zero[0] + zero[1] + zero[2], 0.0);
}

QTEST_GUILESS_MAIN(TestParticlePose)
#include "tst_particlepose.moc"
