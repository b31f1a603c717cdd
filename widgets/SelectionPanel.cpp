#include "SelectionPanel.h"

#include "SelectionModel.h"
#include "analysis/PolygonSelect.h"

#include <QAction>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QIcon swatch(const QColor& colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(colour);
    QPainter p(&pixmap);
    p.setPen(colour.darker(150));
    p.drawRect(0, 0, 13, 13);
    return QIcon(pixmap);
}

} // namespace

SelectionPanel::SelectionPanel(SelectionModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_currentLabel(new QLabel(this)), m_list(new QTreeWidget(this))
{
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Selection"), tr("Particles")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_currentLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(buildCommands());
    m_externalCommands = new QWidget(this);
    auto* external = new QHBoxLayout(m_externalCommands);
    external->setContentsMargins(0, 0, 0, 0);
    m_externalCommands->hide();   // until a command is added
    layout->addWidget(m_externalCommands);
    layout->addWidget(buildPicks());
    connect(m_list, &QTreeWidget::itemChanged, this, &SelectionPanel::onItemChanged);
    connect(m_model, &SelectionModel::changed, this, &SelectionPanel::refresh);
    refresh();
}

void SelectionPanel::addSelectionCommand(QAction* action)
{
    auto* button = new QToolButton(m_externalCommands);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_externalCommands->layout()->addWidget(button);
    m_externalCommands->show();
}

QWidget* SelectionPanel::buildCommands()
{
    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    auto add = [&](const QString& text, const QString& tip, int row, int col, auto slot) {
        auto* button = new QPushButton(text, box);
        button->setToolTip(tip);
        grid->addWidget(button, row, col);
        connect(button, &QPushButton::clicked, this, slot);
        return button;
    };
    add(tr("Save as new"), tr("Save the current selection as a named selection"), 0, 0,
        [this] { saveCurrentAsNamed(); });
    add(tr("Make current"), tr("Make the chosen named selection the current one"), 0, 1, [this] {
        if (selectedNamedIndex() >= 0)
            m_model->setCurrentFromNamed(selectedNamedIndex());
    });
    add(tr("Rename"), tr("Rename the chosen named selection"), 0, 2, [this] {
        if (QTreeWidgetItem* item = m_list->currentItem())
            m_list->editItem(item, 0);
    });
    add(tr("Delete"), tr("Delete the chosen named selection"), 1, 0, [this] {
        if (selectedNamedIndex() >= 0)
            m_model->removeNamed(selectedNamedIndex());
    });
    add(tr("Invert"), tr("Select every particle that is not selected"), 1, 1, [this] { m_model->invertCurrent(); });
    add(tr("Clear"), tr("Select nothing"), 1, 2, [this] { m_model->clearCurrent(); });
    m_undo = add(tr("Undo"), {}, 2, 0, [this] { m_model->undo(); });
    m_redo = add(tr("Redo"), {}, 2, 1, [this] { m_model->redo(); });
    add(tr("Colour…"), tr("Change the colour of the chosen named selection"), 2, 2, [this] {
        const int index = selectedNamedIndex();
        if (index < 0)
            return;
        const QColor colour = QColorDialog::getColor(m_model->namedColour(index), this, tr("Selection colour"));
        if (colour.isValid())
            m_model->setNamedColour(index, colour);
    });
    return box;
}

QWidget* SelectionPanel::buildPicks()
{
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    m_mode = new QComboBox(box);
    m_mode->addItems({tr("Replace"), tr("Add"), tr("Subtract"), tr("Intersect")});
    form->addRow(tr("Picks:"), m_mode);

    auto* clusterRow = new QHBoxLayout;
    m_cluster = new QSpinBox(box);
    m_clusterButton = new QPushButton(tr("Select cluster"), box);
    clusterRow->addWidget(m_cluster, 1);
    clusterRow->addWidget(m_clusterButton);
    form->addRow(tr("Cluster:"), clusterRow);
    connect(m_clusterButton, &QPushButton::clicked, this, [this] { selectCluster(m_cluster->value()); });

    m_rangeColumn = new QComboBox(box);
    form->addRow(tr("Column:"), m_rangeColumn);
    auto* rangeRow = new QHBoxLayout;
    m_rangeLow = new QDoubleSpinBox(box);
    m_rangeHigh = new QDoubleSpinBox(box);
    for (QDoubleSpinBox* spin : {m_rangeLow, m_rangeHigh}) {
        spin->setDecimals(4);
        spin->setRange(-1e12, 1e12);
        // Else the ±1e12 range makes each box ~200 px wide and the panel too wide for a dock column.
        spin->setMinimumWidth(spin->fontMetrics().horizontalAdvance(QStringLiteral("-99999.9999")) + 28);
        rangeRow->addWidget(spin, 1);
    }
    m_rangeButton = new QPushButton(tr("Select range"), box);
    rangeRow->addWidget(m_rangeButton);
    form->addRow(tr("Range:"), rangeRow);
    connect(m_rangeColumn, &QComboBox::currentIndexChanged, this, &SelectionPanel::onRangeColumnChanged);
    connect(m_rangeButton, &QPushButton::clicked, this,
            [this] { selectRange(m_rangeColumn->currentIndex(), m_rangeLow->value(), m_rangeHigh->value()); });
    setClusterLabels(nullptr);
    setRangeColumns({});
    return box;
}

void SelectionPanel::setClusterLabels(ScatterLabels labels)
{
    m_labels = std::move(labels);
    const bool usable = m_labels && !m_labels->empty();
    m_cluster->setEnabled(usable);
    m_clusterButton->setEnabled(usable);
    if (usable) {
        const auto [low, high] = labelRange(*m_labels);
        m_cluster->setRange(low, high);
    }
}

void SelectionPanel::setRangeColumns(const QList<ScatterValueColumn>& columns)
{
    m_columns = columns;
    QSignalBlocker blocker(m_rangeColumn);
    m_rangeColumn->clear();
    for (const auto& c : columns)
        m_rangeColumn->addItem(c.name);
    m_rangeButton->setEnabled(!columns.isEmpty());
    onRangeColumnChanged(m_rangeColumn->currentIndex());
}

void SelectionPanel::onRangeColumnChanged(int column)
{
    if (column < 0 || column >= m_columns.size() || !m_columns[column].values)
        return;
    float lo = INFINITY, hi = -INFINITY;
    for (float v : *m_columns[column].values)
        if (std::isfinite(v))
            lo = std::min(lo, v), hi = std::max(hi, v);
    if (lo <= hi)
        m_rangeLow->setValue(lo), m_rangeHigh->setValue(hi);
}

int SelectionPanel::selectedNamedIndex() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? m_list->indexOfTopLevelItem(const_cast<QTreeWidgetItem*>(item)) : -1;
}

