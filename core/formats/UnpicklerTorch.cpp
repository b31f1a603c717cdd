// torch.save's objects: storages named by persistent ids, and tensors rebuilt as views of
// them (torch._utils._rebuild_tensor_v2), turned into dense C-order arrays. Half and bfloat16
// storages are widened to float32; every size, stride and offset is checked against the
// storage before a byte is copied.
#include "formats/Unpickler.h"


namespace cryo::pickle_detail {

namespace {

struct StorageType {
    const char* name;
    const char* dtype;   // .npy dtype of an element; "<f2" and "bf16" are widened to "<f4"
    std::size_t itemSize;
};

constexpr StorageType kStorageTypes[] = {
    {"torch.FloatStorage", "<f4", 4}, {"torch.DoubleStorage", "<f8", 8}, {"torch.HalfStorage", "<f2", 2},
    {"torch.BFloat16Storage", "bf16", 2}, {"torch.LongStorage", "<i8", 8}, {"torch.IntStorage", "<i4", 4},
    {"torch.ShortStorage", "<i2", 2}, {"torch.CharStorage", "|i1", 1}, {"torch.ByteStorage", "|u1", 1},
    {"torch.BoolStorage", "|b1", 1}};

const StorageType* storageType(const std::string& name)
{
    for (const StorageType& t : kStorageTypes)
        if (name == t.name)
            return &t;
    return nullptr;
}

float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = std::uint32_t(h & 0x8000) << 16;
    int exponent = (h >> 10) & 0x1F;
    std::uint32_t mantissa = h & 0x3FF;
    std::uint32_t bits;
    if (exponent == 0x1F)
        bits = sign | 0x7F800000u | (mantissa << 13);   // Inf / NaN
    else if (exponent != 0)
        bits = sign | std::uint32_t(exponent + 112) << 23 | (mantissa << 13);
    else if (mantissa == 0)
        bits = sign;
    else {   // subnormal: normalise
        exponent = 113;
        while (!(mantissa & 0x400)) {
            mantissa <<= 1;
            --exponent;
        }
        bits = sign | std::uint32_t(exponent) << 23 | ((mantissa & 0x3FF) << 13);
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

// a * b, or false when it overflows 2^62 (far beyond any file).
bool multiplyChecked(std::uint64_t a, std::uint64_t b, std::uint64_t& out)
{
    constexpr std::uint64_t limit = std::uint64_t(1) << 62;
    if (a != 0 && b > limit / a)
        return false;
    out = a * b;
    return true;
}

} // namespace

const char* torchStorageDtype(const std::string& name)
{
    const StorageType* t = storageType(name);
    return t ? t->dtype : nullptr;
}

// The persistent id torch.save writes for a storage: ('storage', <type>, key, location, numel).
Node* Unpickler::persistentStorage(Node& id)
{
    if (!m_storages)
        fail("a persistent id (a torch storage) outside a torch checkpoint");
    const auto& p = id.items;
    if (id.kind != Node::Kind::Tuple || p.size() != 5 || p[0]->kind != Node::Kind::String || p[0]->text != "storage" ||
        p[1]->kind != Node::Kind::Global || !storageType(p[1]->text) || p[2]->kind != Node::Kind::String ||
        p[3]->kind != Node::Kind::String || p[4]->kind != Node::Kind::Int || p[4]->integer < 0)
        fail("a persistent id that is not ('storage', <torch storage type>, key, location, numel)");
    // The location ("cpu", "cuda:0", ...) only says where the tensor lived: we read it into memory.
    Node* storage = makeNode(Node::Kind::Storage);
    storage->text = p[2]->text;
    storage->integer = p[4]->integer;
    storage->items = {p[1]};
    return storage;
}

Node* Unpickler::rebuildTensor(const Node& args)
{
    // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
    const auto& a = args.items;
    if (a.size() < 4 || a[0]->kind != Node::Kind::Storage || a[1]->kind != Node::Kind::Int || a[1]->integer < 0)
        fail("_rebuild_tensor_v2 needs (storage, offset, size, stride, ...)");
    const Node& storage = *a[0];
    const StorageType& type = *storageType(storage.items[0]->text);
    const std::vector<std::int64_t> size = shapeOf(*a[2]), stride = shapeOf(*a[3]);
    if (size.size() != stride.size())
        fail("tensor with " + std::to_string(size.size()) + " sizes and " + std::to_string(stride.size()) + " strides");

    auto& bytes = m_loadedStorages[storage.text];
    if (!bytes) {
        bytes = m_storages(storage.text);
        std::uint64_t expected = 0;
        if (!bytes || !multiplyChecked(std::uint64_t(storage.integer), type.itemSize, expected) || bytes->size() != expected)
            fail("storage '" + storage.text + "' holds " + std::to_string(bytes ? bytes->size() : 0) + " bytes, not " +
                 std::to_string(storage.integer) + " elements of " + std::to_string(type.itemSize) + " bytes");
        m_storageBytes += bytes->size();
    }
    const auto numel = std::uint64_t(storage.integer);
    // Elements of the view, and the last storage element it reaches.
    std::uint64_t count = 1, last = std::uint64_t(a[1]->integer);
    for (std::size_t d = 0; d < size.size(); ++d) {
        std::uint64_t reach = 0;
        if (!multiplyChecked(count, std::uint64_t(size[d]), count) ||
            (size[d] > 0 && !multiplyChecked(std::uint64_t(size[d] - 1), std::uint64_t(stride[d]), reach)) ||
            reach > (std::uint64_t(1) << 62) - last)
            fail("tensor size or stride overflows");
        last += reach;
    }
    // A view larger than its storage can only repeat elements (stride 0): torch.save never
    // writes one for a parameter, and it would let a tiny file allocate without bound.
    if (count > numel || (count > 0 && last >= numel))
        fail("tensor view (" + std::to_string(count) + " elements up to element " + std::to_string(last) +
             ") does not fit its storage '" + storage.text + "' of " + std::to_string(numel));
    const std::string_view dtype = type.dtype;
    const bool widen = dtype == "<f2" || dtype == "bf16";
    const std::size_t outItem = widen ? 4 : type.itemSize;
    m_tensorBytes += count * outItem;
    if (m_tensorBytes > 4 * m_storageBytes + (std::size_t(1) << 20))
        fail("the tensors repeat their storages' bytes more than four times over");

    Node* n = makeNode(Node::Kind::Array);
    n->array = std::make_shared<PickledArray>();
    PickledArray& out = *n->array;
    out.shape = size;
    parseNpyDtype(widen ? "<f4" : dtype, out.dtype);
    out.bytes.resize(std::size_t(count) * outItem);
    // Walk the view in C order with an odometer over the dimensions.
    std::vector<std::int64_t> index(size.size(), 0);
    std::uint64_t element = std::uint64_t(a[1]->integer);
    for (std::uint64_t i = 0; i < count; ++i) {
        const char* from = bytes->data() + element * type.itemSize;
        char* to = out.bytes.data() + i * outItem;
        if (!widen)
            std::memcpy(to, from, type.itemSize);
        else {
            std::uint16_t h;
            std::memcpy(&h, from, 2);
            float f;
            if (dtype == "bf16") {
                const std::uint32_t bits = std::uint32_t(h) << 16;
                std::memcpy(&f, &bits, 4);
            } else
                f = halfToFloat(h);
            std::memcpy(to, &f, 4);
        }
        for (std::size_t d = size.size(); d-- > 0;) {
            element += std::uint64_t(stride[d]);
            if (++index[d] < size[d])
                break;
            element -= std::uint64_t(stride[d]) * std::uint64_t(size[d]);
            index[d] = 0;
        }
    }
    return n;
}

} // namespace cryo::pickle_detail
