// Trajectory frames in the main window (issue #6) on a real tiny trained run (under
// xvfb-run): the slider shows the cached frame's map at once at a fixed contour level, playing
// advances, loops and stops, an undecoded frame shows its preview first, and the exports write
// every frame (right voxel size, origin, data) with a ChimeraX script naming them, and the
// shown map.
#include "ExplorerPanel.h"
#include "LatentScatterView.h"
#include "MainWindow.h"
#include "MapStage.h"
#include "TrajectoryController.h"
#include "ScatterPanel.h"
#include "support/TinyRun.h"
#include "TrajectoryFrames.h"
#include "TrajectoryPanel.h"
#include "VolumeViewer.h"
#include "VtkView.h"
#include "io/MrcFile.h"
#include "model/VolumeGenerator.h"
#include "util/BlasEnvironment.h"

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

namespace {

double maxAbsDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size())
        return INFINITY;
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, double(std::abs(a[i] - b[i])));
    return worst;
}

} // namespace

class TestTrajectoryFrames : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_run;

    std::unique_ptr<MainWindow> openWindow() { return showTinyRunWindow(m_run); }

    static void waitForAllFrames(TrajectoryPanel* panel)
    {
        QTRY_VERIFY_WITH_TIMEOUT(panel->frames()->isComplete(), 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8());
        m_run = makeTinyRun(m_dir.path());   // a hinge: drawn paths have somewhere to go
        addStandInUmap(m_run, 2);   // z3, z4: positions that do not follow from z1, z2
    }

    void sliderShowsCachedFramesAtAFixedLevel()
    {
        auto window = openWindow();
        QVERIFY(window);
        TrajectoryPanel* panel = window->trajectories()->panel();
        panel->setPcOptions(0, 6, 5, 95);
        QVERIFY(panel->compute());
        waitForAllFrames(panel);
        QVERIFY2(panel->progressText().startsWith(QStringLiteral("decoded 6/6 in ")), qPrintable(panel->progressText()));
        QVERIFY(panel->frames()->secondsToComplete() > 0);
        const double level = window->mapStage()->level();
        auto generator = cryo::VolumeGenerator::open(m_run.toStdString(), 1);
        for (int f : {3, 1, 5}) {
            panel->slider()->setValue(f);   // as the user drags it
            QCOMPARE(panel->currentFrame(), f);
            const auto cached = panel->frames()->frame(f);
            QVERIFY(cached);
            QCOMPARE(window->mapStage()->volume().data, cached->data);   // shown at once, from the cache
            QCOMPARE(window->mapStage()->level(), level);
            QCOMPARE(window->explorer()->panel(0)->view()->overlay().current, f);
            // The cached map is the decoder's map of that frame's z.
            const cryo::Volume fresh = generator->generate(panel->trajectory().frameZ(f));
            const auto top = *std::max_element(fresh.data.begin(), fresh.data.end());
            QVERIFY2(maxAbsDifference(fresh.data, cached->data) <= 1e-4 * std::max(1.0f, top),
                     qPrintable(QString::number(maxAbsDifference(fresh.data, cached->data))));
        }
        // Play at 25 frames/s from frame 5 of 6: loops to 0 and goes on.
        panel->setFramesPerSecond(25);
        panel->setLoop(true);
        panel->play();
        QVERIFY(panel->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(panel->currentFrame() == 2, 5000);
        panel->pause();
        QVERIFY(!panel->isPlaying());
        QCOMPARE(window->mapStage()->volume().data, panel->frames()->frame(panel->currentFrame())->data);
        QCOMPARE(window->mapStage()->level(), level);
        // Without loop it stops at the last frame.
        panel->setLoop(false);
        panel->play();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isPlaying(), 5000);
        QCOMPARE(panel->currentFrame(), 5);
    }

    void uncachedFrameShowsPreviewFirst()
    {
        auto window = openWindow();
        QVERIFY(window);
        // the first cluster's map is shown (showTinyRunWindow)
        TrajectoryPanel* panel = window->trajectories()->panel();
        // What the viewer got, in order: (preview?, box size).
        std::vector<std::pair<bool, int>> shown;
        connect(window.get(), &MainWindow::mapShown, this,
                [&](bool preview, quint64) { shown.emplace_back(preview, window->mapStage()->volume().nx); });
        panel->setPcOptions(1, 40, 5, 95);
        QVERIFY(panel->compute());
        panel->slider()->setValue(39);   // decoded last unless asked for
        const bool cachedAlready = panel->frames()->frame(39) != nullptr;
        qInfo("frame 40 asked for with %d of 40 frames decoded", panel->frames()->decodedCount());
        QTRY_VERIFY_WITH_TIMEOUT(panel->frames()->frame(39) && !shown.empty() && !shown.back().first, 20000);
        QCOMPARE(window->mapStage()->volume().data, panel->frames()->frame(39)->data);
        QCOMPARE(shown.back().second, 16);
        if (!cachedAlready) {   // the preview (half the box) came first, then the full map from the cache
            const auto preview = std::find_if(shown.begin(), shown.end(), [](const auto& s) { return s.first; });
            QVERIFY(preview != shown.end());
            QCOMPARE(preview->second, 8);
        }
        QVERIFY(panel->frames()->frame(39));   // asked for first, before the frames in between
        waitForAllFrames(panel);
    }

    void exportsWriteFramesAndScript()
    {
        auto window = openWindow();
        QVERIFY(window);
        TrajectoryPanel* panel = window->trajectories()->panel();
        const QString early = m_dir.filePath("too_early");
        panel->setPcOptions(0, 5, 5, 95);
        QVERIFY(panel->compute());
        waitForAllFrames(panel);
        panel->setCurrentFrame(2);
        const QString dir = m_dir.filePath("frames");
        QVERIFY(window->trajectories()->exportTrajectoryMaps(dir));
        const RunTables& t = window->explorer()->tables();
        QFile script(QDir(dir).filePath("trajectory.cxc"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(script.readAll());
        for (int f = 0; f < 5; ++f) {
            const QString name = QStringLiteral("frame_%1.mrc").arg(f, 3, 10, QLatin1Char('0'));
            const cryo::Volume back = cryo::readMrc(QDir(dir).filePath(name).toStdString());
            const auto decoded = panel->frames()->frame(f);
            QCOMPARE(back.nx, 16);
            QCOMPARE(back.voxelSize, float(t.config.pixelSize));   // full maps: the run's pixel size
            QCOMPARE(back.voxelSize, decoded->voxelSize);
            QCOMPARE(back.origin, decoded->origin);
            QCOMPARE(back.data, decoded->data);
            QVERIFY2(text.contains(name), qPrintable(text));
        }
        QVERIFY2(text.contains(QStringLiteral("level %1").arg(window->mapStage()->level(), 0, 'g', 6)), qPrintable(text));
        QVERIFY2(text.contains(window->viewer()->surfaceColor().name()), qPrintable(text));
        QVERIFY(QFile::exists(QDir(dir).filePath("z.txt")));
        // The shown map.
        const QString one = m_dir.filePath("shown.mrc");
        QVERIFY(window->trajectories()->exportShownMap(one));
        const cryo::Volume back = cryo::readMrc(one.toStdString());
        QCOMPARE(back.data, window->mapStage()->volume().data);
        QCOMPARE(back.voxelSize, window->mapStage()->volume().voxelSize);
        QVERIFY(!window->trajectories()->exportShownMap(m_dir.filePath("no/such/dir/x.mrc")));   // reported, no crash
        // A new trajectory still decoding cannot be exported yet.
        panel->setPcOptions(1, 60, 5, 95);
        QVERIFY(panel->compute());
        if (!panel->frames()->isComplete())
            QVERIFY(!window->trajectories()->exportTrajectoryMaps(early));
    }
};

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("CryoscapeTest");
    QCoreApplication::setApplicationName("tst_trajectoryframes");
    TestTrajectoryFrames test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_trajectoryframes.moc"
