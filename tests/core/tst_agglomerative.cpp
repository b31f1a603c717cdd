// Agglomerative clustering: hand-computed dendrograms for each linkage, agreement with a
// naive O(n³) implementation on random data (heights and flat cuts), bad input.
#include "analysis/AgglomerativeClustering.h"
#include "util/Error.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace cryo;

Q_DECLARE_METATYPE(cryo::Linkage)

namespace {

// Naive clustering straight from the linkage definitions; returns heights in merge order
// and the flat labels after each merge count (labels by lowest item, like Dendrogram::cut).
struct Naive {
    std::vector<double> heights;
    std::vector<std::vector<std::int32_t>> labelsAt;   // [clusters] → labels
};

double linkageDistance(const std::vector<double>& x, std::size_t dim, const std::vector<std::size_t>& a,
                       const std::vector<std::size_t>& b, Linkage linkage)
{
    const auto dist = [&](std::size_t i, std::size_t j) {
        double s = 0;
        for (std::size_t c = 0; c < dim; ++c)
            s += (x[i * dim + c] - x[j * dim + c]) * (x[i * dim + c] - x[j * dim + c]);
        return std::sqrt(s);
    };
    if (linkage == Linkage::Ward) {
        double s = 0;
        for (std::size_t c = 0; c < dim; ++c) {
            double ca = 0, cb = 0;
            for (std::size_t i : a)
                ca += x[i * dim + c] / double(a.size());
            for (std::size_t j : b)
                cb += x[j * dim + c] / double(b.size());
            s += (ca - cb) * (ca - cb);
        }
        const double na = double(a.size()), nb = double(b.size());
        return std::sqrt(2 * na * nb / (na + nb) * s);
    }
    double sum = 0, worst = 0;
    for (std::size_t i : a)
        for (std::size_t j : b) {
            sum += dist(i, j);
            worst = std::max(worst, dist(i, j));
        }
    return linkage == Linkage::Average ? sum / double(a.size() * b.size()) : worst;
}

Naive naiveClustering(const std::vector<double>& x, std::size_t n, std::size_t dim, Linkage linkage)
{
    std::vector<std::vector<std::size_t>> clusters;
    for (std::size_t i = 0; i < n; ++i)
        clusters.push_back({i});
    Naive out;
    out.labelsAt.resize(n + 1);
    const auto record = [&] {
        std::vector<std::int32_t> labels(n);
        auto sorted = clusters;
        for (auto& c : sorted)
            std::sort(c.begin(), c.end());
        std::sort(sorted.begin(), sorted.end());   // by lowest item
        for (std::size_t l = 0; l < sorted.size(); ++l)
            for (std::size_t i : sorted[l])
                labels[i] = std::int32_t(l);
        out.labelsAt[clusters.size()] = labels;
    };
    record();
    while (clusters.size() > 1) {
        double best = std::numeric_limits<double>::infinity();
        std::size_t bi = 0, bj = 0;
        for (std::size_t i = 0; i < clusters.size(); ++i)
            for (std::size_t j = i + 1; j < clusters.size(); ++j) {
                const double d = linkageDistance(x, dim, clusters[i], clusters[j], linkage);
                if (d < best) {
                    best = d;
                    bi = i;
                    bj = j;
                }
            }
        out.heights.push_back(best);
        clusters[bi].insert(clusters[bi].end(), clusters[bj].begin(), clusters[bj].end());
        clusters.erase(clusters.begin() + std::ptrdiff_t(bj));
        record();
    }
    return out;
}

} // namespace

