#include "MovieExportJob.h"

#include "JobRunner.h"
#include "MovieEncoder.h"
#include "analysis/AnalysisContext.h"
#include "model/VolumeGenerator.h"
#include "tasks/MovieDecoder.h"
#include "util/Error.h"

#include <vtkCamera.h>
#include <vtkNew.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>

namespace {

// Frames rendered but not yet encoded: a few at most, so that memory stays bounded.
constexpr std::size_t kFramesAhead = 4;

} // namespace

// Rendered frames on their way from the GUI thread to the encoding thread.
struct MovieExportJob::FrameQueue {
    std::mutex mutex;
    std::condition_variable_any changed;
    std::deque<std::vector<std::uint8_t>> frames;
    bool closed = false;   // the last frame is in

    bool full()
    {
        std::lock_guard lock(mutex);
        return frames.size() >= kFramesAhead;
    }
    void push(std::vector<std::uint8_t> frame)
    {
        {
            std::lock_guard lock(mutex);
            frames.push_back(std::move(frame));
        }
        changed.notify_all();
    }
    void close()
    {
        {
            std::lock_guard lock(mutex);
            closed = true;
        }
        changed.notify_all();
    }
    // The next frame; nothing once closed and empty. Throws AnalysisCancelled on a stop.
    std::optional<std::vector<std::uint8_t>> take(std::stop_token stop)
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, stop, [this] { return !frames.empty() || closed; });
        if (stop.stop_requested())
            throw cryo::AnalysisCancelled();
        if (frames.empty())
            return std::nullopt;
        auto frame = std::move(frames.front());
        frames.pop_front();
        return frame;
    }
};

MovieExportJob::MovieExportJob(MovieExportRequest request, vtkCamera* camera, QObject* parent)
    : QObject(parent), m_request(std::move(request)), m_encoding(new JobRunner(this))
{
    if (camera) {
        const double* p = camera->GetPosition();
        const double* f = camera->GetFocalPoint();
        const double* u = camera->GetViewUp();
        m_camera = {p[0], p[1], p[2], f[0], f[1], f[2], u[0], u[1], u[2], camera->GetViewAngle()};
    }
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &MovieExportJob::step);
    connect(m_encoding, &JobRunner::ended, this, [this](JobRunner::State state) { encodingEnded(int(state)); });
}

MovieExportJob::~MovieExportJob()
{
    m_encoding->cancelAndWait();   // the encoder removes its .part file
    m_decoder.reset();             // joins the worker before the generator goes
}

bool MovieExportJob::isRunning() const { return m_timer.isActive() || m_encoding->isRunning(); }

void MovieExportJob::start()
{
    std::shared_ptr<cryo::MovieEncoder> encoder;
    try {
        m_total = m_request.turnMap ? m_request.frames : 0;
        if (!m_request.turnMap && m_request.runDir.isEmpty())
            throw cryo::UsageError(tr("No map to turn and no run to decode maps from.").toStdString());
        encoder = std::make_shared<cryo::MovieEncoder>(
            m_request.path.toStdString(),
            cryo::MovieEncoderOptions{m_request.style.width, m_request.style.height, m_request.fps});
        m_renderer = std::make_unique<cryo::MovieRenderer>(m_request.style);
        if (!m_camera.empty()) {
            vtkNew<vtkCamera> camera;
            camera->SetPosition(m_camera[0], m_camera[1], m_camera[2]);
            camera->SetFocalPoint(m_camera[3], m_camera[4], m_camera[5]);
            camera->SetViewUp(m_camera[6], m_camera[7], m_camera[8]);
            camera->SetViewAngle(m_camera[9]);
            m_renderer->copyCamera(camera);
        }
        if (!m_request.turnMap) {
            m_generator = cryo::VolumeGenerator::open(m_request.runDir.toStdString(), 1);
            m_decoder = std::make_unique<cryo::MovieDecoder>(*m_generator, m_request.zRows,
                                                             m_request.preview ? cryo::VolumeGenerator::Quality::Preview
                                                                               : cryo::VolumeGenerator::Quality::Full);
            m_total = int(m_decoder->count());
        }
        if (m_total < 1)
            throw cryo::UsageError(tr("There are no frames to render.").toStdString());
    } catch (const std::exception& e) {
        encoder.reset();   // removes its .part file
        stop();
        Q_EMIT failed(QString::fromUtf8(e.what()));
        return;
    }
    m_done = 0;
    m_frames = std::make_shared<FrameQueue>();
    // The encoder lives on the worker from now on; destroyed there unfinished, it removes
    // the .part file.
    m_encoding->start([frames = m_frames, encoder = std::move(encoder)](const JobContext& context) mutable {
        while (auto frame = frames->take(context.stop()))
            encoder->addFrame(*frame);
        encoder->finish();
        encoder.reset();
    });
    m_timer.start();
}

bool MovieExportJob::nextMap()
{
    if (!m_decoder) {   // a turn: the one map, every frame
        if (!m_map)
            m_map = std::move(*m_request.turnMap);
        return true;
    }
    std::optional<cryo::Volume> map = m_decoder->tryTake();
    if (!map)
        return false;
    m_map = std::move(map);
    return true;
}

void MovieExportJob::step()
{
    try {
        if (m_frames->full() || !nextMap()) {
            m_timer.setInterval(10);   // the encoder or the decoder is behind: look again shortly
            return;
        }
        m_timer.setInterval(0);
        if (m_done > 0 && !m_decoder)
            m_renderer->turn(360.0 / m_total);
        m_frames->push(m_renderer->renderFrame(*m_map));
        ++m_done;
        Q_EMIT progress(m_done, m_total);
        if (m_done < m_total)
            return;
        m_timer.stop();
        m_frames->close();   // encodingEnded follows once the encoder has finished the file
    } catch (const std::exception& e) {
        m_frames.reset();   // not a cancel: encodingEnded stays quiet
        m_encoding->cancelAndWait();
        stop();
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

void MovieExportJob::encodingEnded(int state)
{
    stop();
    switch (JobRunner::State(state)) {
    case JobRunner::State::Completed:
        Q_EMIT finished(m_request.path);
        break;
    case JobRunner::State::Failed:
        Q_EMIT failed(m_encoding->lastError());
        break;
    default:   // Cancelled: by cancel(), unless a rendering error stopped it (m_frames reset)
        if (m_frames)
            Q_EMIT cancelled();
        break;
    }
    m_frames.reset();
}

void MovieExportJob::cancel()
{
    if (!isRunning())
        return;
    m_timer.stop();
    m_encoding->cancelAndWait();   // encodingEnded(Cancelled), the .part file removed
}

void MovieExportJob::stop()
{
    m_timer.stop();
    m_decoder.reset();
    m_generator.reset();
    m_renderer.reset();
    m_map.reset();
}
