// Latent-space analysis jobs on synthetic data with known answers: PCA (known covariance,
// inverse projection), k-means (Gaussian blobs, ARI, on-data centres, determinism), exact
// kNN against brute force, the recall of approximate kNN, trustworthiness against its definition, kernel density against a
// direct sum, and cancellation.
#include "analysis/AdjustedRandIndex.h"
#include "analysis/DensityGrid.h"
#include "analysis/KMeans.h"
#include "analysis/LatentPca.h"
#include "analysis/NearestNeighbors.h"
#include "analysis/Trustworthiness.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>

namespace {

std::vector<float> gaussianRows(std::size_t n, int d, std::uint64_t seed, double sigma = 1.0)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal(0.f, float(sigma));
    std::vector<float> rows(n * d);
    for (float& v : rows)
        v = normal(rng);
    return rows;
}

// Blobs: `clusters` centres drawn in [−10, 10]^d, unit-variance points around them.
std::vector<float> blobs(std::size_t perCluster, int clusters, int d, std::uint64_t seed, std::vector<std::int32_t>& truth)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<float> uniform(-10.f, 10.f);
    std::normal_distribution<float> normal(0.f, 0.5f);
    std::vector<float> centres(std::size_t(clusters) * d);
    for (float& c : centres)
        c = uniform(rng);
    std::vector<float> rows;
    truth.clear();
    for (std::size_t i = 0; i < perCluster * clusters; ++i) {
        const int c = int(i % clusters);
        truth.push_back(c);
        for (int k = 0; k < d; ++k)
            rows.push_back(centres[std::size_t(c) * d + k] + normal(rng));
    }
    return rows;
}

float distance2(const float* a, const float* b, int d)
{
    float s = 0;
    for (int k = 0; k < d; ++k)
        s += (a[k] - b[k]) * (a[k] - b[k]);
    return s;
}

// Trustworthiness straight from the definition: full rankings by sorting.
double trustworthinessByDefinition(const std::vector<float>& high, int dh, const std::vector<float>& low, int dl, int k)
{
    const std::size_t n = high.size() / dh;
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::size_t> byHigh, byLow;
        for (std::size_t j = 0; j < n; ++j)
            if (j != i) {
                byHigh.push_back(j);
                byLow.push_back(j);
            }
        std::sort(byHigh.begin(), byHigh.end(), [&](auto a, auto b) {
            return distance2(&high[i * dh], &high[a * dh], dh) < distance2(&high[i * dh], &high[b * dh], dh);
        });
        std::sort(byLow.begin(), byLow.end(), [&](auto a, auto b) {
            return distance2(&low[i * dl], &low[a * dl], dl) < distance2(&low[i * dl], &low[b * dl], dl);
        });
        std::vector<std::size_t> rank(n, 0);
        for (std::size_t r = 0; r < byHigh.size(); ++r)
            rank[byHigh[r]] = r + 1;
        for (int m = 0; m < k; ++m)
            sum += std::max<double>(0.0, double(rank[byLow[m]]) - k);
    }
    return 1 - 2.0 / (double(n) * k * (2.0 * n - 3.0 * k - 1)) * sum;
}

} // namespace

class TestLatentAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pcaRecoversKnownCovariance()
    {
        const int d = 6;
        const std::size_t n = 40000;
        const std::vector<double> lambda{9, 5, 3, 1.5, 0.5, 0.1};
        // Σ = Q diag(λ) Qᵀ with a random orthogonal Q; x = Q diag(√λ) g + mean.
        std::mt19937_64 rng(7);
        std::normal_distribution<double> normal;
        Eigen::MatrixXd m(d, d);
        for (int i = 0; i < d * d; ++i)
            m.data()[i] = normal(rng);
        const Eigen::MatrixXd q = Eigen::HouseholderQR<Eigen::MatrixXd>(m).householderQ();
        const std::vector<float> g = gaussianRows(n, d, 8);
        std::vector<float> rows(n * d);
        for (std::size_t i = 0; i < n; ++i)
            for (int r = 0; r < d; ++r) {
                double v = 3.0 + r;
                for (int c = 0; c < d; ++c)
                    v += q(r, c) * std::sqrt(lambda[c]) * g[i * d + c];
                rows[i * d + r] = float(v);
            }
        std::vector<double> fractions;
        cryo::AnalysisContext context{{}, [&](double f) { fractions.push_back(f); }};
        const cryo::LatentPca pca = cryo::LatentPca::fit(rows.data(), n, d, 0, context);
        QCOMPARE(pca.componentCount(), d);
        QVERIFY(!fractions.empty() && std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
        for (int c = 0; c < d; ++c) {
            QVERIFY2(std::abs(pca.explainedVariance()[c] - lambda[c]) < 0.04 * lambda[c] + 0.01,
                     qPrintable(QString("λ%1 = %2, expected %3").arg(c).arg(pca.explainedVariance()[c]).arg(lambda[c])));
            double dot = 0;
            for (int k = 0; k < d; ++k)
                dot += pca.components()[c * d + k] * q(k, c);
            QVERIFY2(std::abs(dot) > 0.99, qPrintable(QString("component %1: |cos| = %2").arg(c).arg(std::abs(dot))));
        }
        for (int k = 0; k < d; ++k)
            QVERIFY(std::abs(pca.mean()[k] - (3.0 + k)) < 0.05);
    }

    void pcaInverseProjectionRoundTrips()
    {
        const int d = 5;
        const std::vector<float> rows = gaussianRows(500, d, 3, 2.0);
        const cryo::LatentPca all = cryo::LatentPca::fit(rows.data(), 500, d);
        const std::vector<float> projected = all.project(rows.data(), 500);
        for (std::size_t i = 0; i < 500; i += 37) {
            const std::vector<float> pcs(projected.begin() + i * d, projected.begin() + (i + 1) * d);
            const std::vector<float> back = all.inverseProject(pcs);
            for (int k = 0; k < d; ++k)
                QVERIFY(std::abs(back[k] - rows[i * d + k]) < 1e-4);
        }
        // With 2 of 5 components the inverse is the projection onto the PC plane: projecting
        // it again gives the same two coordinates, and the residual is orthogonal to the plane.
        const cryo::LatentPca two = cryo::LatentPca::fit(rows.data(), 500, d, 2);
        const std::vector<float> p = two.project(rows.data(), 1);
        const std::vector<float> back = two.inverseProject(p);
        const std::vector<float> again = two.project(back.data(), 1);
        QVERIFY(std::abs(again[0] - p[0]) < 1e-4 && std::abs(again[1] - p[1]) < 1e-4);
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, two.inverseProject({1, 2, 3}));
    }

    void pcaTrajectorySpansPercentiles()
    {
        const int d = 4;
        const std::size_t n = 1001;
        const std::vector<float> rows = gaussianRows(n, d, 13, 1.5);
        const cryo::LatentPca pca = cryo::LatentPca::fit(rows.data(), n, d);
        const std::vector<float> projected = pca.project(rows.data(), n);
        const std::vector<float> path = pca.trajectory(projected, 1, 10);
        QCOMPARE(path.size(), std::size_t(10 * d));
        // Endpoints: 5th and 95th percentile of PC 2 (with 1001 values: order statistics 50 and 950).
        std::vector<float> pc2;
        for (std::size_t i = 0; i < n; ++i)
            pc2.push_back(projected[i * d + 1]);
        std::sort(pc2.begin(), pc2.end());
        const std::vector<float> first = pca.project(path.data(), 1), last = pca.project(path.data() + 9 * d, 1);
        QVERIFY(std::abs(first[1] - pc2[50]) < 1e-4);
        QVERIFY(std::abs(last[1] - pc2[950]) < 1e-4);
        // Evenly spaced along PC 2, at 0 on every other PC.
        for (int k = 0; k < 10; ++k) {
            const std::vector<float> pcs = pca.project(path.data() + k * d, 1);
            QVERIFY(std::abs(pcs[1] - (pc2[50] + (pc2[950] - pc2[50]) * k / 9.0)) < 1e-4);
            for (int c : {0, 2, 3})
                QVERIFY(std::abs(pcs[c]) < 1e-4);
        }
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, pca.trajectory(projected, 4, 10));
    }

    void kmeansRecoversBlobs_data()
    {
        QTest::addColumn<int>("clusters");
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("threads");
        QTest::newRow("5 blobs in 8-D") << 5 << 8 << 2;
        QTest::newRow("12 blobs in 4-D, 1 thread") << 12 << 4 << 1;
        QTest::newRow("3 blobs in 2-D") << 3 << 2 << 2;
    }
    void kmeansRecoversBlobs()
    {
        QFETCH(int, clusters);
        QFETCH(int, dim);
        QFETCH(int, threads);
        std::vector<std::int32_t> truth;
        const std::vector<float> rows = blobs(400, clusters, dim, 11, truth);
        const std::size_t n = truth.size();
        cryo::KMeansOptions options;
        options.clusters = clusters;
        options.seed = 5;
        options.restarts = 3;
        options.threads = threads;
        const cryo::KMeansResult r = cryo::KMeans(options).fit(rows.data(), n, dim);
        const double ari = cryo::adjustedRandIndex(truth, r.labels);
        QVERIFY2(ari > 0.99, qPrintable(QString("ARI %1").arg(ari)));
        // Centres are the means of their clusters; on-data centres are the nearest rows.
        for (int c = 0; c < clusters; ++c) {
            std::vector<double> mean(dim, 0.0);
            int members = 0;
            for (std::size_t i = 0; i < n; ++i)
                if (r.labels[i] == c) {
                    ++members;
                    for (int k = 0; k < dim; ++k)
                        mean[k] += rows[i * dim + k];
                }
            QVERIFY(members > 0);
            for (int k = 0; k < dim; ++k)
                QVERIFY(std::abs(mean[k] / members - r.centers[c * dim + k]) < 1e-3);
            const float* centre = &r.centers[c * dim];
            const float best = distance2(&rows[r.centerRows[c] * dim], centre, dim);
            for (std::size_t i = 0; i < n; ++i)
                QVERIFY(distance2(&rows[i * dim], centre, dim) >= best);
        }
        // Deterministic for a seed, whatever the thread count.
        options.threads = 3 - threads;
        const cryo::KMeansResult again = cryo::KMeans(options).fit(rows.data(), n, dim);
        QVERIFY(again.labels == r.labels);
        QVERIFY(again.centers == r.centers);
    }

    void kmeansSameForAnyThreadCount()
    {
        // Several chunks of rows (the seeding's and the iterations' sums are combined per
        // chunk), so that two and three threads really split the work.
        const std::size_t n = 50000;
        const std::vector<float> rows = gaussianRows(n, 6, 9);
        cryo::KMeansOptions options;
        options.clusters = 20;
        options.seed = 4;
        options.threads = 1;
        const cryo::KMeansResult one = cryo::KMeans(options).fit(rows.data(), n, 6);
        for (int threads : {2, 3}) {
            options.threads = threads;
            const cryo::KMeansResult r = cryo::KMeans(options).fit(rows.data(), n, 6);
            QVERIFY(r.labels == one.labels);
            QVERIFY(r.centers == one.centers);
            QCOMPARE(r.inertia, one.inertia);
        }
    }

    void kmeansLabelsAreTheNearestCentres()
    {
        // Rows with no cluster structure take k-means many iterations, most rows skipping
        // their distances on Hamerly's bounds: every final label must still be the nearest
        // centre, each centre the mean of its rows, the inertia their squared distances.
        const std::size_t n = 30000;
        const int dim = 5, k = 12;
        const std::vector<float> rows = gaussianRows(n, dim, 17);
        cryo::KMeansOptions options;
        options.clusters = k;
        options.seed = 8;
        options.tolerance = 1e-7;
        const cryo::KMeansResult r = cryo::KMeans(options).fit(rows.data(), n, dim);
        qInfo("%d iterations", r.iterations);
        QVERIFY(r.iterations > 20);
        double inertia = 0;
        std::vector<double> sums(std::size_t(k) * dim, 0.0);
        std::vector<int> members(k, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const float own = distance2(&rows[i * dim], &r.centers[std::size_t(r.labels[i]) * dim], dim);
            for (int c = 0; c < k; ++c)
                QVERIFY2(distance2(&rows[i * dim], &r.centers[std::size_t(c) * dim], dim) >= own * (1 - 1e-5f),
                         qPrintable(QString("row %1: centre %2 is nearer than %3").arg(i).arg(c).arg(r.labels[i])));
            inertia += own;
            ++members[r.labels[i]];
            for (int j = 0; j < dim; ++j)
                sums[std::size_t(r.labels[i]) * dim + j] += rows[i * dim + j];
        }
        QVERIFY(std::abs(inertia - r.inertia) < 1e-6 * inertia);
        for (int c = 0; c < k; ++c)
            for (int j = 0; j < dim; ++j)
                QVERIFY(std::abs(sums[std::size_t(c) * dim + j] / members[c] - r.centers[std::size_t(c) * dim + j]) < 1e-3);
    }

    void kmeansRejectsBadK()
    {
        const std::vector<float> rows = gaussianRows(10, 2, 1);
        cryo::KMeansOptions options;
        options.clusters = 11;
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::KMeans(options).fit(rows.data(), 10, 2));
        options.clusters = 0;
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::KMeans(options).fit(rows.data(), 10, 2));
    }

    void degenerateRowsAreHandled()
    {
        // Identical rows: PCA has zero variance, k-means still returns k valid clusters.
        const std::vector<float> rows(50 * 3, 2.f);
        const cryo::LatentPca pca = cryo::LatentPca::fit(rows.data(), 50, 3);
        for (float v : pca.explainedVariance())
            QVERIFY(std::abs(v) < 1e-6);
        cryo::KMeansOptions options;
        options.clusters = 3;
        const cryo::KMeansResult r = cryo::KMeans(options).fit(rows.data(), 50, 3);
        QCOMPARE(r.labels.size(), std::size_t(50));
        for (std::int32_t label : r.labels)
            QVERIFY(label >= 0 && label < 3);
        for (float c : r.centers)
            QCOMPARE(c, 2.f);
        QCOMPARE(r.inertia, 0.0);
    }

    void adjustedRandIndexMatchesPairCounting()
    {
        // Permuted labels agree perfectly; an independent split scores about 0.
        QCOMPARE(cryo::adjustedRandIndex({0, 0, 1, 1, 2, 2}, {5, 5, 3, 3, 9, 9}), 1.0);
        // ARI = (RI − E[RI]) / (max − E[RI]) by brute force over all pairs.
        std::mt19937_64 rng(3);
        std::uniform_int_distribution<int> la(0, 3), lb(0, 4);
        std::vector<std::int32_t> a(60), b(60);
        for (int i = 0; i < 60; ++i) {
            a[i] = la(rng);
            b[i] = rng() % 3 ? a[i] : lb(rng);
        }
        double both = 0, inA = 0, inB = 0, pairs = 0;
        for (int i = 0; i < 60; ++i)
            for (int j = i + 1; j < 60; ++j) {
                const bool sa = a[i] == a[j], sb = b[i] == b[j];
                both += sa && sb;
                inA += sa;
                inB += sb;
                pairs += 1;
            }
        const double expected = inA * inB / pairs;
        const double reference = (both - expected) / (0.5 * (inA + inB) - expected);
        QVERIFY(std::abs(cryo::adjustedRandIndex(a, b) - reference) < 1e-12);
        QVERIFY(reference > 0.2 && reference < 0.9);
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, cryo::adjustedRandIndex({0, 1}, {0}));
    }

    void nearestNeighborsMatchBruteForce_data()
    {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("k");
        QTest::newRow("8-D, k 14") << 8 << 14;
        QTest::newRow("2-D, k 5") << 2 << 5;
        QTest::newRow("10-D, k 1") << 10 << 1;
    }
    void nearestNeighborsMatchBruteForce()
    {
        QFETCH(int, dim);
        QFETCH(int, k);
        const std::size_t n = 3000;
        const std::vector<float> rows = gaussianRows(n, dim, 21);
        const cryo::NearestNeighbors index(rows.data(), n, dim);
        const cryo::NeighborGraph graph = index.allNeighbors(k, {.threads = 2});
        QCOMPARE(graph.indices.size(), n * k);
        for (std::size_t i = 0; i < n; i += 7) {
            std::vector<std::pair<float, std::int32_t>> all;
            for (std::size_t j = 0; j < n; ++j)
                if (j != i)
                    all.push_back({distance2(&rows[i * dim], &rows[j * dim], dim), std::int32_t(j)});
            std::partial_sort(all.begin(), all.begin() + k, all.end());
            for (int m = 0; m < k; ++m) {
                QCOMPARE(graph.indices[i * k + m], all[m].second);
                QVERIFY(std::abs(graph.distances[i * k + m] - std::sqrt(all[m].first)) < 1e-4);
            }
        }
    }

    void approximateNeighborsKeepMostTrueOnes()
    {
        // Isotropic Gaussian rows in 8-D, the hard case for a kd-tree: UMAP's (1 + ε)-
        // approximate search (ε = 1) keeps ≥ 95 % of the exact neighbours, lists real rows
        // at their true distances (never nearer than the exact k-th), and does not depend on
        // the thread count.
        const std::size_t n = 20000;
        const int k = 14;
        const std::vector<float> rows = gaussianRows(n, 8, 33);
        const cryo::NearestNeighbors index(rows.data(), n, 8);
        const cryo::NeighborGraph exact = index.allNeighbors(k);
        const cryo::NeighborGraph approximate = index.allNeighbors(k, {.epsilon = 1.0, .threads = 2});
        QCOMPARE(cryo::neighborRecall(exact, exact), 1.0);
        const double recall = cryo::neighborRecall(approximate, exact);
        qInfo("recall at epsilon 1: %.4f", recall);
        QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
        QVERIFY2(recall < 1.0, "the search is meant to be approximate here");
        for (std::size_t i = 0; i < n; i += 97)
            for (int m = 0; m < k; ++m) {
                const std::int32_t j = approximate.indices[i * k + m];
                QVERIFY(j != std::int32_t(i));
                QVERIFY(std::abs(approximate.distances[i * k + m] -
                                 std::sqrt(distance2(&rows[i * 8], &rows[std::size_t(j) * 8], 8))) < 1e-4);
                QVERIFY(approximate.distances[i * k + m] >= exact.distances[i * k + m] - 1e-6f);
            }
        const cryo::NeighborGraph oneThread = index.allNeighbors(k, {.epsilon = 1.0, .threads = 1});
        QVERIFY(oneThread.indices == approximate.indices && oneThread.distances == approximate.distances);
        QVERIFY_THROWS_EXCEPTION(cryo::UsageError, index.allNeighbors(k, {.epsilon = -1.0}));
    }

    void nearestNeighborsExcludeSelfAmongDuplicates()
    {
        // Four copies of one point: each copy's neighbours are the three others at distance 0.
        std::vector<float> rows = gaussianRows(50, 3, 2);
        for (int c = 1; c < 4; ++c)
            std::copy(rows.begin(), rows.begin() + 3, rows.begin() + 3 * c);
        const cryo::NeighborGraph graph = cryo::NearestNeighbors(rows.data(), 50, 3).allNeighbors(3, {.threads = 1});
        for (int i = 0; i < 4; ++i) {
            std::vector<std::int32_t> found(graph.indices.begin() + 3 * i, graph.indices.begin() + 3 * i + 3);
            std::sort(found.begin(), found.end());
            std::vector<std::int32_t> expected;
            for (int j = 0; j < 4; ++j)
                if (j != i)
                    expected.push_back(j);
            QVERIFY(found == expected);
            QCOMPARE(graph.distances[3 * i + 2], 0.f);
        }
    }

    void trustworthinessMatchesDefinition()
    {
        const std::size_t n = 300;
        const std::vector<float> high = gaussianRows(n, 6, 4);
        // A partial embedding (first two coordinates) and a random one.
        std::vector<float> plane(n * 2), random = gaussianRows(n, 2, 9);
        for (std::size_t i = 0; i < n; ++i) {
            plane[2 * i] = high[i * 6];
            plane[2 * i + 1] = high[i * 6 + 1];
        }
        cryo::TrustworthinessOptions options;
        options.neighbors = 10;
        const double identity = cryo::trustworthiness(high.data(), 6, high.data(), 6, n, options);
        const double partial = cryo::trustworthiness(high.data(), 6, plane.data(), 2, n, options);
        const double chance = cryo::trustworthiness(high.data(), 6, random.data(), 2, n, options);
        QCOMPARE(identity, 1.0);
        QVERIFY(std::abs(partial - trustworthinessByDefinition(high, 6, plane, 2, 10)) < 1e-9);
        QVERIFY(std::abs(chance - trustworthinessByDefinition(high, 6, random, 2, 10)) < 1e-9);
        QVERIFY2(chance < 0.6 && chance < partial && partial < 1.0,
                 qPrintable(QString("random %1, partial %2").arg(chance).arg(partial)));
    }

    void densityMatchesDirectKernelSum()
    {
        const std::size_t n = 4000;
        std::vector<float> xy = gaussianRows(n, 2, 12);
        for (std::size_t i = 0; i < n; ++i)
            xy[2 * i + 1] = 0.5f * xy[2 * i + 1] + 3.f;   // σx = 1, σy = 0.5
        const cryo::DensityGrid grid = cryo::DensityGrid::estimate(xy.data(), n);
        const std::vector<float> density = grid.pointDensities(xy.data(), n);
        const double hx = grid.bandwidthX(), hy = grid.bandwidthY();
        QVERIFY(std::abs(hx - std::pow(double(n), -1.0 / 6)) < 0.05 * hx);
        double integral = 0;
        for (float v : grid.values())
            integral += v * grid.cellWidth() * grid.cellHeight();
        QVERIFY2(std::abs(integral - 1) < 0.01, qPrintable(QString::number(integral)));
        for (std::size_t i = 0; i < n; i += 97) {
            double direct = 0;
            for (std::size_t j = 0; j < n; ++j) {
                const double u = (xy[2 * i] - xy[2 * j]) / hx, v = (xy[2 * i + 1] - xy[2 * j + 1]) / hy;
                direct += std::exp(-0.5 * (u * u + v * v));
            }
            direct /= double(n) * 2 * std::numbers::pi * hx * hy;
            QVERIFY2(std::abs(density[i] - direct) < 0.02 * direct + 1e-4,
                     qPrintable(QString("point %1: grid %2, direct %3").arg(i).arg(density[i]).arg(direct)));
        }
    }

    void cancelledJobsThrow()
    {
        const std::vector<float> rows = gaussianRows(20000, 4, 1);
        std::stop_source source;
        source.request_stop();
        const cryo::AnalysisContext cancelled{source.get_token(), {}};
        QVERIFY_THROWS_EXCEPTION(cryo::AnalysisCancelled, cryo::LatentPca::fit(rows.data(), 20000, 4, 0, cancelled));
        QVERIFY_THROWS_EXCEPTION(cryo::AnalysisCancelled, cryo::KMeans({}).fit(rows.data(), 20000, 4, cancelled));
        const cryo::NearestNeighbors index(rows.data(), 20000, 4);
        QVERIFY_THROWS_EXCEPTION(cryo::AnalysisCancelled, index.allNeighbors(10, {}, cancelled));
        // A stop requested mid-way (from the progress callback) also ends the job.
        std::stop_source later;
        const cryo::AnalysisContext midway{later.get_token(), [&](double f) { if (f > 0.3) later.request_stop(); }};
        QVERIFY_THROWS_EXCEPTION(cryo::AnalysisCancelled, index.allNeighbors(10, {}, midway));
    }
};

QTEST_GUILESS_MAIN(TestLatentAnalysis)
#include "tst_latentanalysis.moc"
