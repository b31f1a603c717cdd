#include "formats/PickleFile.h"

#include "formats/AtomicFile.h"
#include "formats/Unpickler.h"
#include "util/Error.h"

namespace cryo {

namespace {

using pickle_detail::Node;
using pickle_detail::NodePtr;

PickleValue toValue(const Node& n, const std::filesystem::path& source, int depth)
{
    if (depth > 200)
        throw FileError(source, "pickle nests too deeply (or refers to itself)");
    PickleValue v;
    using K = Node::Kind;
    switch (n.kind) {
    case K::None: v.kind = PickleValue::Kind::None; break;
    case K::Bool: v.kind = PickleValue::Kind::Bool; v.boolean = n.boolean; break;
    case K::Int: v.kind = PickleValue::Kind::Int; v.integer = n.integer; break;
    case K::Float: v.kind = PickleValue::Kind::Float; v.real = n.real; break;
    case K::String: case K::Global: case K::Dtype: v.kind = PickleValue::Kind::String; v.text = n.text; break;
    case K::Bytes: v.kind = PickleValue::Kind::Bytes; v.text = n.text; break;
    case K::Tuple: v.kind = PickleValue::Kind::Tuple; break;
    case K::List: v.kind = PickleValue::Kind::List; break;
    case K::Dict: v.kind = PickleValue::Kind::Dict; break;
    case K::Array:
        if (n.array->dtype.itemSize == 0)
            throw FileError(source, "pickle holds an ndarray that was never given its data (no BUILD)");
        v.kind = PickleValue::Kind::Array;
        v.array = n.array;
        break;
    }
    for (const NodePtr& item : n.items)
        v.items.push_back(toValue(*item, source, depth + 1));
    return v;
}

} // namespace

PickleValue parsePickle(std::string_view bytes, const std::filesystem::path& source, std::size_t offset, std::size_t* end)
{
    if (offset >= bytes.size())
        throw FileError(source, "empty pickle (no data at byte " + std::to_string(offset) + ")");
    pickle_detail::Unpickler unpickler(bytes, source, offset);
    const pickle_detail::NodePtr root = unpickler.run();
    if (end)
        *end = unpickler.position();
    return toValue(*root, source, 0);
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
