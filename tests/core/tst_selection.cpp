// Selections over particles: set algebra, lasso / rectangle / range picks against brute
// force, and the undo/redo history of named selections.
#include "analysis/PointGrid.h"
#include "analysis/PolygonSelect.h"
#include "analysis/SelectionHistory.h"
#include "analysis/SelectionSet.h"
#include "util/Error.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <set>

using cryo::PlanePoint;
using cryo::SelectionMode;
using cryo::SelectionSet;

Q_DECLARE_METATYPE(cryo::SelectionMode)

namespace {

// Random points: a blob plus uniform background, fixed seed.
void randomPoints(std::size_t n, unsigned seed, std::vector<float>& x, std::vector<float>& y)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> blob(0.0f, 1.0f);
    std::uniform_real_distribution<float> flat(-4.0f, 4.0f);
    x.resize(n), y.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const bool inBlob = i % 3 != 0;
        x[i] = inBlob ? blob(rng) : flat(rng);
        y[i] = inBlob ? blob(rng) : flat(rng);
    }
}

// Independent textbook crossing test (W. R. Franklin's PNPOLY), in double.
bool pnpoly(const std::vector<PlanePoint>& poly, double px, double py)
{
    bool c = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++)
        if (((poly[i].y > py) != (poly[j].y > py))
            && (px < (poly[j].x - poly[i].x) * (py - poly[i].y) / (poly[j].y - poly[i].y) + poly[i].x))
            c = !c;
    return c;
}

// A star-shaped lasso with `vertices` vertices and radius jitter; self-crossing if `twisted`.
std::vector<PlanePoint> lasso(int vertices, unsigned seed, bool twisted)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> radius(1.0, 3.0);
    std::vector<PlanePoint> poly;
    for (int k = 0; k < vertices; ++k) {
        const double angle = (twisted ? 2.0 * 2.399963 : 2.0 * M_PI / vertices) * k;
        const double r = radius(rng);
        poly.push_back({0.3 + r * std::cos(angle), -0.2 + r * std::sin(angle)});
    }
    return poly;
}

std::set<std::size_t> toSet(const SelectionSet& s)
{
    const auto v = s.indices();
    return {v.begin(), v.end()};
}

} // namespace

