// The training monitor shows what it is fed: labels (epoch, speed, ETA as h:mm:ss, loss
// terms), the progress over the whole run, loss curve points per epoch plus the running
// value, the latent preview, and Cancel/Resume states through a run's life; ab initio runs:
// the pose-search stage line, the pose error line and curve (hidden otherwise). Progress bars
// take a new value without painting at once (progressvalue::setLater).
#include "LatentPreview.h"
#include "LossCurveView.h"
#include "PoseErrorView.h"
#include "ProgressValue.h"
#include "TrainingMonitor.h"
#include "support/FakeTraining.h"

#include <QDir>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

namespace {

struct PaintCounter : QObject {
    int count = 0;
    bool eventFilter(QObject*, QEvent* event) override
    {
        count += event->type() == QEvent::Paint;
        return false;
    }
};

cryo::TrainingOptions options(int epochs, bool resume = false)
{
    cryo::TrainingOptions o;
    o.outDir = "/data/runs/hinge_z8";
    o.config.epochs = epochs;
    o.config.model.zdim = 8;
    o.resume = resume;
    return o;
}

cryo::TrainingProgress progress(int epoch, int epochs, std::size_t done, double eta)
{
    return {"training", epoch, epochs, done, 100, 1.5, 1.25, 2.0, 123.4, eta};
}

cryo::TrainingProgress search(int epoch, int epochs, std::size_t done, std::size_t total, double rate, double error)
{
    cryo::TrainingProgress p;
    p.stage = "pose search";
    p.epoch = epoch;
    p.epochs = epochs;
    p.imagesDone = done;
    p.imagesPerEpoch = total;
    p.imagesPerSecond = rate;
    p.poseErrorDeg = error;
    return p;
}

cryo::EpochSummary abInitioEpoch(int e, bool searched, double rotationDeg, double shiftPx)
{
    cryo::EpochSummary s;
    s.record = {e, 1.0 / e, 0.8 / e, 0, 10, 100};
    s.posesSearched = searched;
    s.poseErrorDeg = rotationDeg;
    s.shiftErrorPx = shiftPx;
    return s;
}

cryo::EpochSummary epoch(int e, double loss)
{
    faketraining::FakeJob job;
    job.particles = 300;
    return faketraining::fakeSummary(job, 8, e, loss, loss * 0.8, 10.0 + e);
}

// Pixels of `color` (within a small tolerance) in the rendered widget.
int pixelsOf(QWidget& w, const QColor& color)
{
    const QImage image = w.grab().toImage();
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) + std::abs(c.blue() - color.blue()) < 30;
        }
    return n;
}

} // namespace

