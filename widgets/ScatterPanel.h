#pragma once
// One scatter panel: a tool bar (pointer / lasso / rectangle, reset view, which embedding
// to show, what to colour by) above a LatentScatterView. Put two side by side with one
// SelectionModel for linked panels (e.g. PCA beside UMAP).
#include "ScatterTypes.h"

#include <QList>
#include <QWidget>

class LatentScatterView;
class QComboBox;
class QToolButton;
class SelectionModel;

class ScatterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScatterPanel(QWidget* parent = nullptr);

    LatentScatterView* view() const { return m_view; }
    void setSelectionModel(SelectionModel* model);
    // The "Path" (draw path) tool button (LatentScatterView::Tool::DrawPath); hidden by default.
    void setPathToolVisible(bool visible);

    // The caller's coordinate sources; all columns must have the particle count's length.
    // Keeps the chosen entry by name where possible, else shows entry `initial` (so that a
    // new panel computes only the view it shows: a pass over every point per choice).
    void setEmbeddings(const QList<ScatterEmbedding>& embeddings, int initial = 0);
    void setColourSources(const QList<ScatterColourSource>& sources, int initial = 0);
    void setCurrentEmbedding(int index);
    void setCurrentColourSource(int index);
    int currentEmbedding() const;
    int currentColourSource() const;

Q_SIGNALS:
    void embeddingChanged(int index);
    void colourSourceChanged(int index);

private:
    void showEmbedding(int index, bool keepView);
    void showColourSource(int index);

    LatentScatterView* m_view;
    QComboBox* m_embeddingBox;
    QComboBox* m_colourBox;
    QToolButton* m_pathButton = nullptr;
    QList<ScatterEmbedding> m_embeddings;
    QList<ScatterColourSource> m_colourSources;
};
