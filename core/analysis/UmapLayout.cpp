#include "analysis/UmapLayout.h"

#include "analysis/ParallelChunks.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace cryo {
namespace {

constexpr std::size_t kEdgesPerBlock = 32768;
constexpr std::size_t kTailsAhead = 16;   // edges whose other end is prefetched ahead

// splitmix64: seeds one xorshift stream per (seed, epoch, block).
std::uint64_t splitMix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

class FastRandom {
public:
    explicit FastRandom(std::uint64_t seed) : m_state(splitMix(seed) | 1) {}
    // Uniform in [0, n) (multiply-shift range reduction of the high 32 bits).
    std::uint32_t below(std::uint32_t n)
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        const std::uint64_t r = (m_state * 0x2545F4914F6CDD1Dull) >> 32;
        return std::uint32_t((r * n) >> 32);
    }

private:
    std::uint64_t m_state;
};

// Draws for the negative samples, made kAhead draws before they are used so that the points
// they pick are already on their way from memory: at 1,000,000 points the embedding (8 MB)
// is far larger than the L2 cache and most of these reads would otherwise stall. The values
// are the same FastRandom stream as drawn one by one.
class NegativeDraws {
public:
    NegativeDraws(std::uint64_t seed, std::uint32_t count, const float* points)
        : m_random(seed), m_count(count), m_points(points)
    {
        for (std::uint32_t& draw : m_ahead)
            draw = drawAndPrefetch();
    }
    std::uint32_t next()
    {
        const std::uint32_t draw = m_ahead[m_position];
        m_ahead[m_position] = drawAndPrefetch();
        m_position = (m_position + 1) % kAhead;
        return draw;
    }

private:
    static constexpr int kAhead = 8;
    std::uint32_t drawAndPrefetch()
    {
        const std::uint32_t m = m_random.below(m_count);
        __builtin_prefetch(m_points + 2 * std::size_t(m));
        return m;
    }
    FastRandom m_random;
    std::uint32_t m_count;
    const float* m_points;
    std::uint32_t m_ahead[kAhead];
    int m_position = 0;
};

// Eight floats in one value (two SSE registers on baseline x86-64): GCC/Clang vector
// extensions, so that the gradient terms of a sample are computed side by side.
using Floats = float __attribute__((vector_size(32)));
using Ints = std::int32_t __attribute__((vector_size(32)));
constexpr int kLanes = 8;

// x^p for x > 0 as exp2(p·log2 x), from the float's exponent and short polynomials (least-
// squares fits of log2(1 + t)/t and 2^t on [0, 1)): relative error < 3e-5. std::exp and
// std::log took most of the layout's time; its steps are stochastic and clipped, far
// coarser than this error.
// (Vectors by reference: passed by value they would depend on whether AVX is enabled.)
void fastPow(const Floats& x, float p, Floats& out)
{
    const Ints bits = __builtin_bit_cast(Ints, x);
    const Floats t = __builtin_bit_cast(Floats, (bits & 0x7FFFFF) | 0x3F800000) - 1.f;   // mantissa − 1, in [0, 1)
    const Floats log2x = __builtin_convertvector((bits >> 23) - 127, Floats) +
                         t * (1.4418255f + t * (-0.70867891f + t * (0.41541119f + t * (-0.19440832f + t * 0.04587895f))));
    Floats y = p * log2x;
    y = y < -126.f ? -126.f : y;
    y = y > 126.f ? 126.f : y;
    const Ints truncated = __builtin_convertvector(y, Ints);
    const Ints whole = truncated + (y < __builtin_convertvector(truncated, Floats));   // floor (true is −1)
    const Floats f = y - __builtin_convertvector(whole, Floats);
    const Floats power =
        0.99999977f + f * (0.69315677f + f * (0.24013173f + f * (0.05587651f + f * (0.0089406f + f * 0.00189438f))));
    out = __builtin_bit_cast(Floats, __builtin_bit_cast(Ints, power) + (whole << 23));
}

float clip(float g) { return std::clamp(g, -4.f, 4.f); }

// When each edge is next due (in epochs, float: ≤ epochs ≤ a few thousand, so the
// accumulated sums stay exact to ~1e-4 epochs).
struct EdgeSchedule {
    std::vector<float> epochsPerSample, nextSample, nextNegative;
};

EdgeSchedule makeSchedule(const FuzzyGraph& graph, int negativeRate)
{
    EdgeSchedule s;
    const float maxWeight = *std::max_element(graph.weights.begin(), graph.weights.end());
    const std::size_t edges = graph.weights.size();
    s.epochsPerSample.resize(edges);
    for (std::size_t e = 0; e < edges; ++e)
        s.epochsPerSample[e] = float(double(maxWeight) / double(graph.weights[e]));
    s.nextSample = s.epochsPerSample;
    s.nextNegative.resize(edges);
    for (std::size_t e = 0; e < edges; ++e)
        s.nextNegative[e] = s.epochsPerSample[e] / float(negativeRate);
    return s;
}

// Blocks of about kEdgesPerBlock edges that never split one head's edges: block b holds
// edges [starts[b], starts[b + 1]).
std::vector<std::size_t> headBlocks(const FuzzyGraph& graph)
{
    std::vector<std::size_t> starts{0};
    const std::size_t edges = graph.heads.size();
    for (std::size_t e = kEdgesPerBlock; e < edges;) {
        while (e < edges && graph.heads[e] == graph.heads[e - 1])
            ++e;
        if (e < edges)
            starts.push_back(e);
        e += kEdgesPerBlock;
    }
    starts.push_back(edges);
    return starts;
}

