#pragma once
// Mutation primitives for the fuzz tests (tests/core/tst_fuzz_*.cpp). A format's test builds
// a valid seed file and applies structured mutations that know its layout (header words,
// counts, dtypes, nesting) through these primitives, plus format-blind byte mutations.
// Everything is driven by one seeded generator, so case i of a format is the same file on
// every machine and can be regenerated from its number alone.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

class Mutator {
public:
    explicit Mutator(std::uint64_t seed) : m_rng(seed) {}
    // Case i of a format whose cases start from `formatSeed`: far-apart seeds per case.
    static Mutator forCase(std::uint64_t formatSeed, std::size_t i) { return Mutator(formatSeed + i * 0x9E3779B97F4A7C15ull); }

    std::size_t below(std::size_t n) { return n == 0 ? 0 : std::size_t(m_rng() % n); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_rng) < p; }
    template <typename T>
    const T& pick(const std::vector<T>& options) { return options[below(options.size())]; }

    // Values at the edges of what a size, count or index field can hold.
    std::int64_t edgeInteger()
    {
        static const std::vector<std::int64_t> edges{0, 1, -1, 2, 3, 7, 255, 256, 65535, 65536, 1 << 30,
                                                     (1LL << 31) - 1, -(1LL << 31), 1LL << 32, 1LL << 40,
                                                     (1LL << 62), INT64_MAX, INT64_MIN};
        const std::int64_t v = pick(edges);
        return chance(0.2) ? v + std::int64_t(below(5)) - 2 : v;
    }
    std::int32_t edgeInt32() { return std::int32_t(edgeInteger()); }

    // Text tokens that break parsers: numbers at the edges, NaN/Inf, quotes, keywords.
    std::string edgeToken()
    {
        static const std::vector<std::string> tokens{
            "0", "-1", "1", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "1e-320",
            "nan", "NaN", "inf", "-inf", "1.5", "abc", "\"", "'", "''", "\"\"", "[", "]", "[[[[", "#",
            "_", "loop_", "data_", "0@x.mrcs", "@", "1@", "99999999@particles.mrcs", "-3@particles.mrcs",
            "1@/dev/null", "1@../../../../etc/passwd", std::string(300, 'x')};
        return pick(tokens);
    }

    // ---- format-blind byte mutations ----
    void flipBits(std::string& bytes, int count)
    {
        for (int i = 0; i < count && !bytes.empty(); ++i)
            bytes[below(bytes.size())] ^= char(1u << below(8));
    }
    void setEdgeBytes(std::string& bytes, int count)
    {
        static const std::vector<unsigned char> edges{0x00, 0xff, 0x7f, 0x80, 0x01, '\n', ' ', '(', ')', '\''};
        for (int i = 0; i < count && !bytes.empty(); ++i)
            bytes[below(bytes.size())] = char(pick(edges));
    }
    void truncate(std::string& bytes) { bytes.resize(below(bytes.size() + 1)); }
    // Removes, duplicates or inserts random bytes in a stretch of up to 64 bytes.
    void spliceChunk(std::string& bytes)
    {
        if (bytes.empty())
            return;
        const std::size_t at = below(bytes.size()), length = 1 + below(std::min<std::size_t>(64, bytes.size() - at));
        switch (below(3)) {
        case 0: bytes.erase(at, length); break;
        case 1: bytes.insert(at, bytes.substr(at, length)); break;
        default: {
            std::string noise(length, '\0');
            for (char& c : noise)
                c = char(below(256));
            bytes.insert(at, noise);
        }
        }
    }
    // One to four of the above, AFL's "havoc" in miniature.
    void havoc(std::string& bytes)
    {
        for (std::size_t n = 1 + below(4); n > 0; --n) {
            switch (below(4)) {
            case 0: flipBits(bytes, 1 + int(below(8))); break;
            case 1: setEdgeBytes(bytes, 1 + int(below(4))); break;
            case 2: spliceChunk(bytes); break;
            default:
                if (chance(0.3))
                    truncate(bytes);
                else
                    flipBits(bytes, 1);
            }
        }
    }

    // ---- binary fields ----
    template <typename T>
    static void put(std::string& bytes, std::size_t offset, T value)
    {
        if (offset + sizeof(T) <= bytes.size())
            std::memcpy(bytes.data() + offset, &value, sizeof(T));
    }

    // ---- line-based text (STAR, lists) ----
    static std::vector<std::string> splitLines(const std::string& text)
    {
        std::vector<std::string> lines;
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            lines.push_back(text.substr(start, end - start));
            start = end + 1;
        }
        return lines;
    }
    static std::string joinLines(const std::vector<std::string>& lines)
    {
        std::string text;
        for (std::size_t i = 0; i < lines.size(); ++i)
            text += (i ? "\n" : "") + lines[i];
        return text;
    }
    // Deletes, duplicates (up to 50×), swaps or cuts a line.
    void mutateLines(std::vector<std::string>& lines)
    {
        if (lines.empty())
            return;
        const std::size_t i = below(lines.size());
        switch (below(4)) {
        case 0: lines.erase(lines.begin() + std::ptrdiff_t(i)); break;
        case 1: lines.insert(lines.begin() + std::ptrdiff_t(i), 1 + below(50), lines[i]); break;
        case 2: std::swap(lines[i], lines[below(lines.size())]); break;
        default: lines[i].resize(below(lines[i].size() + 1));
        }
    }
    // Replaces, drops or adds one whitespace-separated token of a line.
    void mutateToken(std::string& line)
    {
        std::vector<std::string> tokens;
        std::size_t start = 0;
        while ((start = line.find_first_not_of(" \t", start)) != std::string::npos) {
            const std::size_t end = std::min(line.find_first_of(" \t", start), line.size());
            tokens.push_back(line.substr(start, end - start));
            start = end;
        }
        const std::size_t i = below(tokens.size() + 1);
        const int action = int(below(3));
        if (action == 0 || tokens.empty() || i == tokens.size())
            tokens.insert(tokens.begin() + std::ptrdiff_t(std::min(i, tokens.size())), edgeToken());
        else if (action == 1)
            tokens[i] = edgeToken();
        else
            tokens.erase(tokens.begin() + std::ptrdiff_t(i));
        line.clear();
        for (std::size_t k = 0; k < tokens.size(); ++k)
            line += (k ? " " : "") + tokens[k];
    }

    static std::string repeated(std::string_view unit, std::size_t times)
    {
        std::string out;
        out.reserve(unit.size() * times);
        for (std::size_t i = 0; i < times; ++i)
            out += unit;
        return out;
    }

private:
    std::mt19937_64 m_rng;
};

} // namespace fuzz
