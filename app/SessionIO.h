#pragma once
// The exploration state as the window sees it, saved to / loaded from a session file
// (core/session/SessionFile.h, docs/session-file.md). Kept apart from the widgets: the
// session's cryo::NamedSelection and the selection history's are different types.
//
// The current (unnamed) selection is stored as one more selection named
// kCurrentSelectionName and marked active; reading gives it back as `current`.
#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <vector>

struct SessionSelection {
    QString name;
    QColor colour;
    std::vector<std::int64_t> indices;   // sorted, unique
};

struct ExplorerSession {
    QString run;                              // run directory
    QList<SessionSelection> named;
    std::vector<std::int64_t> current;        // the current selection
    int activeNamed = -1;                     // a named selection equal to the current one
    QStringList embeddings, colours;          // per scatter panel (ExplorerPanel keys)
    int kmeansClusters = 0;
    bool hasLevel = false;
    double level = 0;
    QColor background;
    bool showOutline = true, showAxes = true;
    bool hasCamera = false;
    std::array<double, 9> camera{};           // position, focal point, view-up (Å)
};

inline const char* const kCurrentSelectionName = "(current selection)";

// Throw cryo::FileError / cryo::UsageError.
void writeExplorerSession(const QString& path, const ExplorerSession& session);
ExplorerSession readExplorerSession(const QString& path);
// Where autosaves go: next to a saved session, else in the run directory.
QString explorerAutosavePath(const QString& sessionPath, const QString& runDir);
