// TrajectoryPanel: building the frames from the chosen source (the drawn path on the latent
// graph, with anchors moved onto its largest connected part when needed).
#include "TrajectoryPanel.h"

#include "ExplorerPanel.h"
#include "LatentGraphJob.h"
#include "SelectionModel.h"
#include "TrajectoryFrames.h"
#include "analysis/LatentGraph.h"
#include "util/Error.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QStringList>

cryo::LatentGraphOptions TrajectoryPanel::graphOptions() const
{
    cryo::LatentGraphOptions options;
    options.meanDegree = m_degree->value();
    return options;
}

bool TrajectoryPanel::compute()
{
    try {
        switch (source()) {
        case Source::PcOfZ:
            setTrajectory(makePcTrajectory(*m_tables, m_component->value() - 1, m_points->value(), m_low->value(),
                                           m_high->value()));
            return true;
        case Source::KMeansCentres:
            setTrajectory(makeCentreTrajectory(*m_tables, m_steps->value()));
            return true;
        case Source::SelectionMeans:
            setTrajectory(selectionMeansTrajectory());
            return true;
        case Source::DrawnPath:
            if (m_anchors.empty()) {
                setStatus(tr("No path yet: choose “Path” on a panel's tool bar and click particles."));
                return false;
            }
            m_pathPending = true;
            m_graph->start(graphOptions());
            if (m_graph->graph() && !m_graph->isRunning())
                computePath();
            else
                setStatus(tr("Building the latent graph…"));
            return true;
        }
    } catch (const std::exception& e) {
        setStatus(tr("No trajectory: %1").arg(QString::fromUtf8(e.what())));
    }
    return false;
}

LatentTrajectory TrajectoryPanel::selectionMeansTrajectory() const
{
    std::vector<std::vector<std::size_t>> groups;
    QStringList names;
    const SelectionModel* model = m_explorer->selection();
    for (int i = 0; i < model->namedCount(); ++i)
        if (model->named()[std::size_t(i)].set.count() > 0) {
            groups.push_back(model->named()[std::size_t(i)].set.indices());
            names << model->namedName(i);
        }
    if (groups.size() < 2)
        throw cryo::UsageError(tr("save at least two named selections (Selections → Save as new)").toStdString());
    return makeGroupMeansTrajectory(*m_tables, groups, m_selectionSteps->value(),
                                    tr("means of %1").arg(names.join(QStringLiteral(" → "))));
}

void TrajectoryPanel::computePath()
{
    m_pathPending = false;
    // Anchors on different connected parts cannot be joined: those off the largest part move
    // to its particle nearest them in z (a click on a sparse region lands on a loose particle).
    std::vector<std::int64_t> anchors = m_anchors;
    QStringList moved;
    if (!m_graph->connected(anchors))
        for (std::int64_t& a : anchors)
            if (const std::int64_t b = m_graph->nearestInLargest(a); b != a) {
                moved << tr("%1 → %2").arg(a).arg(b);
                a = b;
            }
    try {
        setTrajectory(makeGraphTrajectory(*m_tables, *m_graph->graph(), anchors, m_pathFrames->value()));
        if (!moved.isEmpty())
            setStatus(statusText() + tr(". Anchors moved onto the graph's largest connected part (%1 of %2 "
                                        "particles; nearest in z): %3")
                                         .arg(m_graph->largestComponent())
                                         .arg(m_tables->count())
                                         .arg(moved.join(QStringLiteral(", "))));
    } catch (const std::exception& e) {
        // No frames; the anchors stay marked so that the user sees which ones to move.
        pause();
        m_trajectory = {};
        m_trajectory.zdim = m_tables->zdim();
        m_trajectory.anchorParticles = m_anchors;
        m_frames->clear();
        m_slider->setRange(0, 0);
        m_frameLabel->clear();
        rebuildOverlays();
        updateButtons();
        setStatus(tr("No path: %1. The largest connected part of the graph has %2 of %3 particles: put the anchors "
                     "there, or raise “neighbours”.")
                      .arg(QString::fromUtf8(e.what()))
                      .arg(m_graph->largestComponent())
                      .arg(m_tables->count()));
    }
}
