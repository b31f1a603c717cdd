#include "OffscreenRenderWindow.h"

#include "VtkView.h"
#include "util/Error.h"

#include <QGuiApplication>
#include <QOpenGLFunctions>

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace cryo {

namespace {

QString needsDisplay()
{
    return QObject::tr("Movie rendering needs an X display or xvfb-run (e.g. xvfb-run -a cryoscape movie ...): "
                       "no OpenGL 3.2 context could be created on the Qt platform \"%1\".")
        .arg(QGuiApplication::platformName());
}

template <typename Fn>
void observe(vtkObject* subject, unsigned long event, void* client, Fn callback)
{
    vtkNew<vtkCallbackCommand> command;
    command->SetClientData(client);
    command->SetCallback(callback);
    subject->AddObserver(event, command);
}

} // namespace

QString offscreenRenderingProblem()
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return QObject::tr("Movie rendering needs a graphical application (QGuiApplication).");
    QOpenGLContext context;
    context.setFormat(VtkView::surfaceFormat());
    QOffscreenSurface surface;
    if (!context.create())
        return needsDisplay();
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface))
        return needsDisplay();
    const QSurfaceFormat got = context.format();
    context.doneCurrent();
    if (got.majorVersion() < 3 || (got.majorVersion() == 3 && got.minorVersion() < 2))
        return QObject::tr("Movie rendering needs OpenGL 3.2 core; this display offers %1.%2.")
            .arg(got.majorVersion()).arg(got.minorVersion());
    return {};
}

OffscreenRenderWindow::OffscreenRenderWindow(int width, int height) : m_width(width), m_height(height)
{
    if (width < 16 || height < 16 || width > 8192 || height > 8192)
        throw UsageError("Frame size must be between 16 and 8192 pixels, got " + std::to_string(width) + "x"
                         + std::to_string(height));
    const QString problem = offscreenRenderingProblem();
    if (!problem.isEmpty())
        throw std::runtime_error(problem.toStdString());
    createContext();
    setUpWindow();
}

OffscreenRenderWindow::~OffscreenRenderWindow()
{
    // VTK's GL resources go while our context is still current.
    if (m_context.makeCurrent(&m_surface)) {
        m_window->Finalize();
        m_context.doneCurrent();
    }
    m_window->SetReadyForRendering(false);
}

void OffscreenRenderWindow::createContext()
{
    m_context.setFormat(VtkView::surfaceFormat());
    if (!m_context.create())
        throw std::runtime_error(needsDisplay().toStdString());
    m_surface.setFormat(m_context.format());
    m_surface.create();
    if (!m_surface.isValid() || !m_context.makeCurrent(&m_surface))
        throw std::runtime_error(needsDisplay().toStdString());
    auto* gl = m_context.functions();
    auto text = [gl](GLenum name) {
        const auto* s = reinterpret_cast<const char*>(gl->glGetString(name));
        return QString::fromLatin1(s ? s : "?");
    };
    m_glInfo = QStringLiteral("%1 | %2 | %3").arg(text(GL_VENDOR), text(GL_RENDERER), text(GL_VERSION));
}

void OffscreenRenderWindow::setUpWindow()
{
    // VTK asks for its context around every render: switch only when another one is current.
    observe(m_window, vtkCommand::WindowMakeCurrentEvent, this, [](vtkObject*, unsigned long, void* client, void*) {
        auto* self = static_cast<OffscreenRenderWindow*>(client);
        if (QOpenGLContext::currentContext() != &self->m_context)
            self->m_context.makeCurrent(&self->m_surface);
    });
    observe(m_window, vtkCommand::WindowIsCurrentEvent, this,
            [](vtkObject*, unsigned long, void* client, void* callData) {
                auto* self = static_cast<OffscreenRenderWindow*>(client);
                *static_cast<bool*>(callData) = QOpenGLContext::currentContext() == &self->m_context;
            });
    m_window->AddRenderer(m_renderer);
    m_window->SetNumberOfLayers(2);         // layer 1: overlays such as an orientation marker
    m_window->SetMultiSamples(0);
    m_window->SetFrameBlitModeToNoBlit();   // we read VTK's display framebuffer ourselves
    m_window->SetOwnContext(0);
    m_window->SetForceMaximumHardwareLineWidth(1);
    m_window->SetSize(m_width, m_height);
    m_window->SetReadyForRendering(true);
    m_window->SetMapped(1);
    m_window->SetIsCurrent(true);
    m_window->OpenGLInitContext();
}

vtkRenderer* OffscreenRenderWindow::renderer() const { return m_renderer; }
vtkRenderWindow* OffscreenRenderWindow::renderWindow() const { return m_window; }

std::vector<std::uint8_t> OffscreenRenderWindow::renderRgb()
{
    if (QOpenGLContext::currentContext() != &m_context)
        m_context.makeCurrent(&m_surface);
    m_window->Render();   // into VTK's render framebuffer, resolved into its display framebuffer
    std::vector<std::uint8_t> rgb(std::size_t(m_width) * std::size_t(m_height) * 3);
    readPixels(rgb);
    return rgb;
}

void OffscreenRenderWindow::readPixels(std::vector<std::uint8_t>& rgb)
{
    if (QOpenGLContext::currentContext() != &m_context)
        m_context.makeCurrent(&m_surface);
    vtkOpenGLState* state = m_window->GetState();
    state->PushReadFramebufferBinding();
    m_window->GetDisplayFramebuffer()->Bind(GL_READ_FRAMEBUFFER);
    m_window->GetDisplayFramebuffer()->ActivateReadBuffer(0);
    auto* gl = m_context.functions();
    gl->glPixelStorei(GL_PACK_ALIGNMENT, 1);
    std::vector<std::uint8_t> bottomUp(rgb.size());
    gl->glReadPixels(0, 0, m_width, m_height, GL_RGB, GL_UNSIGNED_BYTE, bottomUp.data());
    state->PopReadFramebufferBinding();
    // OpenGL's rows start at the bottom; images start at the top.
    const std::size_t row = std::size_t(m_width) * 3;
    for (int y = 0; y < m_height; ++y)
        std::memcpy(rgb.data() + std::size_t(y) * row, bottomUp.data() + std::size_t(m_height - 1 - y) * row, row);
}

} // namespace cryo
