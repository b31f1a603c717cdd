#include "LatentTrajectory.h"

#include "analysis/LatentGraph.h"
#include "analysis/Trajectory.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QString tr(const char* text) { return QCoreApplication::translate("LatentTrajectory", text); }

// Where a point of z lies on one embedding: an axis is a PC or a z dimension (computed from z),
// or needs the particle (UMAP, particle index).
struct AxisMap {
    enum class Kind { Pc, Z, Umap, Index } kind[2];
    int column[2] = {0, 0};
    bool fromZ() const { return kind[0] != Kind::Umap && kind[0] != Kind::Index && kind[1] != Kind::Umap &&
                                kind[1] != Kind::Index; }
};

AxisMap axisMap(const QString& key)
{
    AxisMap m;
    if (key == QLatin1String("umap")) {
        m.kind[0] = m.kind[1] = AxisMap::Kind::Umap;
        m.column[1] = 1;
        return m;
    }
    const bool pca = key.startsWith(QLatin1String("pca:"));
    const QStringList parts = key.mid(key.indexOf(QLatin1Char(':')) + 1).split(QLatin1Char(','));
    for (int a = 0; a < 2; ++a) {
        const QString part = a < parts.size() ? parts[a] : QString();
        m.kind[a] = part == QLatin1String("index") ? AxisMap::Kind::Index : pca ? AxisMap::Kind::Pc : AxisMap::Kind::Z;
        m.column[a] = part.toInt();
    }
    return m;
}

double axisValue(const RunTables& t, const AxisMap& m, int a, const float* z, const std::vector<float>& pcs,
                 std::int64_t particle)
{
    const std::size_t p = std::size_t(std::max<std::int64_t>(particle, 0));
    switch (m.kind[a]) {
    case AxisMap::Kind::Pc:
        return pcs.empty() ? 0.0 : pcs[std::size_t(m.column[a])];
    case AxisMap::Kind::Z:
        return z[m.column[a]];
    case AxisMap::Kind::Umap:
        return t.umap && p < t.umap->count ? t.umap->coordinates[2 * p + std::size_t(m.column[a])] : 0.0;
    case AxisMap::Kind::Index:
        return double(p);
    }
    return 0.0;
}

// The position of latent point z (particle: its nearest particle, for UMAP / index axes).
QPointF position(const RunTables& t, const AxisMap& m, const float* z, std::int64_t particle)
{
    std::vector<float> pcs;
    if (m.kind[0] == AxisMap::Kind::Pc || m.kind[1] == AxisMap::Kind::Pc)
        pcs = t.pca.pca.project(z, 1);
    return {axisValue(t, m, 0, z, pcs, particle), axisValue(t, m, 1, z, pcs, particle)};
}

std::vector<float> rowsOf(const RunTables& t, const std::vector<std::int64_t>& particles)
{
    std::vector<float> rows;
    for (std::int64_t p : particles) {
        const std::vector<float> z = t.zRow(std::size_t(p));
        rows.insert(rows.end(), z.begin(), z.end());
    }
    return rows;
}

} // namespace

std::vector<float> LatentTrajectory::frameZ(int index) const
{
    if (index < 0 || index >= frameCount())
        return {};
    const auto first = frames.begin() + std::ptrdiff_t(index) * zdim;
    return {first, first + zdim};
}

std::vector<std::int64_t> nearestParticles(const RunTables& tables, const std::vector<float>& rows)
{
    const std::size_t d = std::size_t(tables.zdim()), n = tables.count();
    const float* z = tables.latents.mu.data();
    std::vector<std::int64_t> out;
    for (std::size_t r = 0; d > 0 && r + 1 <= rows.size() / d; ++r) {
        double best = std::numeric_limits<double>::infinity();
        std::int64_t bestIndex = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double dist = 0;
            for (std::size_t c = 0; c < d; ++c) {
                const double diff = double(z[i * d + c]) - rows[r * d + c];
                dist += diff * diff;
            }
            if (dist < best)
                best = dist, bestIndex = std::int64_t(i);
        }
        out.push_back(bestIndex);
    }
    return out;
}

LatentTrajectory makePcTrajectory(const RunTables& tables, int component, int points, double lowPercentile,
                                  double highPercentile)
{
    LatentTrajectory t;
    t.zdim = tables.zdim();
    t.frames = cryo::pcTrajectory(tables.latents.mu.data(), tables.count(), t.zdim, component, points, lowPercentile,
                                  highPercentile);
    t.frameParticles = nearestParticles(tables, t.frames);
    t.title = tr("PC %1 of z, %2–%3 %").arg(component + 1).arg(lowPercentile).arg(highPercentile);
    return t;
}

