// IsoSurfaceScene without any OpenGL: the pipeline on a renderer that belongs to no window
// (runs on the offscreen Qt platform; nothing is rendered here, see tst_vtkview for frames).
#include "IsoSurfaceScene.h"
#include "SyntheticMaps.h"
#include "util/Error.h"

#include <QtTest>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <numbers>

using namespace cryo;
using namespace cryo::test;

class TestIsoSurfaceScene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptySceneIsHarmless();
    void sphereArea_data();
    void sphereArea();
    void surfaceSitsAtOriginPlusSpacing();
    void firstVolumePicksThresholdAndCamera();
    void suggestedThresholdEnclosesFraction_data();
    void suggestedThresholdEnclosesFraction();
    void badVolumesAreRejected();
    void settingsRoundTrip();
};

void TestIsoSurfaceScene::emptySceneIsHarmless()
{
    vtkNew<vtkRenderer> renderer;
    IsoSurfaceScene scene(renderer);
    QVERIFY(!scene.hasVolume());
    QCOMPARE(scene.triangleCount(), 0LL);
    QCOMPARE(scene.surfaceArea(), 0.0);
    scene.resetCamera();
    scene.setThreshold(0.5);
    QCOMPARE(scene.threshold(), 0.5);
    QVERIFY_THROWS_EXCEPTION(UsageError, IsoSurfaceScene(nullptr));
}

void TestIsoSurfaceScene::sphereArea_data()
{
    QTest::addColumn<double>("sigma");
    QTest::addColumn<double>("level");
    QTest::addColumn<float>("apix");
    QTest::newRow("σ 12 Å, level 0.5, 2 Å") << 12.0 << 0.5 << 2.0f;
    QTest::newRow("σ 12 Å, level 0.1, 2 Å") << 12.0 << 0.1 << 2.0f;
    QTest::newRow("σ 6 Å, level 0.3, 1 Å") << 6.0 << 0.3 << 1.0f;
}

void TestIsoSurfaceScene::sphereArea()
{
    // A Gaussian's isosurface is a sphere of radius σ·sqrt(-2 ln level).
    QFETCH(double, sigma);
    QFETCH(double, level);
    QFETCH(float, apix);
    vtkNew<vtkRenderer> renderer;
    IsoSurfaceScene scene(renderer);
    const double c = 31.5 * apix;
    scene.setVolume(makeBlobMap(64, apix, {0, 0, 0}, {{c, c, c, sigma}}));
    scene.setThreshold(level);
    const double r = isoRadius(sigma, level);
    const double expected = 4 * std::numbers::pi * r * r;
    const double area = scene.surfaceArea();
    QVERIFY2(std::abs(area - expected) < 0.03 * expected,
             qPrintable(QString("area %1 Å², sphere %2 Å²").arg(area).arg(expected)));
    QVERIFY(scene.triangleCount() > 100);
}

void TestIsoSurfaceScene::surfaceSitsAtOriginPlusSpacing()
{
    // The surface's vertices average to the blob centre in Å only if spacing = voxel size
    // and origin = the map's origin (MRC origin, Å).
    const Blob blob{100 + 50, -50 + 70, 20 + 40, 8.0};
    vtkNew<vtkRenderer> renderer;
    IsoSurfaceScene scene(renderer);
    scene.setVolume(makeBlobMap(64, 2.0f, {100, -50, 20}, {blob}));
    scene.setThreshold(0.5);
    QVERIFY(scene.triangleCount() > 0);
    vtkPolyData* surface = vtkPolyDataMapper::SafeDownCast(scene.surfaceActor()->GetMapper())->GetInput();
    double sum[3] = {0, 0, 0};
    const vtkIdType n = surface->GetNumberOfPoints();
    for (vtkIdType i = 0; i < n; ++i) {
        double p[3];
        surface->GetPoint(i, p);
        for (int k = 0; k < 3; ++k)
            sum[k] += p[k];
    }
    QVERIFY(std::abs(sum[0] / n - blob.x) < 0.5);
    QVERIFY(std::abs(sum[1] / n - blob.y) < 0.5);
    QVERIFY(std::abs(sum[2] / n - blob.z) < 0.5);
    const auto range = scene.valueRange();
    QVERIFY(range[0] >= 0.0 && range[0] < 1e-3);
    QVERIFY(range[1] > 0.9 && range[1] <= 1.0);
}

