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
class OverlaySurface;
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

    // A second map's isosurface drawn over this one (same grid), at its own level and colour.
    void setOverlay(const cryo::Volume& map, double level, const QColor& color);
    void clearOverlay();
    long long overlayTriangleCount() const;   // 0 without an overlay

    // Both viewers show the same camera from now on: turning one turns the other.
    void shareCamera(VolumeViewer* other);

    // The rendered 3D frame (empty without OpenGL).
    QImage grabFrame();
    cryo::VtkView* view() const { return m_view; }

private:
    cryo::VtkView* m_view = nullptr;
    QLabel* m_message = nullptr;
    std::unique_ptr<cryo::IsoSurfaceScene> m_scene;
    std::unique_ptr<cryo::OverlaySurface> m_overlay;
    QString m_problem;
    QColor m_background{28, 32, 44};
};
