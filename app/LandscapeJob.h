#pragma once
// Runs the landscape analysis of a run (core/analysis/LandscapeAnalysis.h) off the GUI
// thread, with its own VolumeGenerator (LibTorch model) on the worker, like UmapJob does
// for UMAP. Progress arrives as a fraction and a text ("decoding sketch volumes 120/500");
// cancel() stops it before the next sketch volume. The result is stored where the next
// opening of the run finds it: the tables in run.h5 (updateRunAnalyses: copy, update,
// rename) and the cluster means, mean map and eigenvolumes in RUN/landscape/
// (run/LandscapeMaps.h). Destroying the job cancels and joins it.
#include "AnalysisJob.h"
#include "analysis/LandscapeAnalysis.h"
#include "run/LandscapeMaps.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"

#include <memory>
#include <optional>

struct LandscapeJobRequest {
    QString runDir;                                  // the run (directory) to decode maps from
    std::shared_ptr<const cryo::LatentTable> z;      // its latents
    cryo::LandscapeOptions options;
    bool fullMaps = false;                           // false: preview maps (half the box), ~8× faster
    bool store = true;                               // write run.h5 and RUN/landscape/
    int decoderThreads = 1;                          // LibTorch threads (the GUI keeps a core)
};

// What the GUI shows of a landscape: the stored table and maps, plus the whole in-memory
// result when it was computed in this session (null after reopening).
struct LandscapeState {
    QString runDir;
    cryo::LandscapeTable table;
    std::optional<cryo::LandscapeMaps> maps;   // absent: not stored (mapsProblem says why)
    QString mapsProblem;
    std::shared_ptr<const cryo::LandscapeResult> result;
};

class LandscapeJob : public AnalysisJob {
    Q_OBJECT
public:
    explicit LandscapeJob(QObject* parent = nullptr);
    ~LandscapeJob() override;

    // False when a job is already running.
    bool start(LandscapeJobRequest request);

Q_SIGNALS:
    void progress(double fraction, const QString& text);
    // storeProblem is "" when stored (or storing was not asked for).
    void finished(std::shared_ptr<const LandscapeState> state, const QString& storeProblem);

private:
    void work(const LandscapeJobRequest& request, std::stop_token stop);
};
