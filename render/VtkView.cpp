#include "VtkView.h"

#include <QEnterEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QWheelEvent>

#include <string>

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

namespace cryo {

namespace {

// Adds `callback(view, callData)` as an observer of `event` on `subject`.
template <typename Fn>
void observe(vtkObject* subject, unsigned long event, VtkView* view, Fn callback)
{
    vtkNew<vtkCallbackCommand> command;
    command->SetClientData(view);
    command->SetCallback(callback);
    subject->AddObserver(event, command);
}

} // namespace

QSurfaceFormat VtkView::surfaceFormat()
{
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);    // VTK 9.1's OpenGL2 backend needs a 3.2 core context
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setSamples(0);       // VTK renders into its own framebuffers; MSAA there is off too
    return format;
}

VtkView::VtkView(QWidget* parent) : QOpenGLWidget(parent)
{
    setFormat(surfaceFormat());
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(64, 64);

    m_window->AddRenderer(m_renderer);
    m_window->SetNumberOfLayers(2);         // layer 1: overlays such as an orientation marker
    m_window->SetMultiSamples(0);
    m_window->SetFrameBlitModeToNoBlit();   // paintGL blits into Qt's framebuffer itself
    m_window->SetReadyForRendering(false);  // until initializeGL gives us a context
    installContextCallbacks();
    installInteractor();
}

VtkView::~VtkView()
{
    // Release VTK's GL resources while Qt's context still exists and is current.
    if (context() && context()->isValid()) {
        makeCurrent();
        m_window->Finalize();
        doneCurrent();
    }
    m_window->SetReadyForRendering(false);
}

void VtkView::installContextCallbacks()
{
    // VTK asks to make its context current, e.g. in the middle of Render(). Calling
    // QOpenGLWidget::makeCurrent() while ours is already current re-binds Qt's framebuffer
    // behind VTK's back and the frame comes out black: switch only when needed.
    observe(m_window, vtkCommand::WindowMakeCurrentEvent, this,
            [](vtkObject*, unsigned long, void* client, void*) {
                auto* view = static_cast<VtkView*>(client);
                if (view->context() && QOpenGLContext::currentContext() != view->context())
                    view->makeCurrent();
            });
    observe(m_window, vtkCommand::WindowIsCurrentEvent, this,
            [](vtkObject*, unsigned long, void* client, void* callData) {
                auto* view = static_cast<VtkView*>(client);
                *static_cast<bool*>(callData) =
                    view->context() && QOpenGLContext::currentContext() == view->context();
            });
}

void VtkView::installInteractor()
{
    // The interactor never renders by itself: a render request just schedules a repaint.
    m_interactor->SetRenderWindow(m_window);
    m_interactor->EnableRenderOff();
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    m_interactor->SetInteractorStyle(style);
    observe(m_interactor, vtkCommand::RenderEvent, this,
            [](vtkObject*, unsigned long, void* client, void*) {
                static_cast<VtkView*>(client)->update();
            });
    m_interactor->Initialize();
}

vtkRenderer* VtkView::renderer() const { return m_renderer; }
vtkRenderWindow* VtkView::renderWindow() const { return m_window; }
vtkRenderWindowInteractor* VtkView::interactor() const { return m_interactor; }

void VtkView::requestRender() { update(); }

QImage VtkView::grabFrame()
{
    if (!context() || !context()->isValid())
        return {};
    // grabFramebuffer() runs paintGL into the widget's framebuffer and reads it back.
    return grabFramebuffer().convertToFormat(QImage::Format_RGB32);
}

