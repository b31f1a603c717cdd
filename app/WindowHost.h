#pragma once
// What a feature controller (training, explorer, sessions, trajectories, movies, landscape,
// validation, cryoDRGN opening) may ask of the window: the map stage (the viewer, its map and
// contour level), the menus to put its actions in, messages to the user, and the QMainWindow
// to dock into and to parent dialogs. Controllers take a WindowHost&, never the MainWindow,
// so each can be driven by a test without the whole window.
#include <QString>

class MapStage;
class QMainWindow;
class QMenu;

class WindowHost {
public:
    enum class Menu { File, Edit, Model, Analysis };

    virtual ~WindowHost() = default;
    // Docks are added to it and dialogs parented by it.
    virtual QMainWindow* mainWindow() = 0;
    virtual MapStage& stage() = 0;
    virtual QMenu* menu(Menu which) = 0;
    // A line in the status bar for a while.
    virtual void message(const QString& text, int milliseconds = 10000) = 0;
    // A non-modal note (training and the window keep going) or, not interactive, stderr.
    virtual void note(const QString& title, const QString& message, bool warning) = 0;
    // A modal error (or stderr when not interactive) and the status bar.
    virtual void reportError(const QString& title, const QString& message) = 0;
    // Open Recent.
    virtual void remember(const QString& path) = 0;
    // False for --screenshot and tests: no dialogs that wait for an answer.
    virtual bool isInteractive() const = 0;
};
