// UMAP: the pieces (curve fit, smooth-kNN calibration, symmetric fuzzy graph) and the whole
// embedding of synthetic latents built from the simulator's ground truth: trustworthiness
// (k = 15) ≥ 0.9, discrete states as separate islands, determinism, cancellation.
#include "analysis/AdjustedRandIndex.h"
#include "analysis/FuzzySimplicialSet.h"
#include "analysis/NearestNeighbors.h"
#include "analysis/Trustworthiness.h"
#include "analysis/Umap.h"
#include "support/SyntheticLatents.h"
#include "util/Error.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace {

// Single-linkage clustering into `clusters` groups (Prim's MST, cut the largest edges).
std::vector<std::int32_t> singleLinkage(const std::vector<float>& xy, int clusters)
{
    const std::size_t n = xy.size() / 2;
    std::vector<float> best(n, std::numeric_limits<float>::infinity());
    std::vector<std::int32_t> parent(n, -1);
    std::vector<char> inTree(n, 0);
    std::vector<std::pair<float, std::size_t>> edges;   // (length, child)
    std::size_t current = 0;
    inTree[0] = 1;
    for (std::size_t added = 1; added < n; ++added) {
        std::size_t next = 0;
        float nextDist = std::numeric_limits<float>::infinity();
        for (std::size_t j = 0; j < n; ++j) {
            if (inTree[j])
                continue;
            const float dx = xy[2 * j] - xy[2 * current], dy = xy[2 * j + 1] - xy[2 * current + 1];
            const float d = dx * dx + dy * dy;
            if (d < best[j]) {
                best[j] = d;
                parent[j] = std::int32_t(current);
            }
            if (best[j] < nextDist) {
                nextDist = best[j];
                next = j;
            }
        }
        inTree[next] = 1;
        edges.push_back({nextDist, next});
        current = next;
    }
    std::sort(edges.begin(), edges.end());
    std::vector<char> cut(n, 0);
    for (int c = 0; c < clusters - 1; ++c)
        cut[edges[edges.size() - 1 - c].second] = 1;
    // Label each node by following parents until the root or a cut edge.
    std::vector<std::int32_t> label(n, -1);
    std::map<std::size_t, std::int32_t> rootLabel;
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t r = i;
        while (parent[r] >= 0 && !cut[r])
            r = std::size_t(parent[r]);
        label[i] = rootLabel.try_emplace(r, std::int32_t(rootLabel.size())).first->second;
    }
    return label;
}

// Fraction of each point's 15 nearest 2D neighbours that share its state.
double neighbourPurity(const std::vector<float>& xy, const std::vector<std::int32_t>& state)
{
    const std::size_t n = state.size();
    const cryo::NeighborGraph g = cryo::NearestNeighbors(xy.data(), n, 2).allNeighbors(15);
    std::size_t same = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (int m = 0; m < 15; ++m)
            same += state[g.indices[i * 15 + m]] == state[i];
    return double(same) / double(n * 15);
}

} // namespace

