#pragma once
// Decodes maps from a trained run off the GUI thread, for click-to-volume and trajectories.
// A request first yields the coarse preview (half the box) and then the full map; when the
// user moves on before the full map is done, the newer request wins and the stale full map
// is skipped. Results arrive as signals on the GUI thread. The generator (and its LibTorch
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
    bool isOpen() const;
    int zdim() const;

Q_SIGNALS:
    void runOpened(int zdim);
    void mapReady(std::shared_ptr<const cryo::Volume> map, bool preview, quint64 tag, double milliseconds);
    void failed(const QString& message);

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
};
