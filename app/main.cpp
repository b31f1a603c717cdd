// One binary: `cryoscape <command> ...` runs a headless command, anything else starts the
// desktop application.
#include "GuiMain.h"
#include "cli/CliCommand.h"

#include <QCoreApplication>
#include <QString>

int main(int argc, char** argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Cryoscape"));
    QCoreApplication::setApplicationName(QStringLiteral("Cryoscape"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRYOSCAPE_VERSION));
    if (argc > 1 && cli::findCommand(QString::fromLocal8Bit(argv[1])))
        return cli::runCommand(argc, argv);
    return runGui(argc, argv);
}
