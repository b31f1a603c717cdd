#include "MovieExportJob.h"

#include "MovieEncoder.h"
#include "tasks/MovieDecoder.h"
#include "model/VolumeGenerator.h"
#include "util/Error.h"

#include <vtkCamera.h>
#include <vtkNew.h>

#include <exception>

MovieExportJob::MovieExportJob(MovieExportRequest request, vtkCamera* camera, QObject* parent)
    : QObject(parent), m_request(std::move(request))
{
    if (camera) {
        const double* p = camera->GetPosition();
        const double* f = camera->GetFocalPoint();
        const double* u = camera->GetViewUp();
        m_camera = {p[0], p[1], p[2], f[0], f[1], f[2], u[0], u[1], u[2], camera->GetViewAngle()};
    }
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &MovieExportJob::step);
}

MovieExportJob::~MovieExportJob()
{
    m_decoder.reset();   // joins the worker before the generator goes
}

void MovieExportJob::start()
{
    try {
        m_total = m_request.turnMap ? m_request.frames : 0;
        if (!m_request.turnMap && m_request.runDir.isEmpty())
            throw cryo::UsageError(tr("No map to turn and no run to decode maps from.").toStdString());
        m_encoder = std::make_unique<cryo::MovieEncoder>(
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
        stop();
        Q_EMIT failed(QString::fromUtf8(e.what()));
        return;
    }
    m_done = 0;
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
        if (!nextMap()) {
            m_timer.setInterval(10);   // the decoder is behind: look again shortly
            return;
        }
        m_timer.setInterval(0);
        if (m_done > 0 && !m_decoder)
            m_renderer->turn(360.0 / m_total);
        m_encoder->addFrame(m_renderer->renderFrame(*m_map));
        ++m_done;
        Q_EMIT progress(m_done, m_total);
        if (m_done < m_total)
            return;
        m_timer.stop();
        m_encoder->finish();
        stop();
        Q_EMIT finished(m_request.path);
    } catch (const std::exception& e) {
        stop();
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

void MovieExportJob::cancel()
{
    if (!m_timer.isActive() && !m_encoder)
        return;
    stop();
    Q_EMIT cancelled();
}

void MovieExportJob::stop()
{
    m_timer.stop();
    if (m_encoder)
        m_encoder->cancel();   // no-op after finish(): the file is already in place
    m_encoder.reset();
    m_decoder.reset();
    m_generator.reset();
    m_renderer.reset();
    m_map.reset();
}
