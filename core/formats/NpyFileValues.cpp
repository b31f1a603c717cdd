// NpyFile element access: typed reads and writes of single field elements.
#include "formats/NpyFile.h"

#include "formats/ByteOrder.h"
#include "io/MrcFile.h"   // halfToFloat / floatToHalf for '<f2'
#include "util/Error.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace cryo {

using namespace byteorder;

namespace {

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

std::vector<std::uint32_t> decodeUtf8(std::string_view text)
{
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + std::size_t(extra) >= text.size() + (extra == 0 ? 1 : 0)) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        std::uint32_t cp = extra == 0 ? c : (c & (0x3F >> extra));
        for (int k = 1; k <= extra; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + std::size_t(k)]) & 0x3F);
        out.push_back(cp);
        i += std::size_t(extra) + 1;
    }
    return out;
}

} // namespace

double NpyFile::number(std::size_t record, int fieldIndex, std::size_t element) const
{
    const char* p = elementPointer(record, fieldIndex, element);
    const NpyField& f = field(fieldIndex);
    const bool swap = f.bigEndian;
    switch (f.type) {
    case NpyType::Float:
        if (f.itemSize == 2)
            return halfToFloat(load<std::uint16_t>(p, swap));
        return f.itemSize == 4 ? double(load<float>(p, swap)) : load<double>(p, swap);
    case NpyType::Int:
        return double(integer(record, fieldIndex, element));
    case NpyType::UInt:
        return double(unsignedInteger(record, fieldIndex, element));
    case NpyType::Bool:
        return *p != 0 ? 1.0 : 0.0;
    default:
        throw FileError(m_path, "field '" + f.name + "' (" + f.dtype + ") holds text/bytes, not numbers");
    }
}

std::int64_t NpyFile::integer(std::size_t record, int fieldIndex, std::size_t element) const
{
    const char* p = elementPointer(record, fieldIndex, element);
    const NpyField& f = field(fieldIndex);
    const bool swap = f.bigEndian;
    if (f.type == NpyType::Int) {
        switch (f.itemSize) {
        case 1: return static_cast<std::int8_t>(*p);
        case 2: return load<std::int16_t>(p, swap);
        case 4: return load<std::int32_t>(p, swap);
        default: return load<std::int64_t>(p, swap);
        }
    }
    if (f.type == NpyType::UInt)
        return std::int64_t(unsignedInteger(record, fieldIndex, element));
    const double value = number(record, fieldIndex, element);
    if (!std::isfinite(value) || std::fabs(value) > 9.0e18)
        throw FileError(m_path, "record " + std::to_string(record) + ", field '" + f.name + "': " +
                                    std::to_string(value) + " is not an integer");
    return std::int64_t(std::llround(value));
}

std::uint64_t NpyFile::unsignedInteger(std::size_t record, int fieldIndex, std::size_t element) const
{
    const char* p = elementPointer(record, fieldIndex, element);
    const NpyField& f = field(fieldIndex);
    const bool swap = f.bigEndian;
    if (f.type == NpyType::UInt) {
        switch (f.itemSize) {
        case 1: return static_cast<std::uint8_t>(*p);
        case 2: return load<std::uint16_t>(p, swap);
        case 4: return load<std::uint32_t>(p, swap);
        default: return load<std::uint64_t>(p, swap);
        }
    }
    return std::uint64_t(integer(record, fieldIndex, element));
}

std::string NpyFile::text(std::size_t record, int fieldIndex) const
{
    const char* p = elementPointer(record, fieldIndex, 0);
    const NpyField& f = field(fieldIndex);
    if (f.type == NpyType::Bytes) {
        const std::size_t size = f.byteSize();
        const void* nul = std::memchr(p, '\0', size);
        return std::string(p, nul ? static_cast<const char*>(nul) - p : size);
    }
    if (f.type == NpyType::Unicode) {
        std::string out;
        for (std::size_t i = 0; i + 4 <= f.byteSize(); i += 4) {
            const std::uint32_t cp = load<std::uint32_t>(p + i, f.bigEndian);
            if (cp == 0)
                break;
            appendUtf8(out, cp);
        }
        return out;
    }
    throw FileError(m_path, "field '" + f.name + "' (" + f.dtype + ") is not a string field");
}

void NpyFile::setNumber(std::size_t record, int fieldIndex, double value, std::size_t element)
{
    char* p = const_cast<char*>(elementPointer(record, fieldIndex, element));
    const NpyField& f = field(fieldIndex);
    const bool swap = f.bigEndian;
    switch (f.type) {
    case NpyType::Float:
        if (f.itemSize == 2)
            store<std::uint16_t>(p, floatToHalf(float(value)), swap);
        else if (f.itemSize == 4)
            store<float>(p, float(value), swap);
        else
            store<double>(p, value, swap);
        return;
    case NpyType::Int: {
        const auto v = std::int64_t(std::llround(value));
        switch (f.itemSize) {
        case 1: *p = char(std::int8_t(v)); return;
        case 2: store<std::int16_t>(p, std::int16_t(v), swap); return;
        case 4: store<std::int32_t>(p, std::int32_t(v), swap); return;
        default: store<std::int64_t>(p, v, swap); return;
        }
    }
    case NpyType::UInt:
        setUnsigned(record, fieldIndex, value <= 0 ? 0 : std::uint64_t(std::llround(value)), element);
        return;
    case NpyType::Bool:
        *p = value != 0 ? 1 : 0;
        return;
    default:
        throw UsageError("NpyFile: field '" + f.name + "' (" + f.dtype + ") is not numeric");
    }
}

void NpyFile::setUnsigned(std::size_t record, int fieldIndex, std::uint64_t value, std::size_t element)
{
    char* p = const_cast<char*>(elementPointer(record, fieldIndex, element));
    const NpyField& f = field(fieldIndex);
    if (f.type != NpyType::UInt && f.type != NpyType::Int) {
        setNumber(record, fieldIndex, double(value), element);
        return;
    }
    switch (f.itemSize) {
    case 1: *p = char(std::uint8_t(value)); return;
    case 2: store<std::uint16_t>(p, std::uint16_t(value), f.bigEndian); return;
    case 4: store<std::uint32_t>(p, std::uint32_t(value), f.bigEndian); return;
    default: store<std::uint64_t>(p, value, f.bigEndian); return;
    }
}

void NpyFile::setText(std::size_t record, int fieldIndex, std::string_view value)
{
    char* p = const_cast<char*>(elementPointer(record, fieldIndex, 0));
    const NpyField& f = field(fieldIndex);
    const std::size_t size = f.byteSize();
    std::memset(p, 0, size);
    if (f.type == NpyType::Bytes) {
        std::memcpy(p, value.data(), std::min(size, value.size()));
    } else if (f.type == NpyType::Unicode) {
        const std::vector<std::uint32_t> codepoints = decodeUtf8(value);
        for (std::size_t i = 0; i < codepoints.size() && (i + 1) * 4 <= size; ++i)
            store<std::uint32_t>(p + 4 * i, codepoints[i], f.bigEndian);
    } else {
        throw UsageError("NpyFile: field '" + f.name + "' (" + f.dtype + ") is not a string field");
    }
}

} // namespace cryo
