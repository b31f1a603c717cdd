// REDUCE and BUILD: NumPy arrays, dtypes and scalars, protocol-2 bytes, OrderedDict; the
// torch rebuilders are dispatched to UnpicklerTorch.cpp.
#include "formats/Unpickler.h"

namespace cryo::pickle_detail {

namespace {

bool endsWith(const std::string& s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

Node* Unpickler::reduce(const Node& callable, const Node& args)
{
    if (callable.kind != Node::Kind::Global || args.kind != Node::Kind::Tuple)
        fail("REDUCE needs a known callable and an argument tuple");
    const std::string& name = callable.text;
    if (name == "collections.OrderedDict") {   // filled by SETITEMS after the call
        if (!args.items.empty())
            fail("OrderedDict is only read when built empty");
        return makeNode(Node::Kind::Dict);
    }
    if (name == "torch._utils._rebuild_tensor_v2")
        return rebuildTensor(args);
    if (name.starts_with("torch._utils._rebuild_parameter")) {   // (data, requires_grad, hooks[, state])
        if (args.items.empty() || args.items[0]->kind != Node::Kind::Array)
            fail("a parameter must wrap a tensor");
        return args.items[0];
    }
    if (torchStorageDtype(name))
        fail("a storage type is only valid inside a persistent id");
    if (endsWith(name, "multiarray._reconstruct")) {
        Node* n = makeNode(Node::Kind::Array);
        n->array = std::make_shared<PickledArray>();   // filled in by BUILD
        return n;
    }
    if (name == "numpy.dtype") {
        if (args.items.empty() || args.items[0]->kind != Node::Kind::String)
            fail("numpy.dtype needs a type string");
        Node* n = textNode(Node::Kind::Dtype, args.items[0]->text);
        n->byteOrder = endsWith(n->text, "1") ? '|' : '<';
        return n;
    }
    if (endsWith(name, "._frombuffer"))
        return frombuffer(args, false);
    if (endsWith(name, "multiarray.scalar"))
        return frombuffer(args, true);
    if (name != "_codecs.encode")
        fail("'" + name + "' cannot be called");
    // _codecs.encode(str, 'latin1'): how protocol 2 stores bytes; the str holds code points < 256.
    if (args.items.size() != 2 || args.items[0]->kind != Node::Kind::String)
        fail("_codecs.encode needs (str, encoding)");
    std::string out;
    const std::string& s = args.items[0]->text;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80)
            out += char(c);
        else if ((c & 0xE0) == 0xC0 && i + 1 < s.size() && c <= 0xC3)
            out += char(((c & 0x1F) << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F));
        else
            fail("_codecs.encode: text is not latin-1");
    }
    return textNode(Node::Kind::Bytes, out);
}

std::vector<std::int64_t> Unpickler::shapeOf(const Node& tuple)
{
    if (tuple.kind != Node::Kind::Tuple)
        fail("array shape is not a tuple");
    std::vector<std::int64_t> shape;
    for (const Node* d : tuple.items) {
        if (d->kind != Node::Kind::Int || d->integer < 0)
            fail("array shape holds a non-integer or negative size");
        shape.push_back(d->integer);
    }
    return shape;
}

void Unpickler::setArray(PickledArray& a, const Node& dtype, std::vector<std::int64_t> shape, const Node& data)
{
    if (dtype.kind != Node::Kind::Dtype)
        fail("array dtype is not a numpy.dtype");
    if (data.kind != Node::Kind::Bytes)
        fail("array data is not raw bytes (object arrays are not read)");
    const std::string dtypeText = std::string(1, dtype.byteOrder) + dtype.text;
    if (!parseNpyDtype(dtypeText, a.dtype))
        fail("unsupported array dtype '" + dtypeText + "'");
    a.shape = std::move(shape);
    std::size_t count = 1;
    for (std::int64_t d : a.shape) {
        if (d > 0 && count > (std::size_t(1) << 48) / std::size_t(d))
            fail("array shape " + a.shapeText() + " is implausibly large");
        count *= std::size_t(d);
    }
    if (data.text.size() != count * a.dtype.itemSize)
        fail("array data has " + std::to_string(data.text.size()) + " bytes; shape " + a.shapeText() + " of " +
             dtypeText + " needs " + std::to_string(count * a.dtype.itemSize));
    a.bytes = data.text;
}

Node* Unpickler::frombuffer(const Node& args, bool scalar)
{
    Node* n = makeNode(Node::Kind::Array);
    n->array = std::make_shared<PickledArray>();
    if (scalar) {
        if (args.items.size() != 2)
            fail("numpy scalar needs (dtype, bytes)");
        setArray(*n->array, *args.items[0], {}, *args.items[1]);
        return n;
    }
    if (args.items.size() != 4)
        fail("_frombuffer needs (buffer, dtype, shape, order)");
    if (args.items[3]->kind != Node::Kind::String || args.items[3]->text != "C") {
        const std::vector<std::int64_t> shape = shapeOf(*args.items[2]);
        if (shape.size() > 1)
            fail("Fortran-order arrays are not supported");
    }
    setArray(*n->array, *args.items[1], shapeOf(*args.items[2]), *args.items[0]);
    return n;
}

void Unpickler::build(Node& object, const Node& state)
{
    if (object.kind == Node::Kind::Dict)
        return;   // an OrderedDict's attributes (a state dict's _metadata): not data we use
    if (state.kind != Node::Kind::Tuple)
        fail("BUILD state is not a tuple");
    const auto& s = state.items;
    if (object.kind == Node::Kind::Dtype) {
        // (version, byteorder, subarray, names, fields, elsize, alignment, flags)
        if (s.size() < 2 || s[1]->kind != Node::Kind::String)
            fail("dtype state without a byte order");
        if (s.size() > 3 && s[3]->kind != Node::Kind::None)
            fail("structured dtypes are not supported in pickles");
        if (s.size() > 2 && s[2]->kind != Node::Kind::None)
            fail("sub-array dtypes are not supported in pickles");
        const std::string& order = s[1]->text;
        object.byteOrder = order == "=" ? '<' : (order.size() == 1 ? order[0] : '?');
        return;
    }
    if (object.kind != Node::Kind::Array || !object.array)
        fail("BUILD on an object that is not a NumPy array or dtype");
    // (version, shape, dtype, is_fortran, data); version is missing in very old pickles.
    const std::size_t o = s.size() == 5 ? 1 : 0;
    if (s.size() != 4 + o)
        fail("ndarray state has " + std::to_string(s.size()) + " items, expected 5");
    const std::vector<std::int64_t> shape = shapeOf(*s[o]);
    if (s[o + 2]->kind == Node::Kind::Bool && s[o + 2]->boolean && shape.size() > 1)
        fail("Fortran-order arrays are not supported");
    setArray(*object.array, *s[o + 1], shape, *s[o + 3]);
}

} // namespace cryo::pickle_detail
