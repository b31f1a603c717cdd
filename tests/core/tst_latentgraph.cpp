// The latent kNN graph (cutoff rule for a mean degree ≈ 5, at most 10 neighbours), Dijkstra
// paths against Floyd–Warshall, disconnected anchors, and the trajectory helpers.
#include "analysis/LatentGraph.h"
#include "analysis/Trajectory.h"
#include "util/Error.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace cryo;

namespace {

std::vector<float> randomRows(std::size_t n, int dim, std::uint64_t seed, float offset = 0)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> rows(n * std::size_t(dim));
    for (float& v : rows)
        v = normal(rng) + offset;
    return rows;
}

double distance(const std::vector<float>& rows, int dim, std::size_t a, std::size_t b)
{
    double sum = 0;
    for (int c = 0; c < dim; ++c) {
        const double d = double(rows[a * std::size_t(dim) + std::size_t(c)]) - rows[b * std::size_t(dim) + std::size_t(c)];
        sum += d * d;
    }
    return std::sqrt(sum);
}

// Brute force: each row's k nearest other rows.
std::vector<std::vector<std::pair<double, std::size_t>>> bruteKnn(const std::vector<float>& rows, int dim, std::size_t n, int k)
{
    std::vector<std::vector<std::pair<double, std::size_t>>> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j)
            if (j != i)
                out[i].push_back({distance(rows, dim, i, j), j});
        std::sort(out[i].begin(), out[i].end());
        out[i].resize(std::size_t(k));
    }
    return out;
}

bool hasEdge(const LatentGraph& g, std::size_t a, std::size_t b)
{
    for (const auto& e : g.edges(a))
        if (std::size_t(e.to) == b)
            return true;
    return false;
}

} // namespace

