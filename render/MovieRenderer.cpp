#include "MovieRenderer.h"

#include "OffscreenRenderWindow.h"
#include "analysis/EnclosedLevel.h"
#include "analysis/MapMeasures.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <vector>

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

// World bounds (Å) {xmin, xmax, ymin, ymax, zmin, zmax} of the voxels above `level`, their
// outer 1% on each side of each axis left out (specks of noise above the level would
// otherwise set the framing), grown by `margin` of their size on each side (room for a
// trajectory's motion); false if no voxel is above the level.
bool boundsAbove(const Volume& map, double level, double margin, double bounds[6])
{
    const int sizes[3] = {map.nx, map.ny, map.nz};
    std::vector<std::size_t> counts[3] = {std::vector<std::size_t>(std::size_t(map.nx)),
                                          std::vector<std::size_t>(std::size_t(map.ny)),
                                          std::vector<std::size_t>(std::size_t(map.nz))};
    std::size_t total = 0;
    for (int z = 0; z < map.nz; ++z)
        for (int y = 0; y < map.ny; ++y)
            for (int x = 0; x < map.nx; ++x)
                if (double(map.at(x, y, z)) > level) {
                    ++counts[0][std::size_t(x)];
                    ++counts[1][std::size_t(y)];
                    ++counts[2][std::size_t(z)];
                    ++total;
                }
    if (total == 0)
        return false;
    const std::size_t trim = total / 100;
    for (int a = 0; a < 3; ++a) {
        int lo = 0, hi = sizes[a] - 1;
        for (std::size_t below = counts[a][0]; below <= trim && lo < hi; below += counts[a][std::size_t(lo)])
            ++lo;
        for (std::size_t above = counts[a][std::size_t(hi)]; above <= trim && hi > lo; above += counts[a][std::size_t(hi)])
            --hi;
        const double low = map.origin[std::size_t(a)] + lo * double(map.voxelSize);
        const double high = map.origin[std::size_t(a)] + hi * double(map.voxelSize);
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
