#pragma once
// The desktop application: `cryoscape [FILE...] [--screenshot PATH] [--lang CODE] [--demo]`.
#include <QList>
#include <QString>

#include <functional>

// A headless command, listed by --help. main() hands them in (the GUI does not include
// app/cli), through a function called once translations are installed.
struct CommandSummary {
    QString name;
    QString summary;
};
using CommandLister = std::function<QList<CommandSummary>()>;

int runGui(int argc, char** argv, const CommandLister& listCommands);