class TestLatentGraph : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cutoffGivesTheMeanDegree_data()
    {
        QTest::addColumn<int>("maxNeighbors");
        QTest::addColumn<double>("meanDegree");
        QTest::addColumn<int>("dim");
        QTest::newRow("10 / 5, d=3") << 10 << 5.0 << 3;
        QTest::newRow("10 / 5, d=8") << 10 << 5.0 << 8;
        QTest::newRow("6 / 2.5, d=2") << 6 << 2.5 << 2;
        QTest::newRow("10 / 10, d=4") << 10 << 10.0 << 4;
    }
    void cutoffGivesTheMeanDegree()
    {
        QFETCH(int, maxNeighbors);
        QFETCH(double, meanDegree);
        QFETCH(int, dim);
        const std::size_t n = 300;
        const auto rows = randomRows(n, dim, 7);
        LatentGraphOptions options;
        options.maxNeighbors = maxNeighbors;
        options.meanDegree = meanDegree;
        const LatentGraph graph = LatentGraph::build(rows.data(), n, dim, options);
        QCOMPARE(graph.count(), n);
        // Brute force: the cutoff is the (N·meanDegree)-th smallest kNN distance.
        const auto knn = bruteKnn(rows, dim, n, maxNeighbors);
        std::vector<double> all;
        for (const auto& list : knn)
            for (const auto& [d, j] : list)
                all.push_back(d);
        std::sort(all.begin(), all.end());
        const double expectedCutoff = all[std::size_t(double(n) * meanDegree + 0.5) - 1];
        QVERIFY(std::abs(graph.cutoff() - expectedCutoff) < 1e-5);
        // mutual neighbours give tied distances, so one extra edge may share the cutoff
        QVERIFY2(std::abs(graph.meanKeptNeighbors() - meanDegree) <= 1.0 / double(n) + 1e-9,
                 qPrintable(QString::number(graph.meanKeptNeighbors())));
        QVERIFY(graph.meanDegree() >= meanDegree && graph.meanDegree() <= 2 * meanDegree);
        // Exactly the kNN pairs within the cutoff are edges, both ways, with their lengths.
        std::size_t edgeEnds = 0;
        for (std::size_t i = 0; i < n; ++i) {
            for (const auto& [d, j] : knn[i])
                QCOMPARE(hasEdge(graph, i, j), d <= graph.cutoff() + 1e-6);
            for (const auto& e : graph.edges(i)) {
                QVERIFY(hasEdge(graph, std::size_t(e.to), i));
                QVERIFY(std::abs(e.length - distance(rows, dim, i, std::size_t(e.to))) < 1e-4);
                QVERIFY(e.length <= graph.cutoff() + 1e-6);
                // an edge comes from one end's kNN list
                const auto inList = [&](std::size_t a, std::size_t b) {
                    return std::any_of(knn[a].begin(), knn[a].end(), [&](const auto& p) { return p.second == b; });
                };
                QVERIFY(inList(i, std::size_t(e.to)) || inList(std::size_t(e.to), i));
            }
            edgeEnds += graph.edges(i).size();
        }
        QCOMPARE(graph.meanDegree(), double(edgeEnds) / double(n));
    }

    void dijkstraMatchesFloydWarshall()
    {
        const std::size_t n = 80;
        const int dim = 2;
        const auto rows = randomRows(n, dim, 21);
        const LatentGraph graph = LatentGraph::build(rows.data(), n, dim);
        const double inf = std::numeric_limits<double>::infinity();
        std::vector<double> fw(n * n, inf);
        for (std::size_t i = 0; i < n; ++i) {
            fw[i * n + i] = 0;
            for (const auto& e : graph.edges(i))
                fw[i * n + std::size_t(e.to)] = e.length;
        }
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j)
                    fw[i * n + j] = std::min(fw[i * n + j], fw[i * n + k] + fw[k * n + j]);
        std::mt19937 rng(5);
        int connected = 0, disconnected = 0;
        for (int trial = 0; trial < 200; ++trial) {
            const std::int64_t a = rng() % n, b = rng() % n;
            if (std::isinf(fw[std::size_t(a) * n + std::size_t(b)])) {
                QVERIFY_THROWS_EXCEPTION(UsageError, graph.path({a, b}));
                ++disconnected;
                continue;
            }
            ++connected;
            const LatentPath path = graph.path({a, b});
            QCOMPARE(path.nodes.front(), a);
            QCOMPARE(path.nodes.back(), b);
            QVERIFY(std::abs(path.length - fw[std::size_t(a) * n + std::size_t(b)]) < 1e-4);
            double sum = 0;
            for (std::size_t s = 1; s < path.nodes.size(); ++s) {
                QVERIFY(hasEdge(graph, std::size_t(path.nodes[s - 1]), std::size_t(path.nodes[s])));
                sum += distance(rows, dim, std::size_t(path.nodes[s - 1]), std::size_t(path.nodes[s]));
            }
            QVERIFY(std::abs(sum - path.length) < 1e-4);
            QCOMPARE(path.z.size(), path.nodes.size() * std::size_t(dim));
            QCOMPARE(path.z[std::size_t(dim) * (path.nodes.size() - 1)], rows[std::size_t(b) * std::size_t(dim)]);
        }
        qInfo("%d connected, %d disconnected pairs", connected, disconnected);
        QVERIFY(connected > 50 && disconnected > 0);   // both cases exercised (fixed seed)
    }

    void pathThroughSeveralAnchors()
    {
        const auto rows = randomRows(200, 3, 4);
        const LatentGraph graph = LatentGraph::build(rows.data(), 200, 3);
        // anchors near each other in one component: take neighbours of neighbours of 0
        const std::int64_t a = 0, b = graph.edges(0).front().to;
        const std::int64_t c = graph.edges(std::size_t(b)).back().to;
        const LatentPath whole = graph.path({a, b, c});
        const LatentPath first = graph.path({a, b}), second = graph.path({b, c});
        QCOMPARE(whole.nodes.size(), first.nodes.size() + second.nodes.size() - 1);
        QVERIFY(std::abs(whole.length - first.length - second.length) < 1e-9);
        QCOMPARE(graph.path({a}).nodes.size(), std::size_t(1));
        QCOMPARE(graph.nearestNode(rows.data() + 3 * 17), std::int64_t(17));
    }

    void separatedBlobsAreNotConnected()
    {
        auto rows = randomRows(100, 2, 8);
        const auto far = randomRows(100, 2, 9, 100.0f);
        rows.insert(rows.end(), far.begin(), far.end());
        const LatentGraph graph = LatentGraph::build(rows.data(), 200, 2);
        QVERIFY_THROWS_EXCEPTION(UsageError, graph.path({0, 150}));
        QVERIFY_THROWS_EXCEPTION(UsageError, graph.path({0, 200}));
        QVERIFY_THROWS_EXCEPTION(UsageError, graph.path({}));
        LatentGraphOptions bad;
        bad.meanDegree = 11;
        QVERIFY_THROWS_EXCEPTION(UsageError, LatentGraph::build(rows.data(), 200, 2, bad));
        QVERIFY_THROWS_EXCEPTION(UsageError, LatentGraph::build(rows.data(), 1, 2));
    }

    void trajectoryHelpers()
    {
        // Points on a line x = t (y = 0), shuffled: the chain visits them in order of t.
        const std::vector<float> line{3, 0, 0, 0, 4, 0, 1, 0, 2, 0};
        const std::vector<int> order = chainCentres(line.data(), 5, 2);
        const std::vector<int> byT{1, 3, 4, 0, 2};
        const std::vector<int> reversed(byT.rbegin(), byT.rend());
        QVERIFY(order == byT || order == reversed);

        const std::vector<float> anchors{0, 0, 1, 2, 3, 2};
        const std::vector<float> path = interpolateAnchors(anchors.data(), 3, 2, 4);
        QCOMPARE(path.size(), std::size_t(2 * (2 * 4 + 1)));
        QCOMPARE(path[2], 0.25f);
        QCOMPARE(path[3], 0.5f);
        QCOMPARE(path[8], 1.0f);
        QCOMPARE(path[16], 3.0f);
        QVERIFY_THROWS_EXCEPTION(UsageError, interpolateAnchors(anchors.data(), 0, 2, 4));

        // A PC trajectory of an elongated cloud runs along its long axis.
        std::mt19937_64 rng(3);
        std::normal_distribution<float> normal;
        std::vector<float> cloud;
        for (int i = 0; i < 500; ++i) {
            const float t = 5 * normal(rng), s = 0.2f * normal(rng);
            cloud.insert(cloud.end(), {t + s, t - s});   // long axis (1, 1)/√2
        }
        const std::vector<float> traj = pcTrajectory(cloud.data(), 500, 2, 0, 7);
        QCOMPARE(traj.size(), std::size_t(14));
        const float dx = traj[12] - traj[0], dy = traj[13] - traj[1];
        QVERIFY(std::abs(dx - dy) < 0.05f * std::abs(dx));
        QVERIFY(std::hypot(dx, dy) > 2 * 1.64 * 5 * std::sqrt(2.0) * 0.8);   // ≈ 5th..95th percentile span
        QVERIFY_THROWS_EXCEPTION(UsageError, pcTrajectory(cloud.data(), 500, 2, 2, 7));
    }
};

QTEST_GUILESS_MAIN(TestLatentGraph)
#include "tst_latentgraph.moc"
