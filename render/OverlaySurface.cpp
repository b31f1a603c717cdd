#include "OverlaySurface.h"

#include "util/Error.h"

#include <vtkActor.h>
#include <vtkFlyingEdges3D.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

#include <cstring>
#include <string>

namespace cryo {

OverlaySurface::OverlaySurface(vtkRenderer* renderer) : m_renderer(renderer)
{
    if (!m_renderer)
        throw UsageError("OverlaySurface needs a renderer");
    m_image->GetPointData()->SetScalars(m_values);
    m_surface->SetInputData(m_image);
    m_surface->SetNumberOfContours(1);
    m_surface->ComputeNormalsOn();
    m_surface->ComputeScalarsOff();
    m_mapper->SetInputConnection(m_surface->GetOutputPort());
    m_mapper->ScalarVisibilityOff();
    m_actor->SetMapper(m_mapper);
    m_actor->GetProperty()->SetOpacity(0.85);
    m_actor->GetProperty()->SetSpecular(0.2);
    m_actor->PickableOff();
    m_actor->VisibilityOff();
    m_renderer->AddActor(m_actor);
}

OverlaySurface::~OverlaySurface() { m_renderer->RemoveActor(m_actor); }

void OverlaySurface::setMap(const Volume& map, double level, double r, double g, double b)
{
    if (map.nx <= 0 || map.ny <= 0 || map.nz <= 0 || map.data.size() != map.voxelCount())
        throw UsageError("Cannot overlay an empty or inconsistent map (" + std::to_string(map.nx) + "x" +
                         std::to_string(map.ny) + "x" + std::to_string(map.nz) + ")");
    m_values->SetNumberOfComponents(1);
    m_values->SetNumberOfTuples(vtkIdType(map.voxelCount()));
    std::memcpy(m_values->GetPointer(0), map.data.data(), sizeof(float) * map.voxelCount());
    m_values->Modified();
    m_image->SetDimensions(map.nx, map.ny, map.nz);
    m_image->SetSpacing(map.voxelSize, map.voxelSize, map.voxelSize);
    m_image->SetOrigin(map.origin[0], map.origin[1], map.origin[2]);
    m_image->Modified();
    m_surface->SetValue(0, level);
    m_actor->GetProperty()->SetColor(r, g, b);
    m_actor->VisibilityOn();
}

void OverlaySurface::hide() { m_actor->VisibilityOff(); }

bool OverlaySurface::visible() const { return m_actor->GetVisibility() != 0; }

long long OverlaySurface::triangleCount()
{
    if (!visible())
        return 0;
    m_surface->Update();
    return m_surface->GetOutput()->GetNumberOfPolys();
}

} // namespace cryo
