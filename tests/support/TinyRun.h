#pragma once
// Tiny trained runs for the GUI tests (explorer, trajectories, landscape): a simulated data
// set (D = 16, 12 Å/px, SNR 1) trained for one epoch with zdim 4 and 32×2 networks, seconds
// to make; a stand-in UMAP from two z columns (scaled ×10) when asked; and a main window
// showing a run. Needs the app library (MainWindow).
#include "OpenRun.h"
#include "MainWindow.h"
#include "io/H5File.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"
#include "train/TrainingJob.h"

#include <QAction>
#include <QDir>
#include <QMenuBar>
#include <QString>

#include <algorithm>
#include <memory>
#include <stdexcept>

struct TinyRunOptions {
    int particles = 300;
    cryo::MotionKind motion = cryo::MotionKind::Hinge;
    std::uint64_t seed = 7;
    double pixelSize = 12.0;
};

// Makes DIR/data (particles, truth.h5) and DIR/run; returns the run directory. Throws
// std::runtime_error when training does not finish its epoch.
inline QString makeTinyRun(const QString& dir, const TinyRunOptions& options = {})
{
    cryo::SimulationOptions sim;
    sim.outDir = QDir(dir).filePath("data").toStdString();
    sim.particles = options.particles;
    sim.box = 16;
    sim.pixelSize = options.pixelSize;
    sim.snr = 1;
    sim.motion = options.motion;
    sim.seed = options.seed;
    cryo::simulateDataset(sim);
    cryo::TrainingOptions t;
    t.particles = QDir(dir).filePath("data/particles.star").toStdString();
    const QString run = QDir(dir).filePath("run");
    t.outDir = run.toStdString();
    t.threads = 1;
    t.config.model.zdim = 4;
    t.config.model.encoderWidth = t.config.model.decoderWidth = 32;
    t.config.model.encoderLayers = t.config.model.decoderLayers = 2;
    t.config.epochs = 1;
    t.config.batchSize = 16;
    if (cryo::trainModel(t, {}, {}).epochsCompleted != 1)
        throw std::runtime_error("the tiny run did not train");
    return run;
}

// Stores a stand-in UMAP in the run: z columns `first` and `first + 1` (0-based) × 10.
inline void addStandInUmap(const QString& run, int first)
{
    const auto path = cryo::runFilePath(run.toStdString());
    cryo::H5File file(path, cryo::H5File::Mode::ReadOnly);
    const cryo::LatentTable z = cryo::readLatents(file);
    file.close();
    cryo::UmapTable umap;
    umap.count = z.count;
    for (std::size_t i = 0; i < z.count; ++i) {
        umap.coordinates.push_back(10 * z.mu[i * std::size_t(z.zdim) + std::size_t(first)]);
        umap.coordinates.push_back(10 * z.mu[i * std::size_t(z.zdim) + std::size_t(first) + 1]);
    }
    cryo::RunAnalysesUpdate update;
    update.umap = umap;
    cryo::updateRunAnalyses(path, update);
}

// The menu bar's action with this text (as shown, with its & mnemonic), or nullptr.
inline QAction* findAction(MainWindow& window, const QString& text)
{
    for (QAction* a : window.menuBar()->findChildren<QAction*>())
        if (a->text() == text)
            return a;
    return nullptr;
}

// A shown, non-interactive main window; with `run`, showing it (null when it cannot be opened)
// and its first map (the centre of k-means cluster 0) decoded in full.
inline std::unique_ptr<MainWindow> showTinyRunWindow(const QString& run = {}, QSize size = {1500, 950})
{
    auto window = std::make_unique<MainWindow>();
    window->setInteractive(false);
    window->resize(size);
    window->show();
    if (run.isEmpty())
        return window;
    QSignalSpy shown(window.get(), &MainWindow::mapShown);
    if (!openAndWait(*window, run))
        return nullptr;
    QElapsedTimer clock;
    clock.start();
    auto fullMapShown = [&] {
        return std::any_of(shown.begin(), shown.end(), [](const QList<QVariant>& s) { return !s[0].toBool(); });
    };
    while (!fullMapShown() && clock.elapsed() < 300000)
        QTest::qWait(10);
    return window;
}
