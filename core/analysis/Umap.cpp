#include "analysis/Umap.h"

#include "analysis/FuzzySimplicialSet.h"
#include "analysis/LatentPca.h"
#include "analysis/UmapLayout.h"
#include "util/Error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <string>

namespace cryo {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Residuals r = 1/(1 + a x^2b) − target and their Jacobian, summed into JᵀJ and Jᵀr.
double curveNormalEquations(const std::vector<double>& x, const std::vector<double>& target, double a, double b,
                            double jtj[3], double jtr[2])
{
    double cost = 0;
    jtj[0] = jtj[1] = jtj[2] = jtr[0] = jtr[1] = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double u = x[i] > 0 ? std::pow(x[i], 2 * b) : 0.0;
        const double f = 1 / (1 + a * u);
        const double r = f - target[i];
        const double dfda = -u * f * f;
        const double dfdb = x[i] > 0 ? -a * u * 2 * std::log(x[i]) * f * f : 0.0;
        jtj[0] += dfda * dfda;
        jtj[1] += dfda * dfdb;
        jtj[2] += dfdb * dfdb;
        jtr[0] += dfda * r;
        jtr[1] += dfdb * r;
        cost += r * r;
    }
    return cost;
}

// PCA initialisation scaled as umap-learn does: ±10 plus noise 1e-4, then [0, 10] per axis.
std::vector<float> initialEmbedding(const float* rows, std::size_t count, int dim, std::uint64_t seed)
{
    std::vector<float> y(count * 2, 0.f);
    if (dim >= 2) {
        const LatentPca pca = LatentPca::fit(rows, count, dim, 2);
        y = pca.project(rows, count);
    } else {
        for (std::size_t i = 0; i < count; ++i)
            y[2 * i] = rows[i];
    }
    float largest = 0;
    for (float v : y)
        largest = std::max(largest, std::abs(v));
    const float expansion = largest > 0 ? 10.f / largest : 1.f;
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> noise(0.f, 1e-4f);
    for (float& v : y)
        v = v * expansion + noise(rng);
    for (int axis = 0; axis < 2; ++axis) {
        float lo = y[axis], hi = y[axis];
        for (std::size_t i = 0; i < count; ++i) {
            lo = std::min(lo, y[2 * i + axis]);
            hi = std::max(hi, y[2 * i + axis]);
        }
        const float scale = hi > lo ? 10.f / (hi - lo) : 1.f;
        for (std::size_t i = 0; i < count; ++i)
            y[2 * i + axis] = (y[2 * i + axis] - lo) * scale;
    }
    return y;
}

// Drops edges lighter than max/epochs: they would never be sampled (umap-learn does the same).
void pruneGraph(FuzzyGraph& graph, int epochs)
{
    const float maxWeight = *std::max_element(graph.weights.begin(), graph.weights.end());
    const float threshold = maxWeight / float(epochs);
    std::size_t out = 0;
    for (std::size_t e = 0; e < graph.weights.size(); ++e) {
        if (graph.weights[e] < threshold)
            continue;
        graph.heads[out] = graph.heads[e];
        graph.tails[out] = graph.tails[e];
        graph.weights[out] = graph.weights[e];
        ++out;
    }
    graph.heads.resize(out);
    graph.tails.resize(out);
    graph.weights.resize(out);
}

} // namespace

Umap::Umap(UmapOptions options) : m_options(options)
{
    if (m_options.neighbors < 2 || m_options.minDist < 0 || m_options.spread <= 0 || m_options.minDist > m_options.spread ||
        m_options.epochs < 0 || m_options.learningRate <= 0 || !(m_options.neighborEpsilon >= 0))
        throw UsageError("UMAP: need neighbours ≥ 2, 0 ≤ min_dist ≤ spread, epochs ≥ 0, a positive learning rate and ε ≥ 0");
}

