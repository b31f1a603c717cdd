#pragma once
// "Backproject Selection" off the GUI thread (core/reconstruct): the selected particles
// backprojected with their poses and CTF (the run's own poses for an ab initio run), the
// decoder's map at the selection's mean z (its own VolumeGenerator on the worker, as
// LandscapeJob does), and where the two disagree (MapAgreement). Progress as a fraction and a
// text; cancel() stops the backprojection at its next chunk of particles.
#include "AnalysisJob.h"
#include "reconstruct/MapAgreement.h"
#include "run/RunConfig.h"

#include <memory>
#include <vector>

struct ValidationRequest {
    QString runDir;                       // the run whose decoder is checked
    cryo::RunConfig config;               // its particles and data directory
    std::vector<std::size_t> selection;   // particle indices (input order)
    std::vector<float> meanZ;             // the decoder's latent point: the selection's mean z (empty: homogeneous)
    bool runPoses = false;                // an ab initio run: backproject with the poses it found
    int threads = 1;                      // backprojection workers (the GUI keeps a core)
};

struct ValidationResult {
    cryo::BackprojectionResult backprojection;
    cryo::Volume decoded;                 // the decoder's map at meanZ
    cryo::MapAgreement agreement;
    bool runPoses = false;
};

class ValidationJob : public AnalysisJob {
    Q_OBJECT
public:
    explicit ValidationJob(QObject* parent = nullptr);
    ~ValidationJob() override;

    // False when a job is already running.
    bool start(ValidationRequest request);

Q_SIGNALS:
    void progress(double fraction, const QString& text);
    void finished(std::shared_ptr<const ValidationResult> result);

private:
    void work(const ValidationRequest& request, std::stop_token stop);
};