LatentTrajectory makeCentreTrajectory(const RunTables& tables, int stepsPerLeg)
{
    const cryo::KMeansTable& km = *tables.kmeans;
    LatentTrajectory t;
    t.zdim = tables.zdim();
    std::vector<float> chained;
    for (int c : cryo::chainCentres(km.centers.data(), km.clusters, km.zdim)) {
        chained.insert(chained.end(), km.centers.begin() + std::ptrdiff_t(c) * km.zdim,
                       km.centers.begin() + std::ptrdiff_t(c + 1) * km.zdim);
        t.anchorParticles.push_back(km.centerParticles[std::size_t(c)]);
    }
    t.frames = cryo::interpolateAnchors(chained.data(), km.clusters, km.zdim, stepsPerLeg);
    t.frameParticles = nearestParticles(tables, t.frames);
    t.title = tr("%1 k-means centres, %2 steps per leg").arg(km.clusters).arg(stepsPerLeg);
    return t;
}

LatentTrajectory makeGroupMeansTrajectory(const RunTables& tables, const std::vector<std::vector<std::size_t>>& groups,
                                          int stepsPerLeg, const QString& title)
{
    LatentTrajectory t;
    t.zdim = tables.zdim();
    std::vector<float> means;
    for (const std::vector<std::size_t>& group : groups)
        if (!group.empty()) {
            const std::vector<float> mean = tables.meanZ(group);
            means.insert(means.end(), mean.begin(), mean.end());
        }
    const int count = t.zdim > 0 ? int(means.size() / std::size_t(t.zdim)) : 0;
    if (count < 2)
        throw cryo::UsageError("a trajectory between selections needs at least two non-empty selections");
    t.frames = cryo::interpolateAnchors(means.data(), count, t.zdim, stepsPerLeg);
    t.frameParticles = nearestParticles(tables, t.frames);
    t.anchorParticles = nearestParticles(tables, means);
    t.title = title;
    return t;
}

LatentTrajectory makeGraphTrajectory(const RunTables& tables, const cryo::LatentGraph& graph,
                                     const std::vector<std::int64_t>& anchors, int frames)
{
    const cryo::LatentPath path = graph.path(anchors);
    LatentTrajectory t;
    t.zdim = tables.zdim();
    t.pathParticles = path.nodes;
    t.anchorParticles = anchors;
    t.pathLength = path.length;
    t.framesAtParticles = true;
    // Cumulative arc length along the nodes, then the node nearest each evenly spaced length.
    const std::size_t m = path.nodes.size(), d = std::size_t(t.zdim);
    std::vector<double> along(m, 0.0);
    for (std::size_t i = 1; i < m; ++i) {
        double s = 0;
        for (std::size_t c = 0; c < d; ++c)
            s += std::pow(double(path.z[i * d + c]) - path.z[(i - 1) * d + c], 2);
        along[i] = along[i - 1] + std::sqrt(s);
    }
    if (int(m) <= frames || frames < 2) {
        t.frameParticles = path.nodes;
    } else {
        for (int k = 0; k < frames; ++k) {
            const double target = along.back() * k / (frames - 1);
            const auto it = std::lower_bound(along.begin(), along.end(), target);
            std::size_t i = std::size_t(it - along.begin());
            if (i > 0 && (i == m || target - along[i - 1] < along[i] - target))
                --i;
            if (t.frameParticles.empty() || t.frameParticles.back() != path.nodes[i])
                t.frameParticles.push_back(path.nodes[i]);
        }
    }
    t.frames = rowsOf(tables, t.frameParticles);
    t.title = tr("graph path through %1 anchors, %2 nodes").arg(anchors.size()).arg(m);
    return t;
}

ScatterOverlay trajectoryOverlay(const RunTables& tables, const LatentTrajectory& trajectory,
                                 const QString& embeddingKey, int current)
{
    ScatterOverlay o;
    if (embeddingKey.isEmpty())
        return o;
    const AxisMap m = axisMap(embeddingKey);
    const bool exact = m.fromZ() && !trajectory.framesAtParticles;
    for (int f = 0; f < trajectory.frameCount(); ++f) {
        const std::int64_t particle = trajectory.frameParticles[std::size_t(f)];
        const std::vector<float> z = exact ? trajectory.frameZ(f) : tables.zRow(std::size_t(particle));
        o.frames << position(tables, m, z.data(), particle);
    }
    for (std::int64_t p : trajectory.pathParticles)
        o.path << position(tables, m, tables.zRow(std::size_t(p)).data(), p);
    if (o.path.isEmpty() && trajectory.frameCount() > 1)
        o.path = o.frames;
    for (std::int64_t p : trajectory.anchorParticles)
        o.anchors << position(tables, m, tables.zRow(std::size_t(p)).data(), p);
    o.current = current;
    return o;
}
