#pragma once
// Internal to the pickle readers (formats/PickleFile.h, formats/TorchCheckpoint.h): the
// unpickling machine. Opcodes are handled in Unpickler.cpp, NumPy reconstruction in
// UnpicklerNumpy.cpp, torch storages and tensors in UnpicklerTorch.cpp.
//
// Objects live in an arena owned by the machine and refer to each other by plain pointers:
// a hostile pickle may build a million-deep nest or a list that contains itself, and both
// must be freed without recursion. The conversion to PickleValue bounds the depth.
#include "formats/PickleFile.h"
#include "util/Error.h"

#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <unordered_map>

namespace cryo::pickle_detail {

struct Node {
    enum class Kind { None, Bool, Int, Float, String, Bytes, Tuple, List, Dict, Global, Dtype, Array, Storage };
    Kind kind = Kind::None;
    bool boolean = false;
    char byteOrder = '<';        // Dtype: '<', '>', '|' (set by BUILD)
    std::int64_t integer = 0;
    double real = 0;
    std::string text;            // String, Bytes, Global "module.name", Dtype "f4", Storage key
    std::vector<Node*> items;    // Tuple, List, Dict (key, value, ...); Storage: its persistent id
    std::shared_ptr<PickledArray> array;
};

// "REDUCE" for 0x52, nullptr for opcodes without a listed name.
const char* opcodeName(unsigned char op);
// The globals a pickle may name: NumPy array/dtype/scalar reconstruction, _codecs.encode,
// collections.OrderedDict, and torch's tensor/parameter rebuilders and storage types.
bool allowedGlobal(const std::string& name);
// The element type of a torch storage class ("torch.FloatStorage" → "<f4"), nullptr for any
// other name. Half ("<f2") and bfloat16 ("bf16") tensors are widened to float32.
const char* torchStorageDtype(const std::string& name);

// A torch storage's raw bytes by its key (torch.save's <root>/data/<key>). Only checkpoints
// have one; without it a persistent id (BINPERSID) is refused.
using StorageLoader = std::function<std::shared_ptr<const std::string>(const std::string& key)>;

class Unpickler {
public:
    // Objects a pickle may build: far above any file cryoDRGN writes (a checkpoint holds a few
    // thousand), low enough that a file of one-byte opcodes stays near 50 MB of nodes.
    static constexpr std::size_t kMaxNodes = std::size_t(1) << 19;

    Unpickler(std::string_view bytes, const std::filesystem::path& source, std::size_t offset,
              StorageLoader storages = {})
        : m_bytes(bytes), m_source(source), m_pos(offset), m_storages(std::move(storages))
    {
    }

    const Node* run()
    {
        for (;;) {
            m_opStart = m_pos;
            m_op = static_cast<unsigned char>(take(1)[0]);
            if (m_op == '.')
                break;
            if (!stepData() && !stepContainers() && !stepMemo() && !stepObjects())
                fail("unsupported opcode (only NumPy arrays, tensors, numbers, strings, tuples, lists and dicts are read)");
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

    Node* makeNode(Node::Kind kind)
    {
        if (m_nodes.size() >= kMaxNodes)
            fail("the pickle builds more than " + std::to_string(kMaxNodes) + " objects");
        Node& n = m_nodes.emplace_back();
        n.kind = kind;
        return &n;
    }
    void push(Node* n) { m_stack.push_back(n); }
    Node* pop()
    {
        if (m_stack.empty() || (!m_marks.empty() && m_marks.back() == m_stack.size()))
            fail("stack underflow");
        Node* n = m_stack.back();
        m_stack.pop_back();
        return n;
    }
    Node* top()
    {
        if (m_stack.empty())
            fail("stack underflow");
        return m_stack.back();
    }
    std::vector<Node*> popMark()
    {
        if (m_marks.empty())
            fail("no MARK to pop to");
        const std::size_t mark = m_marks.back();
        m_marks.pop_back();
        std::vector<Node*> items(m_stack.begin() + std::ptrdiff_t(mark), m_stack.end());
        m_stack.resize(mark);
        return items;
    }
    Node* intNode(std::int64_t v)
    {
        Node* n = makeNode(Node::Kind::Int);
        n->integer = v;
        return n;
    }
    Node* textNode(Node::Kind kind, std::string_view s)
    {
        Node* n = makeNode(kind);
        n->text = std::string(s);
        return n;
    }
    Node* tupleOf(std::vector<Node*> items)
    {
        Node* n = makeNode(Node::Kind::Tuple);
        n->items = std::move(items);
        return n;
    }
    std::int64_t longBytes(std::size_t n);

    bool stepData();
    bool stepContainers();
    bool stepMemo();
    bool stepObjects();
    Node* reduce(const Node& callable, const Node& args);
    void build(Node& object, const Node& state);
    Node* frombuffer(const Node& args, bool scalar);
    void setArray(PickledArray& a, const Node& dtype, std::vector<std::int64_t> shape, const Node& data);
    std::vector<std::int64_t> shapeOf(const Node& tuple);
    // UnpicklerTorch.cpp
    Node* persistentStorage(Node& id);
    Node* rebuildTensor(const Node& args);

    std::string_view m_bytes;
    std::filesystem::path m_source;
    std::size_t m_pos = 0;
    std::size_t m_opStart = 0;
    unsigned char m_op = 0;
    std::deque<Node> m_nodes;   // the arena: every object, freed flatly with the machine
    std::vector<Node*> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, Node*> m_memo;
    StorageLoader m_storages;
    std::unordered_map<std::string, std::shared_ptr<const std::string>> m_loadedStorages;
    std::size_t m_storageBytes = 0;  // loaded so far
    std::size_t m_tensorBytes = 0;   // materialised so far (bounded by the above, see rebuildTensor)
};

// The value a machine built from `inputBytes` bytes, converted; throws FileError past 200
// levels of nesting (or a container that holds itself), or when shared objects would be
// copied into far more than the input's size.
PickleValue toValue(const Node& root, const std::filesystem::path& source, std::size_t inputBytes);

} // namespace cryo::pickle_detail
