#pragma once
// Computes the UMAP of a run's z off the GUI thread (about 40 s for 100k particles) and
// stores it in run.h5 (updateRunAnalyses: copy, update, rename), so that the run has it
// next time. Progress and the result arrive as signals on the GUI thread; cancel() stops
// it within one UMAP epoch. Destroying the job cancels and joins it.
#include "AnalysisJob.h"
#include "RunTables.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"

#include <memory>

class UmapJob : public AnalysisJob {
    Q_OBJECT
public:
    explicit UmapJob(QObject* parent = nullptr);
    ~UmapJob() override;

    // z: the run's latents; runFile: where to store the result ("" = do not store).
    // False when a job is already running.
    bool start(std::shared_ptr<const cryo::LatentTable> z, const QString& runFile);

Q_SIGNALS:
    void progress(double fraction);
    // axes: RunTables::umapAxes(table); storeProblem "" when stored.
    void finished(const cryo::UmapTable& table, const RunTables::Axes& axes, const QString& storeProblem);
};
