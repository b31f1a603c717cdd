#pragma once
// The main window: the 3D map viewer in the centre, the contour level panel in a dock,
// File / View / Help menus and a status bar describing the map.
#include "io/Volume.h"

#include <QMainWindow>

class ThresholdPanel;
class VolumeViewer;
class RecentFiles;
class QLabel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens a map; on failure tells the user (dialog, or stderr when not interactive)
    // and keeps what was shown before.
    bool openMap(const QString& path);
    // Opens a map or a particle dataset, by the file's suffix.
    bool openFile(const QString& path);
    // Opens a particle dataset (.star, .cs, .mrcs, .txt) and shows its summary and images;
    // problems found are listed in a dialog. Returns the dialog, or nullptr on failure.
    class ParticlesDialog* openParticles(const QString& path);
    // Shows a map that was made in memory (the demo map, later decoded volumes).
    void showVolume(const cryo::Volume& volume, const QString& title);

    // Not interactive: errors go to stderr instead of dialogs (--screenshot, tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }

    VolumeViewer* viewer() const { return m_viewer; }
    ThresholdPanel* thresholdPanel() const { return m_threshold; }
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void chooseMapToOpen();
    void chooseParticlesToOpen();
    void chooseBackground();
    void showAbout();
    void setLevel(double level);
    void updateStatus();
    void reportError(const QString& title, const QString& message);

    VolumeViewer* m_viewer;
    ThresholdPanel* m_threshold;
    RecentFiles* m_recent = nullptr;
    QLabel* m_mapLabel;
    QLabel* m_levelLabel;
    cryo::Volume m_volume;
    cryo::VolumeStats m_stats;
    double m_level = 0;
    bool m_interactive = true;
};