class TestSelection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void setBasics()
    {
        SelectionSet s(130);
        QCOMPARE(s.count(), std::size_t(0));
        s.set(0), s.set(64), s.set(129);
        QCOMPARE(s.count(), std::size_t(3));
        QVERIFY(s.contains(64) && !s.contains(63) && !s.contains(130));
        QCOMPARE(s.indices(), (std::vector<std::size_t>{0, 64, 129}));
        s.invert();
        QCOMPARE(s.count(), std::size_t(127));
        QVERIFY(!s.contains(129) && s.contains(128));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, s.set(130));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, SelectionSet::fromIndices(10, {3, 10}));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, s.combine(SelectionSet(129), SelectionMode::Add));
        QCOMPARE(SelectionSet(70, true).count(), std::size_t(70));
    }

    void setOperations_data()
    {
        QTest::addColumn<SelectionMode>("mode");
        QTest::newRow("replace") << SelectionMode::Replace;
        QTest::newRow("add") << SelectionMode::Add;
        QTest::newRow("subtract") << SelectionMode::Subtract;
        QTest::newRow("intersect") << SelectionMode::Intersect;
    }
    void setOperations()
    {
        QFETCH(SelectionMode, mode);
        const std::size_t n = 1000;
        std::mt19937 rng(7);
        std::vector<std::size_t> ia, ib;
        for (std::size_t i = 0; i < n; ++i) {
            if (rng() % 3 == 0) ia.push_back(i);
            if (rng() % 4 == 0) ib.push_back(i);
        }
        const SelectionSet a = SelectionSet::fromIndices(n, ia), b = SelectionSet::fromIndices(n, ib);
        const SelectionSet c = cryo::combined(a, b, mode);
        for (std::size_t i = 0; i < n; ++i) {
            const bool inA = a.contains(i), inB = b.contains(i);
            bool expected = inB;
            if (mode == SelectionMode::Add) expected = inA || inB;
            if (mode == SelectionMode::Subtract) expected = inA && !inB;
            if (mode == SelectionMode::Intersect) expected = inA && inB;
            QCOMPARE(c.contains(i), expected);
        }
    }

    void polygonMatchesBruteForce_data()
    {
        QTest::addColumn<int>("vertices");
        QTest::addColumn<bool>("twisted");
        QTest::addColumn<int>("threads");
        QTest::newRow("triangle") << 3 << false << 1;
        QTest::newRow("50-gon, 2 threads") << 50 << false << 2;
        QTest::newRow("self-crossing 37-gon") << 37 << true << 2;
        QTest::newRow("400-gon, 1 thread") << 400 << false << 1;
    }
    void polygonMatchesBruteForce()
    {
        QFETCH(int, vertices);
        QFETCH(bool, twisted);
        QFETCH(int, threads);
        std::vector<float> x, y;
        randomPoints(300001, 11, x, y);
        x[5] = std::nanf(""), y[6] = INFINITY;  // non-finite points are never selected
        const auto poly = lasso(vertices, unsigned(vertices), twisted);
        const SelectionSet fast = cryo::selectInPolygon(x, y, poly, threads);
        QCOMPARE(fast.size(), x.size());
        std::size_t expected = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const bool in = pnpoly(poly, x[i], y[i]);
            expected += in;
            if (fast.contains(i) != in)
                QFAIL(qPrintable(QString("point %1 (%2, %3)").arg(i).arg(x[i]).arg(y[i])));
            QCOMPARE(cryo::pointInPolygon(x[i], y[i], poly), in);
        }
        QCOMPARE(fast.count(), expected);
        QVERIFY(expected > 1000 && expected < x.size() * 9 / 10);  // the lasso really cuts the cloud
        QVERIFY(!fast.contains(5) && !fast.contains(6));
    }

    void degenerateInput()
    {
        std::vector<float> x{0, 1, 2}, y{0, 1, 2};
        QCOMPARE(cryo::selectInPolygon(x, y, {{0, 0}, {1, 1}}).count(), std::size_t(0));
        QCOMPARE(cryo::selectInPolygon(x, y, {{-1, 0.5}, {3, 0.5}, {1, 0.5}}).count(), std::size_t(0));
        std::vector<float> shortY{0};
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::selectInPolygon(x, shortY, {{0, 0}, {1, 0}, {0, 1}}));
        QCOMPARE(cryo::selectInPolygon({}, {}, {{0, 0}, {1, 0}, {0, 1}}).size(), std::size_t(0));
    }

    void rectangleRangeAndLabel()
    {
        std::vector<float> x, y;
        randomPoints(5000, 3, x, y);
        const SelectionSet rect = cryo::selectInRectangle(x, y, {1.0, -0.5}, {-0.5, 2.0});
        std::vector<std::int32_t> labels(x.size());
        std::size_t nRect = 0, nRange = 0, nLabel = 0;
        const SelectionSet range = cryo::selectInRange(y, -0.25, 0.75);
        for (std::size_t i = 0; i < x.size(); ++i) {
            labels[i] = std::int32_t(i % 7);
            const bool inRect = x[i] >= -0.5 && x[i] <= 1.0 && y[i] >= -0.5 && y[i] <= 2.0;
            QCOMPARE(rect.contains(i), inRect);
            QCOMPARE(range.contains(i), y[i] >= -0.25f && y[i] <= 0.75f);
            nRect += inRect, nRange += range.contains(i);
        }
        const SelectionSet three = cryo::selectLabel(labels, 3);
        for (std::size_t i = 0; i < x.size(); ++i) {
            QCOMPARE(three.contains(i), labels[i] == 3);
            nLabel += three.contains(i);
        }
        QCOMPARE(nLabel, (x.size() + 3) / 7);
        QVERIFY(nRect > 500 && nRange > 500);
    }

    void nearestPointMatchesBruteForce_data()
    {
        QTest::addColumn<double>("sx");
        QTest::addColumn<double>("sy");
        QTest::newRow("isotropic") << 1.0 << 1.0;
        QTest::newRow("wide pixels") << 80.0 << 5.0;
        QTest::newRow("tall pixels") << 0.5 << 30.0;
    }
    void nearestPointMatchesBruteForce()
    {
        QFETCH(double, sx);
        QFETCH(double, sy);
        std::vector<float> x, y;
        randomPoints(20000, 17, x, y);
        x[10] = std::nanf("");
        const cryo::PointGrid grid(x, y);
        QCOMPARE(grid.size(), x.size() - 1);
        std::mt19937 rng(23);
        std::uniform_real_distribution<double> where(-7.0, 7.0);  // also outside the points
        for (int q = 0; q < 300; ++q) {
            const double px = where(rng), py = where(rng);
            std::int64_t best = -1;
            double bestD = 1e300;
            for (std::size_t i = 0; i < x.size(); ++i) {
                const double dx = (x[i] - px) * sx, dy = (y[i] - py) * sy, d = dx * dx + dy * dy;
                if (d < bestD)
                    bestD = d, best = std::int64_t(i);
            }
            QCOMPARE(grid.nearest(px, py, sx, sy), best);
            QCOMPARE(cryo::nearestByScan(x, y, px, py, sx, sy), best);   // the click without a grid
            const double radius = std::sqrt(bestD);
            QCOMPARE(cryo::nearestByScan(x, y, px, py, sx, sy, radius * 0.99), std::int64_t(-1));
            QCOMPARE(grid.nearest(px, py, sx, sy, radius * 0.99), std::int64_t(-1));
            QCOMPARE(grid.nearest(px, py, sx, sy, radius * 1.01), best);
        }
        QCOMPARE(cryo::PointGrid().nearest(0, 0), std::int64_t(-1));
        // Equally near points: both ways give the smaller index.
        const std::vector<float> tx{1, -1, 1, 0}, ty{0, 0, 0, 5};
        QCOMPARE(cryo::PointGrid(tx, ty).nearest(0, 0), std::int64_t(0));
        QCOMPARE(cryo::nearestByScan(tx, ty, 0, 0), std::int64_t(0));
    }

    void historyUndoRedo()
    {
        cryo::SelectionHistory history(100, 3);
        QVERIFY(!history.canUndo() && !history.canRedo());
        history.combineCurrent(SelectionSet::fromIndices(100, {1, 2, 3}), SelectionMode::Replace, "Lasso");
        history.combineCurrent(SelectionSet::fromIndices(100, {3, 4}), SelectionMode::Add, "Lasso add");
        QCOMPARE(toSet(history.current()), (std::set<std::size_t>{1, 2, 3, 4}));
        const auto first = history.addNamedFromCurrent("open", 0xff0000);
        QCOMPARE(first, std::size_t(0));
        history.invertCurrent();
        QCOMPARE(history.current().count(), std::size_t(96));
        QCOMPARE(history.undoText(), std::string("Invert selection"));

        QVERIFY(history.undo());
        QCOMPARE(history.current().count(), std::size_t(4));
        QCOMPARE(history.named().size(), std::size_t(1));
        QCOMPARE(history.named()[0].set.count(), std::size_t(4));
        QVERIFY(history.undo());
        QVERIFY(history.named().empty());
        QVERIFY(history.redo());
        QCOMPARE(history.named()[0].name, std::string("open"));
        QVERIFY(history.undo() && history.undo());  // capped at 3 steps: the first lasso is gone
        QCOMPARE(toSet(history.current()), (std::set<std::size_t>{1, 2, 3}));
        QVERIFY(!history.undo());
        // A new edit drops the redo branch.
        history.clearCurrent();
        QVERIFY(!history.canRedo());
        QVERIFY(history.current().empty());
        // An edit that changes nothing leaves no undo step.
        const auto depth = history.undoText();
        history.clearCurrent();
        QCOMPARE(history.undoText(), depth);
    }

    void historyNamedEdits()
    {
        cryo::SelectionHistory history(10);
        history.combineCurrent(SelectionSet::fromIndices(10, {0, 9}), SelectionMode::Replace, "pick");
        history.addNamedFromCurrent("a", 0x112233);
        history.clearCurrent();
        history.addNamedFromCurrent("empty", 0x445566);
        history.renameNamed(0, "ends");
        history.setNamedVisible(1, false);
        history.setNamedColour(0, 0xabcdef);
        QCOMPARE(history.named()[0].name, std::string("ends"));
        QCOMPARE(history.named()[0].colour, 0xabcdefu);
        QVERIFY(!history.named()[1].visible);
        history.setCurrentFromNamed(0);
        QCOMPARE(toSet(history.current()), (std::set<std::size_t>{0, 9}));
        history.removeNamed(1);
        QCOMPARE(history.named().size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, history.removeNamed(1));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError,
                                 history.combineCurrent(SelectionSet(9), SelectionMode::Add, "bad"));
        QVERIFY(history.undo());
        QCOMPARE(history.named().size(), std::size_t(2));
        history.reset(20);
        QVERIFY(!history.canUndo() && history.named().empty());
        QCOMPARE(history.particleCount(), std::size_t(20));
    }
};

QTEST_GUILESS_MAIN(TestSelection)
#include "tst_selection.moc"
