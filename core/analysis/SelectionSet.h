#pragma once
// A selection over N particles: one bit per particle (N = 1,000,000 takes 125 kB, so
// undo snapshots stay cheap). Bits past size() in the last word are always zero.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cryo {

// How a new region combines with an existing selection (lasso / rectangle / range picks).
enum class SelectionMode { Replace, Add, Subtract, Intersect };

class SelectionSet {
public:
    SelectionSet() = default;
    explicit SelectionSet(std::size_t size, bool selected = false);
    // Throws UsageError for an index >= size.
    static SelectionSet fromIndices(std::size_t size, const std::vector<std::size_t>& indices);

    std::size_t size() const { return m_size; }
    std::size_t count() const;  // number of selected particles (popcount, ~10 µs per million)
    bool empty() const { return count() == 0; }
    bool contains(std::size_t index) const
    {
        return index < m_size && ((m_words[index >> 6] >> (index & 63)) & 1u);
    }
    void set(std::size_t index, bool selected = true);  // throws UsageError out of range

    std::vector<std::size_t> indices() const;  // sorted ascending

    // this = this ∘ other; throws UsageError when the sizes differ.
    void combine(const SelectionSet& other, SelectionMode mode);
    void invert();
    void clear();

    // Raw words for fast producers (PolygonSelect): bit i of word w is particle 64 w + i.
    const std::vector<std::uint64_t>& words() const { return m_words; }
    std::vector<std::uint64_t>& words() { return m_words; }
    void clearPadding();  // producers call this after writing whole words

    bool operator==(const SelectionSet& other) const = default;

private:
    std::size_t m_size = 0;
    std::vector<std::uint64_t> m_words;
};

// `a ∘ b` without modifying either.
SelectionSet combined(SelectionSet a, const SelectionSet& b, SelectionMode mode);

} // namespace cryo
