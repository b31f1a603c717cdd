#include "MovieRenderer.h"

#include "OffscreenRenderWindow.h"
#include "analysis/EnclosedLevel.h"
#include "analysis/MapMeasures.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <algorithm>

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

// World bounds (Å) {xmin, xmax, ymin, ymax, zmin, zmax} of the voxels above `level`, grown
// by `margin` of their size on each side (room for a trajectory's motion); false if none.
bool boundsAbove(const Volume& map, double level, double margin, double bounds[6])
{
    int lo[3] = {map.nx, map.ny, map.nz}, hi[3] = {-1, -1, -1};
    for (int z = 0; z < map.nz; ++z)
        for (int y = 0; y < map.ny; ++y)
            for (int x = 0; x < map.nx; ++x)
                if (double(map.at(x, y, z)) > level) {
                    const int v[3] = {x, y, z};
                    for (int a = 0; a < 3; ++a) {
                        lo[a] = std::min(lo[a], v[a]);
                        hi[a] = std::max(hi[a], v[a]);
                    }
                }
    if (hi[0] < 0)
        return false;
    for (int a = 0; a < 3; ++a) {
        const double low = map.origin[std::size_t(a)] + lo[a] * double(map.voxelSize);
        const double high = map.origin[std::size_t(a)] + hi[a] * double(map.voxelSize);
        const double grow = margin * (high - low) + map.voxelSize;
        bounds[2 * a] = low - grow;
        bounds[2 * a + 1] = high + grow;
    }
    return true;
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
    // The first map frames the camera unless a camera was copied in; later maps keep it. A turn before the first
    // frame is lost to that framing: render the first frame, then turn.
    const bool first = !m_scene->hasVolume();
    m_scene->setVolume(map, first);
    if (first && m_cameraCopied) {   // setVolume framed the first map: put the copied view back
        copyView(m_copiedCamera, m_window->renderer()->GetActiveCamera());
    } else if (first) {
        // The box is mostly empty solvent: frame what is above the level instead, with room
        // for the motion of later frames. Same direction (-z, +y up) as the viewer's reset.
        double bounds[6];
        if (boundsAbove(map, m_level, 0.25, bounds))
            m_window->renderer()->ResetCamera(bounds);
    }
    ++m_frames;
    return m_window->renderRgb();
}

} // namespace cryo
