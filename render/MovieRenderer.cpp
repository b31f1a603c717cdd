#include "MovieRenderer.h"

#include "OffscreenRenderWindow.h"
#include "analysis/EnclosedLevel.h"
#include "analysis/MapMeasures.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>

namespace cryo {

MovieRenderer::MovieRenderer(const MovieStyle& style)
    : m_style(style), m_window(std::make_unique<OffscreenRenderWindow>(style.width, style.height))
{
    m_scene = std::make_unique<IsoSurfaceScene>(m_window->renderer());
    m_scene->setBackground(style.background.r, style.background.g, style.background.b);
    if (style.surface)
        m_scene->setSurfaceColor(style.surface->r, style.surface->g, style.surface->b);
    m_scene->setOutlineVisible(style.outline);
    m_scene->setAxesVisible(style.axes);
}

MovieRenderer::~MovieRenderer()
{
    m_scene.reset();   // removes its props while the window (and its context) still exist
}

namespace {

// The parts of a camera a view is made of (DeepCopy would copy more than that).
void copyView(vtkCamera* from, vtkCamera* to)
{
    to->SetPosition(from->GetPosition());
    to->SetFocalPoint(from->GetFocalPoint());
    to->SetViewUp(from->GetViewUp());
    to->SetViewAngle(from->GetViewAngle());
    to->SetParallelProjection(from->GetParallelProjection());
    to->SetParallelScale(from->GetParallelScale());
}

} // namespace

void MovieRenderer::copyCamera(vtkCamera* camera)
{
    if (!camera)
        return;
    copyView(camera, m_copiedCamera);
    copyView(camera, m_window->renderer()->GetActiveCamera());
    m_cameraCopied = true;
}

void MovieRenderer::turn(double degrees)
{
    vtkCamera* camera = m_window->renderer()->GetActiveCamera();
    camera->Azimuth(degrees);
    camera->OrthogonalizeViewUp();
}

double MovieRenderer::levelFor(const Volume& map)
{
    if (m_frames == 0) {
        const double level = m_style.level ? *m_style.level : defaultContourLevel(computeStats(map));
        m_enclosed = voxelsAbove(map, level);
        return level;
    }
    if (m_style.levelMode == MovieLevelMode::ConstantVolume && m_enclosed > 0)
        return levelForEnclosedVoxels(map, m_enclosed);
    return m_level;
}

std::vector<std::uint8_t> MovieRenderer::renderFrame(const Volume& map)
{
    m_level = levelFor(map);
    m_scene->setThreshold(m_level);
    // The first map frames the camera (its whole box: the framing does not depend on the
    // level) unless a camera was copied in; later maps keep it. A turn before the first
    // frame is lost to that framing: render the first frame, then turn.
    const bool first = !m_scene->hasVolume();
    m_scene->setVolume(map, first);
    if (first && m_cameraCopied)   // setVolume framed the first map: put the copied view back
        copyView(m_copiedCamera, m_window->renderer()->GetActiveCamera());
    ++m_frames;
    return m_window->renderRgb();
}

} // namespace cryo