class TestTrainingMonitor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatDuration_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "0:00:00";
        QTest::newRow("rounded") << 59.4 << "0:00:59";
        QTest::newRow("minute") << 61.0 << "0:01:01";
        QTest::newRow("hour") << 3600.0 << "1:00:00";
        QTest::newRow("a day and more") << 90061.0 << "25:01:01";
        QTest::newRow("unknown") << -1.0 << "–";
        QTest::newRow("nan") << std::nan("") << "–";
    }

    void formatDuration()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(TrainingMonitor::formatDuration(seconds), text);
    }

    void progressFillsLabelsAndBar()
    {
        TrainingMonitor monitor;
        monitor.startRun(options(10));
        QVERIFY(monitor.canCancel());
        QVERIFY(!monitor.canResume());
        QVERIFY(monitor.statusText().contains(QStringLiteral("/data/runs/hinge_z8")));
        monitor.showProgress(progress(3, 10, 50, 3725));
        QCOMPARE(monitor.epochText(), QStringLiteral("3 / 10"));
        QVERIFY2(monitor.speedText().contains(QStringLiteral("123.4")), qPrintable(monitor.speedText()));
        QCOMPARE(monitor.etaText(), QStringLiteral("1:02:05"));
        QVERIFY(monitor.lossText().contains(QStringLiteral("1.5")));
        QVERIFY(monitor.lossText().contains(QStringLiteral("1.25")));
        QCOMPARE(monitor.stageText(), QStringLiteral("Training"));
        QCOMPARE(monitor.progressPermille(), 250);   // 2.5 of 10 epochs
        QVERIFY(monitor.lossCurve()->hasRunning());
        QCOMPARE(monitor.lossCurve()->seriesPoints(LossCurveView::Series::Loss).size(), std::size_t(1));
    }

    // QProgressBar::setValue paints synchronously (a whole-window flush beside the OpenGL view);
    // setLater only marks the bar, and the next frame paints the new value.
    void progressValueIsPaintedWithTheNextFrame()
    {
        QProgressBar bar;
        bar.setRange(0, 1000);
        bar.setTextVisible(true);
        bar.resize(200, 24);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        PaintCounter paints;
        bar.installEventFilter(&paints);
        bar.setValue(100);   // Qt's own call: painted before it returns (the test can fail)
        QCOMPARE(paints.count, 1);
        progressvalue::setLater(&bar, 500);
        QCOMPARE(bar.value(), 500);
        QCOMPARE(paints.count, 1);   // not painted yet
        QVERIFY(bar.updatesEnabled());
        QTRY_COMPARE(paints.count, 2);
        progressvalue::setLater(&bar, 500);   // the same value: nothing to paint
        QTest::qWait(50);
        QCOMPARE(paints.count, 2);
    }

    void epochsAddCurvePointsAndLatents()
    {
        TrainingMonitor monitor;
        monitor.resize(700, 400);
        monitor.startRun(options(10));
        const double losses[] = {4.0, 2.0, 1.0};
        for (int e = 1; e <= 3; ++e)
            monitor.addEpoch(epoch(e, losses[e - 1]));
        LossCurveView* curve = monitor.lossCurve();
        QCOMPARE(curve->epochs().size(), std::size_t(3));
        QVERIFY(!curve->hasRunning());
        for (auto series : {LossCurveView::Series::Loss, LossCurveView::Series::Mse, LossCurveView::Series::Kld}) {
            const auto points = curve->seriesPoints(series);
            QCOMPARE(points.size(), std::size_t(3));
            QVERIFY(points[0].x() < points[1].x() && points[1].x() < points[2].x());
        }
        const auto loss = curve->seriesPoints(LossCurveView::Series::Loss);
        QVERIFY(loss[0].y() < loss[1].y() && loss[1].y() < loss[2].y());   // falling loss: lower on screen
        // On a log axis, equal ratios are equal distances.
        QVERIFY(std::abs((loss[1].y() - loss[0].y()) - (loss[2].y() - loss[1].y())) < 1.0);
        curve->setLogScale(false);
        const auto linear = curve->seriesPoints(LossCurveView::Series::Loss);
        QVERIFY((linear[1].y() - linear[0].y()) > 1.5 * (linear[2].y() - linear[1].y()));
        QCOMPARE(monitor.latentPreview()->pointCount(), 300);
        QCOMPARE(monitor.latentPreview()->epoch(), 3);
        QCOMPARE(monitor.epochText(), QStringLiteral("3 / 10"));
        // The painted curve really shows the loss colour.
        QVERIFY(pixelsOf(*curve, QColor(40, 110, 200)) > 30);
    }

    void latentPreviewPaintsPoints()
    {
        LatentPreview preview;
        preview.resize(200, 200);
        const QImage empty = preview.grab().toImage();
        preview.setLatents(epoch(5, 1.0).zMu, 8, 5);
        const QImage drawn = preview.grab().toImage();
        int changed = 0;
        for (int y = 30; y < drawn.height(); ++y)
            for (int x = 0; x < drawn.width(); ++x)
                changed += drawn.pixel(x, y) != empty.pixel(x, y);
        QVERIFY2(changed > 200, qPrintable(QString::number(changed)));
        preview.setLatents({}, 0, 1);
        QCOMPARE(preview.pointCount(), 0);
        QCOMPARE(preview.zdim(), 0);
    }

    void lifeCycleButtons()
    {
        TrainingMonitor monitor;
        QSignalSpy cancel(&monitor, &TrainingMonitor::cancelRequested);
        QSignalSpy resume(&monitor, &TrainingMonitor::resumeRequested);
        monitor.startRun(options(4));
        monitor.addEpoch(epoch(1, 3.0));
        QVERIFY(monitor.canCancel());
        QTest::mouseClick(monitor.findChildren<QPushButton*>().value(0), Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);

        monitor.showFinished({"/data/runs/hinge_z8", 1, true, 12});
        QVERIFY(!monitor.canCancel());
        QVERIFY(monitor.canResume());
        QVERIFY(monitor.stageText().contains(QStringLiteral("Cancelled after epoch 1")));
        QTest::mouseClick(monitor.findChildren<QPushButton*>().value(1), Qt::LeftButton);
        QCOMPARE(resume.count(), 1);

        // Resuming keeps the curve; a repeated epoch replaces its point.
        monitor.startRun(options(4, true));
        QCOMPARE(monitor.lossCurve()->epochs().size(), std::size_t(1));
        monitor.addEpoch(epoch(1, 2.5));
        monitor.addEpoch(epoch(2, 2.0));
        QCOMPARE(monitor.lossCurve()->epochs().size(), std::size_t(2));
        QCOMPARE(monitor.lossCurve()->epochs().front().loss, 2.5);

        monitor.showFailed(QStringLiteral("loss became NaN"));
        QVERIFY(monitor.statusText().contains(QStringLiteral("loss became NaN")));
        QCOMPARE(monitor.stageText(), QStringLiteral("Failed"));
        QVERIFY(monitor.canResume());

        monitor.startRun(options(4, true));
        monitor.showFinished({"/data/runs/hinge_z8", 4, false, 3725});
        QCOMPARE(monitor.progressPermille(), 1000);
        QVERIFY(monitor.stageText().contains(QStringLiteral("1:02:05")));
        QVERIFY(!monitor.canResume());
        QVERIFY(!monitor.canCancel());
    }

    void resumedRunShowsItsHistory()
    {
        TrainingMonitor monitor;
        std::vector<cryo::EpochRecord> history{{1, 3, 2, 9, 1, 1}, {2, 2, 1.5, 9, 1, 1}};
        monitor.startRun(options(10, true), history);
        QCOMPARE(monitor.lossCurve()->epochs().size(), std::size_t(2));
        QCOMPARE(monitor.epochText(), QStringLiteral("2 / 10"));
        QCOMPARE(monitor.progressPermille(), 200);
    }

    void homogeneousRunHidesTheLatentView()
    {
        TrainingMonitor monitor;
        cryo::TrainingOptions o = options(10);
        o.config.model.zdim = 0;
        monitor.startRun(o);
        QVERIFY(monitor.latentView()->isHidden());
        auto* scatter = new QWidget;   // the main window's scatter panel, installed later
        monitor.setLatentView(scatter);
        QVERIFY(scatter->isHidden());
        o.config.model.zdim = 8;
        monitor.startRun(o);
        QVERIFY(!scatter->isHidden());
    }

    void poseSearchStage()
    {
        TrainingMonitor monitor;
        cryo::TrainingOptions o = options(10);
        o.abInitio = true;
        monitor.startRun(o);
        QVERIFY(!monitor.showsPoseError());   // nothing measured yet
        monitor.showProgress(progress(5, 10, 100, 0));   // epoch 5 trained: its loss stays on show
        monitor.showProgress(search(6, 10, 1200, 3000, 11.2, -1));
        const QString expected = QStringLiteral("Pose search (epoch 6): %1 / %2 images, 11 images/s")
                                     .arg(QLocale().toString(1200), QLocale().toString(3000));
        QCOMPARE(monitor.stageText(), expected);
        QVERIFY(monitor.lossText().contains(QStringLiteral("1.5")));   // not the search's zero
        QCOMPARE(monitor.etaText(), QStringLiteral("–"));             // no estimate yet
        QCOMPARE(monitor.progressPermille(), 540);   // 5 epochs + 0.4 of epoch 6
        // The searching epoch trains each chunk after its search: its running loss replaces the last.
        cryo::TrainingProgress searchAndTrain = search(6, 10, 1500, 3000, 11.2, -1);
        searchAndTrain.loss = searchAndTrain.mse = 0.875;
        monitor.showProgress(searchAndTrain);
        QVERIFY(monitor.lossText().contains(QStringLiteral("0.875")));
        QCOMPARE(monitor.progressPermille(), 550);
        cryo::TrainingProgress training = progress(7, 10, 50, 0);
        monitor.showProgress(training);
        QCOMPARE(monitor.progressPermille(), 650);   // 6 + 0.5
        QCOMPARE(monitor.stageText(), QStringLiteral("Training"));
        QVERIFY(!monitor.showsPoseError());   // no truth: no pose error
        monitor.addEpoch(abInitioEpoch(6, true, -1, -1));
        QVERIFY(!monitor.showsPoseError());
    }

    // Real data has no truth: how far each search moved the poses tells whether ab initio has
    // converged (settled within twice the finest step of the search grid: 2 × 360°/(6·2^(2+4))).
    void poseChangeSaysWhetherTheSearchSettled()
    {
        TrainingMonitor monitor;
        cryo::TrainingOptions o = options(6);
        o.abInitio = true;
        monitor.startRun(o);
        cryo::EpochSummary first = abInitioEpoch(1, true, -1, -1);   // the first search: nothing to compare with
        first.halfMapResolutionA = 31.46;
        monitor.addEpoch(first);
        QVERIFY(!monitor.showsPoseChange());
        QVERIFY2(monitor.halfMapText().contains(QStringLiteral("31.5 Å")), qPrintable(monitor.halfMapText()));
        cryo::EpochSummary second = abInitioEpoch(2, true, -1, -1);
        second.poseChangeDeg = 24.5, second.poseChangePx = 1.25;
        second.halfMapResolutionA = 18.04;
        monitor.addEpoch(second);
        QVERIFY2(monitor.halfMapText().contains(QStringLiteral("18.0 Å")), qPrintable(monitor.halfMapText()));
        QVERIFY(monitor.showsPoseChange());
        QVERIFY(!monitor.showsPoseError());   // still no truth
        QVERIFY2(monitor.poseChangeText().contains(QStringLiteral("24.5°")) &&
                     monitor.poseChangeText().contains(QStringLiteral("1.25 px")) &&
                     monitor.poseChangeText().contains(QStringLiteral("still moving")) &&
                     monitor.poseChangeText().contains(QStringLiteral("1.9°")),
                 qPrintable(monitor.poseChangeText()));
        monitor.addEpoch(abInitioEpoch(3, false, -1, -1));   // a training epoch keeps the line
        QVERIFY(monitor.poseChangeText().contains(QStringLiteral("24.5°")));
        cryo::EpochSummary fourth = abInitioEpoch(4, true, -1, -1);
        fourth.poseChangeDeg = 1.5, fourth.poseChangePx = 0.1;
        monitor.addEpoch(fourth);
        QVERIFY2(monitor.poseChangeText().contains(QStringLiteral("settled")), qPrintable(monitor.poseChangeText()));
        // A coarser search settles at a coarser limit: 2 × 360°/(6·2^(2+2)) = 7.5°.
        o.abInitioOptions.refinements = 2;
        monitor.startRun(o);
        QVERIFY(!monitor.showsPoseChange());   // a new run
        QVERIFY(monitor.halfMapText().isEmpty());
        second.poseChangeDeg = 6.0;
        monitor.addEpoch(second);
        QVERIFY2(monitor.poseChangeText().contains(QStringLiteral("settled")) &&
                     monitor.poseChangeText().contains(QStringLiteral("7.5°")),
                 qPrintable(monitor.poseChangeText()));
        // Followed or resumed runs read it from run.h5's history.
        o.resume = true;
        monitor.startRun(o);
        monitor.setPoseErrorHistory({{1, true, -1, -1, -1, -1, 40.0}, {2, true, -1, -1, 30.0, 2.0, 22.31}});
        QVERIFY2(monitor.halfMapText().contains(QStringLiteral("22.3 Å")), qPrintable(monitor.halfMapText()));
        QVERIFY2(monitor.poseChangeText().contains(QStringLiteral("30.0°")) &&
                     monitor.poseChangeText().contains(QStringLiteral("still moving")),
                 qPrintable(monitor.poseChangeText()));
    }

    void poseErrorLineAndCurve()
    {
        TrainingMonitor monitor;
        monitor.resize(800, 500);
        cryo::TrainingOptions o = options(6);
        o.abInitio = true;
        monitor.startRun(o);
        monitor.show();
        monitor.showProgress(search(1, 6, 10, 100, 50, 80.0));
        QVERIFY(monitor.showsPoseError());
        QVERIFY2(monitor.poseErrorText().contains(QStringLiteral("80.0°")), qPrintable(monitor.poseErrorText()));
        const double rotations[] = {80, 80, 30, 30, 12};
        const double shifts[] = {3, 3, 1.5, 1.5, 0.5};
        for (int e = 1; e <= 5; ++e)
            monitor.addEpoch(abInitioEpoch(e, e % 2 == 1, rotations[e - 1], shifts[e - 1]));
        QVERIFY2(monitor.poseErrorText().contains(QStringLiteral("12.0°")), qPrintable(monitor.poseErrorText()));
        QVERIFY(monitor.poseErrorText().contains(QStringLiteral("0.50 px")));
        PoseErrorView* view = monitor.poseErrorView();
        QCOMPARE(view->points().size(), std::size_t(5));
        QVERIFY(view->points()[2].searched && !view->points()[3].searched);
        for (bool shift : {false, true}) {
            const auto points = view->seriesPoints(shift);
            QCOMPARE(points.size(), std::size_t(5));
            QVERIFY(points[0].x() < points[4].x());
            QVERIFY(points[0].y() < points[4].y());   // falling error: lower on screen
            QCOMPARE(points[0].y(), points[1].y());
        }
        QVERIFY(pixelsOf(*view, QColor(40, 110, 200)) > 20);   // rotation curve painted
        QVERIFY(pixelsOf(*view, QColor(200, 90, 40)) > 20);    // shift curve painted
        if (const QString shots = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(monitor.grab().save(QDir(shots).filePath("monitor-abinitio.png")));
        // Resuming keeps the curve; a new run that is not ab initio hides it.
        o.resume = true;
        monitor.startRun(o);
        QVERIFY(monitor.showsPoseError());
        QCOMPARE(view->points().size(), std::size_t(5));
        monitor.startRun(options(6));
        QVERIFY(!monitor.showsPoseError());
        QVERIFY(view->points().empty());
        // A resumed ab initio run in a fresh window: its stored pose errors (no truth: skipped).
        TrainingMonitor fresh;
        fresh.startRun(o);
        fresh.setPoseErrorHistory({{1, true, 90, 4}, {2, false, 90, 4}, {3, true, 40, 2}});
        QVERIFY(fresh.showsPoseError());
        QCOMPARE(fresh.poseErrorView()->points().size(), std::size_t(3));
        QVERIFY(fresh.poseErrorText().contains(QStringLiteral("40.0°")));
        TrainingMonitor noTruth;
        noTruth.startRun(o);
        noTruth.setPoseErrorHistory({{1, true, -1, -1}});
        QVERIFY(!noTruth.showsPoseError());
        monitor.addEpoch(epoch(1, 2.0));   // no pose errors in a run on given poses
        QVERIFY(!monitor.showsPoseError());
    }

    void latentViewCanBeReplaced()
    {
        TrainingMonitor monitor;
        auto* scatter = new QWidget;
        monitor.setLatentView(scatter);
        QCOMPARE(monitor.latentView(), scatter);
        QCOMPARE(scatter->parentWidget(), &monitor);
        QVERIFY(monitor.latentPreview()->isHidden());
        monitor.addEpoch(epoch(1, 1.0));
        QCOMPARE(monitor.latentPreview()->pointCount(), 0);   // the replacement is fed by its owner
    }
};

QTEST_MAIN(TestTrainingMonitor)
#include "tst_trainingmonitor.moc"
