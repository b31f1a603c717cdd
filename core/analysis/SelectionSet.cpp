#include "analysis/SelectionSet.h"

#include "util/Error.h"

#include <bit>
#include <string>

namespace cryo {

SelectionSet::SelectionSet(std::size_t size, bool selected)
    : m_size(size), m_words((size + 63) / 64, selected ? ~std::uint64_t(0) : 0)
{
    clearPadding();
}

SelectionSet SelectionSet::fromIndices(std::size_t size, const std::vector<std::size_t>& indices)
{
    SelectionSet set(size);
    for (std::size_t index : indices)
        set.set(index);
    return set;
}

std::size_t SelectionSet::count() const
{
    std::size_t n = 0;
    for (std::uint64_t word : m_words)
        n += std::size_t(std::popcount(word));
    return n;
}

void SelectionSet::set(std::size_t index, bool selected)
{
    if (index >= m_size)
        throw UsageError("selection index " + std::to_string(index) + " is out of range (size "
                         + std::to_string(m_size) + ")");
    const std::uint64_t bit = std::uint64_t(1) << (index & 63);
    if (selected)
        m_words[index >> 6] |= bit;
    else
        m_words[index >> 6] &= ~bit;
}

std::vector<std::size_t> SelectionSet::indices() const
{
    std::vector<std::size_t> out;
    out.reserve(count());
    for (std::size_t w = 0; w < m_words.size(); ++w) {
        std::uint64_t word = m_words[w];
        while (word) {
            out.push_back(w * 64 + std::size_t(std::countr_zero(word)));
            word &= word - 1;
        }
    }
    return out;
}

void SelectionSet::combine(const SelectionSet& other, SelectionMode mode)
{
    if (other.m_size != m_size)
        throw UsageError("cannot combine selections over " + std::to_string(m_size) + " and "
                         + std::to_string(other.m_size) + " particles");
    for (std::size_t w = 0; w < m_words.size(); ++w) {
        const std::uint64_t b = other.m_words[w];
        std::uint64_t& a = m_words[w];
        switch (mode) {
        case SelectionMode::Replace: a = b; break;
        case SelectionMode::Add: a |= b; break;
        case SelectionMode::Subtract: a &= ~b; break;
        case SelectionMode::Intersect: a &= b; break;
        }
    }
}

void SelectionSet::invert()
{
    for (std::uint64_t& word : m_words)
        word = ~word;
    clearPadding();
}

void SelectionSet::clear()
{
    for (std::uint64_t& word : m_words)
        word = 0;
}

void SelectionSet::clearPadding()
{
    if (m_size % 64 != 0 && !m_words.empty())
        m_words.back() &= (std::uint64_t(1) << (m_size % 64)) - 1;
}

SelectionSet combined(SelectionSet a, const SelectionSet& b, SelectionMode mode)
{
    a.combine(b, mode);
    return a;
}

} // namespace cryo