std::pair<double, double> Umap::curveParameters(double minDist, double spread)
{
    std::vector<double> x(300), target(300);
    for (int i = 0; i < 300; ++i) {
        x[i] = 3 * spread * i / 299.0;
        target[i] = x[i] < minDist ? 1.0 : std::exp(-(x[i] - minDist) / spread);
    }
    // Levenberg–Marquardt from (1, 1), as scipy's curve_fit starts.
    double a = 1, b = 1, lambda = 1e-3;
    double jtj[3], jtr[2];
    double cost = curveNormalEquations(x, target, a, b, jtj, jtr);
    for (int iteration = 0; iteration < 500 && lambda < 1e12; ++iteration) {
        const double m00 = jtj[0] * (1 + lambda), m11 = jtj[2] * (1 + lambda), m01 = jtj[1];
        const double det = m00 * m11 - m01 * m01;
        if (det == 0)
            break;
        const double da = -(m11 * jtr[0] - m01 * jtr[1]) / det;
        const double db = -(m00 * jtr[1] - m01 * jtr[0]) / det;
        double njtj[3], njtr[2];
        const double trial = b + db > 0 ? curveNormalEquations(x, target, a + da, b + db, njtj, njtr) : INFINITY;
        if (trial < cost) {
            const bool converged = cost - trial < 1e-15 * std::max(1.0, cost);
            a += da;
            b += db;
            cost = trial;
            std::copy(njtj, njtj + 3, jtj);
            std::copy(njtr, njtr + 2, jtr);
            lambda *= 0.3;
            if (converged)
                break;
        } else {
            lambda *= 10;
        }
    }
    return {a, b};
}

UmapResult Umap::fit(const float* rows, std::size_t count, int dim, const AnalysisContext& context) const
{
    if (count < 3)
        throw UsageError("UMAP needs at least 3 rows, got " + std::to_string(count));
    const auto start = std::chrono::steady_clock::now();
    const int k = std::min<int>(m_options.neighbors - 1, int(count) - 1);
    const NearestNeighbors index(rows, count, dim);
    const NeighborGraph graph =
        index.allNeighbors(k, {m_options.neighborEpsilon, m_options.threads}, context.sub(0.0, 0.3));
    const double neighborSeconds = secondsSince(start);
    UmapResult result = fit(rows, count, dim, graph, context.sub(0.3, 1.0));
    result.neighborSeconds = neighborSeconds;
    return result;
}

UmapResult Umap::fit(const float* rows, std::size_t count, int dim, const NeighborGraph& neighbors,
                     const AnalysisContext& context) const
{
    if (count < 3 || neighbors.count != count)
        throw UsageError("UMAP: the neighbour graph has " + std::to_string(neighbors.count) + " rows for " +
                         std::to_string(count) + " data rows (need ≥ 3)");
    const auto start = std::chrono::steady_clock::now();
    UmapResult result;
    result.epochs = m_options.epochs > 0 ? m_options.epochs : (count <= 10000 ? 500 : 200);
    std::tie(result.a, result.b) = curveParameters(m_options.minDist, m_options.spread);
    FuzzyGraph graph = fuzzySimplicialSet(neighbors, m_options.threads, context);
    pruneGraph(graph, result.epochs);
    result.edges = graph.weights.size();
    result.embedding = initialEmbedding(rows, count, dim, m_options.seed);
    result.graphSeconds = secondsSince(start);
    context.report(0.05);
    UmapLayoutOptions layout;
    layout.a = result.a;
    layout.b = result.b;
    layout.epochs = result.epochs;
    layout.learningRate = m_options.learningRate;
    layout.negativeSampleRate = m_options.negativeSampleRate;
    layout.repulsionStrength = m_options.repulsionStrength;
    layout.seed = m_options.seed;
    layout.threads = m_options.threads;
    optimizeUmapLayout(graph, result.embedding, layout, context.sub(0.05, 1.0));
    result.layoutSeconds = secondsSince(start);
    return result;
}

} // namespace cryo
