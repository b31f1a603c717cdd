// One binary: `cryoscape <command> ...` runs a headless command, anything else starts the
// desktop application.
#include "GuiMain.h"
#include "cli/CliCommand.h"
#include "util/AllocatorSettings.h"
#include "util/BlasEnvironment.h"

#include <QCoreApplication>
#include <QString>

#include <cstring>

namespace {

// Commands that run LibTorch on several threads for minutes: they get OpenMP's passive wait
// (util/BlasEnvironment.h), worth the ~0.5 s a second start costs. The desktop app trains
// with a core left free (util/ComputeThreads.h) instead, and starts without that delay.
bool runsLongComputeJob(int argc, char** argv)
{
    for (const char* command : {"train", "analyze", "movie"})
        if (argc > 1 && std::strcmp(argv[1], command) == 0)
            return true;
    return false;
}

void beforeLibrariesInitialise(int argc, char** argv, char** env)
{
    if (runsLongComputeJob(argc, argv))
        cryo::reexecWithPassiveOpenMpIfUnset(argv, env);
}

} // namespace

// Runs before any shared library's constructor (no static initialisation has happened yet).
__attribute__((section(".preinit_array"), used)) static void (*preinit)(int, char**, char**) =
    beforeLibrariesInitialise;

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);   // before Qt or torch start threads
    cryo::keepLargeFreedBlocksForReuse();     // training steps reuse their blocks (util/AllocatorSettings.h)
    QCoreApplication::setOrganizationName(QStringLiteral("Cryoscape"));
    QCoreApplication::setApplicationName(QStringLiteral("Cryoscape"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRYOSCAPE_VERSION));
    if (argc > 1 && cli::findCommand(QString::fromLocal8Bit(argv[1])))
        return cli::runCommand(argc, argv);
    return runGui(argc, argv, [] {
        QList<CommandSummary> commands;
        for (const cli::Command& c : cli::commands())
            commands.append({c.name, c.summary});
        return commands;
    });
}
