#include "OpenGLSupport.h"

#include "VtkView.h"

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QStringList>

namespace cryo {

namespace {

// Qt platform plugins that can create no window-backed OpenGL surface. "offscreen" may even
// create a GL context when an X display is around (it then uses GLX for QOffscreenSurface),
// but showing a QOpenGLWidget there still fails ("not supported on this platform") and
// crashes, so the context test below is not enough: the platform must be excluded by name.
const QStringList& platformsWithoutGLWidgets()
{
    static const QStringList names{"offscreen", "minimal", "minimalegl", "vnc", "linuxfb",
                                   "vkkhrdisplay"};
    return names;
}

QString contextProblem()
{
    const QSurfaceFormat wanted = VtkView::surfaceFormat();
    QOpenGLContext context;
    context.setFormat(wanted);
    if (!context.create())
        return QObject::tr("No OpenGL context could be created (needed: OpenGL %1.%2 core).")
            .arg(wanted.majorVersion()).arg(wanted.minorVersion());

    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface))
        return QObject::tr("An OpenGL context was created but could not be made current.");

    const QSurfaceFormat got = context.format();
    const auto* version =
        reinterpret_cast<const char*>(context.functions()->glGetString(GL_VERSION));
    const QString versionText = QString::fromLatin1(version ? version : "unknown");
    context.doneCurrent();

    const bool tooOld = got.majorVersion() < wanted.majorVersion()
        || (got.majorVersion() == wanted.majorVersion() && got.minorVersion() < wanted.minorVersion());
    if (tooOld)
        return QObject::tr("OpenGL %1.%2 is available (%3); the 3D view needs OpenGL %4.%5 core.")
            .arg(got.majorVersion()).arg(got.minorVersion()).arg(versionText)
            .arg(wanted.majorVersion()).arg(wanted.minorVersion());
    return {};
}

} // namespace

QString openGLProblem()
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return QObject::tr("There is no graphical application (QGuiApplication) to show OpenGL in.");

    const QString platform = QGuiApplication::platformName();
    if (platformsWithoutGLWidgets().contains(platform, Qt::CaseInsensitive))
        return QObject::tr("The Qt platform \"%1\" cannot show OpenGL views "
                           "(run with a display, e.g. under xvfb-run, for the 3D view).")
            .arg(platform);

    if (QOpenGLContext::openGLModuleType() != QOpenGLContext::LibGL)
        return QObject::tr("Qt was set up for OpenGL ES; the 3D view needs desktop OpenGL 3.2 core.");

    return contextProblem();
}

} // namespace cryo
