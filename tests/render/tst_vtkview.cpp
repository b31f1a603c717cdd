// VtkView + IsoSurfaceScene in a shown window (runs under xvfb-run, xcb platform, Mesa).
// Set CRYOSCAPE_TEST_SHOTS=<dir> to save the grabbed frames as PNGs for a visual check.
#include "IsoSurfaceScene.h"
#include "SyntheticMaps.h"
#include "OpenGLSupport.h"
#include "VtkView.h"
#include "util/Error.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QSignalSpy>
#include <QVBoxLayout>
#include <QtTest>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <random>

using namespace cryo;
using namespace cryo::test;

namespace {

// Two blobs on the left half of a 64³ box of 2 Å voxels, origin (100, -50, 20) Å.
constexpr std::array<float, 3> kOrigin{100.0f, -50.0f, 20.0f};
constexpr float kApix = 2.0f;
constexpr int kN = 64;
const std::vector<Blob> kTwoBlobs{{100 + 36, -50 + 64, 20 + 64, 9.0}, {100 + 40, -50 + 82, 20 + 64, 6.0}};
constexpr double kLevel = 0.5;   // radius at level t: σ·sqrt(-2 ln t)
const QColor kBackground = QColor::fromRgbF(0.1f, 0.2f, 0.3f);

int colorDistance(QRgb a, QColor b)
{
    return std::max({std::abs(qRed(a) - b.red()), std::abs(qGreen(a) - b.green()),
                     std::abs(qBlue(a) - b.blue())});
}

} // namespace

class TestVtkView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void contextIsUsable();
    void objectPixelsDifferFromBackground();
    void outlineAndAxesToggle();
    void thresholdChangesSurface_data();
    void thresholdChangesSurface();
    void mouseDragRotatesAndResetRestores();
    void wheelZooms();
    void setVolumeKeepsCamera();
    void sceneMayOutliveItsView();
    void measureFrameRate();
    void measureThresholdSpeed();

private:
    QImage grab(const QString& shotName);
    QPointF project(double x, double y, double z);
    double cameraDistance();
    void drag(QPoint from, QPoint to);

    std::unique_ptr<QWidget> m_window;
    VtkView* m_view = nullptr;
    std::unique_ptr<IsoSurfaceScene> m_scene;
};

void TestVtkView::initTestCase()
{
    const QString problem = openGLProblem();
    QVERIFY2(problem.isEmpty(), qPrintable("openGLProblem() under xvfb: " + problem));
    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new VtkView(m_window.get());
    layout->addWidget(m_view);
    m_window->resize(640, 480);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_scene = std::make_unique<IsoSurfaceScene>(m_view->renderer());
}

void TestVtkView::init()
{
    // Every test starts from the same scene: two blobs, level 0.5, plain background, no extras.
    m_window->resize(640, 480);
    m_scene->setVolume(makeBlobMap(kN, kApix, kOrigin, kTwoBlobs), true);
    m_scene->setThreshold(kLevel);
    m_scene->setBackground(kBackground.redF(), kBackground.greenF(), kBackground.blueF());
    m_scene->setOutlineVisible(false);
    m_scene->setAxesVisible(false);
    m_scene->resetCamera();
}

void TestVtkView::cleanupTestCase()
{
    m_scene.reset();   // before the view's renderer goes
    m_window.reset();
}

QImage TestVtkView::grab(const QString& shotName)
{
    QImage frame = m_view->grabFrame();
    const QString dir = qEnvironmentVariable("CRYOSCAPE_TEST_SHOTS");
    if (!dir.isEmpty())
        frame.save(dir + "/" + shotName + ".png");
    return frame;
}

// World point (Å) -> pixel in the grabbed frame (top-left origin).
QPointF TestVtkView::project(double x, double y, double z)
{
    vtkRenderer* ren = m_view->renderer();
    ren->SetWorldPoint(x, y, z, 1.0);
    ren->WorldToDisplay();
    double display[3];
    ren->GetDisplayPoint(display);
    const int height = m_view->renderWindow()->GetSize()[1];
    return {display[0], height - 1 - display[1]};
}

