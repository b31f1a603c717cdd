#include "analysis/UmapLayout.h"

#include "analysis/ParallelChunks.h"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace cryo {
namespace {

constexpr std::size_t kEdgesPerBlock = 32768;

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

float clip(float g) { return std::clamp(g, -4.f, 4.f); }

// Relaxed atomic access: plain loads/stores on x86, but no data race when threads > 1.
float load(float& x) { return std::atomic_ref<float>(x).load(std::memory_order_relaxed); }
void store(float& x, float v) { std::atomic_ref<float>(x).store(v, std::memory_order_relaxed); }

struct EdgeSchedule {
    std::vector<double> epochsPerSample, nextSample, epochsPerNegative, nextNegative;
};

EdgeSchedule makeSchedule(const FuzzyGraph& graph, int negativeRate)
{
    EdgeSchedule s;
    const float maxWeight = *std::max_element(graph.weights.begin(), graph.weights.end());
    const std::size_t edges = graph.weights.size();
    s.epochsPerSample.resize(edges);
    for (std::size_t e = 0; e < edges; ++e)
        s.epochsPerSample[e] = double(maxWeight) / double(graph.weights[e]);
    s.nextSample = s.epochsPerSample;
    s.epochsPerNegative.resize(edges);
    for (std::size_t e = 0; e < edges; ++e)
        s.epochsPerNegative[e] = s.epochsPerSample[e] / std::max(1, negativeRate);
    s.nextNegative = s.epochsPerNegative;
    return s;
}

struct EpochStep {
    const FuzzyGraph& graph;
    EdgeSchedule& schedule;
    std::vector<float>& y;
    const UmapLayoutOptions& options;
    int epoch;
    float alpha;

    void runBlock(std::size_t block) const
    {
        const float a = float(options.a), b = float(options.b);
        const float gamma = float(options.repulsionStrength);
        const std::uint32_t n = std::uint32_t(graph.count);
        FastRandom random(splitMix(options.seed) ^ splitMix(std::uint64_t(epoch) << 32 | block));
        const std::size_t end = std::min(graph.weights.size(), (block + 1) * kEdgesPerBlock);
        for (std::size_t e = block * kEdgesPerBlock; e < end; ++e) {
            if (schedule.nextSample[e] > epoch)
                continue;
            const std::int32_t j = graph.heads[e], k = graph.tails[e];
            float cx = load(y[2 * j]), cy = load(y[2 * j + 1]);
            const float ox = load(y[2 * k]), oy = load(y[2 * k + 1]);
            float dx = cx - ox, dy = cy - oy;
            float d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                const float powB = std::exp(b * std::log(d2));   // d^2b
                const float coeff = -2.f * a * b * (powB / d2) / (a * powB + 1.f);
                const float gx = clip(coeff * dx) * alpha, gy = clip(coeff * dy) * alpha;
                cx += gx;
                cy += gy;
                store(y[2 * k], ox - gx);
                store(y[2 * k + 1], oy - gy);
            }
            schedule.nextSample[e] += schedule.epochsPerSample[e];
            const int negatives = int((epoch - schedule.nextNegative[e]) / schedule.epochsPerNegative[e]);
            for (int p = 0; p < negatives; ++p) {
                const std::uint32_t m = random.below(n);
                if (m == std::uint32_t(j))
                    continue;
                dx = cx - load(y[2 * m]);
                dy = cy - load(y[2 * m + 1]);
                d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    const float powB = std::exp(b * std::log(d2));
                    const float coeff = 2.f * gamma * b / ((0.001f + d2) * (a * powB + 1.f));
                    cx += clip(coeff * dx) * alpha;
                    cy += clip(coeff * dy) * alpha;
                } else {
                    cx += 4.f * alpha;   // coincident points: a fixed push, as umap-learn does
                    cy += 4.f * alpha;
                }
            }
            schedule.nextNegative[e] += negatives * schedule.epochsPerNegative[e];
            store(y[2 * j], cx);
            store(y[2 * j + 1], cy);
        }
    }
};

} // namespace

void optimizeUmapLayout(const FuzzyGraph& graph, std::vector<float>& embedding, const UmapLayoutOptions& options,
                        const AnalysisContext& context)
{
    if (graph.weights.empty() || options.epochs < 1)
        return;
    EdgeSchedule schedule = makeSchedule(graph, options.negativeSampleRate);
    const std::size_t blocks = (graph.weights.size() + kEdgesPerBlock - 1) / kEdgesPerBlock;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        context.checkCancelled();
        const float alpha = float(options.learningRate * (1.0 - double(epoch) / options.epochs));
        const EpochStep step{graph, schedule, embedding, options, epoch, alpha};
        parallelChunks(blocks, options.threads, {context.stop, {}}, [&](std::size_t block) { step.runBlock(block); });
        context.report(double(epoch + 1) / options.epochs);
    }
}

} // namespace cryo
