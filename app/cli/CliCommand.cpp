#include "cli/CliCommand.h"

#include "Translations.h"
#include "cli/ProgressPrinter.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

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
        {QStringLiteral("train"),
         QCoreApplication::translate("cli", "Train a heterogeneous or homogeneous model on particles with poses"), runTrain},
        {QStringLiteral("eval-vol"),
         QCoreApplication::translate("cli", "Decode maps from a trained run at latent points"), runEvalVol},
        {QStringLiteral("backproject"),
         QCoreApplication::translate("cli", "Backproject particles with their poses and CTF into a map, half maps and FSC"),
         runBackproject},
        {QStringLiteral("export"),
         QCoreApplication::translate("cli", "Export a selection of a run's particles as .star, .cs, .pkl or .txt"), runExport},
        {QStringLiteral("embed"),
         QCoreApplication::translate("cli", "PCA, UMAP and k-means of a training run's latent coordinates"), runEmbed},
        {QStringLiteral("analyze"),
         QCoreApplication::translate("cli", "Maps along latent trajectories and the landscape of a run's volumes"), runAnalyze},
        {QStringLiteral("movie"),
         QCoreApplication::translate("cli", "Render a trajectory or a 360° turn of a run's maps as an MP4 or GIF movie"),
         runMovie, true},
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

int runReportingFailures(const QString& command, ProgressPrinter& progress, const std::function<void()>& work)
{
    try {
        work();
        progress.finish();
        return 0;
    } catch (const cryo::UsageError& e) {
        progress.finish();
        std::fprintf(stderr, "%s: %s\n", qPrintable(command), e.what());
        return 2;
    } catch (const std::exception& e) {
        progress.finish();
        std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("cli", "Error: %1").arg(QString::fromUtf8(e.what()))));
        return 1;
    }
}

namespace {

// Commands that render need a QGuiApplication. Without a platform chosen, "offscreen": it
// starts without any display and still makes OpenGL contexts (GLX) when an X display is
// around; without one the command reports that it needs one instead of Qt aborting.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv)
{
    const Command* command = argc > 1 ? findCommand(QString::fromLocal8Bit(argv[1])) : nullptr;
    if (!command || !command->rendersOpenGL)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int runCommand(int argc, char** argv)
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
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
