#include "TrajectoryFrames.h"

#include "MapDecoder.h"

TrajectoryFrames::TrajectoryFrames(MapDecoder* decoder, QObject* parent) : QObject(parent), m_decoder(decoder)
{
    connect(m_decoder, &MapDecoder::seriesFrameReady, this,
            [this](std::shared_ptr<const cryo::Volume> map, int index, quint64 tag, double) {
                received(std::move(map), index, tag);
            });
}

TrajectoryFrames::~TrajectoryFrames()
{
    if (m_decoder && m_tag)
        m_decoder->cancelSeries();
}

void TrajectoryFrames::start(std::vector<float> zRows, int zdim)
{
    m_decoded = 0;
    m_seconds = -1;
    m_clock.start();
    m_frames.assign(zdim > 0 ? zRows.size() / std::size_t(zdim) : 0, nullptr);
    m_tag = m_frames.empty() || !m_decoder ? 0 : m_decoder->requestSeries(std::move(zRows), zdim);
    if (!m_tag && m_decoder)
        m_decoder->cancelSeries();
    Q_EMIT progress(0, frameCount());
}

void TrajectoryFrames::clear()
{
    if (m_decoder && m_tag)
        m_decoder->cancelSeries();
    m_tag = 0;
    m_decoded = 0;
    m_seconds = -1;
    m_frames.clear();
    Q_EMIT progress(0, 0);
}

std::shared_ptr<const cryo::Volume> TrajectoryFrames::frame(int index) const
{
    return index >= 0 && index < frameCount() ? m_frames[std::size_t(index)] : nullptr;
}

std::vector<cryo::Volume> TrajectoryFrames::volumes() const
{
    std::vector<cryo::Volume> out;
    if (!isComplete())
        return out;
    for (const auto& f : m_frames)
        out.push_back(*f);
    return out;
}

void TrajectoryFrames::prioritize(int index)
{
    if (m_decoder && index >= 0 && index < frameCount() && !m_frames[std::size_t(index)])
        m_decoder->prioritizeSeriesFrame(index);
}

void TrajectoryFrames::received(std::shared_ptr<const cryo::Volume> map, int index, quint64 tag)
{
    if (tag == 0 || tag != m_tag || index < 0 || index >= frameCount() || !map)
        return;   // a replaced trajectory's frame
    if (!m_frames[std::size_t(index)])
        ++m_decoded;
    m_frames[std::size_t(index)] = std::move(map);
    if (isComplete())
        m_seconds = double(m_clock.nsecsElapsed()) / 1e9;
    Q_EMIT frameDecoded(index);
    Q_EMIT progress(m_decoded, frameCount());
}
