// PickledArray element access, PickleValue descriptions, and the index-array writer.
#include "formats/AtomicFile.h"
#include "formats/ByteOrder.h"
#include "formats/PickleFile.h"
#include "util/Error.h"

#include <cstring>

namespace cryo {

std::size_t PickledArray::elementCount() const
{
    std::size_t count = 1;
    for (std::int64_t d : shape)
        count *= std::size_t(d);
    return count;
}

std::string PickledArray::shapeText() const
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

double PickledArray::number(std::size_t i) const
{
    if (i >= elementCount())
        throw UsageError("PickledArray: element " + std::to_string(i) + " out of range " + shapeText());
    const char* p = bytes.data() + i * dtype.itemSize;
    const bool swap = dtype.bigEndian;
    switch (dtype.type) {
    case NpyType::Float:
        if (dtype.itemSize == 4) return byteorder::load<float>(p, swap);
        if (dtype.itemSize == 8) return byteorder::load<double>(p, swap);
        break;
    case NpyType::Int:
        switch (dtype.itemSize) {
        case 1: return byteorder::load<std::int8_t>(p, swap);
        case 2: return byteorder::load<std::int16_t>(p, swap);
        case 4: return byteorder::load<std::int32_t>(p, swap);
        case 8: return double(byteorder::load<std::int64_t>(p, swap));
        }
        break;
    case NpyType::UInt: case NpyType::Bool:
        switch (dtype.itemSize) {
        case 1: return byteorder::load<std::uint8_t>(p, swap);
        case 2: return byteorder::load<std::uint16_t>(p, swap);
        case 4: return byteorder::load<std::uint32_t>(p, swap);
        case 8: return double(byteorder::load<std::uint64_t>(p, swap));
        }
        break;
    default: break;
    }
    throw UsageError("PickledArray: dtype " + dtype.dtype + " is not a supported number type");
}

std::int64_t PickledArray::integer(std::size_t i) const
{
    if (dtype.type == NpyType::Int && dtype.itemSize == 8 && i < elementCount())
        return byteorder::load<std::int64_t>(bytes.data() + i * 8, dtype.bigEndian);   // exact above 2^53
    return static_cast<std::int64_t>(number(i));
}

std::vector<float> PickledArray::toFloats() const
{
    std::vector<float> out(elementCount());
    if (dtype.type == NpyType::Float && dtype.itemSize == 4 && !dtype.bigEndian) {   // float32 as stored: a copy
        std::memcpy(out.data(), bytes.data(), out.size() * sizeof(float));
        return out;
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<float>(number(i));
    return out;
}

std::vector<double> PickledArray::toDoubles() const
{
    std::vector<double> out(elementCount());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = number(i);
    return out;
}

std::vector<std::int64_t> PickledArray::toInt64s() const
{
    std::vector<std::int64_t> out(elementCount());
    if (dtype.type == NpyType::Int && dtype.itemSize == 8 && !dtype.bigEndian) {   // int64 as stored: a copy
        std::memcpy(out.data(), bytes.data(), out.size() * sizeof(std::int64_t));
        return out;
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = integer(i);
    return out;
}

std::string PickleValue::kindName() const
{
    switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::Bytes: return "bytes";
    case Kind::Tuple: return "tuple of " + std::to_string(items.size());
    case Kind::List: return "list of " + std::to_string(items.size());
    case Kind::Dict: return "dict";
    case Kind::Array: return array ? "ndarray " + array->dtype.dtype + " " + array->shapeText() : "ndarray";
    }
    return "?";
}

namespace {

// Opcodes of pickle protocol 3, as Python's pickle module emits them.
void putInt(std::string& out, std::int64_t v)
{
    if (v >= 0 && v < 256) {
        out += 'K';
        out += char(v);
    } else if (v >= 0 && v < 65536) {
        out += 'M';
        out += char(v & 0xFF);
        out += char(v >> 8);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        out += 'J';
        for (int i = 0; i < 4; ++i)
            out += char((std::uint32_t(v) >> (8 * i)) & 0xFF);
    } else {
        // LONG1: minimal two's complement, little-endian (Python adds a byte for the sign).
        std::string digits;
        std::int64_t x = v;
        do {
            digits += char(x & 0xFF);
            x >>= 8;
        } while (!((x == 0 && !(digits.back() & 0x80)) || (x == -1 && (digits.back() & 0x80))));
        out += '\x8a';
        out += char(digits.size());
        out += digits;
    }
}

void putMemo(std::string& out, int& memo)
{
    out += 'q';   // BINPUT: every object is memoised, as pickle.dump does
    out += char(memo++);
}

void putUnicode(std::string& out, std::string_view s)
{
    out += 'X';
    for (int i = 0; i < 4; ++i)
        out += char((s.size() >> (8 * i)) & 0xFF);
    out += s;
}

void putBytes(std::string& out, std::string_view b)
{
    if (b.size() < 256) {
        out += 'C';
        out += char(b.size());
    } else {
        out += 'B';
        for (int i = 0; i < 4; ++i)
            out += char((b.size() >> (8 * i)) & 0xFF);
    }
    out += b;
}

} // namespace

std::string pickledArray(const PickledArray& array)
{
    if (array.bytes.size() != array.elementCount() * array.dtype.itemSize || array.dtype.bigEndian ||
        array.dtype.dtype.size() < 2)
        throw UsageError("pickledArray: inconsistent array " + array.dtype.dtype + " " + array.shapeText());
    if (array.bytes.size() > (std::size_t(1) << 31))
        throw UsageError("pickledArray: more than 2 GiB do not fit one protocol-3 bytes object");
    std::string out = "\x80\x03";
    int memo = 0;
    out += "cnumpy.core.multiarray\n_reconstruct\n";
    putMemo(out, memo);
    out += "cnumpy\nndarray\n";
    putMemo(out, memo);
    putInt(out, 0);
    out += '\x85';   // TUPLE1: (0,)
    putMemo(out, memo);
    putBytes(out, "b");
    putMemo(out, memo);
    out += '\x87';   // TUPLE3: (ndarray, (0,), b'b')
    putMemo(out, memo);
    out += 'R';   // _reconstruct(...)
    putMemo(out, memo);
    out += '(';
    putInt(out, 1);   // state version
    // The shape as pickle.dump writes a tuple: TUPLE1/2/3 for short ones, MARK ... TUPLE beyond.
    if (array.shape.size() > 3)
        out += '(';
    for (std::int64_t d : array.shape)
        putInt(out, d);
    const char tupleOps[] = {')', '\x85', '\x86', '\x87'};
    out += array.shape.size() <= 3 ? tupleOps[array.shape.size()] : 't';
    if (!array.shape.empty())
        putMemo(out, memo);
    out += "cnumpy\ndtype\n";
    putMemo(out, memo);
    putUnicode(out, array.dtype.dtype.substr(1));   // "i8", "f4": numpy.dtype('f4', False, True)
    putMemo(out, memo);
    putInt(out, 0);
    putInt(out, 1);
    out += '\x87';
    putMemo(out, memo);
    out += 'R';
    putMemo(out, memo);
    out += '(';
    putInt(out, 3);
    putUnicode(out, array.dtype.itemSize == 1 ? "|" : "<");
    putMemo(out, memo);
    out += "NNN";
    out += "J\xff\xff\xff\xffJ\xff\xff\xff\xff";   // elsize, alignment: -1
    putInt(out, 0);
    out += 't';
    putMemo(out, memo);
    out += "b\x89";   // BUILD the dtype; is_fortran = False
    putBytes(out, array.bytes);
    putMemo(out, memo);
    out += 't';
    putMemo(out, memo);
    out += "b.";
    return out;
}

std::string pickledIndexArray(const std::vector<std::int64_t>& indices)
{
    PickledArray array;
    parseNpyDtype("<i8", array.dtype);
    array.shape = {std::int64_t(indices.size())};
    array.bytes.resize(indices.size() * 8);
    for (std::size_t i = 0; i < indices.size(); ++i)
        byteorder::store<std::int64_t>(array.bytes.data() + 8 * i, indices[i], false);
    return pickledArray(array);
}

void writePickledIndexArray(const std::filesystem::path& path, const std::vector<std::int64_t>& indices)
{
    writeFileAtomically(path, pickledIndexArray(indices));
}

} // namespace cryo
