#pragma once
// The 3D map view: an isosurface in a VTK view, or, when no OpenGL context can be
// made on this display, a message in its place (never a crash).
#include "io/Volume.h"

#include <QColor>
#include <QImage>
#include <QWidget>

#include <memory>

namespace cryo {
class VtkView;
class IsoSurfaceScene;
}
class QLabel;

class VolumeViewer : public QWidget {
    Q_OBJECT
public:
    explicit VolumeViewer(QWidget* parent = nullptr);
    ~VolumeViewer() override;

    bool hasOpenGL() const { return m_view != nullptr; }
    QString openGLProblem() const { return m_problem; }

    void setVolume(const cryo::Volume& volume, bool resetCamera);
    void setLevel(double level);
    void resetCamera();
    void setBackground(const QColor& color);
    QColor background() const { return m_background; }
    // The isosurface colour (the scene's default, light tan, without OpenGL); exports write
    // it into ChimeraX scripts.
    QColor surfaceColor() const;
    void setOutlineVisible(bool visible);
    void setAxesVisible(bool visible);
    long long triangleCount() const;

    // The rendered 3D frame (empty without OpenGL).
    QImage grabFrame();
    cryo::VtkView* view() const { return m_view; }

private:
    cryo::VtkView* m_view = nullptr;
    QLabel* m_message = nullptr;
    std::unique_ptr<cryo::IsoSurfaceScene> m_scene;
    QString m_problem;
    QColor m_background{28, 32, 44};
};
