#include "ValidationJob.h"

#include "model/VolumeGenerator.h"
#include "reconstruct/BackprojectionTask.h"

#include <QElapsedTimer>

ValidationJob::ValidationJob(QObject* parent) : AnalysisJob(parent) {}

ValidationJob::~ValidationJob()
{
    stopAndJoin();
}

bool ValidationJob::start(ValidationRequest request)
{
    return launch([this, request = std::move(request)](std::stop_token stop) { work(request, stop); });
}

void ValidationJob::work(const ValidationRequest& request, std::stop_token stop)
{
    QElapsedTimer sinceReport;
    sinceReport.start();
    std::size_t particles = request.selection.size();
    const auto report = [this, &sinceReport, &particles](double fraction, bool force) {
        if (!force && sinceReport.elapsed() < 100)
            return;   // ~10 Hz is enough for a progress bar
        sinceReport.restart();
        const QString text = tr("backprojecting %1 particles").arg(particles);
        toGui([this, fraction, text] { Q_EMIT progress(fraction, text); });
    };
    cryo::BackprojectionRequest backprojection;
    backprojection.particles = request.config.particles;
    backprojection.dataDirectory = request.config.dataDirectory;
    if (request.runPoses)
        backprojection.posesFromRun = request.runDir.toStdString();
    backprojection.selection = request.selection;
    backprojection.options.threads = request.threads;
    backprojection.options.preprocess.invertContrast = request.config.invertContrast;
    backprojection.opened = [&particles](std::size_t count) { particles = count; };
    const cryo::AnalysisContext context{stop, [&](double f) { report(0.9 * f, false); }};
    auto result = std::make_shared<ValidationResult>();
    result->runPoses = request.runPoses;
    result->backprojection = cryo::runBackprojection(backprojection, context);

    toGui([this] { Q_EMIT progress(0.9, tr("decoding the map at the selection's mean z")); });
    const auto generator = cryo::VolumeGenerator::open(request.runDir.toStdString(), 1);
    result->decoded = generator->generate(request.meanZ, cryo::VolumeGenerator::Quality::Full);
    if (stop.stop_requested())
        throw cryo::AnalysisCancelled();
    result->agreement = cryo::compareWithBackprojection(result->decoded, result->backprojection);
    finish([this, result] { Q_EMIT finished(result); });
}
