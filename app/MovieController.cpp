#include "MovieController.h"

#include "ExplorerPanel.h"
#include "MapStage.h"
#include "MovieExportDialog.h"
#include "RunTables.h"
#include "VolumeViewer.h"
#include "VtkView.h"
#include "WindowHost.h"

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QProgressDialog>
#include <QSettings>

#include <vtkCamera.h>
#include <vtkRenderer.h>

MovieController::MovieController(WindowHost& host) : QObject(host.mainWindow()), m_host(host)
{
    QAction* movie = host.menu(WindowHost::Menu::File)->addAction(tr("Export &Movie…"), this,
                                                                  [this] { showDialog({}, 0, {}); });
    movie->setStatusTip(tr("Render a 360° turn of the map, the cluster maps or a trajectory as an MP4 or GIF movie"));
}

void MovieController::openRun(ExplorerPanel* explorer) { m_explorer = explorer; }

void MovieController::showDialog(std::vector<float> zRows, int zdim, const QString& title)
{
    // The sources on offer, each with the z rows to decode (empty: the turn).
    QStringList names;
    std::vector<std::vector<float>> rows;
    int turn = -1;
    if (zdim > 0 && !zRows.empty() && zRows.size() % std::size_t(zdim) == 0) {
        names << (title.isEmpty() ? tr("The trajectory (%1 maps)").arg(zRows.size() / std::size_t(zdim)) : title);
        rows.push_back(std::move(zRows));
    }
    const MapStage& stage = m_host.stage();
    if (!stage.volume().data.empty()) {
        turn = int(names.size());
        names << tr("360° turn of the shown map");
        rows.emplace_back();
    }
    if (m_explorer && m_explorer->tables().kmeans) {
        const RunTables& tables = m_explorer->tables();
        std::vector<float> centres;
        for (std::int64_t particle : tables.kmeans->centerParticles) {
            const std::vector<float> z = tables.zRow(std::size_t(particle));
            centres.insert(centres.end(), z.begin(), z.end());
        }
        names << tr("The k-means cluster maps (%1)").arg(tables.kmeans->clusters);
        rows.push_back(std::move(centres));
    }
    if (names.isEmpty()) {
        m_host.reportError(tr("Export Movie"), tr("Open a map or a trained run first."));
        return;
    }
    MovieExportDialog dialog(names, turn, stage.viewer()->background(), m_host.mainWindow());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const MovieExportChoices c = dialog.choices();
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(c.path).absolutePath());
    MovieExportRequest request;
    request.path = c.path;
    request.fps = c.fps;
    request.frames = c.frames;
    request.preview = c.preview;
    request.style.width = c.width;
    request.style.height = c.height;
    request.style.background = {c.background.redF(), c.background.greenF(), c.background.blueF()};
    request.style.levelMode = c.constantVolume ? cryo::MovieLevelMode::ConstantVolume : cryo::MovieLevelMode::Fixed;
    if (c.source == turn)
        request.turnMap = stage.volume();
    else {
        request.zRows = rows[std::size_t(c.source)];
        request.runDir = m_explorer ? m_explorer->tables().runDir : QString();
    }
    exportMovie(std::move(request));
}

bool MovieController::exportMovie(MovieExportRequest request)
{
    if (m_job && m_job->isRunning()) {
        m_host.reportError(tr("Export Movie"), tr("A movie is being made already."));
        return false;
    }
    // The viewer's level, camera and (default) surface colour.
    const MapStage& stage = m_host.stage();
    if (!request.style.level && !stage.volume().data.empty())
        request.style.level = stage.level();
    VolumeViewer* viewer = stage.viewer();
    vtkCamera* camera = viewer->hasOpenGL() ? viewer->view()->renderer()->GetActiveCamera() : nullptr;
    delete m_job;
    m_job = new MovieExportJob(std::move(request), camera, this);
    auto* progress = new QProgressDialog(tr("Rendering the movie…"), tr("Cancel"), 0, 1, m_host.mainWindow());
    progress->setWindowTitle(tr("Export Movie"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, m_job, &MovieExportJob::cancel);
    connect(m_job, &MovieExportJob::progress, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
    });
    auto done = [this, progress](bool ok, const QString& text) {
        progress->close();
        if (ok)
            m_host.message(tr("Wrote %1").arg(text));
        Q_EMIT exportEnded(ok, text);
    };
    connect(m_job, &MovieExportJob::finished, this, [done](const QString& path) { done(true, path); });
    connect(m_job, &MovieExportJob::cancelled, this, [done] { done(false, tr("Cancelled")); });
    connect(m_job, &MovieExportJob::failed, this, [this, done](const QString& message) {
        done(false, message);
        m_host.reportError(tr("Export Movie"), message);
    });
    m_job->start();
    return true;
}
