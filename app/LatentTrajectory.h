#pragma once
// A trajectory through the latent space of one run, as the explorer shows it: the z of each
// frame (decoded into one map per frame), the particles it passes (for drawing it on UMAP
// panels, where only particles have positions) and how it was made. Builders for the three
// kinds (docs/exploration.md, "Trajectories"), and its outline on any embedding of the
// explorer's panels.
#include "RunTables.h"
#include "ScatterOverlay.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace cryo {
class LatentGraph;
}

struct LatentTrajectory {
    QString title;                               // e.g. "PC 1 of z, 5–95 %"
    int zdim = 0;
    std::vector<float> frames;                   // frameCount() × zdim: the z of each frame
    std::vector<std::int64_t> frameParticles;    // per frame: its particle, or the one nearest in z
    bool framesAtParticles = false;              // true: frame i is exactly particle frameParticles[i]
    std::vector<std::int64_t> pathParticles;     // graph paths: every node, drawn as the polyline
    std::vector<std::int64_t> anchorParticles;   // drawn anchors / k-means centre particles
    double pathLength = 0;                       // graph paths: length in z

    int frameCount() const { return zdim > 0 ? int(frames.size() / std::size_t(zdim)) : 0; }
    std::vector<float> frameZ(int index) const;
};

// cryo::pcTrajectory along `component` (0-based) of z: `points` frames between the percentiles.
LatentTrajectory makePcTrajectory(const RunTables& tables, int component, int points, double lowPercentile,
                                  double highPercentile);
// The run's k-means centres chained by cryo::chainCentres, straight lines between them with
// `stepsPerLeg` frames per leg (cryo::interpolateAnchors). Anchors: the centres' particles.
LatentTrajectory makeCentreTrajectory(const RunTables& tables, int stepsPerLeg);
// Straight lines between the means of z over each group of particles (e.g. named
// selections, in order), `stepsPerLeg` frames per leg; anchors: the particles nearest the
// means. Throws UsageError for fewer than 2 non-empty groups.
LatentTrajectory makeGroupMeansTrajectory(const RunTables& tables, const std::vector<std::vector<std::size_t>>& groups,
                                          int stepsPerLeg, const QString& title);
// The graph's shortest path through `anchors` (particle indices). Frames: the path's nodes
// when it has at most `frames` of them, else `frames` nodes at evenly spaced arc length (always
// the first and last), so every frame is a real particle. Throws UsageError when two anchors
// are not connected (cryo::LatentGraph::path).
LatentTrajectory makeGraphTrajectory(const RunTables& tables, const cryo::LatentGraph& graph,
                                     const std::vector<std::int64_t>& anchors, int frames);

// The particle nearest each row of `rows` (count × zdim) in z.
std::vector<std::int64_t> nearestParticles(const RunTables& tables, const std::vector<float>& rows);

// The trajectory in the data coordinates of an explorer embedding key ("pca:I,J", "z:I,J",
// "z:0,index", "umap"; docs/session-file.md): exact for PCA and z axes, the particles'
// positions on the others. current: the highlighted frame.
ScatterOverlay trajectoryOverlay(const RunTables& tables, const LatentTrajectory& trajectory,
                                 const QString& embeddingKey, int current);
