#include "formats/PickleFile.h"

#include "formats/AtomicFile.h"
#include "formats/Unpickler.h"
#include "util/Error.h"

namespace cryo {

namespace pickle_detail {

namespace {

// Shared objects are copied once per reference, so a small file could otherwise expand
// exponentially ([a, a] nested 40 times): the copies are counted against a budget.
class Converter {
public:
    Converter(const std::filesystem::path& source, std::size_t inputBytes)
        : m_source(source), m_textBudget(4 * inputBytes + (std::size_t(1) << 20))
    {
    }

    PickleValue convert(const Node& n, int depth)
    {
        if (depth > 200)
            throw FileError(m_source, "pickle nests too deeply (or refers to itself)");
        if (++m_values > 2 * Unpickler::kMaxNodes)
            throw FileError(m_source, "pickle refers to its objects too many times over");
        PickleValue v;
        using K = Node::Kind;
        switch (n.kind) {
        case K::None: v.kind = PickleValue::Kind::None; break;
        case K::Bool: v.kind = PickleValue::Kind::Bool; v.boolean = n.boolean; break;
        case K::Int: v.kind = PickleValue::Kind::Int; v.integer = n.integer; break;
        case K::Float: v.kind = PickleValue::Kind::Float; v.real = n.real; break;
        case K::String: case K::Global: case K::Dtype: v.kind = PickleValue::Kind::String; v.text = text(n); break;
        case K::Bytes: v.kind = PickleValue::Kind::Bytes; v.text = text(n); break;
        case K::Tuple: v.kind = PickleValue::Kind::Tuple; break;
        case K::List: v.kind = PickleValue::Kind::List; break;
        case K::Dict: v.kind = PickleValue::Kind::Dict; break;
        case K::Storage: throw FileError(m_source, "pickle holds a bare torch storage (not inside a tensor)");
        case K::Array:
            if (n.array->dtype.itemSize == 0)
                throw FileError(m_source, "pickle holds an ndarray that was never given its data (no BUILD)");
            v.kind = PickleValue::Kind::Array;
            v.array = n.array;
            break;
        }
        v.items.reserve(n.items.size());
        for (const Node* item : n.items)
            v.items.push_back(convert(*item, depth + 1));
        return v;
    }

private:
    const std::string& text(const Node& n)
    {
        if (n.text.size() > m_textBudget)
            throw FileError(m_source, "pickle refers to its strings too many times over");
        m_textBudget -= n.text.size();
        return n.text;
    }

    const std::filesystem::path& m_source;
    std::size_t m_textBudget;
    std::size_t m_values = 0;
};

} // namespace

PickleValue toValue(const Node& root, const std::filesystem::path& source, std::size_t inputBytes)
{
    return Converter(source, inputBytes).convert(root, 0);
}

} // namespace pickle_detail

PickleValue parsePickle(std::string_view bytes, const std::filesystem::path& source, std::size_t offset, std::size_t* end)
{
    if (offset >= bytes.size())
        throw FileError(source, "empty pickle (no data at byte " + std::to_string(offset) + ")");
    pickle_detail::Unpickler unpickler(bytes, source, offset);
    const pickle_detail::Node* root = unpickler.run();
    if (end)
        *end = unpickler.position();
    return pickle_detail::toValue(*root, source, bytes.size());
}

PickleValue readPickle(const std::filesystem::path& path)
{
    const std::string bytes = readWholeFile(path);
    return parsePickle(bytes, path);
}

std::vector<PickleValue> readPickles(const std::filesystem::path& path)
{
    const std::string bytes = readWholeFile(path);
    std::vector<PickleValue> values;
    std::size_t offset = 0;
    do {
        values.push_back(parsePickle(bytes, path, offset, &offset));
    } while (offset < bytes.size());
    return values;
}

PickledArray readPickledArray(const std::filesystem::path& path)
{
    const PickleValue v = readPickle(path);
    if (!v.isArray())
        throw FileError(path, "expected a pickled NumPy array, found " + v.kindName());
    return *v.array;
}

} // namespace cryo
