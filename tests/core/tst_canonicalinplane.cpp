// The encoder's canonical in-plane frame (train/CanonicalInPlane.h). Images are central
// slices of a volume of Gaussian blobs, computed analytically at every lattice point: two
// images from one viewing direction at different in-plane angles turn into the same input
// (up to the bilinear resampling), and that input is the slice whose first axis is the
// volume's z axis projected onto the image plane; a view along z (where that projection
// vanishes) falls back to the x axis instead of dividing by zero.
#include "geometry/PoseConventions.h"
#include "train/CanonicalInPlane.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace cryo;

namespace {

// Rotations as PoseConventions.h has them: rows are the image axes x, y and the viewing direction.
Mat3 aboutZ(double a) { return expMap(a * Vec3::UnitZ()); }
Mat3 aboutY(double a) { return expMap(a * Vec3::UnitY()); }

// Hartley values of the projection under R at the training vector's points: blobs of width
// 3 px at fixed centres; the slice at k is the 3D transform at sliceCoordinate(R, kx, ky).
std::vector<float> slice(const TrainingLattice& lattice, const Mat3& R)
{
    const Vec3 centres[] = {{5, -3, 2}, {-6, 4, 1}, {2, 7, -5}, {-1, -6, 6}};
    const double sigma = 3.0, pi = std::numbers::pi;
    const std::size_t P = lattice.halfCount();
    std::vector<float> out(2 * P);
    for (std::size_t p = 0; p < 2 * P; ++p) {
        const double sign = p < P ? 1.0 : -1.0;   // the mirror half holds −k
        const double kx = sign * lattice.halfCoords[2 * (p % P)], ky = sign * lattice.halfCoords[2 * (p % P) + 1];
        const Vec3 k = sliceCoordinate(R, kx, ky);
        double value = 0;
        for (const Vec3& c : centres) {
            const double phase = 2 * pi * k.dot(c);
            value += std::exp(-2 * pi * pi * sigma * sigma * k.squaredNorm()) * (std::cos(phase) + std::sin(phase));
        }
        out[p] = float(value);
    }
    return out;
}

torch::Tensor rows(const std::vector<std::vector<float>>& images)
{
    std::vector<torch::Tensor> t;
    for (const auto& image : images)
        t.push_back(torch::tensor(image));
    return torch::stack(t);
}

torch::Tensor rotations(const std::vector<Mat3>& Rs)
{
    std::vector<float> flat;
    for (const Mat3& R : Rs) {
        const auto rowMajor = rowMajorFromMatrix(R);
        flat.insert(flat.end(), rowMajor.begin(), rowMajor.end());
    }
    return torch::tensor(flat).view({std::int64_t(Rs.size()), 3, 3});
}

// Relative difference of two vectors over the points with |k| ≤ 0.4 cycles/px (the outermost
// ring borrows zeros from outside the lattice when turned).
double relativeDifference(const TrainingLattice& lattice, const torch::Tensor& a, const torch::Tensor& b)
{
    double diff = 0, norm = 0;
    const std::size_t P = lattice.halfCount();
    for (std::size_t p = 0; p < 2 * P; ++p) {
        const double kx = lattice.halfCoords[2 * (p % P)], ky = lattice.halfCoords[2 * (p % P) + 1];
        if (kx * kx + ky * ky > 0.16)
            continue;
        const double x = a[std::int64_t(p)].item<double>(), y = b[std::int64_t(p)].item<double>();
        diff += (x - y) * (x - y);
        norm += y * y;
    }
    return std::sqrt(diff / norm);
}

} // namespace

class TestCanonicalInPlane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneViewAtTwoInPlaneAnglesTurnsAlike()
    {
        const auto lattice = TrainingLattice::make(64);
        const Mat3 first = aboutZ(0.3) * aboutY(0.9) * aboutZ(1.1);
        const Mat3 second = aboutZ(2.0) * first;   // the same view, turned in the image plane
        const auto images = rows({slice(lattice, first), slice(lattice, second)});
        const auto turned = CanonicalInPlane(lattice, torch::kCPU).turn(images, rotations({first, second}));

        const double recorded = relativeDifference(lattice, images[0], images[1]);
        const double canonical = relativeDifference(lattice, turned[0], turned[1]);
        qInfo("recorded images differ by %.3f, turned by %.3f", recorded, canonical);
        QVERIFY(recorded > 0.5);
        QVERIFY(canonical < 0.1);

        // The canonical slice: first axis u = z − (z·n) n normalised, second n × u.
        const Vec3 n = first.row(2);
        const Vec3 u = (Vec3::UnitZ() - n.z() * n).normalized();
        Mat3 canonicalPose;
        canonicalPose << u.transpose(), n.cross(u).transpose(), n.transpose();
        const double direct = relativeDifference(lattice, turned[0], torch::tensor(slice(lattice, canonicalPose)));
        qInfo("turned against the canonical slice: %.3f", direct);
        QVERIFY(direct < 0.1);
    }

    void viewAlongZUsesTheXAxis()
    {
        const auto lattice = TrainingLattice::make(64);
        const Mat3 identity = Mat3::Identity(), turnedInPlane = aboutZ(0.7);
        const auto images = rows({slice(lattice, identity), slice(lattice, turnedInPlane)});
        const auto turned = CanonicalInPlane(lattice, torch::kCPU).turn(images, rotations({identity, turnedInPlane}));
        QVERIFY(torch::isfinite(turned).all().item<bool>());
        // The identity's canonical frame is the identity: its image comes back (to rounding).
        QVERIFY(relativeDifference(lattice, turned[0], images[0]) < 1e-4);
        QVERIFY(relativeDifference(lattice, turned[0], turned[1]) < 0.1);
    }
};

QTEST_GUILESS_MAIN(TestCanonicalInPlane)
#include "tst_canonicalinplane.moc"
