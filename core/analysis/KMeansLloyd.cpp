#include "analysis/KMeansLloyd.h"

#include "analysis/ParallelChunks.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cryo {
namespace {

constexpr float kInfinity = std::numeric_limits<float>::infinity();

class Lloyd {
public:
    Lloyd(const float* rows, std::size_t count, int dim, int k, int threads)
        : m_rows(rows), m_count(count), m_dim(dim), m_k(k), m_threads(threads), m_chunks(kMeansChunkCount(count)),
          m_labels(count, -1), m_upper(count, kInfinity), m_lower(count, 0.f)
    {
    }

    // E-step: labels each row with its nearest centre and sums the rows per chunk and
    // cluster. Returns whether any label changed.
    bool assign(const std::vector<float>& centres);
    // M-step: centres = means of their rows (an empty cluster takes the row farthest from
    // its centre); loosens the bounds by how far each centre moved. Returns Σ‖Δcentre‖².
    double update(std::vector<float>& centres);
    double inertia(const std::vector<float>& centres) const;
    std::vector<std::int32_t> takeLabels() { return std::move(m_labels); }

private:
    const float* row(std::size_t i) const { return m_rows + i * std::size_t(m_dim); }
    void prepareCentres(const std::vector<float>& centres);
    void scanAll(std::size_t i, std::vector<float>& distance2);
    void assignChunk(std::size_t chunk, const std::vector<float>& centres, bool& changed);
    std::vector<float> refillEmpty(const std::vector<std::int64_t>& counts, const std::vector<float>& centres) const;

