#include "SelectionModel.h"

#include "ScatterColours.h"

SelectionModel::SelectionModel(QObject* parent) : QObject(parent) {}

void SelectionModel::reset(std::size_t particleCount)
{
    m_history.reset(particleCount);
    m_namesGiven = 0;
    Q_EMIT particlesReset();
    Q_EMIT changed();
}

QString SelectionModel::namedName(int index) const
{
    return QString::fromStdString(m_history.named().at(std::size_t(index)).name);
}

QColor SelectionModel::namedColour(int index) const
{
    return QColor(QRgb(m_history.named().at(std::size_t(index)).colour));
}

void SelectionModel::combineCurrent(const cryo::SelectionSet& region, cryo::SelectionMode mode,
                                    const QString& description)
{
    m_history.combineCurrent(region, mode, description.toStdString());
    Q_EMIT changed();
}

void SelectionModel::invertCurrent()
{
    m_history.invertCurrent();
    Q_EMIT changed();
}

void SelectionModel::clearCurrent()
{
    m_history.clearCurrent();
    Q_EMIT changed();
}

void SelectionModel::setCurrentFromNamed(int index)
{
    m_history.setCurrentFromNamed(std::size_t(index));
    Q_EMIT changed();
}

int SelectionModel::addNamedFromCurrent(const QString& name, QColor colour)
{
    ++m_namesGiven;
    const QString chosen = name.isEmpty() ? tr("Selection %1").arg(m_namesGiven) : name;
    if (!colour.isValid())
        colour = scattercolours::namedSelection(m_namesGiven - 1);
    const auto index = m_history.addNamedFromCurrent(chosen.toStdString(), colour.rgb() & 0xffffffu);
    Q_EMIT changed();
    return int(index);
}

void SelectionModel::renameNamed(int index, const QString& name)
{
    m_history.renameNamed(std::size_t(index), name.toStdString());
    Q_EMIT changed();
}

void SelectionModel::setNamedColour(int index, QColor colour)
{
    m_history.setNamedColour(std::size_t(index), colour.rgb() & 0xffffffu);
    Q_EMIT changed();
}

void SelectionModel::setNamedVisible(int index, bool visible)
{
    m_history.setNamedVisible(std::size_t(index), visible);
    Q_EMIT changed();
}

void SelectionModel::removeNamed(int index)
{
    m_history.removeNamed(std::size_t(index));
    Q_EMIT changed();
}

void SelectionModel::undo()
{
    if (m_history.undo())
        Q_EMIT changed();
}

void SelectionModel::redo()
{
    if (m_history.redo())
        Q_EMIT changed();
}
