#include "IsoSurfaceScene.h"

#include "util/Error.h"

#include <vtkActor.h>
#include <vtkAxesActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCaptionActor2D.h>
#include <vtkCommand.h>
#include <vtkFlyingEdges3D.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkMassProperties.h>
#include <vtkOutlineFilter.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace cryo {

namespace {

constexpr RgbColor kDefaultSurface{0.80, 0.72, 0.52};      // light tan: reads well on dark blue
constexpr RgbColor kDefaultBackgroundBottom{0.06, 0.07, 0.10};
constexpr RgbColor kDefaultBackgroundTop{0.22, 0.25, 0.33};
constexpr double kMarkerPixels = 110.0;   // side of the orientation marker's square

} // namespace

IsoSurfaceScene::IsoSurfaceScene(vtkRenderer* renderer) : m_renderer(renderer)
{
    if (!m_renderer)
        throw UsageError("IsoSurfaceScene needs a renderer");
    buildPipeline();
    buildAxesMarker();
    setGradientBackground(kDefaultBackgroundBottom, kDefaultBackgroundTop);
    applyVisibility();

    vtkNew<vtkCallbackCommand> onStart;
    onStart->SetClientData(this);
    onStart->SetCallback([](vtkObject*, unsigned long, void* client, void*) {
        static_cast<IsoSurfaceScene*>(client)->beforeRender();
    });
    m_startObserver = m_renderer->AddObserver(vtkCommand::StartEvent, onStart);
    attachMarkerIfPossible();
}

IsoSurfaceScene::~IsoSurfaceScene()
{
    m_renderer->RemoveObserver(m_startObserver);
    m_renderer->RemoveActor(m_surfaceActor);
    m_renderer->RemoveActor(m_outlineActor);
    if (m_markerAttached && m_markerRenderer->GetRenderWindow())
        m_markerRenderer->GetRenderWindow()->RemoveRenderer(m_markerRenderer);
}

void IsoSurfaceScene::buildPipeline()
{
    m_image->GetPointData()->SetScalars(m_values);

    m_surface->SetInputData(m_image);
    m_surface->SetNumberOfContours(1);
    m_surface->SetValue(0, m_threshold);
    m_surface->ComputeNormalsOn();      // smooth shading from the density gradient
    m_surface->ComputeGradientsOff();
    m_surface->ComputeScalarsOff();     // one colour: no scalars to map
    m_surfaceMapper->SetInputConnection(m_surface->GetOutputPort());
    m_surfaceMapper->ScalarVisibilityOff();
    m_surfaceActor->SetMapper(m_surfaceMapper);
    vtkProperty* surface = m_surfaceActor->GetProperty();
    surface->SetColor(kDefaultSurface.r, kDefaultSurface.g, kDefaultSurface.b);
    surface->SetAmbient(0.08);
    surface->SetDiffuse(0.85);
    surface->SetSpecular(0.3);
    surface->SetSpecularPower(25.0);
    m_renderer->AddActor(m_surfaceActor);

    m_outline->SetInputData(m_image);
    m_outlineMapper->SetInputConnection(m_outline->GetOutputPort());
    m_outlineActor->SetMapper(m_outlineMapper);
    m_outlineActor->GetProperty()->SetColor(0.75, 0.75, 0.78);
    m_outlineActor->GetProperty()->LightingOff();
    m_outlineActor->PickableOff();
    m_renderer->AddActor(m_outlineActor);
}

