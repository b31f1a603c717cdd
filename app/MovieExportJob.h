#pragma once
// Renders and encodes a movie inside the GUI: frames are rendered on the GUI thread (where
// the OpenGL contexts live) one per timer tick, so the window stays responsive and Cancel
// works; maps to decode (trajectories, cluster maps) are decoded on a worker thread
// (cryo::MovieDecoder), and the rendered frames are encoded on another (a JobRunner), a few
// frames behind at most. The frames are either one map turned 360° or the maps at a list of
// latent points.
#include "MovieRenderer.h"
#include "io/Volume.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class JobRunner;
class vtkCamera;
namespace cryo {
class MovieDecoder;
class MovieEncoder;
class VolumeGenerator;
}

struct MovieExportRequest {
    QString path;                      // .mp4 or .gif
    cryo::MovieStyle style;
    double fps = 24.0;
    int frames = 60;                   // for a turn; otherwise one frame per z row
    // Either a map to turn ...
    std::optional<cryo::Volume> turnMap;
    // ... or z rows (frames × zdim) decoded from this run.
    QString runDir;
    std::vector<float> zRows;
    bool preview = false;              // half-size maps (faster decoding)
};

class MovieExportJob : public QObject {
    Q_OBJECT
public:
    // camera: the view to keep (copied now); nullptr frames the first map.
    MovieExportJob(MovieExportRequest request, vtkCamera* camera, QObject* parent = nullptr);
    ~MovieExportJob() override;

    // Opens the file and the renderer, starts the frames. Problems come as failed().
    void start();
    void cancel();   // stops after the current frame; the .part file is removed
    int totalFrames() const { return m_total; }
    bool isRunning() const;

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const QString& path);
    void failed(const QString& message);
    void cancelled();

private:
    struct FrameQueue;
    void step();
    bool nextMap();   // false: not decoded yet
    void encodingEnded(int state);
    void stop();

    MovieExportRequest m_request;
    std::shared_ptr<FrameQueue> m_frames;   // rendered, for the encoder
    JobRunner* m_encoding;
    std::unique_ptr<cryo::MovieRenderer> m_renderer;
    std::unique_ptr<cryo::VolumeGenerator> m_generator;
    std::unique_ptr<cryo::MovieDecoder> m_decoder;
    std::optional<cryo::Volume> m_map;
    std::vector<double> m_camera;   // position, focal point, view-up, view angle; empty: none
    QTimer m_timer;
    int m_total = 0, m_done = 0;
};
