// The contour level panel keeps absolute level, σ level, slider and histogram in step,
// and tells the window only about changes the user makes.
#include "HistogramView.h"
#include "ThresholdPanel.h"
#include "analysis/MapMeasures.h"
#include "support/TestMaps.h"

#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

class TestThresholdPanel : public QObject {
    Q_OBJECT
    cryo::Volume m_map = testmaps::ball(24, 6, 12, 12, 12);
    cryo::VolumeStats m_stats = cryo::computeStats(m_map);

    QDoubleSpinBox* spin(ThresholdPanel& panel, int index) { return panel.findChildren<QDoubleSpinBox*>().value(index); }

private Q_SLOTS:
    void setMapEmitsNothingAndShowsLevel()
    {
        ThresholdPanel panel;
        QSignalSpy spy(&panel, &ThresholdPanel::levelChanged);
        panel.setMap(m_map, m_stats, 0.5);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(panel.level(), 0.5);
        QCOMPARE(spin(panel, 0)->value(), 0.5);
        QCOMPARE(spin(panel, 1)->value(), std::round((0.5 - m_stats.mean) / m_stats.rms * 100) / 100);
    }

    void sigmaDrivesAbsolute()
    {
        ThresholdPanel panel;
        panel.setMap(m_map, m_stats, 0.5);
        QSignalSpy spy(&panel, &ThresholdPanel::levelChanged);
        spin(panel, 1)->setValue(1.5);
        QCOMPARE(spy.count(), 1);
        const double expected = m_stats.mean + 1.5 * m_stats.rms;
        QVERIFY(std::abs(spy.first().first().toDouble() - expected) < 1e-9);
        QVERIFY(std::abs(spin(panel, 0)->value() - expected) < 1e-4);
    }

    void sliderAndHistogramClickSetLevel()
    {
        ThresholdPanel panel;
        panel.resize(300, 300);
        panel.setMap(m_map, m_stats, 0.5);
        QSignalSpy spy(&panel, &ThresholdPanel::levelChanged);
        panel.findChild<QSlider*>()->setValue(1000);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(panel.level(), double(m_stats.max));

        auto* histogram = panel.findChild<HistogramView*>();
        histogram->resize(201, 80);
        QTest::mouseClick(histogram, Qt::LeftButton, {}, QPoint(0, 40));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(panel.level(), double(m_stats.min));
    }

    void levelIsClampedToTheMapRange()
    {
        ThresholdPanel panel;
        panel.setMap(m_map, m_stats, 99.0);
        QCOMPARE(panel.level(), double(m_stats.max));
    }
};

QTEST_MAIN(TestThresholdPanel)
#include "tst_thresholdpanel.moc"
