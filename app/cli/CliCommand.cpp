#include "cli/CliCommand.h"

#include "Translations.h"

#include <QCoreApplication>

#include <cstdio>

namespace cli {

std::vector<Command> commands()
{
    return {
        {QStringLiteral("info"),
         QCoreApplication::translate("cli", "Summarise a map, particle stack or particle dataset"), runInfo},
        {QStringLiteral("simulate"),
         QCoreApplication::translate("cli", "Simulate a particle dataset with known ground truth"), runSimulate},
        {QStringLiteral("downsample"),
         QCoreApplication::translate("cli", "Downsample a stack or .star dataset by Fourier cropping"), runDownsample},
    };
}

const Command* findCommand(const QString& name)
{
    static const std::vector<Command> all = commands();
    for (const Command& c : all)
        if (c.name == name)
            return &c;
    return nullptr;
}

int runCommand(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cryoscape"));
    installTranslations(app, requestedLanguage(app.arguments()));
    QStringList arguments = app.arguments().mid(1);   // drop the program name
    const QString name = arguments.takeFirst();
    const Command* command = findCommand(name);
    if (!command) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("cli", "Unknown command: %1").arg(name)));
        return 2;
    }
    return command->run(arguments);
}

} // namespace cli
