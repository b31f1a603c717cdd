#include "UmapJob.h"

#include "analysis/Umap.h"

UmapJob::UmapJob(QObject* parent) : AnalysisJob(parent) {}

UmapJob::~UmapJob()
{
    stopAndJoin();
}

bool UmapJob::start(std::shared_ptr<const cryo::LatentTable> z, const QString& runFile)
{
    return launch([this, z = std::move(z), runFile](std::stop_token stop) {
        cryo::AnalysisContext context{stop, [&](double f) { toGui([this, f] { Q_EMIT progress(f); }); }};
        cryo::UmapOptions options;   // the `cryoscape embed` defaults
        const cryo::UmapResult r = cryo::Umap(options).fit(z->mu.data(), z->count, z->zdim, context);
        cryo::UmapTable table;
        table.count = z->count;
        table.coordinates = r.embedding;
        table.neighbors = options.neighbors;
        table.minDist = options.minDist;
        table.spread = options.spread;
        table.epochs = r.epochs;
        table.seed = options.seed;
        table.a = r.a;
        table.b = r.b;
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
        finish([this, table, problem] { Q_EMIT finished(table, problem); });
    });
}