void IsoSurfaceScene::buildAxesMarker()
{
    // A small renderer in the lower-left corner, drawn over the scene (layer 1), whose
    // camera copies the main camera's orientation every frame.
    m_axes->SetTotalLength(1.0, 1.0, 1.0);
    m_axes->SetShaftTypeToCylinder();
    m_axes->SetCylinderRadius(0.03);
    m_axes->SetConeRadius(0.25);
    for (vtkCaptionActor2D* label : {m_axes->GetXAxisCaptionActor2D(),
                                     m_axes->GetYAxisCaptionActor2D(),
                                     m_axes->GetZAxisCaptionActor2D()}) {
        vtkTextProperty* text = label->GetCaptionTextProperty();
        text->SetFontSize(14);
        text->BoldOn();
        text->ItalicOff();
        text->ShadowOff();
        label->GetTextActor()->SetTextScaleModeToNone();
    }
    m_markerRenderer->AddActor(m_axes);
    m_markerRenderer->SetViewport(0.0, 0.0, 0.16, 0.2);
    m_markerRenderer->SetLayer(1);
    m_markerRenderer->InteractiveOff();
    m_markerRenderer->SetBackgroundAlpha(0.0);
}

void IsoSurfaceScene::attachMarkerIfPossible()
{
    vtkRenderWindow* window = m_renderer->GetRenderWindow();
    if (m_markerAttached || !window)
        return;
    if (window->GetNumberOfLayers() < 2)
        window->SetNumberOfLayers(2);
    window->AddRenderer(m_markerRenderer);
    m_markerAttached = true;
}

void IsoSurfaceScene::beforeRender()
{
    if (!m_hasVolume)
        return;
    m_renderer->ResetCameraClippingRange();   // a lower threshold may grow the surface
    if (!m_markerAttached)
        return;
    vtkCamera* main = m_renderer->GetActiveCamera();
    vtkCamera* marker = m_markerRenderer->GetActiveCamera();
    double direction[3], up[3];
    main->GetDirectionOfProjection(direction);
    main->GetViewUp(up);
    marker->SetFocalPoint(0.0, 0.0, 0.0);
    marker->SetPosition(-direction[0], -direction[1], -direction[2]);
    marker->SetViewUp(up);
    // vtkAxesActor reports symmetric bounds (±length), so this centres the triad's origin;
    // the zoom takes back most of the margin that leaves.
    m_markerRenderer->ResetCamera();
    marker->Zoom(1.6);
    // A fixed-size square in pixels, whatever the window's shape.
    const int* size = m_renderer->GetRenderWindow()->GetSize();
    if (size[0] > 0 && size[1] > 0)
        m_markerRenderer->SetViewport(0.0, 0.0, std::min(1.0, kMarkerPixels / size[0]),
                                      std::min(1.0, kMarkerPixels / size[1]));
}

void IsoSurfaceScene::copyIntoImage(const Volume& volume)
{
    const vtkIdType count = vtkIdType(volume.voxelCount());
    int dims[3];
    m_image->GetDimensions(dims);
    if (dims[0] != volume.nx || dims[1] != volume.ny || dims[2] != volume.nz
        || m_values->GetNumberOfTuples() != count) {
        m_values->SetNumberOfComponents(1);
        m_values->SetNumberOfTuples(count);
        m_image->SetDimensions(volume.nx, volume.ny, volume.nz);
    }
    // Both are x fastest, then y, then z: a straight copy.
    std::memcpy(m_values->GetPointer(0), volume.data.data(), sizeof(float) * std::size_t(count));
    m_values->Modified();
    m_image->SetSpacing(volume.voxelSize, volume.voxelSize, volume.voxelSize);
    m_image->SetOrigin(volume.origin[0], volume.origin[1], volume.origin[2]);
    m_image->Modified();
}

void IsoSurfaceScene::setVolume(const Volume& volume, bool resetCameraNow)
{
    if (volume.nx <= 0 || volume.ny <= 0 || volume.nz <= 0)
        throw UsageError("Cannot show an empty map (" + std::to_string(volume.nx) + "x"
                         + std::to_string(volume.ny) + "x" + std::to_string(volume.nz) + ")");
    if (volume.data.size() != volume.voxelCount())
        throw UsageError("Map data has " + std::to_string(volume.data.size()) + " values, expected "
                         + std::to_string(volume.voxelCount()));
    if (!(volume.voxelSize > 0.0f))
        throw UsageError("Map voxel size must be positive, got " + std::to_string(volume.voxelSize));

    copyIntoImage(volume);
    const auto [lo, hi] = std::minmax_element(volume.data.begin(), volume.data.end());
    m_valueRange = {double(*lo), double(*hi)};

    const bool first = !m_hasVolume;
    m_hasVolume = true;
    if (first && !m_thresholdSet)
        setThreshold(suggestedThreshold(volume));
    applyVisibility();
    attachMarkerIfPossible();
    if (first || resetCameraNow)
        resetCamera();
}

