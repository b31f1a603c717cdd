#pragma once
// Qt 6 widget that hosts VTK rendering. Debian's VTK Qt module is built for Qt 5, so we
// drive a vtkGenericOpenGLRenderWindow from a QOpenGLWidget ourselves: VTK renders into
// its own framebuffers inside paintGL (on Qt's context) and the result is blitted into
// the widget's framebuffer.
//
// Before showing one, check openGLProblem() (OpenGLSupport.h): on platforms without
// OpenGL (QT_QPA_PLATFORM=offscreen) showing a QOpenGLWidget crashes inside Qt.
#include <QImage>
#include <QOpenGLWidget>
#include <QString>
#include <QSurfaceFormat>

#include <vtkNew.h>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkRenderer;
class vtkRenderWindow;
class vtkRenderWindowInteractor;

namespace cryo {

class VtkView : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit VtkView(QWidget* parent = nullptr);
    ~VtkView() override;

    // The format VTK 9.1 needs (OpenGL >= 3.2 core, depth + stencil, no multisampling).
    // Call QSurfaceFormat::setDefaultFormat(VtkView::surfaceFormat()) before QApplication.
    static QSurfaceFormat surfaceFormat();

    // The single scene renderer (layer 0). Valid for the widget's lifetime.
    vtkRenderer* renderer() const;
    vtkRenderWindow* renderWindow() const;
    // Receives the forwarded Qt mouse/key events (trackball camera style); for pickers etc.
    vtkRenderWindowInteractor* interactor() const;

    // Schedules a repaint (coalesced by Qt); use after changing the scene.
    void requestRender();

    // Renders now and returns the frame as shown (RGB32, device pixels). Null image when
    // the widget has no OpenGL context yet (never shown).
    QImage grabFrame();

    // "vendor | renderer | version" of the context, empty before the first initializeGL.
    QString glInfo() const { return m_glInfo; }

    // Number of frames rendered so far (diagnostics, tests).
    int frameCount() const { return m_frames; }

Q_SIGNALS:
    // The active camera changed (mouse interaction or code); emitted after the frame that
    // shows the new view, via the event loop.
    void cameraChanged();

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void installContextCallbacks();
    void installInteractor();
    void blitIntoWidgetFramebuffer();
    void setEventPosition(const QPointF& pos, Qt::KeyboardModifiers mods);
    void forwardKey(QKeyEvent* event, bool press);
    void noteCameraState();

    vtkNew<vtkGenericOpenGLRenderWindow> m_window;
    vtkNew<vtkGenericRenderWindowInteractor> m_interactor;
    vtkNew<vtkRenderer> m_renderer;
    QString m_glInfo;
    int m_frames = 0;
    unsigned long m_lastCameraTime = 0;
    const void* m_lastCamera = nullptr;
};

} // namespace cryo
