#include "VolumeViewer.h"

#include "IsoSurfaceScene.h"
#include "OpenGLSupport.h"
#include "OverlaySurface.h"
#include "VtkView.h"

#include <QLabel>
#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <QVBoxLayout>

VolumeViewer::VolumeViewer(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_problem = cryo::openGLProblem();
    if (m_problem.isEmpty()) {
        m_view = new cryo::VtkView(this);
        m_scene = std::make_unique<cryo::IsoSurfaceScene>(m_view->renderer());
        layout->addWidget(m_view);
        setBackground(m_background);
    } else {
        m_message = new QLabel(tr("The 3D view is not available: %1\n\n"
                                  "Maps can still be opened, measured and exported.")
                                   .arg(m_problem),
                               this);
        m_message->setAlignment(Qt::AlignCenter);
        m_message->setWordWrap(true);
        layout->addWidget(m_message);
    }
}

VolumeViewer::~VolumeViewer() = default;

void VolumeViewer::setVolume(const cryo::Volume& volume, bool resetCamera)
{
    if (!m_scene)
        return;
    m_scene->setVolume(volume, resetCamera);
    m_view->requestRender();
}

void VolumeViewer::setLevel(double level)
{
    if (!m_scene)
        return;
    m_scene->setThreshold(level);
    m_view->requestRender();
}

void VolumeViewer::resetCamera()
{
    if (!m_scene)
        return;
    m_scene->resetCamera();
    m_view->requestRender();
}

void VolumeViewer::setBackground(const QColor& color)
{
    m_background = color;
    if (!m_scene)
        return;
    m_scene->setBackground(color.redF(), color.greenF(), color.blueF());
    m_view->requestRender();
}

QColor VolumeViewer::surfaceColor() const
{
    if (!m_scene)
        return QColor::fromRgbF(0.80f, 0.72f, 0.52f);   // the scene's default surface colour
    const cryo::RgbColor c = m_scene->surfaceColor();
    return QColor::fromRgbF(float(c.r), float(c.g), float(c.b));
}

void VolumeViewer::setOutlineVisible(bool visible)
{
    if (!m_scene)
        return;
    m_scene->setOutlineVisible(visible);
    m_view->requestRender();
}

void VolumeViewer::setAxesVisible(bool visible)
{
    if (!m_scene)
        return;
    m_scene->setAxesVisible(visible);
    m_view->requestRender();
}

long long VolumeViewer::triangleCount() const { return m_scene ? m_scene->triangleCount() : 0; }

void VolumeViewer::setOverlay(const cryo::Volume& map, double level, const QColor& color)
{
    if (!m_scene)
        return;
    if (!m_overlay)
        m_overlay = std::make_unique<cryo::OverlaySurface>(m_view->renderer());
    m_overlay->setMap(map, level, color.redF(), color.greenF(), color.blueF());
    m_view->requestRender();
}

void VolumeViewer::clearOverlay()
{
    if (!m_overlay)
        return;
    m_overlay->hide();
    m_view->requestRender();
}

long long VolumeViewer::overlayTriangleCount() const { return m_overlay ? m_overlay->triangleCount() : 0; }

namespace {

// Copies position, focal point, view-up and zoom when they differ (false: nothing to do).
// Comparing values, not modification times, ends the exchange between two views: a render
// touches the camera's clipping range, which would otherwise echo back and forth.
bool copyCamera(vtkCamera* from, vtkCamera* to)
{
    double a[3], b[3], c[3], d[3], e[3], f[3];
    from->GetPosition(a), from->GetFocalPoint(b), from->GetViewUp(c);
    to->GetPosition(d), to->GetFocalPoint(e), to->GetViewUp(f);
    bool same = from->GetViewAngle() == to->GetViewAngle() && from->GetParallelScale() == to->GetParallelScale();
    for (int i = 0; i < 3; ++i)
        same = same && a[i] == d[i] && b[i] == e[i] && c[i] == f[i];
    if (same)
        return false;
    to->SetPosition(a), to->SetFocalPoint(b), to->SetViewUp(c);
    to->SetViewAngle(from->GetViewAngle());
    to->SetParallelScale(from->GetParallelScale());
    return true;
}

} // namespace

void VolumeViewer::shareCamera(VolumeViewer* other)
{
    if (!m_view || !other || !other->m_view)
        return;
    const auto follow = [](cryo::VtkView* from, cryo::VtkView* to) {
        if (copyCamera(from->renderer()->GetActiveCamera(), to->renderer()->GetActiveCamera())) {
            to->renderer()->ResetCameraClippingRange();
            to->requestRender();
        }
    };
    follow(m_view, other->m_view);
    connect(m_view, &cryo::VtkView::cameraChanged, other, [this, other, follow] { follow(m_view, other->m_view); });
    connect(other->m_view, &cryo::VtkView::cameraChanged, this, [this, other, follow] { follow(other->m_view, m_view); });
}

QImage VolumeViewer::grabFrame() { return m_view ? m_view->grabFrame() : QImage(); }

