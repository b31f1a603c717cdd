#pragma once
// Option parsing shared by the headless commands.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <stop_token>

namespace cli {

// Reads numeric option `name` into value when it is set; prints "<command>: --name needs a
// number" and returns false when it is not a number.
template <typename T>
bool numberOption(const QCommandLineParser& parser, const QString& command, const QString& name, T& value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double parsed = parser.value(name).toDouble(&ok);
    if (!ok) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("cli", "%1: --%2 needs a number, got '%3'")
                                    .arg(command, name, parser.value(name))));
        return false;
    }
    value = T(parsed);
    return true;
}

// "256x3" → width 256, layers 3. Prints the problem and returns false when malformed.
bool layerOption(const QCommandLineParser& parser, const QString& command, const QString& name, int& width, int& layers);

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
