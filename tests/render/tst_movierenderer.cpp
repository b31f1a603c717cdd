// MovieRenderer on an offscreen OpenGL context (DISPLAY: runs under xvfb-run): frames of a
// synthetic two-blob map are framed on the surface, show the background colour at the corners, a
// camera turn changes the image (and 360° brings it back), the constant-volume level keeps
// the enclosed voxel count on a rescaled map while the fixed level does not move, and a
// copied camera is kept.
#include "MovieRenderer.h"
#include "OffscreenRenderWindow.h"
#include "SyntheticMaps.h"
#include "analysis/EnclosedLevel.h"

#include <QtTest>

#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <cstdlib>

using namespace cryo;
using namespace cryo::test;

namespace {

constexpr int kWidth = 160, kHeight = 120;

// Two blobs of different size off the centre: not symmetric under a quarter turn.
Volume twoBlobs(double scale = 1.0)
{
    Volume map = makeBlobMap(32, 2.0f, {0, 0, 0}, {{24, 32, 32, 10.0}, {44, 40, 30, 7.0}});
    for (float& v : map.data)
        v = float(scale * v);
    return map;
}

// Fraction of pixels that differ from `background` by more than a few levels.
double coveredFraction(const std::vector<std::uint8_t>& rgb, const std::uint8_t background[3])
{
    std::size_t covered = 0;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
        if (std::abs(rgb[i] - background[0]) + std::abs(rgb[i + 1] - background[1])
                + std::abs(rgb[i + 2] - background[2]) > 12)
            ++covered;
    return double(covered) / double(rgb.size() / 3);
}

double meanAbsDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += std::abs(int(a[i]) - int(b[i]));
    return sum / double(a.size());
}

MovieStyle smallStyle(MovieLevelMode mode)
{
    MovieStyle style;
    style.width = kWidth;
    style.height = kHeight;
    style.background = {0.2, 0.4, 0.6};   // #336699
    style.levelMode = mode;
    style.level = 0.3;
    return style;
}

} // namespace

class TestMovieRenderer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = offscreenRenderingProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void framesAreNotBlankAndTurnChangesThem()
    {
        MovieRenderer renderer(smallStyle(MovieLevelMode::Fixed));
        const Volume map = twoBlobs();
        const auto first = renderer.renderFrame(map);
        QCOMPARE(first.size(), std::size_t(kWidth) * kHeight * 3);
        const std::uint8_t background[3] = {0x33, 0x66, 0x99};
        const double covered = coveredFraction(first, background);
        QVERIFY2(covered > 0.03 && covered < 0.9, qPrintable(QString::number(covered)));
        for (std::size_t corner : {std::size_t(0), first.size() - 3})
            for (int c = 0; c < 3; ++c)
                QVERIFY(std::abs(first[corner + std::size_t(c)] - background[c]) <= 2);

        renderer.turn(90.0);
        const auto turned = renderer.renderFrame(map);
        QVERIFY2(meanAbsDifference(first, turned) > 3.0, qPrintable(QString::number(meanAbsDifference(first, turned))));
        renderer.turn(270.0);
        const auto back = renderer.renderFrame(map);
        QVERIFY2(meanAbsDifference(first, back) < 1.0, qPrintable(QString::number(meanAbsDifference(first, back))));
        QCOMPARE(renderer.frameCount(), 3);
    }

    void framesTheSurfaceNotTheBox()
    {
        // One small blob (surface radius 6 Å) off-centre in a 96 Å box: framing the box's
        // bounding sphere it would cover ≈ 0.3% of the frame; framed on the voxels above the
        // level (VTK fits the bounding sphere of those bounds + 25%) ≈ 6%, in the middle.
        const Volume map = makeBlobMap(48, 2.0f, {0, 0, 0}, {{30, 40, 50, 4.0}});
        MovieRenderer renderer(smallStyle(MovieLevelMode::Fixed));
        const auto frame = renderer.renderFrame(map);
        const std::uint8_t background[3] = {0x33, 0x66, 0x99};
        const double covered = coveredFraction(frame, background);
        QVERIFY2(covered > 0.03 && covered < 0.9, qPrintable(QString::number(covered)));
        double sumX = 0, sumY = 0, count = 0;
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x) {
                const std::uint8_t* p = &frame[(std::size_t(y) * kWidth + x) * 3];
                if (std::abs(p[0] - background[0]) + std::abs(p[1] - background[1]) + std::abs(p[2] - background[2]) > 12) {
                    sumX += x;
                    sumY += y;
                    ++count;
                }
            }
        QVERIFY(std::abs(sumX / count - kWidth / 2.0) < kWidth / 10.0);
        QVERIFY(std::abs(sumY / count - kHeight / 2.0) < kHeight / 10.0);
    }

    void levelModes_data()
    {
        QTest::addColumn<bool>("constantVolume");
        QTest::newRow("fixed") << false;
        QTest::newRow("constant volume") << true;
    }

    void levelModes()
    {
        QFETCH(bool, constantVolume);
        MovieRenderer renderer(smallStyle(constantVolume ? MovieLevelMode::ConstantVolume : MovieLevelMode::Fixed));
        const Volume map = twoBlobs();
        renderer.renderFrame(map);
        QCOMPARE(renderer.lastLevel(), 0.3);
        const std::size_t enclosed = renderer.enclosedVoxels();
        QCOMPARE(enclosed, voxelsAbove(map, 0.3));
        QVERIFY(enclosed > 50);

        const Volume weaker = twoBlobs(0.5);   // same shape, half the density
        const auto frame = renderer.renderFrame(weaker);
        const std::size_t above = voxelsAbove(weaker, renderer.lastLevel());
        if (constantVolume) {
            QCOMPARE(above, enclosed);
            QVERIFY(renderer.lastLevel() < 0.3);
        } else {
            QCOMPARE(renderer.lastLevel(), 0.3);
            QVERIFY(above < enclosed / 2);
        }
        const std::uint8_t background[3] = {0x33, 0x66, 0x99};
        QVERIFY(coveredFraction(frame, background) > 0.01);
    }

    void copiedCameraIsKept()
    {
        vtkNew<vtkCamera> camera;
        camera->SetFocalPoint(32, 32, 32);
        camera->SetPosition(32 + 400, 32, 32);   // looking down -x: the blobs line up
        camera->SetViewUp(0, 1, 0);
        MovieRenderer renderer(smallStyle(MovieLevelMode::Fixed));
        renderer.copyCamera(camera);
        const auto fromSide = renderer.renderFrame(twoBlobs());
        double position[3];
        renderer.scene().renderer()->GetActiveCamera()->GetPosition(position);
        QCOMPARE(position[0], 432.0);

        MovieRenderer framed(smallStyle(MovieLevelMode::Fixed));
        const auto fromFront = framed.renderFrame(twoBlobs());
        QVERIFY(meanAbsDifference(fromSide, fromFront) > 3.0);
    }
};

QTEST_MAIN(TestMovieRenderer)
#include "tst_movierenderer.moc"
