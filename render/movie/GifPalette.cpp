#include "GifPalette.h"

#include <algorithm>
#include <limits>

namespace cryo {

namespace {

constexpr int kBins = 32768;   // 5 bits per channel

struct Bin {
    std::uint16_t colour;   // 15-bit rrrrrgggggbbbbb
    std::uint32_t count;
};

int channel(std::uint16_t colour, int axis) { return (colour >> (10 - 5 * axis)) & 31; }

// A box of histogram bins: [begin, end) in the shared bin vector.
struct Box {
    std::size_t begin, end;
    int longestAxis = 0, extent = 0;
    std::uint64_t pixels = 0;
};

void measure(const std::vector<Bin>& bins, Box& box)
{
    int lo[3] = {31, 31, 31}, hi[3] = {0, 0, 0};
    box.pixels = 0;
    for (std::size_t i = box.begin; i < box.end; ++i) {
        for (int a = 0; a < 3; ++a) {
            lo[a] = std::min(lo[a], channel(bins[i].colour, a));
            hi[a] = std::max(hi[a], channel(bins[i].colour, a));
        }
        box.pixels += bins[i].count;
    }
    box.extent = -1;
    for (int a = 0; a < 3; ++a)
        if (hi[a] - lo[a] > box.extent) {
            box.extent = hi[a] - lo[a];
            box.longestAxis = a;
        }
}

// Splits `box` at the pixel-weighted median of its longest axis; the second half is returned.
Box split(std::vector<Bin>& bins, Box& box)
{
    const int axis = box.longestAxis;
    std::sort(bins.begin() + std::ptrdiff_t(box.begin), bins.begin() + std::ptrdiff_t(box.end),
              [axis](const Bin& a, const Bin& b) { return channel(a.colour, axis) < channel(b.colour, axis); });
    std::uint64_t seen = 0;
    std::size_t cut = box.begin + 1;
    for (std::size_t i = box.begin; i + 1 < box.end; ++i) {
        seen += bins[i].count;
        cut = i + 1;
        if (2 * seen >= box.pixels)
            break;
    }
    Box second{cut, box.end};
    box.end = cut;
    measure(bins, box);
    measure(bins, second);
    return second;
}

std::vector<Bin> histogram(const std::vector<std::span<const std::uint8_t>>& frames, int pixelStep)
{
    std::vector<std::uint32_t> counts(kBins, 0);
    const std::size_t step = std::size_t(std::max(1, pixelStep)) * 3;
    for (const auto& frame : frames)
        for (std::size_t i = 0; i + 2 < frame.size(); i += step)
            ++counts[(std::size_t(frame[i] >> 3) << 10) | (std::size_t(frame[i + 1] >> 3) << 5)
                     | std::size_t(frame[i + 2] >> 3)];
    std::vector<Bin> bins;
    for (int c = 0; c < kBins; ++c)
        if (counts[std::size_t(c)] > 0)
            bins.push_back({std::uint16_t(c), counts[std::size_t(c)]});
    return bins;
}

} // namespace

GifPalette GifPalette::build(const std::vector<std::span<const std::uint8_t>>& frames, int pixelStep)
{
    std::vector<Bin> bins = histogram(frames, pixelStep);
    std::vector<Box> boxes;
    if (!bins.empty()) {
        boxes.push_back({0, bins.size()});
        measure(bins, boxes.back());
    }
    // Always split the box with the most pixels × extent: large smooth regions (background,
    // lit surface gradients) get the most entries.
    while (boxes.size() < 256) {
        auto best = boxes.end();
        double bestScore = 0;
        for (auto it = boxes.begin(); it != boxes.end(); ++it) {
            const double score = double(it->pixels) * it->extent;
            if (it->end - it->begin > 1 && it->extent > 0 && score > bestScore) {
                bestScore = score;
                best = it;
            }
        }
        if (best == boxes.end())
            break;
        Box second = split(bins, *best);
        boxes.push_back(second);
    }

    GifPalette palette;
    palette.m_colors = int(boxes.size());
    for (std::size_t b = 0; b < boxes.size(); ++b) {
        double sum[3] = {0, 0, 0}, weight = 0;
        for (std::size_t i = boxes[b].begin; i < boxes[b].end; ++i) {
            for (int a = 0; a < 3; ++a)
                sum[a] += double(bins[i].count) * (channel(bins[i].colour, a) * 8 + 4);
            weight += bins[i].count;
        }
        std::uint32_t argb = 0xFF000000u;
        for (int a = 0; a < 3; ++a)
            argb |= std::uint32_t(std::clamp(int(sum[a] / weight + 0.5), 0, 255)) << (16 - 8 * a);
        palette.m_argb[b] = argb;
    }
    for (std::size_t b = boxes.size(); b < 256; ++b)
        palette.m_argb[b] = 0xFF000000u;

    palette.buildLookup();
    return palette;
}

void GifPalette::buildLookup()
{
    // Nearest entry for every 15-bit colour (brute force: 32768 × colours, a few ms).
    m_lookup.assign(kBins, 0);
    const int colours = std::max(1, m_colors);
    for (int c = 0; c < kBins; ++c) {
        const int rgb[3] = {((c >> 10) & 31) * 8 + 4, ((c >> 5) & 31) * 8 + 4, (c & 31) * 8 + 4};
        int best = 0, bestDistance = std::numeric_limits<int>::max();
        for (int p = 0; p < colours; ++p) {
            int distance = 0;
            for (int a = 0; a < 3; ++a) {
                const int d = rgb[a] - int((m_argb[std::size_t(p)] >> (16 - 8 * a)) & 0xFF);
                distance += d * d;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = p;
            }
        }
        m_lookup[std::size_t(c)] = std::uint8_t(best);
    }
}

void GifPalette::map(std::span<const std::uint8_t> rgb, int width, int height, std::uint8_t* out, int stride) const
{
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* row = rgb.data() + std::size_t(y) * std::size_t(width) * 3;
        std::uint8_t* target = out + std::ptrdiff_t(y) * stride;
        for (int x = 0; x < width; ++x)
            target[x] = index(row[3 * x], row[3 * x + 1], row[3 * x + 2]);
    }
}

} // namespace cryo
