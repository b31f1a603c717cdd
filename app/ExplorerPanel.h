#pragma once
// The latent-space explorer of one run: two linked scatter panels side by side (PCA on
// the left, UMAP on the right when run.h5 has it, else z1 / z2), colour sources (density,
// k-means, defocus, pose angles, each z dimension, ...), the count of the current
// selection, and the selection panel (for the window to dock). A click in a panel asks
// for the map at that latent point: the inverse PCA on PCA panels, the nearest particle's
// z on UMAP and z panels; "Map of Selection" asks for the mean z of the selection.
#include "RunTables.h"
#include "ScatterTypes.h"

#include <QWidget>

#include <array>
#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class UmapJob;
class ScatterPanel;
class SelectionModel;
class SelectionPanel;

class ExplorerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplorerPanel(std::shared_ptr<const RunTables> tables, QWidget* parent = nullptr);

    const RunTables& tables() const { return *m_tables; }
    std::shared_ptr<const RunTables> sharedTables() const { return m_tables; }
    // The run's particles, once read (RunLoader reads them after the tables): they add the
    // defocus and pose colours.
    const RunParticles& particles() const { return m_particles; }
    void setParticles(const RunParticles& particles);
    ScatterPanel* panel(int index) const { return m_panels[index]; }   // 0 left, 1 right
    SelectionModel* selection() const { return m_selection; }
    // Not in this widget's layout: the main window puts it in a dock.
    SelectionPanel* selectionPanel() const { return m_selectionPanel; }
    QString countText() const;

    // Session keys (docs/session-file.md): embeddings "pca:I,J", "umap", "z:I,J";
    // colours "density", "kmeans", "z:I", "defocus", "rot", "tilt", "psi" (0-based I, J).
    QString embeddingKey(int panel) const;
    QString colourKey(int panel) const;
    bool setEmbeddingKey(int panel, const QString& key);   // false: unknown here
    bool setColourKey(int panel, const QString& key);

    // The latent point of a click on panel `panel` at particle `index` / data (x, y), and a
    // description of it for the status bar.
    std::vector<float> clickedZ(int panel, qint64 index, double x, double y, QString* description) const;

    // UMAP for a run without one: computed off the GUI thread ("Compute UMAP" button, which
    // turns into "Cancel UMAP" meanwhile), stored in run.h5, then shown in the right panel.
    UmapJob* umapJob() const { return m_umapJob; }

public Q_SLOTS:
    void requestSelectionMap();   // mean z of the current selection
    void computeUmap();           // starts, or cancels a running one

Q_SIGNALS:
    // A map should be decoded at z; `particle` is the particle it came from (-1: none).
    void mapRequested(const std::vector<float>& z, const QString& description, qint64 particle);
    void umapReady();
    void panelsPainted();   // once: both panels have painted for the first time
    void message(const QString& text);   // for the status bar

private:
    // Rebuilt (rebuild = true) after the UMAP or the particles arrived: the choices are kept.
    void buildSources(bool rebuild);
    QList<ScatterEmbedding> buildEmbeddings();
    static std::array<QString, 3> axesTitles(const RunTables::Axes& axes);
    // Colour sources; `ranges` gets the value columns offered for range picks.
    QList<ScatterColourSource> buildColours(QList<ScatterValueColumn>& ranges);
    void umapFinished(const cryo::UmapTable& table, const RunTables::Axes& axes, const QString& storeProblem);
    void connectPanel(int index);
    QString describeParticle(qint64 index) const;
    void updateCount();

    std::shared_ptr<const RunTables> m_tables;
    RunParticles m_particles;
    SelectionModel* m_selection;
    SelectionPanel* m_selectionPanel;
    ScatterPanel* m_panels[2];
    QLabel* m_count;
    QPushButton* m_selectionMap;
    QPushButton* m_umapButton;
    QProgressBar* m_umapProgress;
    UmapJob* m_umapJob;
    QStringList m_embeddingKeys, m_colourKeys;
};
