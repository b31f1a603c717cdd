#pragma once
// The selection panel: the current selection's count, named selections (colour swatch,
// visibility check box, editable name, particle count) and the selection commands:
// save current as named, make a named one current, rename, recolour, delete, invert, clear,
// undo / redo, select a cluster (given labels), select a value range on a column.
// Cluster and range picks combine with the current selection by the chosen mode.
#include "ScatterTypes.h"

#include <QList>
#include <QWidget>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;
class SelectionModel;

class SelectionPanel : public QWidget {
    Q_OBJECT
public:
    explicit SelectionPanel(SelectionModel* model, QWidget* parent = nullptr);

    // Cluster labels per particle (e.g. k-means); empty disables the cluster pick.
    void setClusterLabels(ScatterLabels labels);
    // Columns offered for range picks (defocus, pose angles, z dims, ...).
    void setRangeColumns(const QList<ScatterValueColumn>& columns);

    int selectedNamedIndex() const;  // row selected in the list, -1 if none

    // A command on the current selection that lives elsewhere (e.g. Analysis → Backproject
    // Selection): a button under the panel's own that follows the action's text and state.
    void addSelectionCommand(QAction* action);

public Q_SLOTS:
    void saveCurrentAsNamed();
    void selectCluster(int label);
    void selectRange(int column, double low, double high);

private:
    QWidget* buildCommands();
    QWidget* buildPicks();
    void refresh();
    void onItemChanged(QTreeWidgetItem* item, int column);
    void onRangeColumnChanged(int column);

    SelectionModel* m_model;
    QLabel* m_currentLabel;
    QTreeWidget* m_list;
    QPushButton* m_undo;
    QPushButton* m_redo;
    QComboBox* m_mode;
    QSpinBox* m_cluster;
    QPushButton* m_clusterButton;
    QComboBox* m_rangeColumn;
    QDoubleSpinBox* m_rangeLow;
    QDoubleSpinBox* m_rangeHigh;
    QPushButton* m_rangeButton;
    QWidget* m_externalCommands = nullptr;
    ScatterLabels m_labels;
    QList<ScatterValueColumn> m_columns;
    bool m_refreshing = false;
};
