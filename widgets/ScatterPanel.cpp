#include "ScatterPanel.h"

#include "LatentScatterView.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace {

QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ScatterPanel::ScatterPanel(QWidget* parent)
    : QWidget(parent), m_view(new LatentScatterView(this)), m_embeddingBox(new QComboBox(this)),
      m_colourBox(new QComboBox(this))
{
    auto* bar = new QHBoxLayout;
    auto* tools = new QButtonGroup(this);
    const QString modifiers = tr("Shift: add, Ctrl: subtract, Shift+Ctrl: intersect.");
    const std::array<std::pair<QString, QString>, 4> toolTexts{{
        {tr("Pointer"), tr("Click a particle; drag to pan; wheel to zoom.")},
        {tr("Lasso"), tr("Draw around particles to select them. %1").arg(modifiers)},
        {tr("Rectangle"), tr("Drag a rectangle to select particles. %1").arg(modifiers)},
        {tr("Path"), tr("Draw a path: click particles to set the anchors of a trajectory; double-click or Enter finishes, "
                             "Esc cancels. The path follows the latent kNN graph through them.")},
    }};
    for (int k = 0; k < int(toolTexts.size()); ++k) {
        QToolButton* button = toolButton(toolTexts[std::size_t(k)].first, toolTexts[std::size_t(k)].second, this);
        button->setCheckable(true);
        button->setChecked(k == 0);
        tools->addButton(button, k);
        bar->addWidget(button);
        if (k == int(LatentScatterView::Tool::DrawPath)) {
            m_pathButton = button;
            button->hide();   // until a trajectory panel listens (setPathToolVisible)
        }
    }
    connect(tools, &QButtonGroup::idClicked, this,
            [this](int id) { m_view->setTool(LatentScatterView::Tool(id)); });
    QToolButton* reset = toolButton(tr("Reset view"), tr("Fit all particles (Home)"), this);
    connect(reset, &QToolButton::clicked, m_view, &LatentScatterView::resetView);
    bar->addWidget(reset);
    bar->addStretch(1);
    // The choosers get their own row, so that two panels side by side stay narrow enough
    // to leave room for the 3D view.
    auto* choosers = new QHBoxLayout;
    for (QComboBox* box : {m_embeddingBox, m_colourBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);   // narrow enough for two panels beside a 600 px 3D view
    }
    choosers->addWidget(new QLabel(tr("Axes:"), this));
    choosers->addWidget(m_embeddingBox, 1);
    choosers->addWidget(new QLabel(tr("Colour:"), this));
    choosers->addWidget(m_colourBox, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addLayout(choosers);
    layout->addWidget(m_view, 1);

    connect(m_embeddingBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        showEmbedding(index, false);
        Q_EMIT embeddingChanged(index);
    });
    connect(m_colourBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        showColourSource(index);
        Q_EMIT colourSourceChanged(index);
    });
}

void ScatterPanel::setPathToolVisible(bool visible)
{
    m_pathButton->setVisible(visible);
}

void ScatterPanel::setSelectionModel(SelectionModel* model)
{
    m_view->setSelectionModel(model);
}

void ScatterPanel::setEmbeddings(const QList<ScatterEmbedding>& embeddings, int initial)
{
    const QString previous = m_embeddingBox->currentText();
    m_embeddings = embeddings;
    QSignalBlocker blocker(m_embeddingBox);
    m_embeddingBox->clear();
    for (const auto& e : embeddings)
        m_embeddingBox->addItem(e.name);
    const int kept = m_embeddingBox->findText(previous);
    m_embeddingBox->setCurrentIndex(kept >= 0 ? kept : initial);
    // Same embedding again (e.g. new coordinates each training epoch): keep the zoom.
    showEmbedding(m_embeddingBox->currentIndex(), kept >= 0);
}

void ScatterPanel::setColourSources(const QList<ScatterColourSource>& sources, int initial)
{
    const QString previous = m_colourBox->currentText();
    m_colourSources = sources;
    QSignalBlocker blocker(m_colourBox);
    m_colourBox->clear();
    for (const auto& s : sources)
        m_colourBox->addItem(s.name);
    const int kept = m_colourBox->findText(previous);
    m_colourBox->setCurrentIndex(kept >= 0 ? kept : initial);
    showColourSource(m_colourBox->currentIndex());
}

void ScatterPanel::setCurrentEmbedding(int index)
{
    m_embeddingBox->setCurrentIndex(index);
}

void ScatterPanel::setCurrentColourSource(int index)
{
    m_colourBox->setCurrentIndex(index);
}

int ScatterPanel::currentEmbedding() const
{
    return m_embeddingBox->currentIndex();
}

int ScatterPanel::currentColourSource() const
{
    return m_colourBox->currentIndex();
}

void ScatterPanel::showEmbedding(int index, bool keepView)
{
    if (index < 0 || index >= m_embeddings.size()) {
        m_view->setPoints(nullptr, nullptr);
        return;
    }
    const ScatterEmbedding& e = m_embeddings[index];
    m_view->setAxisTitles(e.xTitle, e.yTitle);
    m_view->setPoints(e.x, e.y, keepView, e.order);
}

void ScatterPanel::showColourSource(int index)
{
    m_view->setColouring(index >= 0 && index < m_colourSources.size() ? m_colourSources[index].colouring
                                                                      : ScatterColouring{});
}
