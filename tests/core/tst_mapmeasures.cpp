// Histogram, enclosed volume and the default contour level of a map.
#include "analysis/MapMeasures.h"
#include "support/TestMaps.h"

#include <QtTest>

#include <numbers>
#include <numeric>

using namespace cryo;

class TestMapMeasures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void enclosedVolumeOfBall_data()
    {
        QTest::addColumn<double>("radius");
        QTest::addColumn<float>("apix");
        QTest::newRow("r=8, 1 Å") << 8.0 << 1.0f;
        QTest::newRow("r=12, 2 Å") << 12.0 << 2.0f;
        QTest::newRow("r=15, 0.5 Å") << 15.0 << 0.5f;
    }
    void enclosedVolumeOfBall()
    {
        QFETCH(double, radius);
        QFETCH(float, apix);
        const Volume v = testmaps::ball(40, radius, 20, 20, 20, apix);
        const double expected = 4.0 / 3.0 * std::numbers::pi * std::pow(radius * apix, 3);
        const double measured = enclosedVolume(v, 0.5);
        QVERIFY2(std::abs(measured - expected) / expected < 0.03,
                 qPrintable(QString("measured %1, expected %2").arg(measured).arg(expected)));
        QCOMPARE(enclosedVolume(v, 2.0), 0.0);
        QCOMPARE(enclosedVolume(v, -1.0), double(v.voxelCount()) * apix * apix * apix);
    }

    void histogramCountsEveryVoxelInItsBin()
    {
        Volume v(10, 1, 1);
        v.data = {0, 0, 0, 1, 1, 2, 3, 3, 3, 3};
        const Histogram h = computeHistogram(v, 4);
        QCOMPARE(h.low, 0.0f);
        QCOMPARE(h.high, 3.0f);
        QCOMPARE(h.counts, (std::vector<std::size_t>{3, 2, 1, 4}));
        const Histogram wide = computeHistogram(testmaps::ball(16, 4, 8, 8, 8), 50);
        QCOMPARE(std::accumulate(wide.counts.begin(), wide.counts.end(), std::size_t(0)), std::size_t(16 * 16 * 16));
    }

    void constantMapHasValidHistogram()
    {
        Volume v(4, 4, 4);
        std::fill(v.data.begin(), v.data.end(), 7.0f);
        const Histogram h = computeHistogram(v, 8);
        QVERIFY(h.high > h.low);
        QCOMPARE(h.counts.front(), std::size_t(64));
    }

    void defaultLevelIsTwoSigmaAboveMeanWithinRange()
    {
        const Volume v = testmaps::ball(32, 6, 16, 16, 16);
        const VolumeStats s = computeStats(v);
        QCOMPARE(defaultContourLevel(s), s.mean + 2 * s.rms);
        VolumeStats flat{1.0f, 1.0f, 1.0, 0.0};
        QCOMPARE(defaultContourLevel(flat), 1.0);
        VolumeStats spike{0.0f, 1.0f, 0.9, 0.4};
        QCOMPARE(defaultContourLevel(spike), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestMapMeasures)
#include "tst_mapmeasures.moc"
