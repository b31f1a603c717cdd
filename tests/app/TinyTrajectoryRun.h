#pragma once
// The tiny trained run the trajectory tests explore: 300 particles of a hinge (a continuum,
// so drawn paths have somewhere to go), D = 16, 12 Å/px, zdim 4, one epoch, and a stand-in
// UMAP (z3, z4 scaled: a panel whose positions do not follow from z1, z2). Seconds to make.
#include "MainWindow.h"
#include "io/H5File.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"
#include "sim/Simulator.h"
#include "train/TrainingJob.h"

#include <QDir>
#include <QString>

#include <memory>
#include <stdexcept>

inline constexpr int kTinyRunParticles = 300;

// Makes DIR/data (particles) and DIR/run; returns the run directory.
inline QString makeTinyTrajectoryRun(const QString& dir)
{
    cryo::SimulationOptions sim;
    sim.outDir = QDir(dir).filePath("data").toStdString();
    sim.particles = kTinyRunParticles;
    sim.box = 16;
    sim.pixelSize = 12.0;
    sim.snr = 1;
    sim.motion = cryo::MotionKind::Hinge;
    sim.seed = 7;
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
    cryo::H5File file(cryo::runFilePath(t.outDir), cryo::H5File::Mode::ReadOnly);
    const cryo::LatentTable z = cryo::readLatents(file);
    file.close();
    cryo::UmapTable umap;
    umap.count = z.count;
    for (std::size_t i = 0; i < z.count; ++i) {
        umap.coordinates.push_back(10 * z.mu[i * 4 + 2]);
        umap.coordinates.push_back(10 * z.mu[i * 4 + 3]);
    }
    cryo::RunAnalysesUpdate update;
    update.umap = umap;
    cryo::updateRunAnalyses(cryo::runFilePath(t.outDir), update);
    return run;
}

// A main window (not interactive) showing the run; null when it cannot be opened.
inline std::unique_ptr<MainWindow> openTinyRunWindow(const QString& run, QSize size = {1500, 950})
{
    auto window = std::make_unique<MainWindow>();
    window->setInteractive(false);
    window->resize(size);
    window->show();
    if (!window->openRun(run))
        return nullptr;
    return window;
}
