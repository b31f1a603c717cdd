#pragma once
// The isosurface scene for one density map on a vtkRenderer: a lit surface (flying edges
// with normals), the map's bounding box outline and an orientation-axes marker in the
// lower-left corner. Used by the 3D view and, on a render window of its own, for offscreen
// frames. World coordinates are Å: voxel (i,j,k) of the map sits at origin + (i,j,k)*voxelSize.
#include "io/Volume.h"

#include <vtkNew.h>
#include <vtkSmartPointer.h>

#include <array>

class vtkActor;
class vtkAxesActor;
class vtkFlyingEdges3D;
class vtkFloatArray;
class vtkImageData;
class vtkOutlineFilter;
class vtkPolyDataMapper;
class vtkRenderer;

namespace cryo {

struct RgbColor {
    double r = 0, g = 0, b = 0;   // each in [0, 1]
};

class IsoSurfaceScene {
public:
    // Adds the scene's props to `renderer` (kept alive by the scene). If the renderer
    // already belongs to a render window, the axes marker goes into layer 1 of that window;
    // otherwise it is attached on the first setVolume()/resetCamera() that finds a window.
    explicit IsoSurfaceScene(vtkRenderer* renderer);
    ~IsoSurfaceScene();
    IsoSurfaceScene(const IsoSurfaceScene&) = delete;
    IsoSurfaceScene& operator=(const IsoSurfaceScene&) = delete;

    // Copies the map into the scene (one memcpy when the size is unchanged; the filters are
    // reused). Keeps threshold and camera, so swapping volumes of one model is cheap and
    // the view stays put; the first volume, or resetCamera = true, resets the camera. The
    // first volume also picks suggestedThreshold() unless setThreshold() was called before.
    // Throws UsageError when the volume is empty or its data size disagrees with nx*ny*nz.
    void setVolume(const Volume& volume, bool resetCamera = false);
    bool hasVolume() const { return m_hasVolume; }
    // {min, max} of the current map's values; {0, 0} before the first volume.
    std::array<double, 2> valueRange() const { return m_valueRange; }

    // Density level of the surface. Cheap: the surface is recomputed on the next render.
    void setThreshold(double level);
    double threshold() const { return m_threshold; }
    // The level above which `enclosedFraction` of the voxels lie (ChimeraX-like default).
    static double suggestedThreshold(const Volume& volume, double enclosedFraction = 0.01);

    // Canonical view: looking down -z with +y up, the whole map in view.
    void resetCamera();

    // Size of the current surface; both bring the surface up to date first.
    long long triangleCount();
    double surfaceArea();   // Å²

    void setSurfaceColor(double r, double g, double b);
    RgbColor surfaceColor() const;
    void setBackground(double r, double g, double b);          // uniform colour
    void setGradientBackground(RgbColor bottom, RgbColor top);

    void setOutlineVisible(bool visible);
    bool outlineVisible() const;
    void setAxesVisible(bool visible);
    bool axesVisible() const;

    vtkRenderer* renderer() const { return m_renderer; }
    vtkActor* surfaceActor() const;

private:
    void buildPipeline();
    void buildAxesMarker();
    void attachMarkerIfPossible();
    void copyIntoImage(const Volume& volume);
    void beforeRender();   // keeps clipping range and marker camera in step each frame
    void applyVisibility();

    vtkSmartPointer<vtkRenderer> m_renderer;
    vtkNew<vtkImageData> m_image;
    vtkNew<vtkFloatArray> m_values;
    vtkNew<vtkFlyingEdges3D> m_surface;
    vtkNew<vtkPolyDataMapper> m_surfaceMapper;
    vtkNew<vtkActor> m_surfaceActor;
    vtkNew<vtkOutlineFilter> m_outline;
    vtkNew<vtkPolyDataMapper> m_outlineMapper;
    vtkNew<vtkActor> m_outlineActor;
    vtkNew<vtkRenderer> m_markerRenderer;
    vtkNew<vtkAxesActor> m_axes;
    bool m_markerAttached = false;
    bool m_showOutline = true;
    bool m_showAxes = true;
    unsigned long m_startObserver = 0;

    bool m_hasVolume = false;
    bool m_thresholdSet = false;
    double m_threshold = 0.0;
    std::array<double, 2> m_valueRange{0.0, 0.0};
};

} // namespace cryo