class TestAgglomerative : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownDendrograms_data()
    {
        QTest::addColumn<Linkage>("linkage");
        QTest::addColumn<double>("third");
        QTest::addColumn<double>("fourth");
        // Points 0, 1, 5, 6, 20 on a line: {0,1} and {5,6} at 1, then these two, then 20.
        QTest::newRow("average") << Linkage::Average << 5.0 << 17.0;              // (5+6+4+5)/4, (20+19+15+14)/4
        QTest::newRow("complete") << Linkage::Complete << 6.0 << 20.0;
        QTest::newRow("ward") << Linkage::Ward << 5 * std::sqrt(2.0) << 17 * std::sqrt(1.6);   // √(2·nanb/(na+nb))·Δcentroid
    }
    void knownDendrograms()
    {
        QFETCH(Linkage, linkage);
        QFETCH(double, third);
        QFETCH(double, fourth);
        const std::vector<float> points{0, 1, 5, 6, 20};
        const Dendrogram d = AgglomerativeClustering::fit(points.data(), 5, 1, linkage);
        QCOMPARE(d.merges.size(), std::size_t(4));
        const std::vector<std::array<int, 3>> expected{{0, 1, 2}, {2, 3, 2}, {5, 6, 4}, {4, 7, 5}};
        const std::vector<double> heights{1, 1, third, fourth};
        for (std::size_t m = 0; m < 4; ++m) {
            QCOMPARE(d.merges[m].a, expected[m][0]);
            QCOMPARE(d.merges[m].b, expected[m][1]);
            QCOMPARE(d.merges[m].size, expected[m][2]);
            QVERIFY2(std::abs(d.merges[m].height - heights[m]) < 1e-9,
                     qPrintable(QStringLiteral("merge %1: %2 vs %3").arg(m).arg(d.merges[m].height).arg(heights[m])));
        }
        QCOMPARE(d.cut(2), (std::vector<std::int32_t>{0, 0, 0, 0, 1}));
        QCOMPARE(d.cut(3), (std::vector<std::int32_t>{0, 0, 1, 1, 2}));
        QCOMPARE(d.cut(5), (std::vector<std::int32_t>{0, 1, 2, 3, 4}));
        QCOMPARE(d.cut(1), (std::vector<std::int32_t>{0, 0, 0, 0, 0}));
    }

    void matchesNaiveClustering_data()
    {
        QTest::addColumn<Linkage>("linkage");
        QTest::addColumn<int>("seed");
        for (int seed : {1, 2, 3})
            for (Linkage l : {Linkage::Average, Linkage::Ward, Linkage::Complete})
                QTest::newRow(qPrintable(QStringLiteral("%1 seed %2").arg(linkageName(l)).arg(seed))) << l << seed;
    }
    void matchesNaiveClustering()
    {
        QFETCH(Linkage, linkage);
        QFETCH(int, seed);
        const std::size_t n = 40, dim = 5;
        std::mt19937_64 rng{std::uint64_t(seed)};
        std::normal_distribution<double> normal;
        std::vector<double> centres(4 * dim);
        for (double& c : centres)
            c = 4 * normal(rng);
        std::vector<double> x(n * dim);
        std::vector<float> xf(n * dim);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t c = 0; c < dim; ++c) {
                xf[i * dim + c] = float(centres[(i % 4) * dim + c] + normal(rng));
                x[i * dim + c] = xf[i * dim + c];
            }
        const Dendrogram d = AgglomerativeClustering::fit(xf.data(), n, dim, linkage);
        const Naive naive = naiveClustering(x, n, dim, linkage);
        QCOMPARE(d.merges.size(), n - 1);
        for (std::size_t m = 0; m < n - 1; ++m) {
            QVERIFY2(std::abs(d.merges[m].height - naive.heights[m]) < 1e-9 * (1 + naive.heights[m]),
                     qPrintable(QStringLiteral("merge %1: %2 vs naive %3").arg(m).arg(d.merges[m].height).arg(naive.heights[m])));
            if (m > 0)
                QVERIFY(d.merges[m].height >= d.merges[m - 1].height);
        }
        for (int clusters = 1; clusters <= int(n); ++clusters)
            QCOMPARE(d.cut(clusters), naive.labelsAt[std::size_t(clusters)]);
        // ids: every merge uses clusters that exist and have not been used before
        std::vector<bool> used(2 * n - 1, false);
        for (std::size_t m = 0; m < n - 1; ++m) {
            QVERIFY(d.merges[m].a < d.merges[m].b);
            QVERIFY(std::size_t(d.merges[m].b) < n + m);
            QVERIFY(!used[std::size_t(d.merges[m].a)] && !used[std::size_t(d.merges[m].b)]);
            used[std::size_t(d.merges[m].a)] = used[std::size_t(d.merges[m].b)] = true;
        }
        QCOMPARE(d.merges.back().size, std::int32_t(n));
    }

    void badInput()
    {
        const std::vector<float> points{0, 1, 5};
        const Dendrogram d = AgglomerativeClustering::fit(points.data(), 3, 1, Linkage::Average);
        QVERIFY_THROWS_EXCEPTION(UsageError, d.cut(0));
        QVERIFY_THROWS_EXCEPTION(UsageError, d.cut(4));
        QVERIFY_THROWS_EXCEPTION(UsageError, parseLinkage("single"));
        QCOMPARE(parseLinkage("ward"), Linkage::Ward);
        QVERIFY_THROWS_EXCEPTION(UsageError, AgglomerativeClustering::fitSquaredDistances({0, 1, 1}, 2, Linkage::Ward));
        const Dendrogram one = AgglomerativeClustering::fit(points.data(), 1, 1, Linkage::Ward);
        QVERIFY(one.merges.empty());
        QCOMPARE(one.cut(1), std::vector<std::int32_t>{0});
    }
};

QTEST_GUILESS_MAIN(TestAgglomerative)
#include "tst_agglomerative.moc"
