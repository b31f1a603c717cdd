#pragma once
// Headless sub-commands of the one binary: `cryoscape <command> [options]`. Each command
// parses its own options and returns the process exit code (0 ok, 1 bad input, 2 usage).
#include <QStringList>

#include <functional>
#include <vector>

namespace cli {

struct Command {
    QString name;
    QString summary;   // one line, translated
    std::function<int(const QStringList& arguments)> run;   // arguments after the command name
    bool rendersOpenGL = false;   // runs in a QGuiApplication (offscreen OpenGL), not a QCoreApplication
};

std::vector<Command> commands();
const Command* findCommand(const QString& name);

// Runs `work` for `command`, turning failures into the exit code: a cryo::UsageError is a
// usage problem (2), any other exception bad input (1); both are printed on stderr after
// `progress` ends its line. Returns 0 when `work` returns normally.
class ProgressPrinter;
int runReportingFailures(const QString& command, ProgressPrinter& progress, const std::function<void()>& work);

// Runs `cryoscape <command> ...` in a QCoreApplication (no display needed).
int runCommand(int argc, char** argv);

// Commands, one file each.
int runInfo(const QStringList& arguments);
int runSimulate(const QStringList& arguments);
int runDownsample(const QStringList& arguments);
int runTrain(const QStringList& arguments);
int runEvalVol(const QStringList& arguments);
int runExport(const QStringList& arguments);
int runEmbed(const QStringList& arguments);
int runAnalyze(const QStringList& arguments);
int runMovie(const QStringList& arguments);
int runBackproject(const QStringList& arguments);

} // namespace cli
