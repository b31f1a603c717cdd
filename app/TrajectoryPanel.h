#pragma once
// Trajectories in the explorer (issue #6): pick a source — along a PC of z, through the
// k-means centres, or along a path drawn on a scatter panel (its anchors snapped to the
// latent kNN graph) — compute the frames, see the path on both linked panels, and scrub or
// play through the frames' maps (decoded in the background, cached). Exports go through the
// main window (it knows the viewer's level and colour); a movie through movieRequested.
#include "LatentTrajectory.h"
#include "analysis/LatentGraph.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <memory>
#include <vector>

class ExplorerPanel;
class LatentGraphJob;
class MapDecoder;
class TrajectoryFrames;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTimer;

namespace cryo {
struct Volume;
}

class TrajectoryPanel : public QWidget {
    Q_OBJECT
public:
    enum class Source { PcOfZ, KMeansCentres, DrawnPath, SelectionMeans };

    TrajectoryPanel(ExplorerPanel* explorer, MapDecoder* decoder, QWidget* parent = nullptr);

    void setSource(Source source);
    Source source() const;
    // PC source: component (0-based), frames, percentiles. Centres and selection means: frames
    // per leg. Path: at most this many frames (the path's nodes, evenly spaced).
    void setPcOptions(int component, int points, double lowPercentile, double highPercentile);
    void setStepsPerLeg(int steps);
    void setPathFrames(int frames);
    // The latent graph's target mean degree (default 5; more joins more of the data).
    void setGraphMeanDegree(double meanDegree);
    // Anchors of a drawn path (particle indices): the source becomes "path"; computed as soon
    // as the latent graph is built.
    void setPathAnchors(const std::vector<std::int64_t>& anchors);

    const LatentTrajectory& trajectory() const { return m_trajectory; }
    TrajectoryFrames* frames() const { return m_frames; }
    LatentGraphJob* graphJob() const { return m_graph; }
    int currentFrame() const { return m_current; }
    bool isPlaying() const;
    QSlider* slider() const { return m_slider; }
    QString statusText() const;
    QString progressText() const;

public Q_SLOTS:
    // Builds the frames from the chosen source and starts decoding them; false (with the
    // reason in statusText) when it cannot.
    bool compute();
    void setCurrentFrame(int index);
    void play();
    void pause();
    void setLoop(bool loop);
    void setFramesPerSecond(int fps);

Q_SIGNALS:
    // Show this frame's full map (the viewer keeps its level).
    void showMap(std::shared_ptr<const cryo::Volume> map, const QString& description);
    // The frame is not decoded yet: show its preview meanwhile.
    void previewRequested(const std::vector<float>& z, const QString& description);
    void exportRequested();
    // Render a movie along the trajectory (frames × zdim z's): the main window's Export Movie dialog.
    void movieRequested(std::vector<float> zRows, int zdim, QString title);
    void trajectoryChanged();
    void message(const QString& text);

private:
    QWidget* buildSourceRow();
    QWidget* buildPlayerRow();
    void connectExplorer();
    void setTrajectory(LatentTrajectory trajectory);
    void computePath();
    LatentTrajectory selectionMeansTrajectory() const;   // throws UsageError
    cryo::LatentGraphOptions graphOptions() const;
    void rebuildOverlays();
    void showCurrentOverlay();
    void showFrame();
    void frameDecoded(int index);
    void tick();
    void updateButtons();
    void setStatus(const QString& text);
    QString frameDescription(int index) const;

    QPointer<ExplorerPanel> m_explorer;
    std::shared_ptr<const RunTables> m_tables;
    LatentGraphJob* m_graph;
    TrajectoryFrames* m_frames;
    LatentTrajectory m_trajectory;
    std::vector<std::int64_t> m_anchors;   // of the drawn path
    bool m_pathPending = false;            // waiting for the graph
    std::array<ScatterOverlay, 2> m_overlays;
    int m_current = 0;
    bool m_shownFull = false;              // the viewer has the current frame's full map

    QComboBox* m_source;
    QStackedWidget* m_options;
    QSpinBox* m_component;
    QSpinBox* m_points;
    QDoubleSpinBox* m_low;
    QDoubleSpinBox* m_high;
    QSpinBox* m_steps;
    QSpinBox* m_selectionSteps;
    QSpinBox* m_pathFrames;
    QDoubleSpinBox* m_degree;
    QLabel* m_anchorLabel;
    QPushButton* m_compute;
    QSlider* m_slider;
    QLabel* m_frameLabel;
    QPushButton* m_play;
    QCheckBox* m_loop;
    QSpinBox* m_fps;
    QLabel* m_progress;
    QPushButton* m_export;
    QPushButton* m_movie;
    QLabel* m_status;
    QTimer* m_timer;
};
