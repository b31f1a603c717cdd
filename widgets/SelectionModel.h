#pragma once
// The selection shared by every panel of an exploration session: the current selection,
// named selections and undo/redo (wrapping cryo::SelectionHistory). Views edit it and
// repaint on changed(), so a lasso in one scatter panel highlights in all of them.
#include "analysis/SelectionHistory.h"

#include <QColor>
#include <QObject>
#include <QString>

class SelectionModel : public QObject {
    Q_OBJECT
public:
    explicit SelectionModel(QObject* parent = nullptr);

    // A new particle set: empty selection, no named selections, no history.
    void reset(std::size_t particleCount);
    std::size_t particleCount() const { return m_history.particleCount(); }

    const cryo::SelectionSet& current() const { return m_history.current(); }
    const std::vector<cryo::NamedSelection>& named() const { return m_history.named(); }
    int namedCount() const { return int(m_history.named().size()); }
    QString namedName(int index) const;
    QColor namedColour(int index) const;

    // Edits (each one undo step; they emit changed()). Region sets must cover
    // particleCount() particles and indices must be valid (else cryo::UsageError).
    void combineCurrent(const cryo::SelectionSet& region, cryo::SelectionMode mode,
                        const QString& description);
    void invertCurrent();
    void clearCurrent();
    void setCurrentFromNamed(int index);
    // Returns the new index; an empty name becomes "Selection N", an invalid colour the
    // next palette colour.
    int addNamedFromCurrent(const QString& name = {}, QColor colour = {});
    void renameNamed(int index, const QString& name);
    void setNamedColour(int index, QColor colour);
    void setNamedVisible(int index, bool visible);
    void removeNamed(int index);

    bool canUndo() const { return m_history.canUndo(); }
    bool canRedo() const { return m_history.canRedo(); }
    QString undoText() const { return QString::fromStdString(m_history.undoText()); }
    QString redoText() const { return QString::fromStdString(m_history.redoText()); }

public Q_SLOTS:
    void undo();
    void redo();

Q_SIGNALS:
    void changed();  // the current selection, the named selections or the history changed
    void particlesReset();  // reset() was called (the particle count may differ)

private:
    cryo::SelectionHistory m_history;
    int m_namesGiven = 0;
};