void VtkView::initializeGL()
{
    auto* gl = context()->functions();
    auto glString = [gl](GLenum name) {
        const auto* text = reinterpret_cast<const char*>(gl->glGetString(name));
        return QString::fromLatin1(text ? text : "?");
    };
    m_glInfo = QStringLiteral("%1 | %2 | %3")
                   .arg(glString(GL_VENDOR), glString(GL_RENDERER), glString(GL_VERSION));

    m_window->SetOwnContext(0);
    m_window->SetForceMaximumHardwareLineWidth(1);
    m_window->SetReadyForRendering(true);
    m_window->SetMapped(1);
    m_window->SetIsCurrent(true);
    m_window->OpenGLInitContext();   // loads GL entry points, VTK state on Qt's context
}

void VtkView::resizeGL(int w, int h)
{
    const qreal dpr = devicePixelRatioF();
    const int width = int(w * dpr), height = int(h * dpr);
    m_window->SetSize(width, height);
    m_interactor->UpdateSize(width, height);
}

void VtkView::paintGL()
{
    ++m_frames;
    m_window->Render();   // into VTK's render framebuffer, resolved to its display framebuffer
    makeCurrent();        // rebinds Qt's framebuffer should a VTK callback have switched context
    blitIntoWidgetFramebuffer();
    noteCameraState();
}

