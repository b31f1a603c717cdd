#pragma once
// The decoded maps of one trajectory: all frames' full maps decoded in the background by the
// MapDecoder's series (one after another, each kept as it arrives), cached for the whole
// trajectory (a D = 64 map is 1 MB, D = 128 8 MB) so that scrubbing and playing show them at
// once. A new trajectory replaces the old one (and cancels its decoding).
#include "io/Volume.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class MapDecoder;

class TrajectoryFrames : public QObject {
    Q_OBJECT
public:
    explicit TrajectoryFrames(MapDecoder* decoder, QObject* parent = nullptr);
    ~TrajectoryFrames() override;   // stops decoding this trajectory

    // zRows: frames × zdim. Starts decoding all of them.
    void start(std::vector<float> zRows, int zdim);
    void clear();   // no frames; decoding stopped

    int frameCount() const { return int(m_frames.size()); }
    int decodedCount() const { return m_decoded; }
    bool isComplete() const { return frameCount() > 0 && m_decoded == frameCount(); }
    // Seconds from start() to the last frame decoded (-1 until complete).
    double secondsToComplete() const { return m_seconds; }
    // The full map of frame `index`, or null while it is not decoded.
    std::shared_ptr<const cryo::Volume> frame(int index) const;
    // All maps, in order (empty unless complete).
    std::vector<cryo::Volume> volumes() const;
    // Decode this frame next (the user is looking at it).
    void prioritize(int index);

Q_SIGNALS:
    void frameDecoded(int index);
    void progress(int decoded, int total);

private:
    void received(std::shared_ptr<const cryo::Volume> map, int index, quint64 tag);

    QPointer<MapDecoder> m_decoder;   // may go first when the window closes
    std::vector<std::shared_ptr<const cryo::Volume>> m_frames;
    int m_decoded = 0;
    QElapsedTimer m_clock;
    double m_seconds = -1;
    quint64 m_tag = 0;   // the decoder's tag of this series (0: none); other series' results are dropped
};
