#include "formats/PickleFile.h"

#include "formats/AtomicFile.h"
#include "util/Error.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace cryo {

namespace {

// While unpickling, objects are shared nodes: the memo and the stack may refer to the same
// list or dtype, and BUILD / APPEND mutate it in place.
struct Node;
using NodePtr = std::shared_ptr<Node>;
struct Node {
    enum class Kind { None, Bool, Int, Float, String, Bytes, Tuple, List, Dict, Global, Dtype, Array };
    Kind kind = Kind::None;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;            // String, Bytes, Global "module.name", Dtype "f4"
    char byteOrder = '<';        // Dtype: '<', '>', '|' (set by BUILD)
    std::vector<NodePtr> items;  // Tuple, List, Dict (key, value, ...)
    std::shared_ptr<PickledArray> array;
};

NodePtr makeNode(Node::Kind kind)
{
    auto n = std::make_shared<Node>();
    n->kind = kind;
    return n;
}

const char* opcodeName(unsigned char op)
{
    switch (op) {
    case 'c': return "GLOBAL";
    case 'i': return "INST";
    case 'o': return "OBJ";
    case 0x81: return "NEWOBJ";
    case 0x92: return "NEWOBJ_EX";
    case 'P': return "PERSID";
    case 'Q': return "BINPERSID";
    case 0x82: case 0x83: case 0x84: return "EXT";
    case 0x97: return "NEXT_BUFFER";
    case 0x98: return "READONLY_BUFFER";
    case 'R': return "REDUCE";
    case 'b': return "BUILD";
    case 0x93: return "STACK_GLOBAL";
    case 'S': return "STRING";
    case 'V': return "UNICODE";
    case 'L': return "LONG";
    case 0x8f: return "EMPTY_SET";
    case 0x90: return "ADDITEMS";
    case 0x91: return "FROZENSET";
    default: return nullptr;
    }
}

bool allowedGlobal(const std::string& name)
{
    static const char* const allowed[] = {
        "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct", "numpy.ndarray",
        "numpy.dtype", "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer",
        "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar", "_codecs.encode"};
    for (const char* a : allowed)
        if (name == a)
            return true;
    return false;
}

bool endsWith(const std::string& s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

class Unpickler {
public:
    Unpickler(std::string_view bytes, const std::filesystem::path& source, std::size_t offset)
        : m_bytes(bytes), m_source(source), m_pos(offset)
    {
    }

    NodePtr run()
    {
        for (;;) {
            m_opStart = m_pos;
            m_op = static_cast<unsigned char>(take(1)[0]);
            if (m_op == '.')
                break;
            if (!stepData() && !stepContainers() && !stepMemo() && !stepObjects())
                fail("unsupported opcode (only NumPy arrays, numbers, strings, tuples, lists and dicts are read)");
        }
        if (m_stack.size() != 1 || !m_marks.empty())
            fail("STOP with " + std::to_string(m_stack.size()) + " objects on the stack");
        return m_stack.back();
    }
    std::size_t position() const { return m_pos; }

    [[noreturn]] void fail(const std::string& problem) const
    {
        char where[96];
        const char* name = opcodeName(m_op);
        std::snprintf(where, sizeof where, "pickle opcode 0x%02x%s%s%s at byte %zu: ", unsigned(m_op),
                      name ? " (" : "", name ? name : "", name ? ")" : "", m_opStart);
        throw FileError(m_source, where + problem);
    }

private:
    std::string_view take(std::size_t n)
    {
        if (n > m_bytes.size() - m_pos) {
            throw FileError(m_source, "pickle is truncated at byte " + std::to_string(m_bytes.size()) +
                                          " (needed " + std::to_string(n) + " more bytes at byte " +
                                          std::to_string(m_pos) + ")");
        }
        const std::string_view s = m_bytes.substr(m_pos, n);
        m_pos += n;
        return s;
    }
    template <class T>
    T little()
    {
        T value;
        std::memcpy(&value, take(sizeof(T)).data(), sizeof(T));
        return value;   // the host is little-endian (formats/ByteOrder.h)
    }
    std::string line()
    {
        const std::size_t end = m_bytes.find('\n', m_pos);
        if (end == std::string_view::npos)
            fail("text argument without a newline");
        std::string s(m_bytes.substr(m_pos, end - m_pos));
        m_pos = end + 1;
        return s;
    }
    std::size_t length(std::uint64_t n)
    {
        if (n > m_bytes.size() - m_pos)
            fail("length " + std::to_string(n) + " runs past the end of the file");
        return std::size_t(n);
    }

    void push(NodePtr n) { m_stack.push_back(std::move(n)); }
    NodePtr pop()
    {
        if (m_stack.empty() || (!m_marks.empty() && m_marks.back() == m_stack.size()))
            fail("stack underflow");
        NodePtr n = std::move(m_stack.back());
        m_stack.pop_back();
        return n;
    }
    NodePtr& top()
    {
        if (m_stack.empty())
            fail("stack underflow");
        return m_stack.back();
    }
    std::vector<NodePtr> popMark()
    {
        if (m_marks.empty())
            fail("no MARK to pop to");
        const std::size_t mark = m_marks.back();
        m_marks.pop_back();
        std::vector<NodePtr> items(m_stack.begin() + std::ptrdiff_t(mark), m_stack.end());
        m_stack.resize(mark);
        return items;
    }
    NodePtr intNode(std::int64_t v)
    {
        NodePtr n = makeNode(Node::Kind::Int);
        n->integer = v;
        return n;
    }
    NodePtr textNode(Node::Kind kind, std::string_view s)
    {
        NodePtr n = makeNode(kind);
        n->text = std::string(s);
        return n;
    }
    NodePtr tupleOf(std::vector<NodePtr> items)
    {
        NodePtr n = makeNode(Node::Kind::Tuple);
        n->items = std::move(items);
        return n;
    }
    std::int64_t longBytes(std::size_t n);

    bool stepData();
    bool stepContainers();
    bool stepMemo();
    bool stepObjects();
    NodePtr reduce(const Node& callable, const Node& args);
    void build(Node& object, const Node& state);
    NodePtr frombuffer(const Node& args, bool scalar);
    void setArray(PickledArray& a, const Node& dtype, std::vector<std::int64_t> shape, const Node& data);
    std::vector<std::int64_t> shapeOf(const Node& tuple);

    std::string_view m_bytes;
    std::filesystem::path m_source;
    std::size_t m_pos = 0;
    std::size_t m_opStart = 0;
    unsigned char m_op = 0;
    std::vector<NodePtr> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, NodePtr> m_memo;
};

std::int64_t Unpickler::longBytes(std::size_t n)
{
    if (n > 8)
        fail("integer of " + std::to_string(n) + " bytes does not fit 64 bits");
    const std::string_view b = take(n);
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
        v |= std::uint64_t(static_cast<unsigned char>(b[i])) << (8 * i);
    if (n > 0 && n < 8 && (static_cast<unsigned char>(b[n - 1]) & 0x80))
        v |= ~std::uint64_t(0) << (8 * n);   // sign-extend two's complement
    return static_cast<std::int64_t>(v);
}

// Numbers, strings, bytes, constants, framing.
bool Unpickler::stepData()
{
    switch (m_op) {
    case 0x80: { const int v = static_cast<unsigned char>(take(1)[0]); if (v > 5) fail("protocol " + std::to_string(v) + " is newer than 5"); return true; }
    case 0x95: little<std::uint64_t>(); return true;   // FRAME: only a read-ahead hint
    case 'N': push(makeNode(Node::Kind::None)); return true;
    case 0x88: case 0x89: { NodePtr n = makeNode(Node::Kind::Bool); n->boolean = m_op == 0x88; push(n); return true; }
    case 'K': push(intNode(static_cast<unsigned char>(take(1)[0]))); return true;
    case 'M': push(intNode(little<std::uint16_t>())); return true;
    case 'J': push(intNode(little<std::int32_t>())); return true;
    case 0x8a: { const std::size_t n = static_cast<unsigned char>(take(1)[0]); push(intNode(longBytes(n))); return true; }
    case 0x8b: { const std::int32_t n = little<std::int32_t>(); if (n < 0) fail("negative length"); push(intNode(longBytes(std::size_t(n)))); return true; }
    case 'I': {
        const std::string s = line();
        if (s == "01" || s == "00") { NodePtr n = makeNode(Node::Kind::Bool); n->boolean = s == "01"; push(n); return true; }
        try { push(intNode(std::stoll(s))); } catch (const std::exception&) { fail("bad integer '" + s + "'"); }
        return true;
    }
    case 'G': {   // BINFLOAT: big-endian IEEE double
        std::string b(take(8));
        std::reverse(b.begin(), b.end());
        NodePtr n = makeNode(Node::Kind::Float);
        std::memcpy(&n->real, b.data(), 8);
        push(n);
        return true;
    }
    case 'F': {
        const std::string s = line();
        NodePtr n = makeNode(Node::Kind::Float);
        try { n->real = std::stod(s); } catch (const std::exception&) { fail("bad float '" + s + "'"); }
        push(n);
        return true;
    }
    case 0x8c: push(textNode(Node::Kind::String, take(length(static_cast<unsigned char>(take(1)[0]))))); return true;
    case 'X': push(textNode(Node::Kind::String, take(length(little<std::uint32_t>())))); return true;
    case 0x8d: push(textNode(Node::Kind::String, take(length(little<std::uint64_t>())))); return true;
    case 'C': case 'U': push(textNode(Node::Kind::Bytes, take(length(static_cast<unsigned char>(take(1)[0]))))); return true;
    case 'B': case 'T': push(textNode(Node::Kind::Bytes, take(length(little<std::uint32_t>())))); return true;
    case 0x8e: case 0x96: push(textNode(Node::Kind::Bytes, take(length(little<std::uint64_t>())))); return true;
    default: return false;
    }
}

bool Unpickler::stepContainers()
{
    switch (m_op) {
    case '(': m_marks.push_back(m_stack.size()); return true;
    case '0': pop(); return true;
    case '1': popMark(); return true;
    case '2': push(top()); return true;
    case ')': push(tupleOf({})); return true;
    case 't': push(tupleOf(popMark())); return true;
    case 0x85: { NodePtr a = pop(); push(tupleOf({a})); return true; }
    case 0x86: { NodePtr b = pop(); NodePtr a = pop(); push(tupleOf({a, b})); return true; }
    case 0x87: { NodePtr c = pop(); NodePtr b = pop(); NodePtr a = pop(); push(tupleOf({a, b, c})); return true; }
    case ']': push(makeNode(Node::Kind::List)); return true;
    case '}': push(makeNode(Node::Kind::Dict)); return true;
    case 'l': case 'd': {
        NodePtr n = makeNode(m_op == 'l' ? Node::Kind::List : Node::Kind::Dict);
        n->items = popMark();
        if (n->kind == Node::Kind::Dict && n->items.size() % 2)
            fail("odd number of dict items");
        push(n);
        return true;
    }
    case 'a': case 's': case 'e': case 'u': {
        std::vector<NodePtr> items;
        if (m_op == 'a') items = {pop()};
        else if (m_op == 's') { NodePtr v = pop(); NodePtr k = pop(); items = {k, v}; }
        else items = popMark();
        Node& target = *top();
        const bool wantList = m_op == 'a' || m_op == 'e';
        if (target.kind != (wantList ? Node::Kind::List : Node::Kind::Dict))
            fail(wantList ? "append to something that is not a list" : "set item on something that is not a dict");
        if (!wantList && items.size() % 2)
            fail("odd number of dict items");
        target.items.insert(target.items.end(), items.begin(), items.end());
        return true;
    }
    default: return false;
    }
}

bool Unpickler::stepMemo()
{
    std::uint64_t key = 0;
    bool put = true;
    switch (m_op) {
    case 'q': key = static_cast<unsigned char>(take(1)[0]); break;
    case 'r': key = little<std::uint32_t>(); break;
    case 0x94: key = m_memo.size(); break;
    case 'p': case 'g': {
        const std::string s = line();
        try { key = std::stoull(s); } catch (const std::exception&) { fail("bad memo key '" + s + "'"); }
        put = m_op == 'p';
        break;
    }
    case 'h': key = static_cast<unsigned char>(take(1)[0]); put = false; break;
    case 'j': key = little<std::uint32_t>(); put = false; break;
    default: return false;
    }
    if (put) {
        m_memo[key] = top();
        return true;
    }
    const auto found = m_memo.find(key);
    if (found == m_memo.end())
        fail("memo entry " + std::to_string(key) + " was never stored");
    push(found->second);
    return true;
}

bool Unpickler::stepObjects()
{
    switch (m_op) {
    case 'c': case 0x93: {
        std::string module, name;
        if (m_op == 'c') {
            module = line();
            name = line();
        } else {
            NodePtr n = pop();
            NodePtr m = pop();
            if (n->kind != Node::Kind::String || m->kind != Node::Kind::String)
                fail("module and name must be strings");
            module = m->text;
            name = n->text;
        }
        NodePtr g = textNode(Node::Kind::Global, module + "." + name);
        if (!allowedGlobal(g->text))
            fail("refusing to load '" + g->text + "' (only NumPy arrays are read from pickles)");
        push(g);
        return true;
    }
    case 'R': {
        NodePtr args = pop();
        NodePtr callable = pop();
        push(reduce(*callable, *args));
        return true;
    }
    case 'b': {
        NodePtr state = pop();
        build(*top(), *state);
        return true;
    }
    default: return false;
    }
}

NodePtr Unpickler::reduce(const Node& callable, const Node& args)
{
    if (callable.kind != Node::Kind::Global || args.kind != Node::Kind::Tuple)
        fail("REDUCE needs a known callable and an argument tuple");
    const std::string& name = callable.text;
    if (endsWith(name, "multiarray._reconstruct")) {
        NodePtr n = makeNode(Node::Kind::Array);
        n->array = std::make_shared<PickledArray>();   // filled in by BUILD
        return n;
    }
    if (name == "numpy.dtype") {
        if (args.items.empty() || args.items[0]->kind != Node::Kind::String)
            fail("numpy.dtype needs a type string");
        NodePtr n = textNode(Node::Kind::Dtype, args.items[0]->text);
        n->byteOrder = endsWith(n->text, "1") ? '|' : '<';
        return n;
    }
    if (endsWith(name, "._frombuffer"))
        return frombuffer(args, false);
    if (endsWith(name, "multiarray.scalar"))
        return frombuffer(args, true);
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
    for (const NodePtr& d : tuple.items) {
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

NodePtr Unpickler::frombuffer(const Node& args, bool scalar)
{
    NodePtr n = makeNode(Node::Kind::Array);
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
    Unpickler unpickler(bytes, source, offset);
    const NodePtr root = unpickler.run();
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