void VtkView::blitIntoWidgetFramebuffer()
{
    // What VTK's own Qt widget does: copy VTK's display framebuffer into Qt's.
    auto* gl = context()->extraFunctions();
    vtkOpenGLState* state = m_window->GetState();
    state->ResetFramebufferBindings();   // VTK caches bindings; Qt changed them behind it
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    const GLenum colorAttachment = GL_COLOR_ATTACHMENT0;
    gl->glDrawBuffers(1, &colorAttachment);

    const int* source = m_window->GetRenderFramebuffer()->GetLastSize();
    const qreal dpr = devicePixelRatioF();
    const int width = int(this->width() * dpr), height = int(this->height() * dpr);
    m_window->BlitDisplayFramebuffer(0, 0, 0, source[0], source[1], 0, 0, width, height,
                                     GL_COLOR_BUFFER_BIT, GL_LINEAR);

    // Force alpha = 1: VTK leaves the background's alpha at 0 and Qt would blend the widget
    // with whatever lies behind it.
    state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    state->vtkglClearColor(0, 0, 0, 1);
    state->vtkglViewport(0, 0, width, height);
    state->vtkglDisable(GL_SCISSOR_TEST);
    gl->glClear(GL_COLOR_BUFFER_BIT);
    state->vtkglColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

void VtkView::noteCameraState()
{
    vtkCamera* camera = m_renderer->GetActiveCamera();
    const unsigned long mtime = camera->GetMTime();
    if (camera == m_lastCamera && mtime == m_lastCameraTime)
        return;
    const bool first = (m_lastCamera == nullptr);
    m_lastCamera = camera;
    m_lastCameraTime = mtime;
    // Queued: a receiver may grab a frame, which must not happen inside paintGL.
    if (!first)
        QMetaObject::invokeMethod(this, &VtkView::cameraChanged, Qt::QueuedConnection);
}

// ---- Qt -> VTK event forwarding ----------------------------------------------------------

void VtkView::setEventPosition(const QPointF& pos, Qt::KeyboardModifiers mods)
{
    // VTK's origin is bottom-left in device pixels; Qt's is top-left in logical pixels.
    const qreal dpr = devicePixelRatioF();
    m_interactor->SetEventInformationFlipY(int(pos.x() * dpr), int(pos.y() * dpr),
                                           mods.testFlag(Qt::ControlModifier) ? 1 : 0,
                                           mods.testFlag(Qt::ShiftModifier) ? 1 : 0);
    m_interactor->SetAltKey(mods.testFlag(Qt::AltModifier) ? 1 : 0);
}

void VtkView::mousePressEvent(QMouseEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    m_interactor->SetRepeatCount(0);
    switch (event->button()) {
    case Qt::LeftButton: m_interactor->InvokeEvent(vtkCommand::LeftButtonPressEvent); break;
    case Qt::MiddleButton: m_interactor->InvokeEvent(vtkCommand::MiddleButtonPressEvent); break;
    case Qt::RightButton: m_interactor->InvokeEvent(vtkCommand::RightButtonPressEvent); break;
    default: break;
    }
    event->accept();
}

void VtkView::mouseDoubleClickEvent(QMouseEvent* event)
{
    // VTK sees a press with repeat count 1 (e.g. double-click to reset in some styles).
    setEventPosition(event->position(), event->modifiers());
    m_interactor->SetRepeatCount(1);
    if (event->button() == Qt::LeftButton)
        m_interactor->InvokeEvent(vtkCommand::LeftButtonPressEvent);
    m_interactor->SetRepeatCount(0);
    event->accept();
}

void VtkView::mouseReleaseEvent(QMouseEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    switch (event->button()) {
    case Qt::LeftButton: m_interactor->InvokeEvent(vtkCommand::LeftButtonReleaseEvent); break;
    case Qt::MiddleButton: m_interactor->InvokeEvent(vtkCommand::MiddleButtonReleaseEvent); break;
    case Qt::RightButton: m_interactor->InvokeEvent(vtkCommand::RightButtonReleaseEvent); break;
    default: break;
    }
    event->accept();
}

void VtkView::mouseMoveEvent(QMouseEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    m_interactor->InvokeEvent(vtkCommand::MouseMoveEvent);
    event->accept();
}

void VtkView::wheelEvent(QWheelEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    const int delta = event->angleDelta().y();
    if (delta > 0)
        m_interactor->InvokeEvent(vtkCommand::MouseWheelForwardEvent);
    else if (delta < 0)
        m_interactor->InvokeEvent(vtkCommand::MouseWheelBackwardEvent);
    event->accept();
}

void VtkView::forwardKey(QKeyEvent* event, bool press)
{
    const QString text = event->text();
    const char code = text.isEmpty() ? 0 : text.at(0).toLatin1();
    const Qt::KeyboardModifiers mods = event->modifiers();
    const QByteArray keySym = text.isEmpty() ? QByteArray() : text.toLatin1();
    m_interactor->SetKeyEventInformation(mods.testFlag(Qt::ControlModifier) ? 1 : 0,
                                         mods.testFlag(Qt::ShiftModifier) ? 1 : 0, code,
                                         event->isAutoRepeat() ? 1 : 0,
                                         keySym.isEmpty() ? nullptr : keySym.constData());
    m_interactor->SetAltKey(mods.testFlag(Qt::AltModifier) ? 1 : 0);
    if (!press) {
        m_interactor->InvokeEvent(vtkCommand::KeyReleaseEvent);
        return;
    }
    m_interactor->InvokeEvent(vtkCommand::KeyPressEvent);
    // VTK's default char handlers include '3' (stereo, breaks our framebuffer blit) and
    // 'e'/'q' (exit the event loop); the app owns those keys, VTK does not get them.
    static constexpr char kReserved[] = "3eEqQ";
    if (code != 0 && !std::char_traits<char>::find(kReserved, sizeof kReserved - 1, code))
        m_interactor->InvokeEvent(vtkCommand::CharEvent);
}

void VtkView::keyPressEvent(QKeyEvent* event)
{
    forwardKey(event, true);
    QOpenGLWidget::keyPressEvent(event);
}

void VtkView::keyReleaseEvent(QKeyEvent* event)
{
    forwardKey(event, false);
    QOpenGLWidget::keyReleaseEvent(event);
}

void VtkView::enterEvent(QEnterEvent* event)
{
    setEventPosition(event->position(), event->modifiers());
    m_interactor->InvokeEvent(vtkCommand::EnterEvent);
    QOpenGLWidget::enterEvent(event);
}

void VtkView::leaveEvent(QEvent* event)
{
    m_interactor->InvokeEvent(vtkCommand::LeaveEvent);
    QOpenGLWidget::leaveEvent(event);
}

} // namespace cryo