    const float* m_rows;
    std::size_t m_count;
    int m_dim, m_k, m_threads;
    std::size_t m_chunks;
    std::vector<std::int32_t> m_labels;
    std::vector<float> m_upper, m_lower;   // per row: ≥ distance to its centre, ≤ distance to any other
    std::vector<float> m_transposed;       // d × k centres, so one row's k distances vectorise
    std::vector<float> m_halfGap;          // k: half the distance to the nearest other centre
    std::vector<double> m_chunkSums;       // chunks × k × d
    std::vector<std::int64_t> m_chunkCounts;   // chunks × k
};

void Lloyd::prepareCentres(const std::vector<float>& centres)
{
    m_transposed.resize(std::size_t(m_k) * m_dim);
    for (int c = 0; c < m_k; ++c)
        for (int j = 0; j < m_dim; ++j)
            m_transposed[std::size_t(j) * m_k + c] = centres[std::size_t(c) * m_dim + j];
    m_halfGap.assign(m_k, kInfinity);
    for (int a = 0; a < m_k; ++a)
        for (int b = a + 1; b < m_k; ++b) {
            const float half = 0.5f * std::sqrt(squaredDistance(&centres[std::size_t(a) * m_dim],
                                                                &centres[std::size_t(b) * m_dim], m_dim));
            m_halfGap[a] = std::min(m_halfGap[a], half);
            m_halfGap[b] = std::min(m_halfGap[b], half);
        }
}

// All k distances of row i: its label becomes the nearest centre (the lowest index among
// equals), the bounds exact.
void Lloyd::scanAll(std::size_t i, std::vector<float>& distance2)
{
    const float* x = row(i);
    std::fill(distance2.begin(), distance2.end(), 0.f);
    for (int j = 0; j < m_dim; ++j) {
        const float* centreCoordinates = m_transposed.data() + std::size_t(j) * m_k;
        for (int c = 0; c < m_k; ++c) {
            const float diff = x[j] - centreCoordinates[c];
            distance2[c] += diff * diff;
        }
    }
    int best = 0;
    float first = kInfinity, second = kInfinity;
    for (int c = 0; c < m_k; ++c) {
        if (distance2[c] < first) {
            second = first;
            first = distance2[c];
            best = c;
        } else if (distance2[c] < second) {
            second = distance2[c];
        }
    }
    m_labels[i] = best;
    m_upper[i] = std::sqrt(first);
    m_lower[i] = std::sqrt(second);
}

void Lloyd::assignChunk(std::size_t chunk, const std::vector<float>& centres, bool& changed)
{
    std::vector<float> distance2(m_k);
    double* sums = m_chunkSums.data() + chunk * m_k * m_dim;
    std::int64_t* counts = m_chunkCounts.data() + chunk * m_k;
    const std::size_t end = std::min(m_count, (chunk + 1) * kKMeansChunkRows);
    for (std::size_t i = chunk * kKMeansChunkRows; i < end; ++i) {
        const std::int32_t label = m_labels[i];
        if (label < 0) {
            scanAll(i, distance2);
        } else {
            const float bound = std::max(m_halfGap[label], m_lower[i]);
            if (m_upper[i] > bound) {
                m_upper[i] = std::sqrt(squaredDistance(row(i), &centres[std::size_t(label) * m_dim], m_dim));
                if (m_upper[i] > bound)
                    scanAll(i, distance2);
            }
        }
        changed |= m_labels[i] != label;
        counts[m_labels[i]] += 1;
        const float* x = row(i);
        for (int j = 0; j < m_dim; ++j)
            sums[std::size_t(m_labels[i]) * m_dim + j] += x[j];
    }
}

bool Lloyd::assign(const std::vector<float>& centres)
{
    prepareCentres(centres);
    m_chunkSums.assign(m_chunks * m_k * m_dim, 0.0);
    m_chunkCounts.assign(m_chunks * m_k, 0);
    std::vector<char> chunkChanged(m_chunks, 0);
    parallelChunks(m_chunks, m_threads, {}, [&](std::size_t chunk) {
        bool changed = false;
        assignChunk(chunk, centres, changed);
        chunkChanged[chunk] = changed;
    });
    return std::any_of(chunkChanged.begin(), chunkChanged.end(), [](char c) { return c != 0; });
}

// Rows for the empty clusters: the rows farthest from their centres, one per empty cluster
// in cluster order (k × d; rows of non-empty clusters unused).
std::vector<float> Lloyd::refillEmpty(const std::vector<std::int64_t>& counts, const std::vector<float>& centres) const
{
    std::vector<float> refill(centres.size());
    if (std::all_of(counts.begin(), counts.end(), [](std::int64_t n) { return n > 0; }))
        return refill;
    std::vector<float> distance2(m_count);
    parallelChunks(m_chunks, m_threads, {}, [&](std::size_t chunk) {
        for (std::size_t i = chunk * kKMeansChunkRows; i < std::min(m_count, (chunk + 1) * kKMeansChunkRows); ++i)
            distance2[i] = squaredDistance(row(i), &centres[std::size_t(m_labels[i]) * m_dim], m_dim);
    });
    for (int c = 0; c < m_k; ++c) {
        if (counts[c] > 0)
            continue;
        const std::size_t far = std::size_t(std::max_element(distance2.begin(), distance2.end()) - distance2.begin());
        distance2[far] = -1;   // not used twice
        std::copy(row(far), row(far) + m_dim, refill.begin() + std::ptrdiff_t(c) * m_dim);
    }
    return refill;
}

double Lloyd::update(std::vector<float>& centres)
{
    std::vector<double> sums(std::size_t(m_k) * m_dim, 0.0);
    std::vector<std::int64_t> counts(m_k, 0);
    for (std::size_t chunk = 0; chunk < m_chunks; ++chunk)
        for (int c = 0; c < m_k; ++c) {
            counts[c] += m_chunkCounts[chunk * m_k + c];
            for (int j = 0; j < m_dim; ++j)
                sums[std::size_t(c) * m_dim + j] += m_chunkSums[(chunk * m_k + c) * m_dim + j];
        }
    const std::vector<float> refill = refillEmpty(counts, centres);
    std::vector<float> moved(m_k);
    double shift = 0;
    for (int c = 0; c < m_k; ++c) {
        float* centre = centres.data() + std::size_t(c) * m_dim;
        std::vector<float> next(refill.begin() + std::ptrdiff_t(c) * m_dim,
                                refill.begin() + std::ptrdiff_t(c + 1) * m_dim);   // used if empty
        if (counts[c] > 0)
            for (int j = 0; j < m_dim; ++j)
                next[j] = float(sums[std::size_t(c) * m_dim + j] / double(counts[c]));
        const float moved2 = squaredDistance(centre, next.data(), m_dim);
        moved[c] = std::sqrt(moved2);
        shift += moved2;
        std::copy(next.begin(), next.end(), centre);
    }
    // The largest move loosens every lower bound, except that a row's own centre's move
    // does not count against its lower bound (the second largest does).
    const int largest = int(std::max_element(moved.begin(), moved.end()) - moved.begin());
    float secondLargest = 0;
    for (int c = 0; c < m_k; ++c)
        if (c != largest)
            secondLargest = std::max(secondLargest, moved[c]);
    parallelChunks(m_chunks, m_threads, {}, [&](std::size_t chunk) {
        for (std::size_t i = chunk * kKMeansChunkRows; i < std::min(m_count, (chunk + 1) * kKMeansChunkRows); ++i) {
            m_upper[i] += moved[m_labels[i]];
            m_lower[i] -= m_labels[i] == largest ? secondLargest : moved[largest];
        }
    });
    return shift;
}

double Lloyd::inertia(const std::vector<float>& centres) const
{
    std::vector<double> chunkSums(m_chunks, 0.0);
    parallelChunks(m_chunks, m_threads, {}, [&](std::size_t chunk) {
        double sum = 0;
        for (std::size_t i = chunk * kKMeansChunkRows; i < std::min(m_count, (chunk + 1) * kKMeansChunkRows); ++i)
            sum += squaredDistance(row(i), &centres[std::size_t(m_labels[i]) * m_dim], m_dim);
        chunkSums[chunk] = sum;
    });
    double total = 0;
    for (double sum : chunkSums)
        total += sum;
    return total;
}

} // namespace

LloydResult lloydIterations(const float* rows, std::size_t count, int dim, std::vector<float> centres,
                            const LloydOptions& options, const AnalysisContext& context)
{
    const int k = int(centres.size() / std::size_t(dim));
    Lloyd lloyd(rows, count, dim, k, options.threads);
    LloydResult result;
    for (;;) {
        context.checkCancelled();
        const bool changed = lloyd.assign(centres);
        if ((result.iterations > 0 && !changed) || result.iterations >= options.maxIterations)
            break;
        const double shift = lloyd.update(centres);
        ++result.iterations;
        context.report(double(result.iterations) / double(std::max(1, options.maxIterations)));
        if (shift <= options.tolerance) {
            lloyd.assign(centres);   // labels that match the final centres
            break;
        }
    }
    result.inertia = lloyd.inertia(centres);
    result.labels = lloyd.takeLabels();
    result.centres = std::move(centres);
    return result;
}

} // namespace cryo
