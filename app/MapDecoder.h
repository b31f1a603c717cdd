#pragma once
// Decodes maps from a trained run off the GUI thread, for click-to-volume and trajectories.
// A request first yields the coarse preview (half the box; for a large decoder, such as
// cryoDRGN's default 1024 × 3, a coarser one before it) and then the full map; when the user
// moves on before the full map is done, the newer request wins and the stale maps are skipped. A series (a trajectory's frames) is decoded apart from that: full maps one
// after another, each emitted when done, between single requests (which go first); a newer
// series replaces it. Results arrive as signals on the GUI thread. The generator (and its LibTorch
// model) lives on the decoder's own thread.
#include "io/Volume.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class MapDecoder : public QObject {
    Q_OBJECT

public:
    explicit MapDecoder(QObject* parent = nullptr);
    ~MapDecoder() override;

    // Loads the run's newest weights (asynchronously): runOpened or failed follows.
    void openRun(const QString& runDir);
    // z: zdim values (empty for homogeneous runs). tag comes back with the maps.
    // previewOnly: stop after the preview (thumbnails).
    void request(std::vector<float> z, quint64 tag, bool previewOnly = false);
    // Full maps of all rows of zRows (frames × zdim), in order (a prioritised frame first);
    // replaces the series being decoded. Each arrives as seriesFrameReady with the returned
    // tag (unique for this decoder; 0 for bad input, nothing decoded).
    quint64 requestSeries(std::vector<float> zRows, int zdim);
    void prioritizeSeriesFrame(int index);   // decode this frame next, if not done yet
    void cancelSeries();
    bool isOpen() const;
    int zdim() const;

Q_SIGNALS:
    void runOpened(int zdim);
    void mapReady(std::shared_ptr<const cryo::Volume> map, bool preview, quint64 tag, double milliseconds);
    void seriesFrameReady(std::shared_ptr<const cryo::Volume> map, int index, quint64 tag, double milliseconds);
    void failed(const QString& message);

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
    quint64 m_seriesTag = 0;
};
