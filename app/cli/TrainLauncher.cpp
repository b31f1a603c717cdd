#include "cli/TrainLauncher.h"

#include "cli/CliOptions.h"
#include "train/StoreServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace cli {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

std::unique_ptr<QProcess> startRank(const LocalLaunch& launch, int rank, int storePort)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("RANK", QString::number(rank));
    environment.insert("WORLD_SIZE", QString::number(launch.processes));
    environment.insert("MASTER_ADDR", "127.0.0.1");
    environment.insert("MASTER_PORT", QString::number(storePort));
    environment.insert("CRYOSCAPE_STORE_SERVED", "1");
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList arguments = QStringList{"train"} + launch.trainArguments;
    const bool threadsGiven = std::any_of(launch.trainArguments.begin(), launch.trainArguments.end(),
                                          [](const QString& a) { return a.startsWith("--threads"); });
    if (!threadsGiven)
        arguments << "--threads" << QString::number(launch.threadsPerRank);
    process->start(QCoreApplication::applicationFilePath(), arguments);
    return process;
}

QString howItEnded(const QProcess& process)
{
    if (process.exitStatus() == QProcess::CrashExit)
        return tr("was killed (crashed or got a signal)");
    return tr("exited with code %1").arg(process.exitCode());
}

} // namespace

int launchLocalRanks(const LocalLaunch& launch)
{
    InterruptWatcher interrupt;   // Ctrl-C reaches the ranks too; they stop after their step
    const cryo::StoreServer store("127.0.0.1");
    std::vector<std::unique_ptr<QProcess>> ranks;
    std::vector<qint64> pids;
    for (int rank = 0; rank < launch.processes; ++rank) {
        ranks.push_back(startRank(launch, rank, store.port()));
        ranks.back()->waitForStarted();
        pids.push_back(ranks.back()->processId());
    }
    std::vector<bool> reported(ranks.size(), false);
    QElapsedTimer sinceFailure;
    int status = 0;
    const qint64 grace = qint64(launch.timeoutSeconds * 1000) + 15000;
    for (;;) {
        bool running = false;
        for (std::size_t r = 0; r < ranks.size(); ++r) {
            QProcess& process = *ranks[r];
            if (process.state() != QProcess::NotRunning && !process.waitForFinished(50)) {
                running = true;
                continue;
            }
            const bool failed = process.error() == QProcess::FailedToStart || process.exitStatus() == QProcess::CrashExit ||
                                process.exitCode() != 0;
            if (failed && !reported[r]) {
                reported[r] = true;
                std::fprintf(stderr, "%s\n", qPrintable(tr("cryoscape train: rank %1 (pid %2, this machine) %3")
                                                            .arg(r)
                                                            .arg(pids[r])
                                                            .arg(howItEnded(process))));
                if (status == 0)
                    sinceFailure.start();
                status = 1;
            }
        }
        if (!running)
            break;
        if (status != 0 && sinceFailure.elapsed() > grace) {
            std::fprintf(stderr, "%s\n", qPrintable(tr("cryoscape train: ending the ranks still running %1 s after the "
                                                       "failure").arg(grace / 1000)));
            for (auto& process : ranks)
                process->kill();
        }
    }
    return status;
}

} // namespace cli