void SelectionPanel::saveCurrentAsNamed()
{
    m_model->addNamedFromCurrent();
}

void SelectionPanel::selectCluster(int label)
{
    if (!m_labels || m_labels->size() != m_model->particleCount())
        return;
    m_model->combineCurrent(cryo::selectLabel(*m_labels, label), cryo::SelectionMode(m_mode->currentIndex()),
                            tr("Cluster %1").arg(label));
}

void SelectionPanel::selectRange(int column, double low, double high)
{
    if (column < 0 || column >= m_columns.size() || !m_columns[column].values
        || m_columns[column].values->size() != m_model->particleCount())
        return;
    m_model->combineCurrent(cryo::selectInRange(*m_columns[column].values, low, high),
                            cryo::SelectionMode(m_mode->currentIndex()),
                            tr("%1 in [%2, %3]").arg(m_columns[column].name).arg(low).arg(high));
}

void SelectionPanel::refresh()
{
    m_refreshing = true;
    const QLocale locale;
    m_currentLabel->setText(tr("Current selection: %1 of %2 particles")
                                .arg(locale.toString(qulonglong(m_model->current().count())),
                                     locale.toString(qulonglong(m_model->particleCount()))));
    // Update the rows in place (a refresh may run inside the list's own itemChanged signal,
    // so the item being edited must not be deleted); add or remove rows only at the end.
    while (m_list->topLevelItemCount() > m_model->namedCount())
        delete m_list->takeTopLevelItem(m_list->topLevelItemCount() - 1);
    for (int k = 0; k < m_model->namedCount(); ++k) {
        const auto& named = m_model->named()[std::size_t(k)];
        QTreeWidgetItem* item = m_list->topLevelItem(k);
        if (!item) {
            item = new QTreeWidgetItem(m_list);
            item->setFlags(item->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
        item->setText(0, m_model->namedName(k));
        item->setIcon(0, swatch(m_model->namedColour(k)));
        item->setCheckState(0, named.visible ? Qt::Checked : Qt::Unchecked);
        item->setText(1, locale.toString(qulonglong(named.set.count())));
    }
    m_undo->setEnabled(m_model->canUndo());
    m_redo->setEnabled(m_model->canRedo());
    m_undo->setToolTip(m_model->canUndo() ? tr("Undo %1").arg(m_model->undoText()) : QString());
    m_redo->setToolTip(m_model->canRedo() ? tr("Redo %1").arg(m_model->redoText()) : QString());
    m_refreshing = false;
}

void SelectionPanel::onItemChanged(QTreeWidgetItem* item, int column)
{
    if (m_refreshing || column != 0)
        return;
    const int index = m_list->indexOfTopLevelItem(item);
    if (index < 0 || index >= m_model->namedCount())
        return;
    const bool visible = item->checkState(0) == Qt::Checked;
    const QString name = item->text(0).trimmed();
    // Each call may refresh (and rebuild) the list: read everything from the item first.
    if (visible != m_model->named()[std::size_t(index)].visible)
        m_model->setNamedVisible(index, visible);
    else if (!name.isEmpty() && name != m_model->namedName(index))
        m_model->renameNamed(index, name);
}
