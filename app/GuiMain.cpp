#include "GuiMain.h"

#include "DemoMap.h"
#include "MainWindow.h"
#include "Translations.h"
#include "VtkView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

namespace {

QString commandList(const QList<CommandSummary>& commands)
{
    QString text = QCoreApplication::translate("gui", "\nHeadless commands (cryoscape <command> --help):\n");
    for (const CommandSummary& c : commands)
        text += QStringLiteral("  %1  %2\n").arg(c.name, -11).arg(c.summary);
    return text;
}

// Renders the window once everything is loaded, saves it to `path` (other open windows,
// such as a particles dialog, to path-2.png, path-3.png, ...) and quits with `status`.
void scheduleScreenshot(MainWindow& window, const QString& path, int status, int delayMs)
{
    if (window.isOpeningRun()) {   // runs open in the background: the picture shows the open run
        QObject::connect(
            &window, &MainWindow::runOpenEnded, &window,
            [&window, path, status, delayMs](bool ok) { scheduleScreenshot(window, path, ok ? status : 1, delayMs); },
            Qt::SingleShotConnection);
        return;
    }
    QTimer::singleShot(delayMs, &window, [&window, path, status] {
        QApplication::processEvents();
        QList<QWidget*> windows{&window};
        for (QWidget* w : QApplication::topLevelWidgets())
            if (w != &window && w->isVisible())
                windows << w;
        for (int i = 0; i < windows.size(); ++i) {
            const QFileInfo info(path);
            const QString target = i == 0 ? path
                                          : info.dir().filePath(QStringLiteral("%1-%2.%3")
                                                                    .arg(info.completeBaseName())
                                                                    .arg(i + 1)
                                                                    .arg(info.suffix()));
            if (!windows[i]->grab().toImage().save(target)) {
                std::fprintf(stderr, "%s\n",
                             qPrintable(QCoreApplication::translate("gui", "Cannot write the screenshot %1").arg(target)));
                QCoreApplication::exit(1);
                return;
            }
        }
        QCoreApplication::exit(status);
    });
}

// Qt aborts inside QApplication when it cannot reach a display; say why instead.
// --help and --version need none: they get the offscreen platform.
bool prepareDisplay(int argc, char** argv)
{
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
        !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return true;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "-platform") == 0)
            return true;
        if (qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0 || qstrcmp(argv[i], "--version") == 0) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return true;
        }
    }
    return false;
}

} // namespace

int runGui(int argc, char** argv, const CommandLister& listCommands)
{
    if (!prepareDisplay(argc, argv)) {
        std::fprintf(stderr, "%s\n",
                     "cryoscape: no display (DISPLAY is not set). Start it on a desktop, or headless with "
                     "xvfb-run -a cryoscape ..., or use a headless command (cryoscape --help lists them).");
        return 1;
    }
    // Must precede QApplication: every QOpenGLWidget then gets a context VTK can use.
    QSurfaceFormat::setDefaultFormat(cryo::VtkView::surfaceFormat());
    QApplication app(argc, argv);
    installTranslations(app, requestedLanguage(app.arguments()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("gui", "Cryoscape — explore structural heterogeneity in cryo-EM data.") +
        commandList(listCommands()));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QCoreApplication::translate("gui", "Render the window to PATH (PNG) and exit."),
                                        QCoreApplication::translate("gui", "PATH"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("gui", "User interface language (e.g. de, en)."),
                                  QCoreApplication::translate("gui", "CODE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("gui", "Show the built-in demo map."));
    const QCommandLineOption delay(QStringLiteral("screenshot-delay"),
                                   QCoreApplication::translate("gui", "Wait MS milliseconds before the screenshot (default 400)."),
                                   QCoreApplication::translate("gui", "MS"), QStringLiteral("400"));
    parser.addOptions({screenshot, lang, demo, delay});
    parser.addPositionalArgument(QStringLiteral("files"), QCoreApplication::translate("gui", "Maps (.mrc) or particle datasets (.star, .cs, .mrcs, .txt) to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    MainWindow window;
    window.setInteractive(!parser.isSet(screenshot));
    window.show();
    bool allOpened = true;
    if (parser.isSet(demo))
        window.showVolume(makeDemoMap(64), QCoreApplication::translate("gui", "Demo map"));
    for (const QString& file : parser.positionalArguments())
        allOpened = window.openFile(file) && allOpened;
    if (parser.isSet(screenshot))
        scheduleScreenshot(window, parser.value(screenshot), allOpened ? 0 : 1, parser.value(delay).toInt());
    return app.exec();
}
