#include "RunLoader.h"

#include "RunSummary.h"
#include "cryodrgn/CryodrgnImport.h"

#include <filesystem>

RunLoader::RunLoader(QObject* parent) : QObject(parent), m_runner(new JobRunner(this)) {}

void RunLoader::open(const RunLoadRequest& request)
{
    m_runner->cancelAndWait();
    m_request = request;
    m_runner->start([this, request](const JobContext& context) { load(request, context); });
}

void RunLoader::load(const RunLoadRequest& request, const JobContext& context)
{
    QString runPath = request.path;
    if (request.cryodrgn) {
        context.progress(0, tr("Importing the cryoDRGN run"));
        const cryo::CryodrgnImport import = cryo::importCryodrgnRun(request.path.toStdString(), *request.cryodrgn);
        QStringList notes;
        for (const std::string& n : import.notes)
            notes << QString::fromStdString(n);
        runPath = QString::fromStdString(import.runDirectory.string());
        const QString source = QString::fromStdString(import.run.directory.string());
        const int epoch = import.epoch.number;
        context.deliver([this, source, runPath, epoch, notes] { Q_EMIT imported(source, runPath, epoch, notes); });
    }
    context.checkCancelled();
    context.progress(0.4, tr("Reading run.h5"));
    const QString summary = RunSummary::text(runPath);   // throws: not a readable run
    context.deliver([this, summary] { Q_EMIT summaryReady(summary); });
    RunTables tables;
    try {
        tables = readRunTables(runPath);
    } catch (const std::exception& e) {
        const QString runDir = QString::fromStdString(
            std::filesystem::absolute(cryo::runFilePath(runPath.toStdString())).parent_path().string());
        context.deliver([this, runDir, why = QString::fromUtf8(e.what())] { Q_EMIT notExplorable(runDir, why); });
        return;
    }
    context.checkCancelled();
    completeRunTables(tables, request.kmeansClusters, context.analysis(0.5, 0.8, tr("Computing PCA and k-means")));
    auto shared = std::make_shared<const RunTables>(std::move(tables));
    context.deliver([this, shared] { Q_EMIT tablesReady(shared); });
    context.progress(0.8, tr("Reading the particles"));
    const RunParticles particles = loadRunParticles(*shared);
    context.checkCancelled();
    context.deliver([this, particles] { Q_EMIT particlesReady(particles); });
}
