// levelForEnclosedVoxels: the level with a given number of voxels above it, on random maps
// (distinct values: exact counts), under an affine change of scale (the same voxels stay
// inside), at the extremes, with ties, and for an empty map.
#include "analysis/EnclosedLevel.h"
#include "util/Error.h"

#include <QtTest>

#include <random>

namespace {

cryo::Volume randomMap(int n, unsigned seed)
{
    cryo::Volume v(n, n, n, 2.0f);
    std::mt19937 random(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (float& x : v.data)
        x = normal(random);
    return v;
}

} // namespace

class TestEnclosedLevel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exactCounts_data()
    {
        QTest::addColumn<int>("count");
        for (int count : {1, 7, 100, 4096, 13000, 32767})
            QTest::newRow(qPrintable(QString::number(count))) << count;
    }

    void exactCounts()
    {
        QFETCH(int, count);
        const cryo::Volume map = randomMap(32, 11);
        const double level = cryo::levelForEnclosedVoxels(map, std::size_t(count));
        QCOMPARE(cryo::voxelsAbove(map, level), std::size_t(count));
    }

    void scaledMapKeepsTheSameVoxels()
    {
        const cryo::Volume map = randomMap(24, 5);
        cryo::Volume scaled = map;
        for (float& x : scaled.data)
            x = 3.0f * x + 1.5f;
        const std::size_t count = 500;
        const double a = cryo::levelForEnclosedVoxels(map, count);
        const double b = cryo::levelForEnclosedVoxels(scaled, count);
        QVERIFY(std::abs(b - (3.0 * a + 1.5)) < 1e-3);
        for (std::size_t i = 0; i < map.data.size(); ++i)
            QCOMPARE(double(map.data[i]) > a, double(scaled.data[i]) > b);
    }

    void extremesTiesAndEmpty()
    {
        const cryo::Volume map = randomMap(8, 3);
        QCOMPARE(cryo::voxelsAbove(map, cryo::levelForEnclosedVoxels(map, 0)), std::size_t(0));
        QCOMPARE(cryo::voxelsAbove(map, cryo::levelForEnclosedVoxels(map, map.voxelCount())), map.voxelCount());
        QCOMPARE(cryo::voxelsAbove(map, cryo::levelForEnclosedVoxels(map, 10 * map.voxelCount())), map.voxelCount());

        cryo::Volume steps(4, 4, 4);   // 32 voxels at 1, 32 at 0: 10 cannot be had exactly
        for (std::size_t i = 0; i < steps.data.size(); ++i)
            steps.data[i] = i < 32 ? 1.0f : 0.0f;
        QVERIFY(cryo::voxelsAbove(steps, cryo::levelForEnclosedVoxels(steps, 10)) <= 10);
        QCOMPARE(cryo::voxelsAbove(steps, cryo::levelForEnclosedVoxels(steps, 32)), std::size_t(32));

        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::levelForEnclosedVoxels(cryo::Volume(), 3));
    }
};

QTEST_GUILESS_MAIN(TestEnclosedLevel)
#include "tst_enclosedlevel.moc"
