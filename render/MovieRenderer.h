#pragma once
// Movie frames of isosurfaces at a fixed camera and lighting: an IsoSurfaceScene on an
// OffscreenRenderWindow. The first map fixes the camera (framing its surface, unless a camera
// was copied in) and the level: either the level stays fixed, or each later frame gets the
// level that encloses as many voxels as the first frame did (constant enclosed volume).
// Framing: looking down -z with +y up at the voxels above the first frame's level, with a
// 25% margin for the motion. GUI thread of a QGuiApplication only (see OffscreenRenderWindow).
#include "IsoSurfaceScene.h"
#include "io/Volume.h"

#include <vtkNew.h>
#include <vtkRenderer.h>   // IsoSurfaceScene::renderer() converts a vtkSmartPointer inline

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class vtkCamera;

namespace cryo {

class OffscreenRenderWindow;

enum class MovieLevelMode { Fixed, ConstantVolume };

struct MovieStyle {
    int width = 800, height = 600;                 // pixels
    RgbColor background{1.0, 1.0, 1.0};
    std::optional<RgbColor> surface;               // none: the scene's default colour
    MovieLevelMode levelMode = MovieLevelMode::Fixed;
    std::optional<double> level;                   // none: the viewer's default for the first map (mean + 2σ)
    bool outline = false;                          // the map's bounding box
    bool axes = false;                             // orientation marker, lower left
};

class MovieRenderer {
public:
    // Throws std::runtime_error ("needs an X display or xvfb-run") without OpenGL.
    explicit MovieRenderer(const MovieStyle& style);
    ~MovieRenderer();
    MovieRenderer(const MovieRenderer&) = delete;
    MovieRenderer& operator=(const MovieRenderer&) = delete;

    // Use `camera`'s position, focal point, view-up, view angle and projection for all
    // frames (e.g. the viewer's camera) instead of framing the first map.
    void copyCamera(vtkCamera* camera);
    // Turns the camera by `degrees` about its view-up axis through the focal point (for
    // 360° turns: 360/N before each of frames 2..N).
    void turn(double degrees);

    // Renders `map` (all maps of one movie have the same box): RGB8, width*height*3 bytes,
    // rows top to bottom. Sets the level as described above.
    std::vector<std::uint8_t> renderFrame(const Volume& map);

    int frameCount() const { return m_frames; }
    double lastLevel() const { return m_level; }
    // Voxels above the first frame's level (what ConstantVolume keeps); 0 before it.
    std::size_t enclosedVoxels() const { return m_enclosed; }
    IsoSurfaceScene& scene() { return *m_scene; }

private:
    double levelFor(const Volume& map);

    MovieStyle m_style;
    std::unique_ptr<OffscreenRenderWindow> m_window;
    std::unique_ptr<IsoSurfaceScene> m_scene;
    vtkNew<vtkCamera> m_copiedCamera;
    bool m_cameraCopied = false;
    int m_frames = 0;
    double m_level = 0.0;
    std::size_t m_enclosed = 0;
};

} // namespace cryo