class TestUmap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void curveParametersFitTheTargetCurve_data()
    {
        QTest::addColumn<double>("minDist");
        QTest::addColumn<double>("spread");
        QTest::newRow("umap-learn defaults") << 0.1 << 1.0;
        QTest::newRow("tight") << 0.0 << 1.0;
        QTest::newRow("loose") << 0.5 << 2.0;
    }
    void curveParametersFitTheTargetCurve()
    {
        QFETCH(double, minDist);
        QFETCH(double, spread);
        const auto [a, b] = cryo::Umap::curveParameters(minDist, spread);
        double rms = 0;
        for (int i = 0; i < 300; ++i) {
            const double x = 3 * spread * i / 299.0;
            const double target = x < minDist ? 1.0 : std::exp(-(x - minDist) / spread);
            const double fit = 1 / (1 + a * std::pow(x, 2 * b));
            rms += (fit - target) * (fit - target) / 300;
        }
        QVERIFY2(std::sqrt(rms) < 0.05, qPrintable(QString("a %1 b %2 rms %3").arg(a).arg(b).arg(std::sqrt(rms))));
        // No (a, b) nearby fits better: the result is a least-squares minimum.
        const auto cost = [&](double aa, double bb) {
            double s = 0;
            for (int i = 0; i < 300; ++i) {
                const double x = 3 * spread * i / 299.0;
                const double target = x < minDist ? 1.0 : std::exp(-(x - minDist) / spread);
                s += std::pow(1 / (1 + aa * std::pow(x, 2 * bb)) - target, 2);
            }
            return s;
        };
        const double c0 = cost(a, b);
        for (double da : {-0.01, 0.01})
            for (double db : {-0.01, 0.01})
                QVERIFY(cost(a + da, b + db) >= c0);
        if (minDist == 0.1 && spread == 1.0) {   // umap-learn's published values for its defaults
            QVERIFY(std::abs(a - 1.577) < 0.01);
            QVERIFY(std::abs(b - 0.895) < 0.01);
        }
    }

    void smoothKnnCalibratesEachRow()
    {
        const testlatents::Latents data = testlatents::blobs(600, 3, 8, 3.0, 1.0, 4);
        const cryo::NeighborGraph g = cryo::NearestNeighbors(data.z.data(), data.count, 8).allNeighbors(14);
        const cryo::SmoothKnnDistances local = cryo::smoothKnnDistances(g);
        for (std::size_t i = 0; i < data.count; ++i) {
            QCOMPARE(local.rho[i], g.distances[i * 14]);
            double sum = 0;
            for (int m = 0; m < 14; ++m)
                sum += std::exp(-std::max(0.f, g.distances[i * 14 + m] - local.rho[i]) / local.sigma[i]);
            QVERIFY2(std::abs(sum - std::log2(15.0)) < 1e-3, qPrintable(QString("row %1: %2").arg(i).arg(sum)));
        }
        // The fuzzy union is symmetric, weights in (0, 1], each row's nearest neighbour at weight 1.
        const cryo::FuzzyGraph fuzzy = cryo::fuzzySimplicialSet(g);
        std::map<std::pair<int, int>, float> weight;
        for (std::size_t e = 0; e < fuzzy.weights.size(); ++e) {
            QVERIFY(fuzzy.weights[e] > 0 && fuzzy.weights[e] <= 1);
            weight[{fuzzy.heads[e], fuzzy.tails[e]}] = fuzzy.weights[e];
        }
        QCOMPARE(weight.size(), fuzzy.weights.size());
        for (const auto& [edge, w] : weight)
            QCOMPARE(weight.at({edge.second, edge.first}), w);
        for (std::size_t i = 0; i < data.count; i += 50)
            QCOMPARE(weight.at({int(i), g.indices[i * 14]}), 1.f);
    }

    void embeddingIsTrustworthy_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("islands");   // 0: continuous
        QTest::newRow("hinge (1D truth)") << "hinge" << 0;
        QTest::newRow("two hinges (2D truth)") << "two-hinges" << 0;
        QTest::newRow("discrete (3 states)") << "discrete" << 3;
        QTest::newRow("5 blobs") << "blobs" << 5;
    }
    void embeddingIsTrustworthy()
    {
        QFETCH(QString, kind);
        QFETCH(int, islands);
        const int n = 2000, zdim = 8;
        const testlatents::Latents data =
            kind == "blobs" ? testlatents::blobs(n, 5, zdim, 4.0, 0.5, 17)
                            : testlatents::fromTruth(cryo::motionFromName(kind.toStdString()), n, zdim,
                                                     kind == "discrete" ? 4.0 : 3.0, kind == "discrete" ? 0.5 : 0.05, 17);
        cryo::UmapOptions options;
        options.seed = 3;
        const cryo::UmapResult r = cryo::Umap(options).fit(data.z.data(), data.count, zdim);
        QCOMPARE(r.embedding.size(), data.count * 2);
        QCOMPARE(r.epochs, 500);
        for (float v : r.embedding)
            QVERIFY(std::isfinite(v));
        cryo::TrustworthinessOptions t;
        t.neighbors = 15;
        const double trust = cryo::trustworthiness(data.z.data(), zdim, r.embedding.data(), 2, data.count, t);
        qInfo("%s: trustworthiness(15) = %.4f, kNN %.2f s, layout %.2f s", qPrintable(kind), trust, r.neighborSeconds,
              r.layoutSeconds);
        QVERIFY2(trust >= 0.9, qPrintable(QString::number(trust)));
        if (islands > 0) {
            const double purity = neighbourPurity(r.embedding, data.state);
            const double ari = cryo::adjustedRandIndex(singleLinkage(r.embedding, islands), data.state);
            qInfo("  2D kNN purity %.4f, single-linkage ARI %.4f", purity, ari);
            QVERIFY2(purity > 0.99, qPrintable(QString::number(purity)));
            QVERIFY2(ari > 0.99, qPrintable(QString::number(ari)));   // each state its own island
        }
    }

    void deterministicForASeed()
    {
        // Enough points for several blocks of edges in the layout and several kNN chunks, so
        // that two threads really share the work.
        const testlatents::Latents data = testlatents::blobs(12000, 4, 6, 3.0, 0.7, 2);
        cryo::UmapOptions options;
        options.seed = 11;
        options.epochs = 30;
        options.threads = 1;
        const cryo::UmapResult a = cryo::Umap(options).fit(data.z.data(), data.count, 6);
        QVERIFY2(a.edges > 4 * 32768, qPrintable(QString::number(a.edges)));
        options.threads = 2;
        const cryo::UmapResult b = cryo::Umap(options).fit(data.z.data(), data.count, 6);
        QVERIFY(a.embedding == b.embedding);
        options.threads = 3;
        QVERIFY(cryo::Umap(options).fit(data.z.data(), data.count, 6).embedding == a.embedding);
        options.seed = 12;
        const cryo::UmapResult c = cryo::Umap(options).fit(data.z.data(), data.count, 6);
        QVERIFY(a.embedding != c.embedding);
    }

    void degenerateInputsStayFinite_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("dim");
        QTest::addColumn<bool>("identical");
        QTest::newRow("all rows identical") << 200 << 4 << true;
        QTest::newRow("one dimension") << 300 << 1 << false;
        QTest::newRow("fewer rows than neighbours") << 6 << 3 << false;
    }
    void degenerateInputsStayFinite()
    {
        QFETCH(int, count);
        QFETCH(int, dim);
        QFETCH(bool, identical);
        testlatents::Latents data = testlatents::blobs(count, 2, dim, 3.0, 0.5, 6);
        if (identical)
            std::fill(data.z.begin(), data.z.end(), 1.5f);
        cryo::UmapOptions options;
        options.epochs = 60;
        const cryo::UmapResult r = cryo::Umap(options).fit(data.z.data(), data.count, dim);
        QCOMPARE(r.embedding.size(), std::size_t(count) * 2);
        for (float v : r.embedding)
            QVERIFY(std::isfinite(v));
    }

    void progressAndCancel()
    {
        const testlatents::Latents data = testlatents::blobs(400, 2, 4, 3.0, 0.5, 8);
        std::vector<double> fractions;
        cryo::UmapOptions options;
        options.epochs = 50;
        cryo::Umap(options).fit(data.z.data(), data.count, 4, {{}, [&](double f) { fractions.push_back(f); }});
        QVERIFY(fractions.size() >= 50);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(std::abs(fractions.back() - 1.0) < 1e-9);
        std::stop_source stop;
        const cryo::AnalysisContext midway{stop.get_token(), [&](double f) { if (f > 0.5) stop.request_stop(); }};
        QVERIFY_THROWS_EXCEPTION(cryo::AnalysisCancelled, cryo::Umap(options).fit(data.z.data(), data.count, 4, midway));
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::Umap(options).fit(data.z.data(), 2, 4));
    }
};

QTEST_GUILESS_MAIN(TestUmap)
#include "tst_umap.moc"
