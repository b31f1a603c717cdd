#include "UmapJob.h"

#include "analysis/Umap.h"

#include <QMetaObject>

UmapJob::UmapJob(QObject* parent) : QObject(parent) {}

UmapJob::~UmapJob()
{
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();   // before `this` (the target of its queued signals) goes away
    }
}

bool UmapJob::start(std::shared_ptr<const cryo::LatentTable> z, const QString& runFile)
{
    if (m_running)
        return false;
    if (m_thread.joinable())
        m_thread.join();
    m_running = true;
    m_thread = std::jthread([this, z = std::move(z), runFile](std::stop_token stop) {
        auto toGui = [this](auto f) { QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection); };
        try {
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
            toGui([this, table, problem] {
                m_running = false;
                Q_EMIT finished(table, problem);
            });
        } catch (const cryo::AnalysisCancelled&) {
            toGui([this] {
                m_running = false;
                Q_EMIT failed(tr("cancelled"));
            });
        } catch (const std::exception& e) {
            toGui([this, message = QString::fromUtf8(e.what())] {
                m_running = false;
                Q_EMIT failed(message);
            });
        }
    });
    return true;
}

void UmapJob::cancel()
{
    if (m_thread.joinable())
        m_thread.request_stop();
}
