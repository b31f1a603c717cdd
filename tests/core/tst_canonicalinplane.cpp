// The encoder's canonical in-plane frame (train/CanonicalInPlane.h). Images are central
// slices of a volume of Gaussian blobs, computed analytically at every lattice point: two
// images from one viewing direction at different in-plane angles turn into the same input
// (up to the bilinear resampling), and that input is the slice whose first axis is the
// volume's z axis projected onto the image plane; a view along z (where that projection
// vanishes) falls back to the x axis instead of dividing by zero.
#include "train/CanonicalInPlane.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace cryo;

namespace {

using Rotation = std::array<double, 9>;   // rows: image x, image y, viewing direction (volume coordinates)

Rotation multiply(const Rotation& a, const Rotation& b)
{
    Rotation c{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                c[3 * i + j] += a[3 * i + k] * b[3 * k + j];
    return c;
}

Rotation aboutZ(double a) { return {std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1}; }
Rotation aboutY(double a) { return {std::cos(a), 0, std::sin(a), 0, 1, 0, -std::sin(a), 0, std::cos(a)}; }

// Hartley values of the projection under R at the training vector's points: blobs of width
// 3 px at fixed centres; the slice at k is the 3D transform at kx·x_axis + ky·y_axis.
std::vector<float> slice(const TrainingLattice& lattice, const Rotation& R)
{
    const double centres[4][3] = {{5, -3, 2}, {-6, 4, 1}, {2, 7, -5}, {-1, -6, 6}};
    const double sigma = 3.0, pi = std::numbers::pi;
    const std::size_t P = lattice.halfCount();
    std::vector<float> out(2 * P);
    for (std::size_t p = 0; p < 2 * P; ++p) {
        const double sign = p < P ? 1.0 : -1.0;   // the mirror half holds −k
        const double kx = sign * lattice.halfCoords[2 * (p % P)], ky = sign * lattice.halfCoords[2 * (p % P) + 1];
        double value = 0;
        for (const auto& c : centres) {
            double phase = 0;
            for (int a = 0; a < 3; ++a)
                phase += (kx * R[a] + ky * R[3 + a]) * c[a];
            value += std::exp(-2 * pi * pi * sigma * sigma * (kx * kx + ky * ky)) *
                     (std::cos(2 * pi * phase) + std::sin(2 * pi * phase));
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

torch::Tensor rotations(const std::vector<Rotation>& Rs)
{
    std::vector<float> flat;
    for (const auto& R : Rs)
        flat.insert(flat.end(), R.begin(), R.end());
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
        const Rotation first = multiply(aboutZ(0.3), multiply(aboutY(0.9), aboutZ(1.1)));
        const Rotation second = multiply(aboutZ(2.0), first);   // the same view, turned in the image plane
        const auto images = rows({slice(lattice, first), slice(lattice, second)});
        const auto turned = CanonicalInPlane(lattice, torch::kCPU).turn(images, rotations({first, second}));

        const double recorded = relativeDifference(lattice, images[0], images[1]);
        const double canonical = relativeDifference(lattice, turned[0], turned[1]);
        qInfo("recorded images differ by %.3f, turned by %.3f", recorded, canonical);
        QVERIFY(recorded > 0.5);
        QVERIFY(canonical < 0.1);

        // The canonical slice: first axis u = z − (z·n) n normalised, second n × u.
        const double* n = &first[6];
        double u[3] = {-n[2] * n[0], -n[2] * n[1], 1 - n[2] * n[2]};
        const double length = std::sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        for (double& c : u)
            c /= length;
        const Rotation canonicalPose = {u[0], u[1], u[2],
                                        n[1] * u[2] - n[2] * u[1], n[2] * u[0] - n[0] * u[2], n[0] * u[1] - n[1] * u[0],
                                        n[0], n[1], n[2]};
        const double direct = relativeDifference(lattice, turned[0], torch::tensor(slice(lattice, canonicalPose)));
        qInfo("turned against the canonical slice: %.3f", direct);
        QVERIFY(direct < 0.1);
    }

    void viewAlongZUsesTheXAxis()
    {
        const auto lattice = TrainingLattice::make(64);
        const Rotation identity = aboutZ(0), turnedInPlane = aboutZ(0.7);
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
