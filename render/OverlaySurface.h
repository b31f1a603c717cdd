#pragma once
// A second isosurface drawn over an IsoSurfaceScene's map: another map on the same grid
// (e.g. where a decoder's map has density the data lack, core/reconstruct/MapAgreement.h)
// at its own level and colour, slightly translucent so the map underneath stays readable.
#include "io/Volume.h"

#include <vtkNew.h>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkFlyingEdges3D;
class vtkFloatArray;
class vtkImageData;
class vtkPolyDataMapper;
class vtkRenderer;

namespace cryo {

class OverlaySurface {
public:
    explicit OverlaySurface(vtkRenderer* renderer);   // hidden until setMap()
    ~OverlaySurface();
    OverlaySurface(const OverlaySurface&) = delete;
    OverlaySurface& operator=(const OverlaySurface&) = delete;

    // Copies the map (UsageError when empty or inconsistent) and shows its surface at level.
    void setMap(const Volume& map, double level, double r, double g, double b);
    void hide();
    bool visible() const;
    long long triangleCount();   // of the current surface (0 when hidden)

private:
    vtkSmartPointer<vtkRenderer> m_renderer;
    vtkNew<vtkImageData> m_image;
    vtkNew<vtkFloatArray> m_values;
    vtkNew<vtkFlyingEdges3D> m_surface;
    vtkNew<vtkPolyDataMapper> m_mapper;
    vtkNew<vtkActor> m_actor;
};

} // namespace cryo
