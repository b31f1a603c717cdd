// Feature controllers driven without the main window, through a WindowHost of the test's
// own (runs under xvfb-run: the map stage has the 3D view): the map stage's one rule for the
// contour level (σ kept between maps of a run, absolute between trajectory frames), Export
// Shown Map reporting through the host, and a training run started, finished and handed on
// (runFinished) with its messages reaching the host.
#include "MapStage.h"
#include "ThresholdPanel.h"
#include "TrainingDockController.h"
#include "TrajectoryController.h"
#include "WindowHost.h"
#include "io/MrcFile.h"
#include "support/FakeTraining.h"
#include "support/TestMaps.h"

#include <QMainWindow>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

class TestHost : public WindowHost {
public:
    TestHost() : m_stage(new MapStage(&m_window)) {}
    QMainWindow* mainWindow() override { return &m_window; }
    MapStage& stage() override { return *m_stage; }
    QMenu* menu(Menu which) override { return &m_menus[int(which)]; }
    void message(const QString& text, int) override { messages << text; }
    void note(const QString& title, const QString&, bool) override { notes << title; }
    void reportError(const QString& title, const QString& message) override { errors << title + ": " + message; }
    void remember(const QString& path) override { remembered << path; }
    bool isInteractive() const override { return false; }

    QStringList messages, notes, errors, remembered;

private:
    QMainWindow m_window;
    MapStage* m_stage;
    QMenu m_menus[4];
};

// A ball of `radius` voxels with values scaled by `scale` (its σ changes with it).
cryo::Volume scaledBall(double radius, float scale)
{
    cryo::Volume map = testmaps::ball(32, radius, 16, 16, 16);
    for (float& v : map.data)
        v *= scale;
    return map;
}

} // namespace

class TestFeatureControllers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stageKeepsSigmaBetweenMapsAndAbsoluteBetweenFrames()
    {
        TestHost host;
        MapStage& stage = host.stage();
        stage.showMapKeepingView(scaledBall(8, 1.0f), QStringLiteral("first"));
        const double sigma = stage.thresholdPanel()->sigmaLevel();
        stage.showMapKeepingView(scaledBall(8, 3.0f), QStringLiteral("three times brighter"));
        QCOMPARE(stage.thresholdPanel()->sigmaLevel(), sigma);   // the same surface, 3× the level
        const double level = stage.level();
        stage.showFrame(scaledBall(6, 1.0f), QStringLiteral("frame"));
        QCOMPARE(stage.level(), level);   // frames compare at one absolute level
        QVERIFY(stage.decodeText().contains(QStringLiteral("frame")));
        QVERIFY(stage.statusText().contains(QStringLiteral("32 × 32 × 32")));
    }

    void exportShownMapReportsThroughTheHost()
    {
        TestHost host;
        TrajectoryController trajectories(host);
        QTemporaryDir dir;
        const QString path = dir.filePath("shown.mrc");
        QVERIFY(!trajectories.exportShownMap(path));
        QCOMPARE(host.errors.size(), 1);
        QVERIFY(host.errors[0].contains(QStringLiteral("No map is shown")));
        host.stage().showVolume(scaledBall(8, 2.0f));
        QVERIFY(trajectories.exportShownMap(path));
        QCOMPARE(cryo::readMrc(path.toStdString()).data, host.stage().volume().data);
        QVERIFY(host.messages.last().contains(path));
        QVERIFY(!trajectories.exportTrajectoryMaps(dir.path()));   // no run, no trajectory
        QCOMPARE(host.errors.size(), 2);
    }

    void trainingRunIsHandedOn()
    {
        TestHost host;
        TrainingDockController training(host);
        auto log = std::make_shared<faketraining::FakeLog>();
        QVERIFY(training.setTrainingFunction(faketraining::fakeTraining({}, log)));
        QSignalSpy finished(&training, &TrainingDockController::runFinished);
        cryo::TrainingOptions options;
        options.outDir = "/tmp/fake-run";
        options.config.epochs = 2;
        QVERIFY(training.startTraining(options));
        QVERIFY(!training.startTraining(options));   // one at a time, said through the host
        QCOMPARE(host.errors.size(), 1);
        QVERIFY(finished.wait(60000) || finished.count() > 0);
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("/tmp/fake-run"));
        QVERIFY(training.statusText().contains(QStringLiteral("2")));
        QVERIFY(!host.menu(WindowHost::Menu::Model)->actions().isEmpty());   // Model → Train…
    }
};

QTEST_MAIN(TestFeatureControllers)
#include "tst_featurecontrollers.moc"
