#pragma once
// Trajectories of the open run (issue #6): Analysis → Trajectory… and the "Trajectory" dock
// (TrajectoryPanel), frames shown at the viewer's fixed contour level, File → Export Shown
// Map… and Export Trajectory Maps… (every frame as .mrc with a ChimeraX script). A movie
// along the trajectory is asked for through movieRequested().
#include <QObject>
#include <QString>

#include <vector>

class ExplorerPanel;
class QDockWidget;
class TrajectoryPanel;
class WindowHost;

class TrajectoryController : public QObject {
    Q_OBJECT
public:
    explicit TrajectoryController(WindowHost& host);

    // A run was shown: a new panel for its explorer (nullptr: none, the dock hides).
    void openRun(ExplorerPanel* explorer);
    // The map in the viewer as .mrc (its voxel size and origin). Errors are reported.
    bool exportShownMap(const QString& path);
    // All frames of the trajectory (once decoded) as DIR/frame_000.mrc …, DIR/z.txt and
    // DIR/trajectory.cxc (a ChimeraX volume series at the viewer's level and colour).
    bool exportTrajectoryMaps(const QString& dir);

    TrajectoryPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }

Q_SIGNALS:
    // Frames × zdim latent points of the open run, offered in the Export Movie dialog.
    void movieRequested(std::vector<float> zRows, int zdim, QString title);

private:
    void chooseShownMapPath();
    void chooseExportDir();

    WindowHost& m_host;
    QDockWidget* m_dock;
    TrajectoryPanel* m_panel = nullptr;
};
