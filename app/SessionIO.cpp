#include "SessionIO.h"

#include "session/SessionFile.h"

namespace {

std::string hex(const QColor& c) { return c.name(QColor::HexRgb).toStdString(); }

} // namespace

void writeExplorerSession(const QString& path, const ExplorerSession& s)
{
    cryo::SessionState state;
    state.run = s.run.toStdString();
    for (const SessionSelection& n : s.named)
        state.selections.push_back({n.name.toStdString(), hex(n.colour), n.indices});
    state.activeSelection = s.activeNamed;
    if (!s.current.empty() && s.activeNamed < 0) {
        state.selections.push_back({kCurrentSelectionName, "#ffd400", s.current});
        state.activeSelection = int(state.selections.size()) - 1;
    }
    for (int i = 0; i < s.embeddings.size(); ++i)
        state.panels.push_back({s.embeddings[i].toStdString(), s.colours.value(i).toStdString()});
    state.kmeansClusters = s.kmeansClusters;
    state.viewer.hasIsoLevel = s.hasLevel;
    state.viewer.isoLevel = s.level;
    if (s.background.isValid())
        state.viewer.background = hex(s.background);
    state.viewer.showOutline = s.showOutline;
    state.viewer.showAxes = s.showAxes;
    state.viewer.hasCamera = s.hasCamera;
    state.viewer.camera = s.camera;
    cryo::writeSession(path.toStdString(), state);
}

ExplorerSession readExplorerSession(const QString& path)
{
    const cryo::SessionState state = cryo::readSession(path.toStdString());
    ExplorerSession s;
    s.run = QString::fromStdString(state.run.string());
    for (int i = 0; i < int(state.selections.size()); ++i) {
        const cryo::NamedSelection& n = state.selections[std::size_t(i)];
        if (i == state.activeSelection)
            s.current = n.indices;
        if (i == state.activeSelection && n.name == kCurrentSelectionName)
            continue;   // the unnamed current selection
        if (i == state.activeSelection)
            s.activeNamed = s.named.size();
        s.named.append({QString::fromStdString(n.name), QColor(QString::fromStdString(n.colour)), n.indices});
    }
    for (const cryo::ScatterPanelState& p : state.panels) {
        s.embeddings << QString::fromStdString(p.embedding);
        s.colours << QString::fromStdString(p.colourMode);
    }
    s.kmeansClusters = state.kmeansClusters;
    s.hasLevel = state.viewer.hasIsoLevel;
    s.level = state.viewer.isoLevel;
    s.background = QColor(QString::fromStdString(state.viewer.background));
    s.showOutline = state.viewer.showOutline;
    s.showAxes = state.viewer.showAxes;
    s.hasCamera = state.viewer.hasCamera;
    s.camera = state.viewer.camera;
    return s;
}

QString explorerAutosavePath(const QString& sessionPath, const QString& runDir)
{
    const auto p = sessionPath.isEmpty() ? cryo::autosavePathForRun(runDir.toStdString())
                                         : cryo::autosavePath(sessionPath.toStdString());
    return QString::fromStdString(p.string());
}
