#pragma once
// The map stage of the window: the 3D viewer in the centre, the "Contour level" dock, the
// status-bar labels describing the map, and the View menu. It shows maps from every source
// (an opened file, decoded on a click, a trajectory frame, a landscape map made in memory)
// under one rule for the contour level and the camera, and decodes the open run's maps on
// request (MapDecoder: the newest request wins).
#include "analysis/MapMeasures.h"
#include "io/Volume.h"

#include <QColor>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class MapDecoder;
class QAction;
class QLabel;
class QMainWindow;
class QMenu;
class ThresholdPanel;
class VolumeViewer;

// What a session records of the view.
struct MapViewState {
    QColor background;
    bool showOutline = true;
    bool showAxes = true;
    std::optional<double> level;                   // of a decoded map
    std::optional<std::array<double, 9>> camera;   // position, focal point, view-up (Å)
};

class MapStage : public QObject {
    Q_OBJECT
public:
    explicit MapStage(QMainWindow* window);
    void fillViewMenu(QMenu* view);

    VolumeViewer* viewer() const { return m_viewer; }
    ThresholdPanel* thresholdPanel() const { return m_threshold; }
    MapDecoder* decoder() const { return m_decoder; }

    // A map opened from a file or made for the demo: the default level, the camera framed.
    void showVolume(const cryo::Volume& volume);
    // A map made in memory (cluster mean, volume along a PC): camera and σ level kept;
    // decodes still on their way are not shown.
    void showMapKeepingView(const cryo::Volume& map, const QString& description);
    // A trajectory frame: the absolute level kept, so that frames compare.
    void showFrame(const cryo::Volume& map, const QString& description);

    // The run whose maps requestMap decodes; its first map frames the camera.
    void openRun(const QString& runDir);
    // Decodes the map at z (preview, then full) and shows it with the σ level kept; the
    // description goes to the status bar with the timing.
    void requestMap(const std::vector<float>& z, const QString& description);
    // The map of a homogeneous run (no z).
    void requestRunMap(const QString& description);
    // A trajectory frame's preview while its full map is decoded: at the frames' level.
    void requestFramePreview(const std::vector<float>& z, const QString& description);

    MapViewState viewState() const;
    // The background and overlays now; the level and camera with the next full decoded map.
    void restoreView(const MapViewState& state);
    // The 3D camera: position, focal point, view-up (Å); false without OpenGL.
    bool camera(std::array<double, 9>& camera) const;
    void setCamera(const std::array<double, 9>& camera);

    const cryo::Volume& volume() const { return m_volume; }
    double level() const { return m_level; }
    QString statusText() const;
    QString decodeText() const { return m_decodeText; }
    double lastPreviewLatencyMs() const { return m_previewLatencyMs; }   // request → shown

Q_SIGNALS:
    // A decoded map (or a trajectory frame) was put in the viewer (tag: the request's number).
    void mapShown(bool preview, quint64 tag);

private:
    enum class KeepLevel { Sigma, Absolute };
    void present(const cryo::Volume& map, KeepLevel keep);
    void showDecodedMap(std::shared_ptr<const cryo::Volume> map, bool preview, quint64 tag, double ms);
    void describe(const QString& text);
    void setLevel(double level);
    void setBackground(const QColor& colour);
    void updateStatus();

    VolumeViewer* m_viewer;
    ThresholdPanel* m_threshold;
    MapDecoder* m_decoder;
    QLabel* m_mapLabel;
    QLabel* m_levelLabel;
    QAction* m_outline = nullptr;
    QAction* m_axes = nullptr;
    cryo::Volume m_volume;
    cryo::VolumeStats m_stats;
    double m_level = 0;
    bool m_decodedShown = false;   // a decoded map is in the viewer: keep camera and σ level
    quint64 m_mapTag = 0;
    quint64 m_framePreviewTag = 0;   // a preview shown at the viewer's level (not σ)
    QString m_mapDescription;
    QElapsedTimer m_mapClock;   // since the newest request
    QString m_decodeText;
    double m_previewLatencyMs = -1;
    std::optional<double> m_pendingLevel;                   // a session's, for the first full map
    std::optional<std::array<double, 9>> m_pendingCamera;   // a session's, for the first map
};