struct EpochStep {
    const FuzzyGraph& graph;
    EdgeSchedule& schedule;
    const std::vector<float>& before;   // the embedding at the start of the epoch
    std::vector<float>& y;              // this epoch's: heads written by their own block only
    const UmapLayoutOptions& options;
    int epoch;
    float alpha;

    // One sample of an edge of head i: the pull toward its tail j and the pushes from
    // `negatives` random points, in batches whose terms are all evaluated at the head's
    // position before the batch — independent terms, so the CPU overlaps their arithmetic
    // (one after the other, as umap-learn does, they were a chain of dependent float
    // operations and most of the layout's time). Each term is clipped as in umap-learn.
    void sampleEdge(std::int32_t i, std::int32_t j, int negatives, float& cx, float& cy, NegativeDraws& draws) const
    {
        const float a = float(options.a), b = float(options.b), gamma = float(options.repulsionStrength);
        Floats dx{}, dy{};   // head − other end, per term; lane 0 of the first batch: the tail
        dx[0] = cx - before[2 * j];
        dy[0] = cy - before[2 * j + 1];
        int count = 1;
        for (bool pull = true;; pull = false) {
            for (; count < kLanes && negatives > 0; --negatives) {
                const std::uint32_t m = draws.next();
                if (m == std::uint32_t(i))
                    continue;
                dx[count] = cx - before[2 * m];
                dy[count] = cy - before[2 * m + 1];
                ++count;
            }
            const Floats d2 = dx * dx + dy * dy;
            Floats powB;   // d^2b (unused where d2 = 0)
            fastPow(d2 > 1e-30f ? d2 : 1e-30f, b, powB);
            const Floats push = 2.f * gamma * b / ((0.001f + d2) * (a * powB + 1.f));
            for (int t = 0; t < count; ++t) {
                if (pull && t == 0) {
                    if (d2[0] > 0) {
                        const float coeff = -2.f * a * b * (powB[0] / d2[0]) / (a * powB[0] + 1.f);
                        cx += 2.f * clip(coeff * dx[0]) * alpha;   // this edge's pull and its reverse's
                        cy += 2.f * clip(coeff * dy[0]) * alpha;
                    }
                } else if (d2[t] > 0) {
                    cx += clip(push[t] * dx[t]) * alpha;
                    cy += clip(push[t] * dy[t]) * alpha;
                } else {
                    cx += 4.f * alpha;   // coincident points: a fixed push, as umap-learn does
                    cy += 4.f * alpha;
                }
            }
            if (negatives == 0)
                return;
            count = 0;
        }
    }

    void runBlock(std::size_t block, std::size_t begin, std::size_t end) const
    {
        const float perNegative = 1.f / float(options.negativeSampleRate);
        NegativeDraws draws(splitMix(options.seed) ^ splitMix(std::uint64_t(epoch) << 32 | block),
                            std::uint32_t(graph.count), before.data());
        for (std::size_t e = begin; e < end;) {
            const std::int32_t i = graph.heads[e];
            float cx = y[2 * i], cy = y[2 * i + 1];
            for (; e < end && graph.heads[e] == i; ++e) {
                if (e + kTailsAhead < end)
                    __builtin_prefetch(before.data() + 2 * std::size_t(graph.tails[e + kTailsAhead]));
                if (schedule.nextSample[e] > float(epoch))
                    continue;
                schedule.nextSample[e] += schedule.epochsPerSample[e];
                const float epochsPerNegative = schedule.epochsPerSample[e] * perNegative;
                const int negatives = int((float(epoch) - schedule.nextNegative[e]) / epochsPerNegative);
                schedule.nextNegative[e] += float(negatives) * epochsPerNegative;
                sampleEdge(i, graph.tails[e], negatives, cx, cy, draws);
            }
            y[2 * i] = cx;
            y[2 * i + 1] = cy;
        }
    }
};

} // namespace

void optimizeUmapLayout(const FuzzyGraph& graph, std::vector<float>& embedding, const UmapLayoutOptions& options,
                        const AnalysisContext& context)
{
    if (graph.weights.empty() || options.epochs < 1)
        return;
    if (options.negativeSampleRate < 1 || !std::is_sorted(graph.heads.begin(), graph.heads.end()))
        throw UsageError("UMAP layout: need a positive negative sample rate and edges grouped by head");
    EdgeSchedule schedule = makeSchedule(graph, options.negativeSampleRate);
    const std::vector<std::size_t> blocks = headBlocks(graph);
    std::vector<float> before(embedding.size());
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        context.checkCancelled();
        std::copy(embedding.begin(), embedding.end(), before.begin());
        const float alpha = float(options.learningRate * (1.0 - double(epoch) / options.epochs));
        const EpochStep step{graph, schedule, before, embedding, options, epoch, alpha};
        parallelChunks(blocks.size() - 1, options.threads, {context.stop, {}},
                       [&](std::size_t block) { step.runBlock(block, blocks[block], blocks[block + 1]); });
        context.report(double(epoch + 1) / options.epochs);
    }
}

} // namespace cryo
