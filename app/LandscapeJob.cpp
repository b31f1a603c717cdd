#include "LandscapeJob.h"

#include "model/VolumeGenerator.h"
#include "tasks/LandscapeTask.h"

#include <QCoreApplication>

#include <atomic>

namespace {

QString tr(const char* text) { return QCoreApplication::translate("LandscapeJob", text); }

// The progress text for a fraction of LandscapeAnalysis::run (k-means 0–5 %, decoding
// 5–85 %, clustering and PCA after), with the decoding count when there is one.
QString stepText(double fraction, int decoded, int sketch)
{
    if (fraction < 0.05)
        return tr("k-means sketch of z (%1 centres)").arg(sketch);
    if (fraction < 0.85)
        return tr("decoding sketch volumes %1/%2").arg(decoded).arg(sketch);
    if (fraction < 1.0)
        return tr("clustering and PCA of %1 volumes").arg(sketch);
    return tr("placing every particle in volume-PC space");
}

} // namespace

LandscapeJob::LandscapeJob(QObject* parent) : AnalysisJob(parent) {}

LandscapeJob::~LandscapeJob()
{
    stopAndJoin();
}

bool LandscapeJob::start(LandscapeJobRequest request)
{
    if (!request.z)
        return false;
    return launch([this, request = std::move(request)](std::stop_token stop) { work(request, stop); });
}

void LandscapeJob::work(const LandscapeJobRequest& request, std::stop_token stop)
{
    const int sketch = cryo::LandscapeAnalysis(request.options).sketchSize(request.z->count);
    toGui([this, sketch] { Q_EMIT progress(0, stepText(0, 0, sketch)); });
    std::unique_ptr<cryo::VolumeGenerator> generator =
        cryo::VolumeGenerator::open(request.runDir.toStdString(), request.decoderThreads);
    const auto quality = request.fullMaps ? cryo::VolumeGenerator::Quality::Full : cryo::VolumeGenerator::Quality::Preview;
    std::atomic<int> decoded{0};
    const cryo::VolumeDecoder decode = [&](std::span<const float> z) {
        cryo::Volume v = generator->generate(z, quality);
        ++decoded;
        return v;
    };
    const cryo::AnalysisContext context{stop, [&](double f) {
        toGui([this, f, text = stepText(f, decoded, sketch)] { Q_EMIT progress(f, text); });
    }};
    cryo::LandscapeOutcome outcome = cryo::analyseLandscape(*request.z, request.options, request.fullMaps, decode, context);
    QString problem;
    if (request.store) {
        try {
            cryo::storeLandscape(request.runDir.toStdString(), outcome);
        } catch (const std::exception& e) {   // shown, but the result is still used
            problem = QString::fromUtf8(e.what());
        }
    }
    auto state = std::make_shared<LandscapeState>();
    state->runDir = request.runDir;
    state->table = std::move(outcome.table);
    state->maps = std::move(outcome.maps);
    state->result = std::move(outcome.result);
    finish([this, state = std::shared_ptr<const LandscapeState>(state), problem] { Q_EMIT finished(state, problem); });
}
