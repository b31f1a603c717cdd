#pragma once
// Internal to the pickle reader (formats/PickleFile.h): the unpickling machine. Opcodes are
// handled in Unpickler.cpp, the NumPy reconstruction (REDUCE/BUILD) in UnpicklerNumpy.cpp.
#include "formats/PickleFile.h"
#include "util/Error.h"

#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace cryo::pickle_detail {

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

inline NodePtr makeNode(Node::Kind kind)
{
    auto n = std::make_shared<Node>();
    n->kind = kind;
    return n;
}

// "REDUCE" for 0x52, nullptr for opcodes without a listed name.
const char* opcodeName(unsigned char op);
// The globals a pickle may name: NumPy array/dtype/scalar reconstruction and _codecs.encode.
bool allowedGlobal(const std::string& name);

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

} // namespace cryo::pickle_detail