void TestIsoSurfaceScene::firstVolumePicksThresholdAndCamera()
{
    vtkNew<vtkRenderer> renderer;
    IsoSurfaceScene scene(renderer);
    const Volume map = makeBlobMap(48, 1.5f, {-10, 0, 0}, {{20, 30, 40, 7.0}});
    scene.setVolume(map);
    QCOMPARE(scene.threshold(), IsoSurfaceScene::suggestedThreshold(map));
    QVERIFY(scene.triangleCount() > 0);
    // Canonical view: looking down -z at the box centre.
    double focal[3], position[3];
    renderer->GetActiveCamera()->GetFocalPoint(focal);
    renderer->GetActiveCamera()->GetPosition(position);
    const double centre[3] = {-10 + 23.5 * 1.5, 23.5 * 1.5, 23.5 * 1.5};
    for (int k = 0; k < 3; ++k)
        QVERIFY(std::abs(focal[k] - centre[k]) < 1e-9);
    QVERIFY(std::abs(position[0] - centre[0]) < 1e-9 && std::abs(position[1] - centre[1]) < 1e-9);
    QVERIFY(position[2] > centre[2] + 47 * 1.5);   // outside the box, in front

    // An explicit threshold survives later volumes.
    scene.setThreshold(0.42);
    scene.setVolume(makeBlobMap(48, 1.5f, {-10, 0, 0}, {{30, 30, 30, 5.0}}));
    QCOMPARE(scene.threshold(), 0.42);
}

void TestIsoSurfaceScene::suggestedThresholdEnclosesFraction_data()
{
    QTest::addColumn<double>("fraction");
    QTest::newRow("1%") << 0.01;
    QTest::newRow("5%") << 0.05;
    QTest::newRow("20%") << 0.2;
}

void TestIsoSurfaceScene::suggestedThresholdEnclosesFraction()
{
    QFETCH(double, fraction);
    const Volume map = makeBlobMap(32, 1.0f, {0, 0, 0}, {{12, 16, 16, 4.0}});
    const double level = IsoSurfaceScene::suggestedThreshold(map, fraction);
    // Symmetric maps have ties: the wanted count must lie between "> level" and ">= level".
    const auto above = std::count_if(map.data.begin(), map.data.end(), [level](float v) { return v > level; });
    const auto atOrAbove =
        std::count_if(map.data.begin(), map.data.end(), [level](float v) { return v >= level; });
    const double wanted = fraction * double(map.voxelCount());
    QVERIFY2(double(above) <= wanted + 1 && wanted <= double(atOrAbove) + 1,
             qPrintable(QString("%1..%2 voxels, wanted %3").arg(above).arg(atOrAbove).arg(wanted)));
    QCOMPARE(IsoSurfaceScene::suggestedThreshold(Volume()), 0.0);
}

void TestIsoSurfaceScene::badVolumesAreRejected()
{
    vtkNew<vtkRenderer> renderer;
    IsoSurfaceScene scene(renderer);
    scene.setVolume(makeBlobMap(16, 1.0f, {0, 0, 0}, {{8, 8, 8, 3.0}}));
    scene.setThreshold(0.5);
    const long long triangles = scene.triangleCount();
    QVERIFY(triangles > 0);

    QVERIFY_THROWS_EXCEPTION(UsageError, scene.setVolume(Volume()));
    Volume truncated(8, 8, 8, 1.0f);
    truncated.data.resize(100);
    QVERIFY_THROWS_EXCEPTION(UsageError, scene.setVolume(truncated));
    QVERIFY_THROWS_EXCEPTION(UsageError, scene.setVolume(Volume(8, 8, 8, 0.0f)));
    QVERIFY_THROWS_EXCEPTION(UsageError, scene.setVolume(Volume(8, 8, 8, -1.0f)));
    // The scene still shows the previous map.
    QCOMPARE(scene.triangleCount(), triangles);
}

void TestIsoSurfaceScene::settingsRoundTrip()
{
    vtkNew<vtkRenderer> renderer;
    IsoSurfaceScene scene(renderer);
    scene.setSurfaceColor(0.1, 0.6, 0.9);
    const RgbColor color = scene.surfaceColor();
    QCOMPARE(color.r, 0.1);
    QCOMPARE(color.g, 0.6);
    QCOMPARE(color.b, 0.9);
    scene.setOutlineVisible(false);
    scene.setAxesVisible(false);
    QVERIFY(!scene.outlineVisible() && !scene.axesVisible());
    scene.setBackground(0.2, 0.3, 0.4);
    QVERIFY(!renderer->GetGradientBackground());
    double bg[3];
    renderer->GetBackground(bg);
    QCOMPARE(bg[1], 0.3);
    scene.setGradientBackground({0, 0, 0}, {1, 1, 1});
    QVERIFY(renderer->GetGradientBackground());
}

QTEST_MAIN(TestIsoSurfaceScene)
#include "tst_isosurfacescene.moc"
