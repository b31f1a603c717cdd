#pragma once
// File → Export Movie… (issue #6): a 360° turn of the shown map, the k-means cluster maps of
// the open run, or a trajectory another feature hands in, rendered with the viewer's camera
// and level by a MovieExportJob, with a progress dialog that can cancel.
#include "MovieExportJob.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

class ExplorerPanel;
class WindowHost;

class MovieController : public QObject {
    Q_OBJECT
public:
    explicit MovieController(WindowHost& host);

    // The run whose cluster maps are offered (nullptr: none).
    void openRun(ExplorerPanel* explorer);
    // The Export Movie dialog; zRows (frames × zdim latent points of the open run), when
    // given, are offered first under `title`.
    void showDialog(std::vector<float> zRows, int zdim, const QString& title);
    // Renders and encodes `request` (a turn or z rows of the open run) with the viewer's
    // camera and, unless request.style.level is set, its level; a progress dialog with
    // Cancel. False when a movie is being made already. exportEnded follows.
    bool exportMovie(MovieExportRequest request);
    MovieExportJob* job() const { return m_job; }

Q_SIGNALS:
    // A movie was written (ok, its path) or not (cancelled or failed: the reason).
    void exportEnded(bool ok, const QString& pathOrMessage);

private:
    WindowHost& m_host;
    QPointer<ExplorerPanel> m_explorer;
    MovieExportJob* m_job = nullptr;
};
