#pragma once
// "Analysis → Backproject Selection" (Ctrl+B): the current selection of the open run is
// backprojected in the background (ValidationJob) and shown in the "Validation" dock beside
// the decoder's map of the same particles (ValidationPanel). Talks to the window only through
// WindowHost and the explorer of the open run (the feature-controller shape of issue #20).
#include "ValidationJob.h"

#include <QObject>
#include <QPointer>

class ExplorerPanel;
class QAction;
class QDockWidget;
class ValidationPanel;
class WindowHost;

class ValidationController : public QObject {
    Q_OBJECT
public:
    // Adds the (hidden) dock to the host's window and the action to its Analysis menu.
    explicit ValidationController(WindowHost& host);

    // The run whose selection is backprojected (nullptr: none; the action is disabled).
    void openRun(ExplorerPanel* explorer);
    // Starts on the current selection; false (with a status message) without a run or a
    // selection, or while a job runs.
    bool backprojectSelection();

    ValidationPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    ValidationJob* job() const { return m_job; }
    QAction* action() const { return m_action; }

private:
    void jobFinished(std::shared_ptr<const ValidationResult> result);
    void jobFailed(const QString& message);
    void message(const QString& text);
    void showDock();

    WindowHost& m_host;
    QDockWidget* m_dock;
    ValidationPanel* m_panel;
    QAction* m_action;
    ValidationJob* m_job;
    QPointer<ExplorerPanel> m_explorer;
    QString m_jobRunDir;        // the run the running job belongs to
    QString m_jobSelection;     // its description, for the panel's title
    bool m_tabbed = false;
};