void IsoSurfaceScene::setThreshold(double level)
{
    m_threshold = level;
    m_thresholdSet = true;
    m_surface->SetValue(0, level);   // marks the filter modified; recomputed on next render
}

double IsoSurfaceScene::suggestedThreshold(const Volume& volume, double enclosedFraction)
{
    if (volume.data.empty())
        return 0.0;
    const double fraction = std::clamp(enclosedFraction, 0.0, 1.0);
    std::vector<float> values(volume.data);
    const std::size_t above = std::size_t(fraction * double(values.size()));
    const std::size_t index = values.size() - 1 - std::min(above, values.size() - 1);
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(index), values.end());
    return double(values[index]);
}

void IsoSurfaceScene::resetCamera()
{
    attachMarkerIfPossible();
    vtkCamera* camera = m_renderer->GetActiveCamera();
    double bounds[6];
    m_image->GetBounds(bounds);
    const double center[3] = {0.5 * (bounds[0] + bounds[1]), 0.5 * (bounds[2] + bounds[3]),
                              0.5 * (bounds[4] + bounds[5])};
    camera->SetFocalPoint(center);
    camera->SetPosition(center[0], center[1], center[2] + 1.0);
    camera->SetViewUp(0.0, 1.0, 0.0);
    // Fit the whole box (not only the current surface), so the framing does not depend on
    // the threshold.
    if (m_hasVolume)
        m_renderer->ResetCamera(bounds);
    else
        m_renderer->ResetCamera();
}

long long IsoSurfaceScene::triangleCount()
{
    if (!m_hasVolume)
        return 0;
    m_surface->Update();
    return m_surface->GetOutput()->GetNumberOfPolys();
}

double IsoSurfaceScene::surfaceArea()
{
    if (triangleCount() == 0)
        return 0.0;
    vtkNew<vtkMassProperties> mass;
    mass->SetInputConnection(m_surface->GetOutputPort());
    mass->Update();
    return mass->GetSurfaceArea();
}

void IsoSurfaceScene::setSurfaceColor(double r, double g, double b)
{
    m_surfaceActor->GetProperty()->SetColor(r, g, b);
}

RgbColor IsoSurfaceScene::surfaceColor() const
{
    double rgb[3];
    m_surfaceActor->GetProperty()->GetColor(rgb);
    return {rgb[0], rgb[1], rgb[2]};
}

void IsoSurfaceScene::setBackground(double r, double g, double b)
{
    m_renderer->GradientBackgroundOff();
    m_renderer->SetBackground(r, g, b);
}

void IsoSurfaceScene::setGradientBackground(RgbColor bottom, RgbColor top)
{
    m_renderer->SetBackground(bottom.r, bottom.g, bottom.b);
    m_renderer->SetBackground2(top.r, top.g, top.b);
    m_renderer->GradientBackgroundOn();
}

void IsoSurfaceScene::applyVisibility()
{
    m_surfaceActor->SetVisibility(m_hasVolume);
    m_outlineActor->SetVisibility(m_hasVolume && m_showOutline);
    m_axes->SetVisibility(m_showAxes);
}

void IsoSurfaceScene::setOutlineVisible(bool visible)
{
    m_showOutline = visible;
    applyVisibility();
}

bool IsoSurfaceScene::outlineVisible() const { return m_showOutline; }

void IsoSurfaceScene::setAxesVisible(bool visible)
{
    m_showAxes = visible;
    applyVisibility();
}

bool IsoSurfaceScene::axesVisible() const { return m_showAxes; }

vtkActor* IsoSurfaceScene::surfaceActor() const { return m_surfaceActor; }

} // namespace cryo
