// One binary: `cryoscape <command> ...` runs a headless command, anything else starts the
// desktop application.
#include "GuiMain.h"
#include "cli/CliCommand.h"
#include "util/BlasEnvironment.h"

#include <QCoreApplication>
#include <QString>

int main(int argc, char** argv)
{
    cryo::reexecWithFastBlasIfNeeded(argv);   // before Qt or torch start threads
    QCoreApplication::setOrganizationName(QStringLiteral("Cryoscape"));
    QCoreApplication::setApplicationName(QStringLiteral("Cryoscape"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRYOSCAPE_VERSION));
    if (argc > 1 && cli::findCommand(QString::fromLocal8Bit(argv[1])))
        return cli::runCommand(argc, argv);
    return runGui(argc, argv);
}
