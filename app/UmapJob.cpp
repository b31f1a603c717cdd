#include "UmapJob.h"

#include "tasks/LatentEmbedding.h"

UmapJob::UmapJob(QObject* parent) : AnalysisJob(parent) {}

UmapJob::~UmapJob()
{
    stopAndJoin();
}

bool UmapJob::start(std::shared_ptr<const cryo::LatentTable> z, const QString& runFile)
{
    return launch([this, z = std::move(z), runFile](std::stop_token stop) {
        cryo::AnalysisContext context{stop, [&](double f) { toGui([this, f] { Q_EMIT progress(f); }); }};
        const cryo::UmapTable table = cryo::embedUmap(*z, cryo::UmapOptions{}, context);   // `cryoscape embed`'s defaults
        QString problem;
        if (!runFile.isEmpty()) {
            try {
                cryo::RunAnalysesUpdate update;
                update.umap = table;
                cryo::updateRunAnalyses(runFile.toStdString(), update);
            } catch (const std::exception& e) {   // shown, but the result is still used
                problem = QString::fromUtf8(e.what());
            }
        }
        auto axes = std::make_shared<const RunTables::Axes>(RunTables::umapAxes(table));   // its render order and grid too
        finish([this, table, axes, problem] { Q_EMIT finished(table, *axes, problem); });
    });
}
