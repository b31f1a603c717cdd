#include "VolumeViewer.h"

#include "IsoSurfaceScene.h"
#include "OpenGLSupport.h"
#include "VtkView.h"

#include <QLabel>
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

QImage VolumeViewer::grabFrame() { return m_view ? m_view->grabFrame() : QImage(); }

