// The Hopf/HEALPix SO(3) grids and the shift grids of the pose search: sizes, near-uniform
// spacing, covering of random rotations, children that tile their parent.
#include "pose/So3Grid.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace cryo;

namespace {

std::vector<Mat3> gridRotations(const So3Grid& grid)
{
    std::vector<Mat3> out;
    for (std::int64_t i = 0; i < grid.size(); ++i)
        out.push_back(grid.rotation(i));
    return out;
}

// Angle of A·Bᵀ from the trace, without the acos clamping cost of many calls mattering.
double nearestDistanceDeg(const std::vector<Mat3>& grid, const Mat3& R, std::size_t skip = SIZE_MAX)
{
    double best = 1e9;
    for (std::size_t i = 0; i < grid.size(); ++i)
        if (i != skip)
            best = std::min(best, rotationDistanceDeg(grid[i], R));
    return best;
}

} // namespace

class TestSo3Grid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sizes_data()
    {
        QTest::addColumn<int>("resolution");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("r0") << 0 << qint64(72);
        QTest::newRow("r1") << 1 << qint64(576);
        QTest::newRow("r2") << 2 << qint64(4608);
        QTest::newRow("r3") << 3 << qint64(36864);
    }
    void sizes()
    {
        QFETCH(int, resolution);
        QFETCH(qint64, expected);
        const So3Grid grid(resolution);
        QCOMPARE(grid.size(), expected);
        QCOMPARE(grid.directionCount() * grid.inPlaneCount(), expected);
        // every matrix is a proper rotation
        for (std::int64_t i = 0; i < grid.size(); i += 7) {
            const Mat3 R = grid.rotation(i);
            QVERIFY((R * R.transpose() - Mat3::Identity()).norm() < 1e-9);
            QVERIFY(std::abs(R.determinant() - 1.0) < 1e-9);
        }
    }

    void badResolutionIsRejected()
    {
        QVERIFY_THROWS_EXCEPTION(std::exception, So3Grid(-1));
        QVERIFY_THROWS_EXCEPTION(std::exception, So3Grid(13));
    }

    void nearlyUniform_data()
    {
        QTest::addColumn<int>("resolution");
        QTest::newRow("r0") << 0;
        QTest::newRow("r1") << 1;
    }
    void nearlyUniform()
    {
        // Nearest-neighbour distances: no two points nearly coincide and none is isolated.
        QFETCH(int, resolution);
        const So3Grid grid(resolution);
        const auto rotations = gridRotations(grid);
        std::vector<double> nn;
        for (std::size_t i = 0; i < rotations.size(); ++i)
            nn.push_back(nearestDistanceDeg(rotations, rotations[i], i));
        std::sort(nn.begin(), nn.end());
        const double median = nn[nn.size() / 2];
        qInfo("r=%d: nearest-neighbour distance min %.2f° median %.2f° max %.2f° (spacing %.2f°)", resolution,
              nn.front(), median, nn.back(), grid.spacingDeg());
        QVERIFY(nn.front() > 0.4 * median);
        QVERIFY(nn.back() < 1.6 * median);
        QVERIFY(median > 0.5 * grid.spacingDeg() && median < 1.5 * grid.spacingDeg());
    }

    void randomRotationsAreCovered_data()
    {
        QTest::addColumn<int>("resolution");
        QTest::newRow("r1") << 1;
        QTest::newRow("r2") << 2;
    }
    void randomRotationsAreCovered()
    {
        // Every rotation lies within about one grid spacing of some grid point; a uniform grid's
        // largest gap shrinks with the spacing (halving per resolution step).
        QFETCH(int, resolution);
        const So3Grid grid(resolution);
        const auto rotations = gridRotations(grid);
        std::mt19937_64 rng(5);
        double worst = 0, sum = 0;
        const int n = 300;
        for (int i = 0; i < n; ++i) {
            const double d = nearestDistanceDeg(rotations, uniformRandomRotation(rng));
            worst = std::max(worst, d);
            sum += d;
        }
        qInfo("r=%d: distance of random rotations to the grid: mean %.2f° max %.2f°", resolution, sum / n, worst);
        QVERIFY(worst < 1.0 * grid.spacingDeg());
        QVERIFY(sum / n < 0.5 * grid.spacingDeg());
    }

    void childrenTileTheParent_data()
    {
        QTest::addColumn<int>("resolution");
        QTest::newRow("r0") << 0;
        QTest::newRow("r1") << 1;
        QTest::newRow("r2") << 2;
    }
    void childrenTileTheParent()
    {
        QFETCH(int, resolution);
        const So3Grid parent(resolution), child(resolution + 1);
        std::set<std::int64_t> seen;
        double worst = 0;
        for (std::int64_t i = 0; i < parent.size(); ++i) {
            const Mat3 R = parent.rotation(i);
            for (std::int64_t c : So3Grid::children(resolution, i)) {
                QVERIFY(c >= 0 && c < child.size());
                seen.insert(c);
                if (i % 5 == 0)
                    worst = std::max(worst, rotationDistanceDeg(R, child.rotation(c)));
            }
        }
        QCOMPARE(std::int64_t(seen.size()), child.size());   // each child has exactly one parent
        qInfo("r=%d: farthest child %.2f° from its parent (parent spacing %.2f°)", resolution, worst,
              parent.spacingDeg());
        QVERIFY(worst < 0.75 * parent.spacingDeg());
    }

    void shiftGrids()
    {
        const auto base = ShiftGrid::base(10.0, 7);
        QCOMPARE(base.size(), std::size_t(49));
        QCOMPARE(base.front()[0], -10.0f);
        QCOMPARE(base.back()[1], 10.0f);
        QCOMPARE(base[24][0], 0.0f);   // the centre point
        QCOMPARE(base[24][1], 0.0f);
        const double step = ShiftGrid::baseStep(10.0, 7);
        QVERIFY(std::abs(base[1][0] - base[0][0] - step) < 1e-5);
        const auto fine = ShiftGrid::around({1.0f, -2.0f}, 0.5);
        QCOMPARE(fine[0][0], 0.5f);
        QCOMPARE(fine[0][1], -2.5f);
        QCOMPARE(fine[4][0], 1.0f);
        QCOMPARE(fine[8][1], -1.5f);
        QCOMPARE(ShiftGrid::base(5.0, 1).size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestSo3Grid)
#include "tst_so3grid.moc"
