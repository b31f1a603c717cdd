#pragma once
// A VTK render window without a window: a QOpenGLContext on a QOffscreenSurface drives a
// vtkGenericOpenGLRenderWindow, which renders into its own framebuffers; frames are read
// back as RGB8. For movie frames and snapshots, on the GUI thread (QOffscreenSurface must be
// created there) of a QGuiApplication. Needs an OpenGL 3.2 core context: on Linux an X
// display (a desktop session or xvfb-run); the "offscreen" Qt platform works when an X
// display is around.
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QString>

#include <vtkNew.h>

#include <cstdint>
#include <vector>

class vtkGenericOpenGLRenderWindow;
class vtkRenderer;
class vtkRenderWindow;

namespace cryo {

class OffscreenRenderWindow {
public:
    // Throws std::runtime_error with offscreenRenderingProblem()'s text when no context can
    // be made, UsageError for a size outside 16..8192.
    OffscreenRenderWindow(int width, int height);
    ~OffscreenRenderWindow();
    OffscreenRenderWindow(const OffscreenRenderWindow&) = delete;
    OffscreenRenderWindow& operator=(const OffscreenRenderWindow&) = delete;

    vtkRenderer* renderer() const;          // layer 0
    vtkRenderWindow* renderWindow() const;
    int width() const { return m_width; }
    int height() const { return m_height; }

    // Renders and returns width*height*3 bytes, rows top to bottom.
    std::vector<std::uint8_t> renderRgb();
    // "vendor | renderer | version" of the context.
    QString glInfo() const { return m_glInfo; }

private:
    void createContext();
    void setUpWindow();
    void readPixels(std::vector<std::uint8_t>& rgb);

    int m_width, m_height;
    QOpenGLContext m_context;
    QOffscreenSurface m_surface;
    vtkNew<vtkGenericOpenGLRenderWindow> m_window;
    vtkNew<vtkRenderer> m_renderer;
    QString m_glInfo;
};

// Empty when an OffscreenRenderWindow can be made in this process now; otherwise a
// one-sentence reason ("Movie rendering needs an X display or xvfb-run ...").
QString offscreenRenderingProblem();

} // namespace cryo
