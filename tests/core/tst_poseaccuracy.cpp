// Pose error up to a global rotation and the mirror ambiguity (pose/PoseAccuracy.h).
#include "pose/PoseAccuracy.h"

#include <QTest>

using namespace cryo;

namespace {

struct PoseSet {
    std::vector<Mat3> truth;
    std::vector<std::array<double, 2>> trueShifts;
    std::vector<std::array<float, 9>> found;
    std::vector<std::array<float, 2>> foundShifts;
};

// The map offset (pixels) of the found poses' map: each found shift is off by (R_found·c)_xy.
const Vec3 kMapOffset(1.5, -2.0, 0.75);

// found = (mirror ? F·R·F : R) · A · small perturbation (about noiseDeg); found shifts = true +
// (R_found·kMapOffset)_xy + shiftError px in a random direction.
PoseSet makePoses(bool mirror, double noiseDeg, double shiftError, bool scramble)
{
    std::mt19937_64 rng(17);
    std::normal_distribution<double> normal(0.0, 1.0);
    const Mat3 A = uniformRandomRotation(rng);
    const Mat3 F = Eigen::Vector3d(1, 1, -1).asDiagonal();
    PoseSet s;
    for (int i = 0; i < 400; ++i) {
        const Mat3 R = uniformRandomRotation(rng);
        s.truth.push_back(R);
        s.trueShifts.push_back({normal(rng), normal(rng)});
        const double rad = noiseDeg * M_PI / 180.0 / std::sqrt(3.0);
        const Mat3 noise = expMap(Vec3(normal(rng), normal(rng), normal(rng)) * rad);
        const Mat3 found = scramble ? uniformRandomRotation(rng) : Mat3((mirror ? Mat3(F * R * F) : R) * A * noise);
        s.found.push_back(rowMajorFromMatrix(found));
        const Vec3 offset = found * kMapOffset;
        const double angle = 2.0 * M_PI * std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        s.foundShifts.push_back({float(s.trueShifts.back()[0] + offset.x() + shiftError * std::cos(angle)),
                                 float(s.trueShifts.back()[1] + offset.y() + shiftError * std::sin(angle))});
    }
    return s;
}

} // namespace

class TestPoseAccuracy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void alignment_data()
    {
        QTest::addColumn<bool>("mirror");
        QTest::addColumn<double>("noiseDeg");
        QTest::newRow("direct, exact") << false << 0.0;
        QTest::newRow("direct, 2 deg noise") << false << 2.0;
        QTest::newRow("mirrored, 2 deg noise") << true << 2.0;
    }
    void alignment()
    {
        QFETCH(bool, mirror);
        QFETCH(double, noiseDeg);
        const PoseSet s = makePoses(mirror, noiseDeg, 0.5, false);
        const PoseAccuracy a = comparePoses(s.found, s.foundShifts, s.truth, s.trueShifts);
        QCOMPARE(a.mirrored, mirror);
        QVERIFY2(a.medianRotationDeg <= noiseDeg + 0.2, qPrintable(QString::number(a.medianRotationDeg)));
        QVERIFY(a.medianRotationDeg >= 0.5 * noiseDeg);
        // The map's offset is found, and the shifts are compared after it.
        QVERIFY2((a.mapOffset - kMapOffset).norm() < 0.05, qPrintable(QString::number((a.mapOffset - kMapOffset).norm())));
        QVERIFY2(std::abs(a.medianShiftPx - 0.5) < 0.02, qPrintable(QString::number(a.medianShiftPx)));
        QCOMPARE(a.rotationDeg.size(), s.found.size());
    }

    void unrelatedPosesHaveLargeErrors()
    {
        const PoseSet s = makePoses(false, 0.0, 0.0, true);
        const PoseAccuracy a = comparePoses(s.found, s.foundShifts, s.truth, s.trueShifts);
        QVERIFY(a.medianRotationDeg > 60.0);
    }

    void sizeMismatchIsRejected()
    {
        PoseSet s = makePoses(false, 0.0, 0.0, false);
        s.truth.pop_back();
        QVERIFY_THROWS_EXCEPTION(std::exception, comparePoses(s.found, s.foundShifts, s.truth, s.trueShifts));
    }
};

QTEST_GUILESS_MAIN(TestPoseAccuracy)
#include "tst_poseaccuracy.moc"
