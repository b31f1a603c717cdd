#include "analysis/SelectionHistory.h"

#include "util/Error.h"

#include <algorithm>
#include <utility>

namespace cryo {

SelectionHistory::SelectionHistory(std::size_t particleCount, std::size_t maxUndoSteps)
    : m_maxUndoSteps(std::max<std::size_t>(1, maxUndoSteps))
{
    reset(particleCount);
}

void SelectionHistory::reset(std::size_t particleCount)
{
    m_state = SelectionState{SelectionSet(particleCount), {}};
    m_undo.clear();
    m_redo.clear();
}

void SelectionHistory::apply(SelectionState next, const std::string& description)
{
    const std::size_t n = particleCount();
    bool sizesMatch = next.current.size() == n;
    for (const NamedSelection& named : next.named)
        sizesMatch = sizesMatch && named.set.size() == n;
    if (!sizesMatch)
        throw UsageError("selection edit '" + description + "' does not cover " + std::to_string(n)
                         + " particles");
    if (next == m_state)
        return;
    m_undo.push_back({std::exchange(m_state, std::move(next)), description});
    if (m_undo.size() > m_maxUndoSteps)
        m_undo.erase(m_undo.begin());
    m_redo.clear();
}

void SelectionHistory::combineCurrent(const SelectionSet& region, SelectionMode mode,
                                      const std::string& description)
{
    SelectionState next = m_state;
    next.current.combine(region, mode);
    apply(std::move(next), description);
}

void SelectionHistory::invertCurrent()
{
    SelectionState next = m_state;
    next.current.invert();
    apply(std::move(next), "Invert selection");
}

void SelectionHistory::clearCurrent()
{
    SelectionState next = m_state;
    next.current.clear();
    apply(std::move(next), "Clear selection");
}

void SelectionHistory::setCurrentFromNamed(std::size_t index)
{
    SelectionState next = m_state;
    next.current = namedAt(next, index).set;
    const std::string description = "Select '" + next.named[index].name + "'";
    apply(std::move(next), description);
}

std::size_t SelectionHistory::addNamedFromCurrent(const std::string& name, std::uint32_t colour)
{
    SelectionState next = m_state;
    next.named.push_back({name, colour & 0xffffffu, true, m_state.current});
    apply(std::move(next), "New selection '" + name + "'");
    return m_state.named.size() - 1;
}

void SelectionHistory::renameNamed(std::size_t index, const std::string& name)
{
    SelectionState next = m_state;
    const std::string old = namedAt(next, index).name;
    next.named[index].name = name;
    apply(std::move(next), "Rename '" + old + "' to '" + name + "'");
}

void SelectionHistory::setNamedColour(std::size_t index, std::uint32_t colour)
{
    SelectionState next = m_state;
    namedAt(next, index).colour = colour & 0xffffffu;
    const std::string description = "Colour of '" + next.named[index].name + "'";
    apply(std::move(next), description);
}

void SelectionHistory::setNamedVisible(std::size_t index, bool visible)
{
    SelectionState next = m_state;
    namedAt(next, index).visible = visible;
    const std::string description = (visible ? "Show '" : "Hide '") + next.named[index].name + "'";
    apply(std::move(next), description);
}

void SelectionHistory::removeNamed(std::size_t index)
{
    SelectionState next = m_state;
    const std::string name = namedAt(next, index).name;
    next.named.erase(next.named.begin() + std::ptrdiff_t(index));
    apply(std::move(next), "Delete '" + name + "'");
}

bool SelectionHistory::undo()
{
    if (m_undo.empty())
        return false;
    Step step = std::move(m_undo.back());
    m_undo.pop_back();
    m_redo.push_back({std::exchange(m_state, std::move(step.state)), step.description});
    return true;
}

bool SelectionHistory::redo()
{
    if (m_redo.empty())
        return false;
    Step step = std::move(m_redo.back());
    m_redo.pop_back();
    m_undo.push_back({std::exchange(m_state, std::move(step.state)), step.description});
    return true;
}

NamedSelection& SelectionHistory::namedAt(SelectionState& state, std::size_t index) const
{
    if (index >= state.named.size())
        throw UsageError("no named selection #" + std::to_string(index) + " (there are "
                         + std::to_string(state.named.size()) + ")");
    return state.named[index];
}

} // namespace cryo
