// The opcodes of the unpickling machine (numbers, strings, containers, memo, globals).
#include "formats/Unpickler.h"

#include <algorithm>

namespace cryo::pickle_detail {

const char* opcodeName(unsigned char op)
{
    struct Entry { unsigned char code; const char* name; };
    static const Entry names[] = {
        {'(', "MARK"}, {'.', "STOP"}, {'0', "POP"}, {'1', "POP_MARK"}, {'2', "DUP"}, {'F', "FLOAT"},
        {'I', "INT"}, {'J', "BININT"}, {'K', "BININT1"}, {'L', "LONG"}, {'M', "BININT2"}, {'N', "NONE"},
        {'P', "PERSID"}, {'Q', "BINPERSID"}, {'R', "REDUCE"}, {'S', "STRING"}, {'T', "BINSTRING"},
        {'U', "SHORT_BINSTRING"}, {'V', "UNICODE"}, {'X', "BINUNICODE"}, {'a', "APPEND"}, {'b', "BUILD"},
        {'c', "GLOBAL"}, {'d', "DICT"}, {'}', "EMPTY_DICT"}, {'e', "APPENDS"}, {'g', "GET"}, {'h', "BINGET"},
        {'i', "INST"}, {'j', "LONG_BINGET"}, {'l', "LIST"}, {']', "EMPTY_LIST"}, {'o', "OBJ"}, {'p', "PUT"},
        {'q', "BINPUT"}, {'r', "LONG_BINPUT"}, {'s', "SETITEM"}, {'t', "TUPLE"}, {')', "EMPTY_TUPLE"},
        {'u', "SETITEMS"}, {'G', "BINFLOAT"}, {'B', "BINBYTES"}, {'C', "SHORT_BINBYTES"}, {0x80, "PROTO"},
        {0x81, "NEWOBJ"}, {0x82, "EXT1"}, {0x83, "EXT2"}, {0x84, "EXT4"}, {0x85, "TUPLE1"}, {0x86, "TUPLE2"},
        {0x87, "TUPLE3"}, {0x88, "NEWTRUE"}, {0x89, "NEWFALSE"}, {0x8a, "LONG1"}, {0x8b, "LONG4"},
        {0x8c, "SHORT_BINUNICODE"}, {0x8d, "BINUNICODE8"}, {0x8e, "BINBYTES8"}, {0x8f, "EMPTY_SET"},
        {0x90, "ADDITEMS"}, {0x91, "FROZENSET"}, {0x92, "NEWOBJ_EX"}, {0x93, "STACK_GLOBAL"}, {0x94, "MEMOIZE"},
        {0x95, "FRAME"}, {0x96, "BYTEARRAY8"}, {0x97, "NEXT_BUFFER"}, {0x98, "READONLY_BUFFER"}};
    for (const Entry& e : names)
        if (e.code == op)
            return e.name;
    return nullptr;
}

bool allowedGlobal(const std::string& name)
{
    static const char* const allowed[] = {
        "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct", "numpy.ndarray",
        "numpy.dtype", "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer",
        "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar", "_codecs.encode",
        // torch.save: state dicts, tensors and parameters (UnpicklerTorch.cpp)
        "collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter",
        "torch._utils._rebuild_parameter_with_state"};
    for (const char* a : allowed)
        if (name == a)
            return true;
    return torchStorageDtype(name) != nullptr;
}

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
    case 0x88: case 0x89: { Node* n = makeNode(Node::Kind::Bool); n->boolean = m_op == 0x88; push(n); return true; }
    case 'K': push(intNode(static_cast<unsigned char>(take(1)[0]))); return true;
    case 'M': push(intNode(little<std::uint16_t>())); return true;
    case 'J': push(intNode(little<std::int32_t>())); return true;
    case 0x8a: { const std::size_t n = static_cast<unsigned char>(take(1)[0]); push(intNode(longBytes(n))); return true; }
    case 0x8b: { const std::int32_t n = little<std::int32_t>(); if (n < 0) fail("negative length"); push(intNode(longBytes(std::size_t(n)))); return true; }
    case 'I': {
        const std::string s = line();
        if (s == "01" || s == "00") { Node* n = makeNode(Node::Kind::Bool); n->boolean = s == "01"; push(n); return true; }
        try { push(intNode(std::stoll(s))); } catch (const std::exception&) { fail("bad integer '" + s + "'"); }
        return true;
    }
    case 'G': {   // BINFLOAT: big-endian IEEE double
        std::string b(take(8));
        std::reverse(b.begin(), b.end());
        Node* n = makeNode(Node::Kind::Float);
        std::memcpy(&n->real, b.data(), 8);
        push(n);
        return true;
    }
    case 'F': {
        const std::string s = line();
        Node* n = makeNode(Node::Kind::Float);
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
    case 0x85: { Node* a = pop(); push(tupleOf({a})); return true; }
    case 0x86: { Node* b = pop(); Node* a = pop(); push(tupleOf({a, b})); return true; }
    case 0x87: { Node* c = pop(); Node* b = pop(); Node* a = pop(); push(tupleOf({a, b, c})); return true; }
    case ']': push(makeNode(Node::Kind::List)); return true;
    case '}': push(makeNode(Node::Kind::Dict)); return true;
    case 'l': case 'd': {
        Node* n = makeNode(m_op == 'l' ? Node::Kind::List : Node::Kind::Dict);
        n->items = popMark();
        if (n->kind == Node::Kind::Dict && n->items.size() % 2)
            fail("odd number of dict items");
        push(n);
        return true;
    }
    case 'a': case 's': case 'e': case 'u': {
        std::vector<Node*> items;
        if (m_op == 'a') items = {pop()};
        else if (m_op == 's') { Node* v = pop(); Node* k = pop(); items = {k, v}; }
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
            Node* n = pop();
            Node* m = pop();
            if (n->kind != Node::Kind::String || m->kind != Node::Kind::String)
                fail("module and name must be strings");
            module = m->text;
            name = n->text;
        }
        Node* g = textNode(Node::Kind::Global, module + "." + name);
        if (!allowedGlobal(g->text))
            fail("refusing to load '" + g->text + "' (only NumPy arrays, tensors and plain data are read from pickles)");
        push(g);
        return true;
    }
    case 'Q': {   // BINPERSID: a torch storage, loaded from the checkpoint's archive
        Node* id = pop();
        push(persistentStorage(*id));
        return true;
    }
    case 'R': {
        Node* args = pop();
        Node* callable = pop();
        push(reduce(*callable, *args));
        return true;
    }
    case 'b': {
        Node* state = pop();
        build(*top(), *state);
        return true;
    }
    default: return false;
    }
}

} // namespace cryo::pickle_detail
