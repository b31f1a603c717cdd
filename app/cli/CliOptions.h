#pragma once
// Option parsing shared by the headless commands.
#include <QCommandLineParser>
#include <QCoreApplication>

#include "util/Error.h"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <stop_token>

namespace cli {

// Reads numeric option `name` into value when it is set; throws cryo::UsageError
// ("--name needs a number, got 'x'") when it is not a number. Commands parse inside
// runReportingFailures, which turns that into exit code 2.
template <typename T>
void numberOption(const QCommandLineParser& parser, const QString& name, T& value)
{
    if (!parser.isSet(name))
        return;
    bool ok = false;
    const double parsed = parser.value(name).toDouble(&ok);
    if (!ok)
        throw cryo::UsageError(QCoreApplication::translate("cli", "--%1 needs a number, got '%2'")
                                   .arg(name, parser.value(name))
                                   .toStdString());
    value = T(parsed);
}

// The same for an option without a default: value stays empty when it is not given.
template <typename T>
void numberOption(const QCommandLineParser& parser, const QString& name, std::optional<T>& value)
{
    if (!parser.isSet(name))
        return;
    T parsed{};
    numberOption(parser, name, parsed);
    value = parsed;
}

// The run a command works on (its one positional argument): a run directory of ours (or its
// run.h5), or a cryoDRGN output directory, which is imported (cryodrgn/CryodrgnImport.h) and
// stands for DIR/cryoscape/epoch_N. addRunOptions adds --epoch N (which cryoDRGN epoch; default
// the newest) and --particles FILE (the run's particle file when its config's path does not
// resolve here; remembered). runArgument prints what an import assumed on stderr.
void addRunOptions(QCommandLineParser& parser);
std::filesystem::path runArgument(const QCommandLineParser& parser);

// "256x3" → width 256, layers 3; throws cryo::UsageError when malformed.
void layerOption(const QCommandLineParser& parser, const QString& name, int& width, int& layers);

// Requests `stop` when the user presses Ctrl-C (SIGINT) while the object lives, so long
// commands end cleanly (training keeps its checkpoints). A second Ctrl-C kills as usual.
class InterruptWatcher {
public:
    InterruptWatcher();
    ~InterruptWatcher();
    std::stop_token token() const;
    bool interrupted() const;

private:
    struct Impl;
    Impl* m_impl;
};

} // namespace cli
