#pragma once
// The selection state of an exploration session: the "current" selection (what a lasso
// edits) plus named selections (name, colour, visibility, particles), with undo/redo.
// Every edit replaces the whole state and pushes the previous one; a state over 10^6
// particles with a few named sets is a few hundred kB, so whole snapshots are fine.
#include "analysis/SelectionSet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cryo {

struct NamedSelection {
    std::string name;
    std::uint32_t colour = 0x1f77b4;  // 0xRRGGBB
    bool visible = true;
    SelectionSet set;
    bool operator==(const NamedSelection&) const = default;
};

struct SelectionState {
    SelectionSet current;
    std::vector<NamedSelection> named;
    bool operator==(const SelectionState&) const = default;
};

class SelectionHistory {
public:
    explicit SelectionHistory(std::size_t particleCount = 0, std::size_t maxUndoSteps = 100);

    // Forget everything: empty selection over `particleCount` particles, no history.
    void reset(std::size_t particleCount);
    std::size_t particleCount() const { return m_state.current.size(); }
    const SelectionState& state() const { return m_state; }
    const SelectionSet& current() const { return m_state.current; }
    const std::vector<NamedSelection>& named() const { return m_state.named; }

    // The general edit: `next` becomes the state; `description` names the step ("Lasso").
    // Throws UsageError when a set in `next` has the wrong size. No-op if nothing changes.
    void apply(SelectionState next, const std::string& description);

    // Edits of the current selection.
    void combineCurrent(const SelectionSet& region, SelectionMode mode, const std::string& description);
    void invertCurrent();
    void clearCurrent();
    void setCurrentFromNamed(std::size_t index);

    // Named selections (index into named(); UsageError when out of range).
    std::size_t addNamedFromCurrent(const std::string& name, std::uint32_t colour);
    void renameNamed(std::size_t index, const std::string& name);
    void setNamedColour(std::size_t index, std::uint32_t colour);
    void setNamedVisible(std::size_t index, bool visible);
    void removeNamed(std::size_t index);

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    std::string undoText() const { return canUndo() ? m_undo.back().description : std::string(); }
    std::string redoText() const { return canRedo() ? m_redo.back().description : std::string(); }
    bool undo();  // false when there is nothing to undo
    bool redo();

private:
    struct Step {
        SelectionState state;  // the state before (undo stack) or after (redo stack) the step
        std::string description;
    };
    NamedSelection& namedAt(SelectionState& state, std::size_t index) const;

    SelectionState m_state;
    std::vector<Step> m_undo, m_redo;
    std::size_t m_maxUndoSteps;
};

} // namespace cryo
