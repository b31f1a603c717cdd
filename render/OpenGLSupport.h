#pragma once
// Can this process show an OpenGL (VTK) view? Asked once before the first VtkView is shown,
// so the app can show a message in place of the 3D view instead of crashing inside Qt.
#include <QString>

namespace cryo {

// Empty when an OpenGL >= 3.2 context (the format of VtkView::surfaceFormat()) can be
// created on the current QGuiApplication platform and a QOpenGLWidget can be shown there;
// otherwise a one-sentence, human-readable reason. Call on the GUI thread after the
// QGuiApplication/QApplication exists; never crashes (also not without one).
QString openGLProblem();

} // namespace cryo
