// openGLProblem() where there is no OpenGL view to be had: the offscreen Qt platform
// (this test runs with QT_QPA_PLATFORM=offscreen). The xvfb case is in tst_vtkview.
#include "OpenGLSupport.h"
#include "VtkView.h"

#include <QGuiApplication>
#include <QtTest>

using namespace cryo;

class TestOpenGLSupport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void offscreenPlatformHasAProblem();
    void surfaceFormatAsksForCore32();
};

void TestOpenGLSupport::offscreenPlatformHasAProblem()
{
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    const QString problem = openGLProblem();
    QVERIFY(!problem.isEmpty());
    QVERIFY2(problem.contains("offscreen"), qPrintable(problem));
    QCOMPARE(openGLProblem(), problem);   // asking twice is harmless
}

void TestOpenGLSupport::surfaceFormatAsksForCore32()
{
    const QSurfaceFormat format = VtkView::surfaceFormat();
    QVERIFY(format.version() >= qMakePair(3, 2));
    QCOMPARE(format.profile(), QSurfaceFormat::CoreProfile);
    QVERIFY(format.depthBufferSize() >= 16);
}

QTEST_MAIN(TestOpenGLSupport)
#include "tst_openglsupport.moc"
