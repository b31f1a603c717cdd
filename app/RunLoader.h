#pragma once
// Opening a run for exploration in the background (File → Open Run, drops, Open Recent,
// sessions, a finished training): on a JobRunner, with progress, so that the window stays
// responsive at a million particles. The stages, each delivered as soon as it is done:
//   [cryoDRGN import → imported()]  run.h5 summary → summaryReady()
//   z, PCA, UMAP, k-means → tablesReady() (the panels can be shown)
//   particle metadata → particlesReady() (defocus and pose colours, export, montage)
// A run without latents (homogeneous, or before its first epoch) ends with notExplorable().
// Opening a run while another opens cancels the older one; nothing of it arrives after.
#include "JobRunner.h"
#include "RunTables.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace cryo {
struct CryodrgnImportOptions;
}

struct RunLoadRequest {
    QString path;            // a run directory or run.h5; with cryodrgn: the cryoDRGN directory
    std::shared_ptr<const cryo::CryodrgnImportOptions> cryodrgn;   // set: import it first
    int kmeansClusters = 20; // K when run.h5 has no k-means
};

class RunLoader : public QObject {
    Q_OBJECT
public:
    explicit RunLoader(QObject* parent = nullptr);

    // Starts opening (cancelling an open under way).
    void open(const RunLoadRequest& request);
    void cancel() { m_runner->cancel(); }
    bool isLoading() const { return m_runner->isRunning(); }
    const RunLoadRequest& request() const { return m_request; }
    JobRunner* runner() const { return m_runner; }

Q_SIGNALS:
    // A cryoDRGN directory became (or already was) our run directory runDir.
    void imported(const QString& cryodrgnDirectory, const QString& runDir, int epoch, const QStringList& notes);
    void summaryReady(const QString& summary);
    void tablesReady(std::shared_ptr<const RunTables> tables);
    void particlesReady(const RunParticles& particles);
    // run.h5 is readable but has nothing to explore: why.
    void notExplorable(const QString& runDir, const QString& why);

private:
    void load(const RunLoadRequest& request, const JobContext& context);

    JobRunner* m_runner;
    RunLoadRequest m_request;
};
