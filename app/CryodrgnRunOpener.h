#pragma once
// Opening cryoDRGN output directories in the window (File → Open Run…, drag and drop, the
// command line, Open Recent): the import into DIR/cryoscape/epoch_N (cryodrgn/CryodrgnImport.h),
// then the run opens like one of ours. Also the File → cryoDRGN Epoch submenu of the open run,
// File → Locate Particles… for a run whose particle file was not found, and the notes on what
// the import assumed. The import runs in the background, as the first stage of the window's
// RunLoader; the opener talks to the window through WindowHost only.
#include <QObject>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <optional>

class QAction;

class QMenu;
class RunLoader;
class WindowHost;

class CryodrgnRunOpener : public QObject {
    Q_OBJECT
public:
    CryodrgnRunOpener(WindowHost& host, RunLoader* loader);

    // A cryoDRGN output directory, or a file in one (config.yaml, weights.N.pkl, z.N.pkl).
    static bool isCryodrgnRun(const QString& path);
    // Starts importing and opening it: the epoch of a weights.N.pkl / z.N.pkl path, `epoch`, or
    // the newest. Errors are reported by the loader's owner (its runner fails).
    void open(const QString& path, std::optional<int> epoch = std::nullopt, const QString& particles = {});
    // The window opened the run directory `runDir` (any run): the epoch menu follows it.
    void showRun(const QString& runDir);

private:
    void chooseParticles();
    void rebuildEpochMenu();

    WindowHost& m_host;
    RunLoader* m_loader;
    QStringList m_importNotes;   // of the import under way, shown once the run is open
    int m_importEpoch = -1;
    QMenu* m_epochMenu;
    QAction* m_locateParticles;
    std::filesystem::path m_cryodrgnDirectory;   // of the open run ("" when it is not a cryoDRGN run)
    int m_epoch = -1;
};
