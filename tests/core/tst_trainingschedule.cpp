// The training engine's torch-free parts: the ab initio calendar (which epochs search, the
// model reset, the consensus stage, the frequency ramp), the ETA of runs whose epochs differ
// in length, and the pose history's columns in run.h5 (with runs written before the pose change).
#include "train/AbInitioSchedule.h"
#include "train/AbInitioState.h"
#include "train/EtaEstimator.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cryo;

namespace {

QList<bool> searchedEpochs(const AbInitioSchedule& schedule, int epochs)
{
    QList<bool> searched;
    for (int e = 1; e <= epochs; ++e)
        searched.push_back(schedule.searchesIn(e));
    return searched;
}

} // namespace

class TestTrainingSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void poseHistoryKeepsErrorsAndChanges()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("run.h5").toStdString();
        const std::vector<PoseErrorRecord> history{{1, true, 80, 3, -1, -1}, {2, false, 80, 3, -1, -1},
                                                   {3, true, 20, 1, 35.5, 1.5, 12.25}};
        {
            H5File file(path, H5File::Mode::Create);
            file.write("/history/epoch", std::vector<std::int32_t>{1, 2, 3}, {3});
            writePoseErrorHistory(file, history);
            // A run written before the pose change was recorded: the same, without its columns.
            H5File old((dir.filePath("old.h5")).toStdString(), H5File::Mode::Create);
            old.write("/history/epoch", std::vector<std::int32_t>{1, 2, 3}, {3});
            for (const char* column : {"/history/pose_error_deg", "/history/shift_error_px"})
                old.write(column, file.read<double>(column), {3});
            old.write("/history/poses_searched", file.read<std::int32_t>("/history/poses_searched"), {3});
        }
        const std::vector<PoseErrorRecord> read = readPoseErrorHistory(H5File(path, H5File::Mode::ReadOnly));
        QCOMPARE(int(read.size()), 3);
        QCOMPARE(read[2].changeDeg, 35.5);
        QCOMPARE(read[2].changePx, 1.5);
        QCOMPARE(read[2].halfMapResolutionA, 12.25);
        QCOMPARE(read[1].halfMapResolutionA, -1.0);
        QCOMPARE(read[0].changeDeg, -1.0);
        QCOMPARE(read[1].searched, false);
        const auto old = readPoseErrorHistory(H5File(dir.filePath("old.h5").toStdString(), H5File::Mode::ReadOnly));
        QCOMPARE(int(old.size()), 3);
        QCOMPARE(old[2].rotationDeg, 20.0);
        QCOMPARE(old[2].changeDeg, -1.0);   // not recorded: shown as none
        QCOMPARE(old[2].halfMapResolutionA, -1.0);
        // The convergence limit: twice the finest grid step (r0 + M = 6: 360°/384).
        QCOMPARE(settledBelowDeg(AbInitioOptions{}), 2 * 360.0 / 384.0);
    }

    void searchingEpochs_data()
    {
        QTest::addColumn<int>("searchEvery");
        QTest::addColumn<int>("resetAfter");
        QTest::addColumn<int>("epochs");
        QTest::addColumn<QList<bool>>("searched");
        QTest::addColumn<int>("resetEpoch");
        // The epoch after the reset trains on the kept poses; the schedule restarts after it.
        QTest::newRow("every epoch, reset after 2") << 1 << 2 << 5 << QList<bool>{1, 1, 0, 1, 1} << 2;
        QTest::newRow("every 2, no reset") << 2 << 0 << 5 << QList<bool>{1, 0, 1, 0, 1} << 0;
        QTest::newRow("every 2, reset after 3") << 2 << 3 << 8 << QList<bool>{1, 0, 1, 0, 0, 1, 0, 1} << 3;
        // Automatic: half of ≥ 10 epochs, else none.
        QTest::newRow("automatic, 10 epochs") << 1 << -1 << 10 << QList<bool>{1, 1, 1, 1, 1, 0, 1, 1, 1, 1} << 5;
        QTest::newRow("automatic, 9 epochs") << 3 << -1 << 9 << QList<bool>{1, 0, 0, 1, 0, 0, 1, 0, 0} << 0;
    }
    void searchingEpochs()
    {
        QFETCH(int, searchEvery);
        QFETCH(int, resetAfter);
        QFETCH(int, epochs);
        QFETCH(QList<bool>, searched);
        QFETCH(int, resetEpoch);
        AbInitioOptions options;
        options.searchEvery = searchEvery;
        options.resetAfterEpoch = resetAfter;
        const AbInitioSchedule schedule(options, epochs, 64);
        QCOMPARE(schedule.resetEpoch(), resetEpoch);
        QCOMPARE(searchedEpochs(schedule, epochs), searched);
        for (int e = 0; e <= epochs; ++e)
            QCOMPARE(schedule.passesAfter(e), int(std::count(searched.begin(), searched.begin() + e, true)));
    }

    void storedResetEpochWins()
    {
        // A run started with 10 epochs (automatic reset after 5), resumed to 20: still 5.
        AbInitioOptions options;
        const AbInitioSchedule resumed(options, 20, 64, 5);
        QCOMPARE(resumed.resetEpoch(), 5);
        QCOMPARE(AbInitioSchedule(options, 20, 64).resetEpoch(), 10);
        QVERIFY(!resumed.searchesIn(6));
        QVERIFY(resumed.searchesIn(7));
    }

    void consensusStageLastsUntilTheReset()
    {
        AbInitioOptions options;
        options.resetAfterEpoch = 3;
        const AbInitioSchedule schedule(options, 6, 64);
        QVERIFY(schedule.inConsensusStage(1, 8));
        QVERIFY(schedule.inConsensusStage(3, 8));
        QVERIFY(!schedule.inConsensusStage(4, 8));
        QVERIFY(!schedule.inConsensusStage(1, 0));   // homogeneous: nothing to hold back
        options.resetAfterEpoch = 0;
        QVERIFY(!AbInitioSchedule(options, 6, 64).inConsensusStage(1, 8));   // no reset, no consensus
    }

    void frequencyRamp()
    {
        AbInitioOptions options;
        options.lMaxStart = 4;
        options.lMaxStep = 2;
        options.lMax = 8;
        const AbInitioSchedule schedule(options, 4, 32);
        QCOMPARE(schedule.searchRadius(0), 4);
        QCOMPARE(schedule.searchRadius(1), 6);
        QCOMPARE(schedule.searchRadius(2), 8);
        QCOMPARE(schedule.searchRadius(5), 8);   // lMax
        options.lMax = 48;
        QCOMPARE(AbInitioSchedule(options, 4, 12).searchRadius(9), 6);   // D/2
        options.lMaxStart = 0;
        QCOMPARE(AbInitioSchedule(options, 4, 32).searchRadius(0), 16);   // no ramp
    }

    void etaOfEqualEpochs()
    {
        // Epoch 1 of 3, a quarter done in 10 s: 30 s more for it and 40 s for each later one.
        EtaEstimator eta;
        eta.epochStarted({0, 0});
        QCOMPARE(eta.secondsLeft(10, 0.25), 30.0 + 2 * 40.0);
        QCOMPARE(eta.secondsLeft(3, 0.0), 0.0);   // nothing done: no estimate
        // Epoch 1 took 50 s in all: epoch 2, half done in 20 s, leaves 20 s + 50 s.
        eta.epochFinished(0, 50);
        eta.epochStarted({0});
        QCOMPARE(eta.secondsLeft(20, 0.5), 20.0 + 50.0);
    }

    void etaOfEpochsOfTwoKinds()
    {
        // Ab initio: searching epochs (kind 1) take longer than training epochs (kind 0).
        EtaEstimator eta;
        eta.epochFinished(1, 300);
        eta.epochFinished(0, 60);
        eta.epochStarted({0, 1, 1, 0});
        QCOMPARE(eta.secondsLeft(30, 0.5), 30.0 + 2 * 60.0 + 2 * 300.0);
        // A kind never timed: as long as the current epoch will take.
        eta.epochStarted({2});
        QCOMPARE(eta.secondsLeft(10, 0.1), 90.0 + 100.0);
    }
};

QTEST_GUILESS_MAIN(TestTrainingSchedule)
#include "tst_trainingschedule.moc"
