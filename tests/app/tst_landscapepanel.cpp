// Landscape analysis in the GUI on a real (tiny) trained run, under xvfb-run: the job runs
// with progress and stores its table in run.h5 and its maps in RUN/landscape/, Cancel stops
// it without storing anything, the main window's Landscape dock shows every particle in
// volume-PC space coloured by landscape cluster, "Select Particles" selects exactly that
// cluster's particles, reopening reads everything back (gallery and volumes along PCs
// without decoding), and "Export Cluster Maps" writes M maps with the right voxel size.
// CRYOSCAPE_SCREENSHOT_DIR keeps a picture of the window.
#include "support/OpenRun.h"
#include "ExplainedVarianceView.h"
#include "LandscapeController.h"
#include "LandscapeDialog.h"
#include "LandscapeJob.h"
#include "LandscapePanel.h"
#include "LatentScatterView.h"
#include "MainWindow.h"
#include "MapStage.h"
#include "ScatterPanel.h"
#include "SelectionModel.h"
#include "ThresholdPanel.h"
#include "VolumeViewer.h"
#include "io/MrcFile.h"
#include "support/TinyRun.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace {

constexpr int kParticles = 240;
constexpr int kClusters = 3;
constexpr double kPixel = 12.0;   // Å; preview maps have twice this voxel size

double maxAbsDifference(const cryo::Volume& a, const cryo::Volume& b)
{
    if (a.data.size() != b.data.size())
        return INFINITY;
    double worst = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i)
        worst = std::max(worst, double(std::abs(a.data[i] - b.data[i])));
    return worst;
}

double maxAbs(const cryo::Volume& v)
{
    double top = 0;
    for (float x : v.data)
        top = std::max(top, double(std::abs(x)));
    return top;
}

std::vector<std::size_t> withLabel(const std::vector<std::int32_t>& labels, int label)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == label)
            out.push_back(i);
    return out;
}

} // namespace

class TestLandscapePanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_run;
    cryo::LandscapeTable m_stored;   // what the job stored, for the reopening checks

    LandscapeJobRequest request(const QString& run) const
    {
        LandscapeJobRequest r;
        r.runDir = run;
        const cryo::H5File file(cryo::runFilePath(run.toStdString()), cryo::H5File::Mode::ReadOnly);
        r.z = std::make_shared<const cryo::LatentTable>(cryo::readLatents(file));
        r.options.clusters = kClusters;
        r.options.components = 4;
        r.options.seed = 3;
        return r;
    }

    std::unique_ptr<MainWindow> openWindow() { return showTinyRunWindow(); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.path().toUtf8());
        m_run = makeTinyRun(m_dir.path(), {.particles = kParticles, .motion = cryo::MotionKind::Discrete, .pixelSize = kPixel});
        std::filesystem::copy(m_run.toStdString(), m_dir.filePath("run_cancel").toStdString(), std::filesystem::copy_options::recursive);
    }

    void jobRunsReportsProgressAndStores()
    {
        LandscapeJob job;
        QSignalSpy progress(&job, &LandscapeJob::progress);
        QSignalSpy finished(&job, &LandscapeJob::finished);
        QSignalSpy failed(&job, &LandscapeJob::failed);
        const LandscapeJobRequest r = request(m_run);
        QVERIFY(job.start(r));
        QVERIFY(!job.start(r));   // one at a time
        QVERIFY(finished.wait(60000));
        QVERIFY(failed.isEmpty());
        QCOMPARE(finished[0][1].toString(), QString());   // stored
        // Progress: non-decreasing fractions up to 1, with the decoding count in words.
        double last = -1;
        bool decodingText = false;
        for (const auto& args : progress) {
            QVERIFY(args[0].toDouble() >= last);
            last = args[0].toDouble();
            decodingText = decodingText || args[1].toString().contains(QStringLiteral("decoding sketch volumes"));
        }
        QCOMPARE(last, 1.0);
        QVERIFY(decodingText);

        const auto state = finished[0][0].value<std::shared_ptr<const LandscapeState>>();
        QVERIFY(state && state->result && state->maps);
        const cryo::LandscapeTable& t = state->table;
        QCOMPARE(t.count, std::size_t(kParticles));
        QCOMPARE(t.clusters, kClusters);
        QCOMPARE(t.quality, std::string("preview"));
        QCOMPARE(int(std::count_if(t.labels.begin(), t.labels.end(), [](int c) { return c >= 0 && c < kClusters; })),
                 kParticles);
        // Stored: the table in run.h5, the maps in RUN/landscape/.
        const cryo::H5File file(cryo::runFilePath(m_run.toStdString()), cryo::H5File::Mode::ReadOnly);
        const auto stored = cryo::readLandscape(file);
        QVERIFY(stored);
        QCOMPARE(stored->labels, t.labels);
        QCOMPARE(stored->volumePc, t.volumePc);
        QCOMPARE(stored->totalVariance, state->result->pca.totalVariance());
        QVERIFY(stored->totalVariance > 0);
        m_stored = *stored;
        const auto maps = cryo::readLandscapeMaps(m_run.toStdString(), kClusters);
        QVERIFY(maps);
        QCOMPARE(int(maps->clusterMeans.size()), kClusters);
        for (int m = 0; m < kClusters; ++m) {
            QCOMPARE(maps->clusterMeans[std::size_t(m)].nx, 8);   // preview: half the box
            QCOMPARE(double(maps->clusterMeans[std::size_t(m)].voxelSize), 2 * kPixel);
            QCOMPARE(maxAbsDifference(maps->clusterMeans[std::size_t(m)], state->result->clusterMeans[std::size_t(m)]), 0.0);
        }
        // The volumes along PCs rebuilt from the files agree with the in-memory PCA.
        QVERIFY(!maps->eigenvolumes.empty());
        const double sigma = std::sqrt(double(t.explainedVariance[0]));
        const cryo::Volume fromFiles = maps->alongPc(0, 1.5 * sigma);
        const cryo::Volume fromPca = state->result->volumeAlongPc(0, 1.5 * sigma);
        QVERIFY2(maxAbsDifference(fromFiles, fromPca) < 1e-4 * maxAbs(fromPca),
                 qPrintable(QString::number(maxAbsDifference(fromFiles, fromPca))));
        QVERIFY(maxAbsDifference(fromFiles, maps->mean) > 1e-3 * maxAbs(maps->mean));   // it does move
    }

    void cancelStopsWithoutStoring()
    {
        const QString run = m_dir.filePath("run_cancel");
        LandscapeJob job;
        QSignalSpy finished(&job, &LandscapeJob::finished);
        QSignalSpy failed(&job, &LandscapeJob::failed);
        QSignalSpy cancelled(&job, &LandscapeJob::cancelled);
        QVERIFY(job.start(request(run)));
        job.cancel();
        QVERIFY(cancelled.wait(60000));   // a cancel, not a failure
        QVERIFY(failed.isEmpty());
        QVERIFY(finished.isEmpty());
        QVERIFY(!job.isRunning());
        const cryo::H5File file(cryo::runFilePath(run.toStdString()), cryo::H5File::Mode::ReadOnly);
        QVERIFY(!cryo::readLandscape(file));
        QVERIFY(!std::filesystem::exists(cryo::landscapeMapsDir(run.toStdString())));
    }

    void panelShowsParticlesColouredByCluster()
    {
        auto window = openWindow();
        QVERIFY(openAndWait(*window, m_run));
        LandscapeController* landscape = window->landscape();
        LandscapePanel* panel = landscape->panel();
        QVERIFY(panel && panel->state());
        QVERIFY(landscape->dock()->isVisible());
        QVERIFY(landscape->action()->isEnabled());
        LatentScatterView* view = panel->scatter()->view();
        QCOMPARE(view->pointCount(), std::size_t(kParticles));
        QVERIFY(panel->scatter()->findChildren<QComboBox*>()[1]->currentText().startsWith(QStringLiteral("landscape cluster")));
        // Every point is placed at its volume-PC 1/2 coordinates (with a single volume PC, e.g.
        // a model that has learnt little: PC 1 against the particle index) and described with
        // its cluster.
        const std::size_t P = std::size_t(m_stored.components);
        for (std::size_t i = 0; i < std::size_t(kParticles); i += 7) {
            const QString text = view->describePoint(qint64(i));
            QVERIFY2(text.contains(QStringLiteral("landscape cluster %1").arg(m_stored.labels[i])), qPrintable(text));
            const double y = P > 1 ? double(m_stored.volumePc[i * P + 1]) : double(i);
            const QPointF at = view->dataToWidget(m_stored.volumePc[i * P], y);
            const qint64 near = view->pointNear(at, 0.5);
            QVERIFY(near >= 0);
            QCOMPARE(m_stored.volumePc[std::size_t(near) * P], m_stored.volumePc[i * P]);
        }
        // The variance bars: one per volume PC, decreasing.
        const std::vector<double> percent = panel->varianceView()->percentages();
        QCOMPARE(int(percent.size()), m_stored.components);
        QVERIFY(std::is_sorted(percent.rbegin(), percent.rend()));
        for (std::size_t c = 0; c < percent.size(); ++c)   // of all the variance, as when it was computed
            QVERIFY(std::abs(percent[c] - 100.0 * m_stored.explainedVariance[c] / m_stored.totalVariance) < 1e-9);
        // (float32 in run.h5: with three states the two PCs hold all of the variance)
        QVERIFY(percent[0] + (percent.size() > 1 ? percent[1] : 0) <= 100.0 + 1e-4);
        const QString dir = qEnvironmentVariable("CRYOSCAPE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(window->grab().save(QDir(dir).filePath("landscape-panel.png")));
    }

    void selectParticlesOfCluster_data()
    {
        QTest::addColumn<int>("cluster");
        for (int c = 0; c < kClusters; ++c)
            QTest::addRow("cluster %d", c) << c;
    }

    void selectParticlesOfCluster()
    {
        QFETCH(int, cluster);
        auto window = openWindow();
        QVERIFY(openAndWait(*window, m_run));
        LandscapePanel* panel = window->landscape()->panel();
        SelectionModel* selection = window->explorer()->selection();
        panel->selectClusterParticles(cluster, cryo::SelectionMode::Replace);
        QCOMPARE(selection->current().indices(), withLabel(m_stored.labels, cluster));
        // Add another cluster: the union, in the explorer's (linked) model.
        const int other = (cluster + 1) % kClusters;
        panel->selectClusterParticles(other, cryo::SelectionMode::Add);
        std::vector<std::size_t> both = withLabel(m_stored.labels, cluster);
        const std::vector<std::size_t> second = withLabel(m_stored.labels, other);
        both.insert(both.end(), second.begin(), second.end());
        std::sort(both.begin(), both.end());
        QCOMPARE(selection->current().indices(), both);
        QVERIFY(selection->canUndo());
    }

    void reopeningShowsGalleryAndVolumesAlongPcs()
    {
        const auto state = LandscapeController::readState(m_run);
        QVERIFY(state && state->maps && !state->result);
        QCOMPARE(state->table.labels, m_stored.labels);
        auto window = openWindow();
        QVERIFY(openAndWait(*window, m_run));
        LandscapePanel* panel = window->landscape()->panel();
        QCOMPARE(panel->galleryCount(), kClusters);
        QVERIFY(panel->alongPcAvailable());
        QSignalSpy requested(panel, &LandscapePanel::volumeRequested);
        panel->setCurrentCluster(1);
        QCOMPARE(panel->currentCluster(), 1);
        QCOMPARE(requested.size(), 1);
        const auto map = requested[0][0].value<std::shared_ptr<const cryo::Volume>>();
        QCOMPARE(maxAbsDifference(*map, state->maps->clusterMeans[1]), 0.0);
        QVERIFY2(window->mapStage()->decodeText().contains(QStringLiteral("landscape cluster 1")),
                 qPrintable(window->mapStage()->decodeText()));
        QVERIFY2(window->statusText().contains(QStringLiteral("8 × 8 × 8")), qPrintable(window->statusText()));
        const int pc = std::min(1, state->table.components - 1);   // the second, where there are two
        panel->showAlongPc(pc, -2.0);
        QCOMPARE(requested.size(), 2);
        const auto along = requested[1][0].value<std::shared_ptr<const cryo::Volume>>();
        const double coordinate = -2.0 * std::sqrt(double(state->table.explainedVariance[std::size_t(pc)]));
        QCOMPARE(maxAbsDifference(*along, state->maps->alongPc(pc, coordinate)), 0.0);
    }

    void missingMapsAreExplained()
    {
        const QString run = m_dir.filePath("run_nomaps");
        std::filesystem::copy(m_run.toStdString(), run.toStdString(), std::filesystem::copy_options::recursive);
        std::filesystem::remove_all(cryo::landscapeMapsDir(run.toStdString()));
        auto window = openWindow();
        QVERIFY(openAndWait(*window, run));
        LandscapePanel* panel = window->landscape()->panel();
        QVERIFY(panel->state() && !panel->state()->maps);
        QVERIFY(!panel->state()->mapsProblem.isEmpty());
        QCOMPARE(panel->galleryCount(), 0);
        QVERIFY(!panel->alongPcAvailable());
        QVERIFY2(panel->alongPcText().contains(QStringLiteral("Not available")), qPrintable(panel->alongPcText()));
        QCOMPARE(panel->scatter()->view()->pointCount(), std::size_t(kParticles));   // the table is still there
        QString problem;
        QVERIFY(window->landscape()->exportClusterMaps(m_dir.filePath("nothing"), &problem).empty());
        QVERIFY(!problem.isEmpty());
    }

    void exportWritesClusterMaps()
    {
        auto window = openWindow();
        QVERIFY(openAndWait(*window, m_run));
        LandscapeController* landscape = window->landscape();
        landscape->panel()->setCurrentCluster(0);   // in the viewer: its level goes into the script
        const QString out = m_dir.filePath("export");
        QString problem;
        const auto written = landscape->exportClusterMaps(out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(int(written.size()), kClusters);
        const auto maps = cryo::readLandscapeMaps(m_run.toStdString(), kClusters);
        for (int m = 0; m < kClusters; ++m) {
            const cryo::Volume v = cryo::readMrc(written[std::size_t(m)]);
            QCOMPARE(double(v.voxelSize), 2 * kPixel);
            QCOMPARE(v.origin, maps->clusterMeans[std::size_t(m)].origin);
            QCOMPARE(maxAbsDifference(v, maps->clusterMeans[std::size_t(m)]), 0.0);
        }
        QFile script(QDir(out).filePath(QStringLiteral("cluster_maps.cxc")));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(script.readAll());
        QVERIFY2(text.contains(QStringLiteral("cluster_00.mrc")) && text.contains(QStringLiteral("vseries true")),
                 qPrintable(text));
        // "volume #1 style surface level L color C": the viewer's level and surface colour.
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("level (\\S+) color (\\S+)")).match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        const double level = window->mapStage()->thresholdPanel()->level();
        QVERIFY(level > 0);
        QVERIFY(std::abs(match.captured(1).toDouble() - level) <= 1e-5 * std::abs(level));
        QCOMPARE(match.captured(2), window->viewer()->surfaceColor().name());
    }

    void dialogOptionsAndValidation()
    {
        LandscapeDialog dialog(kParticles);
        cryo::LandscapeOptions o;
        o.sketch = 123;
        o.clusters = 7;
        o.linkage = cryo::Linkage::Complete;
        o.components = 5;
        o.maskDilationAngstrom = 14;
        dialog.setOptions(o, true);
        const cryo::LandscapeOptions back = dialog.options();
        QCOMPARE(back.sketch, 123);
        QCOMPARE(back.clusters, 7);
        QVERIFY(back.linkage == cryo::Linkage::Complete);
        QCOMPARE(back.components, 5);
        QCOMPARE(back.maskDilationAngstrom, 14.0);
        QVERIFY(back.maskFile.empty());
        QVERIFY(dialog.fullMaps());
        QVERIFY(dialog.validationError().isEmpty());
        // 240 particles: max(24, 14) = 24 of the 123 sketch volumes are decoded.
        QVERIFY2(dialog.estimateText().contains(QStringLiteral(": 24 ")), qPrintable(dialog.estimateText()));
        o.maskFile = m_dir.filePath("no_such_mask.mrc").toStdString();
        dialog.setOptions(o, false);
        QVERIFY(dialog.validationError().contains(QStringLiteral("no such file")));
    }
};

QTEST_MAIN(TestLandscapePanel)
#include "tst_landscapepanel.moc"