double TestVtkView::cameraDistance() { return m_view->renderer()->GetActiveCamera()->GetDistance(); }

void TestVtkView::drag(QPoint from, QPoint to)
{
    auto send = [this](QEvent::Type type, QPoint p, Qt::MouseButton button, Qt::MouseButtons held) {
        QMouseEvent event(type, QPointF(p), m_view->mapToGlobal(QPointF(p)), button, held,
                          Qt::NoModifier);
        QApplication::sendEvent(m_view, &event);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 10; ++i)
        send(QEvent::MouseMove, from + (to - from) * i / 10, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

void TestVtkView::contextIsUsable()
{
    QVERIFY2(!m_view->glInfo().isEmpty(), "initializeGL did not run");
    const QSurfaceFormat format = m_view->context()->format();
    QVERIFY2(format.version() >= qMakePair(3, 2), qPrintable(m_view->glInfo()));
    QCOMPARE(format.profile(), QSurfaceFormat::CoreProfile);
    qInfo("GL: %s", qPrintable(m_view->glInfo()));
}

void TestVtkView::objectPixelsDifferFromBackground()
{
    const QImage frame = grab("blobs");
    QVERIFY(!frame.isNull());
    QCOMPARE(frame.size(), m_view->size() * m_view->devicePixelRatio());
    int lit = 0;   // the make-current trap gives an all-black frame
    for (int y = 0; y < frame.height(); y += 4)
        for (int x = 0; x < frame.width(); x += 4)
            lit += std::max({qRed(frame.pixel(x, y)), qGreen(frame.pixel(x, y)), qBlue(frame.pixel(x, y))}) > 8;
    QVERIFY2(lit > (frame.width() / 4) * (frame.height() / 4) / 2, "the frame is (mostly) black");

    // Inside the projected disc of each blob: surface, not background, and lit (shaded).
    int surfacePixels = 0;
    std::vector<int> luminance;
    for (const Blob& b : kTwoBlobs) {
        const QPointF c = project(b.x, b.y, b.z);
        const double radius = QLineF(c, project(b.x + isoRadius(b.sigma, kLevel), b.y, b.z)).length();
        QVERIFY2(radius > 10, qPrintable(QString("blob projects to %1 px").arg(radius)));
        for (int y = int(c.y() - radius); y <= int(c.y() + radius); ++y)
            for (int x = int(c.x() - radius); x <= int(c.x() + radius); ++x) {
                if (QLineF(c, QPointF(x, y)).length() > 0.8 * radius)
                    continue;
                const QRgb px = frame.pixel(x, y);
                QVERIFY2(colorDistance(px, kBackground) > 12,
                         qPrintable(QString("background at (%1,%2) inside a blob").arg(x).arg(y)));
                luminance.push_back(qGray(px));
                ++surfacePixels;
            }
    }
    QVERIFY(surfacePixels > 300);
    const auto [dark, bright] = std::minmax_element(luminance.begin(), luminance.end());
    QVERIFY2(*bright - *dark > 40, qPrintable(QString("flat shading: %1..%2").arg(*dark).arg(*bright)));

    // Far from both blobs: exactly the background (within 8-bit rounding).
    int farPixels = 0, wrong = 0;
    const QPointF c0 = project(kTwoBlobs[0].x, kTwoBlobs[0].y, kTwoBlobs[0].z);
    const QPointF c1 = project(kTwoBlobs[1].x, kTwoBlobs[1].y, kTwoBlobs[1].z);
    const double margin = 2.5 * QLineF(c0, c1).length();
    for (int y = 0; y < frame.height(); y += 7)
        for (int x = 0; x < frame.width(); x += 7) {
            const QPointF p(x, y);
            if (QLineF(p, c0).length() < margin || QLineF(p, c1).length() < margin)
                continue;
            ++farPixels;
            wrong += colorDistance(frame.pixel(x, y), kBackground) > 2 ? 1 : 0;
        }
    QVERIFY(farPixels > 1000);
    QCOMPARE(wrong, 0);
    // The right half holds no object at all: with the blobs on the left, it is all background.
    QCOMPARE(colorDistance(frame.pixel(frame.width() - 3, frame.height() / 2), kBackground) <= 2, true);
}

void TestVtkView::outlineAndAxesToggle()
{
    auto changedPixels = [](const QImage& a, const QImage& b, QRect region) {
        int n = 0;
        for (int y = region.top(); y <= region.bottom(); ++y)
            for (int x = region.left(); x <= region.right(); ++x)
                n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
        return n;
    };
    const QImage plain = grab("plain");
    m_scene->setOutlineVisible(true);
    QVERIFY(m_scene->outlineVisible());
    const QImage outlined = grab("outline");
    // The box outline passes through the right half, which is empty otherwise.
    const QRect rightHalf(plain.width() / 2, 0, plain.width() / 2, plain.height());
    QVERIFY(changedPixels(plain, outlined, rightHalf) > 100);

    m_scene->setAxesVisible(true);
    const QImage withAxes = grab("axes");
    const QRect lowerLeft(0, int(withAxes.height() * 0.8), int(withAxes.width() * 0.16),
                          int(withAxes.height() * 0.2) - 1);
    QVERIFY(changedPixels(outlined, withAxes, lowerLeft) > 50);

    m_scene->setOutlineVisible(false);
    m_scene->setAxesVisible(false);
    QCOMPARE(changedPixels(plain, grab("plain_again"), plain.rect()), 0);
}

void TestVtkView::thresholdChangesSurface_data()
{
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("higher");
    QTest::newRow("0.2 -> 0.5") << 0.2 << 0.5;
    QTest::newRow("0.5 -> 0.8") << 0.5 << 0.8;
    QTest::newRow("0.05 -> 0.3") << 0.05 << 0.3;
}

void TestVtkView::thresholdChangesSurface()
{
    QFETCH(double, lower);
    QFETCH(double, higher);
    // One Gaussian (σ = 12 Å) in the middle: its isosurface is a sphere of known radius.
    const Blob blob{100 + 63, -50 + 63, 20 + 63, 12.0};
    m_scene->setVolume(makeBlobMap(kN, kApix, kOrigin, {blob}), true);

    auto measure = [&](double level, long long& triangles, double& area, int& pixels) {
        m_scene->setThreshold(level);
        QCOMPARE(m_scene->threshold(), level);
        triangles = m_scene->triangleCount();
        area = m_scene->surfaceArea();
        const double r = isoRadius(blob.sigma, level);
        const double expected = 4 * std::numbers::pi * r * r;
        QVERIFY2(std::abs(area - expected) < 0.03 * expected,
                 qPrintable(QString("level %1: area %2 Å², sphere %3 Å²").arg(level).arg(area).arg(expected)));
        const QImage frame = grab(QString("sphere_%1").arg(level));
        pixels = 0;
        for (int y = 0; y < frame.height(); ++y)
            for (int x = 0; x < frame.width(); ++x)
                pixels += colorDistance(frame.pixel(x, y), kBackground) > 2 ? 1 : 0;
    };
    long long trianglesLow = 0, trianglesHigh = 0;
    double areaLow = 0, areaHigh = 0;
    int pixelsLow = 0, pixelsHigh = 0;
    measure(lower, trianglesLow, areaLow, pixelsLow);
    measure(higher, trianglesHigh, areaHigh, pixelsHigh);
    QVERIFY(trianglesHigh > 0);
    QVERIFY2(trianglesLow > trianglesHigh, qPrintable(QString("%1 vs %2").arg(trianglesLow).arg(trianglesHigh)));
    QVERIFY(areaLow > areaHigh);
    QVERIFY2(pixelsLow > pixelsHigh, qPrintable(QString("%1 vs %2 px").arg(pixelsLow).arg(pixelsHigh)));
}

void TestVtkView::mouseDragRotatesAndResetRestores()
{
    vtkCamera* camera = m_view->renderer()->GetActiveCamera();
    grab("before_drag");
    QCoreApplication::processEvents();   // deliver cameraChanged of the reset, if any
    QSignalSpy spy(m_view, &VtkView::cameraChanged);
    double before[3], after[3], reset[3];
    camera->GetPosition(before);
    const double distance = cameraDistance();

    drag(QPoint(320, 240), QPoint(420, 200));
    camera->GetPosition(after);
    const double moved = std::hypot(after[0] - before[0], after[1] - before[1], after[2] - before[2]);
    QVERIFY2(moved > 0.2 * distance, qPrintable(QString("camera moved %1 Å").arg(moved)));
    QVERIFY(std::abs(cameraDistance() - distance) < 1e-6 * distance);   // rotation, not zoom
    QCOMPARE(spy.count(), 0);   // queued: arrives after the frame that shows the new view
    grab("after_drag");
    QVERIFY(spy.wait(2000));
    QCOMPARE(spy.count(), 1);

    m_scene->resetCamera();
    camera->GetPosition(reset);
    for (int k = 0; k < 3; ++k)
        QVERIFY(std::abs(reset[k] - before[k]) < 1e-6 * distance);
}

void TestVtkView::wheelZooms()
{
    const double distance = cameraDistance();
    const QPointF at(320, 240);
    QWheelEvent wheel(at, m_view->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view, &wheel);
    QVERIFY2(cameraDistance() < 0.95 * distance,
             qPrintable(QString("%1 -> %2").arg(distance).arg(cameraDistance())));
    // Keys reach VTK too: 'r' is the trackball style's "fit the visible props".
    const double zoomed = cameraDistance();
    QTest::keyClick(m_view, Qt::Key_R, Qt::NoModifier);
    QVERIFY(std::abs(cameraDistance() - zoomed) > 0.01 * zoomed);
}

void TestVtkView::setVolumeKeepsCamera()
{
    drag(QPoint(300, 240), QPoint(360, 300));
    double turned[3], kept[3], reset[3];
    vtkCamera* camera = m_view->renderer()->GetActiveCamera();
    camera->GetPosition(turned);
    const long long trianglesBefore = m_scene->triangleCount();

    // Same box, blobs moved: a click-to-volume swap keeps view and threshold.
    const std::vector<Blob> moved{{100 + 70, -50 + 60, 20 + 60, 9.0}};
    m_scene->setVolume(makeBlobMap(kN, kApix, kOrigin, moved));
    grab("swapped");
    camera->GetPosition(kept);
    for (int k = 0; k < 3; ++k)
        QCOMPARE(kept[k], turned[k]);
    QCOMPARE(m_scene->threshold(), kLevel);
    QVERIFY(m_scene->triangleCount() != trianglesBefore);

    m_scene->setVolume(makeBlobMap(kN, kApix, kOrigin, moved), true);
    camera->GetPosition(reset);
    QVERIFY(std::hypot(reset[0] - turned[0], reset[1] - turned[1], reset[2] - turned[2]) > 1.0);
}

void TestVtkView::sceneMayOutliveItsView()
{
    VtkView neverShown;
    QVERIFY(neverShown.grabFrame().isNull());

    auto view = std::make_unique<VtkView>();
    view->resize(200, 150);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    auto scene = std::make_unique<IsoSurfaceScene>(view->renderer());
    scene->setVolume(makeBlobMap(32, 2.0f, {0, 0, 0}, {{32, 32, 32, 8.0}}));
    const QImage frame = view->grabFrame();
    QVERIFY(!frame.isNull());
    // Default look: surface in the middle, gradient background in the corners.
    const QRgb centre = frame.pixel(frame.width() / 2, frame.height() / 2);
    QVERIFY(colorDistance(centre, QColor(frame.pixel(2, 2))) > 40);
    QVERIFY(frame.pixel(2, 2) != frame.pixel(2, frame.height() - 3));   // a gradient
    view.reset();                                // the scene keeps its renderer alive
    QVERIFY(scene->triangleCount() > 0);
    scene.reset();
}

void TestVtkView::measureFrameRate()
{
    // Frames/s re-rendering a 64³ isosurface at 1000×700 (printed; asserted only loosely).
    m_window->resize(1000, 700);
    QCoreApplication::processEvents();
    // A molecule-like 64³ map: 24 overlapping blobs at random places (fixed seed).
    std::mt19937 random(7);
    std::uniform_real_distribution<double> place(30.0, 98.0), size(4.0, 9.0);
    std::vector<Blob> molecule;
    for (int i = 0; i < 24; ++i)
        molecule.push_back({place(random), place(random), place(random), size(random)});
    m_scene->setVolume(makeBlobMap(kN, kApix, {0, 0, 0}, molecule), true);
    m_scene->setThreshold(0.3);
    m_scene->setOutlineVisible(true);
    m_scene->setAxesVisible(true);
    m_scene->setGradientBackground({0.06, 0.07, 0.10}, {0.22, 0.25, 0.33});
    grab("perf_1000x700");
    // Event-loop frames, as in the app: request, then let Qt paint and compose.
    const int frames = 40;
    const int framesBefore = m_view->frameCount();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < frames; ++i) {
        m_view->renderer()->GetActiveCamera()->Azimuth(3.0);
        m_view->requestRender();
        QElapsedTimer guard;
        guard.start();
        while (m_view->frameCount() < framesBefore + i + 1 && guard.elapsed() < 5000)
            QCoreApplication::processEvents();
        QCOMPARE(m_view->frameCount(), framesBefore + i + 1);
    }
    const double fps = frames * 1000.0 / double(timer.elapsed());
    // Frames rendered and read back (movie frames, --screenshot).
    timer.restart();
    for (int i = 0; i < 10; ++i) {
        m_view->renderer()->GetActiveCamera()->Azimuth(3.0);
        QVERIFY(!m_view->grabFrame().isNull());
    }
    const double grabFps = 10 * 1000.0 / double(timer.elapsed());
    qInfo("64^3 isosurface (%lld triangles) at %dx%d: %.1f frames/s shown, %.1f frames/s grabbed",
          m_scene->triangleCount(), m_view->width(), m_view->height(), fps, grabFps);
    QVERIFY(fps > 1.0);
}

void TestVtkView::measureThresholdSpeed()
{
    // setThreshold + recomputing the surface of a 128³ map, and swapping in another map.
    QElapsedTimer timer;
    const std::vector<Blob> big{{128, 128, 128, 30.0}, {170, 150, 128, 20.0}};
    m_scene->setVolume(makeBlobMap(128, 2.0f, {0, 0, 0}, big), true);
    const double levels[] = {0.3, 0.5, 0.7, 0.4, 0.6};
    timer.start();
    QList<long long> counts;
    for (double level : levels) {
        m_scene->setThreshold(level);
        counts << m_scene->triangleCount();   // forces the surface to be recomputed
    }
    const double msPerThreshold = double(timer.nsecsElapsed()) / 1e6 / std::size(levels);
    QVERIFY(counts[0] > counts[3] && counts[3] > counts[1] && counts[1] > counts[4] && counts[4] > counts[2]);
    qInfo() << "128^3 triangles at levels 0.3 0.5 0.7 0.4 0.6:" << counts;
    const Volume other = makeBlobMap(128, 2.0f, {0, 0, 0}, {{140, 120, 128, 25.0}});
    QElapsedTimer swap;
    swap.start();
    m_scene->setVolume(other);
    const qint64 swapNs = swap.nsecsElapsed();
    qInfo("setThreshold + surface on 128^3: %.1f ms; setVolume 128^3 (copy only): %.1f ms",
          msPerThreshold, double(swapNs) / 1e6);
    grab("perf_128");
}

QTEST_MAIN(TestVtkView)
#include "tst_vtkview.moc"
