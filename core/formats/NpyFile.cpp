#include "formats/NpyFile.h"

#include "formats/AtomicFile.h"
#include "formats/ByteOrder.h"
#include "formats/PyLiteral.h"
#include "util/CheckedSize.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace cryo {

using namespace byteorder;

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicSize = 6;

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + (shape.size() == 1 ? ",)" : ")");
}

std::string quotedName(const std::string& name)
{
    std::string out = "'";
    for (char c : name) {
        if (c == '\'' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    return out + "'";
}

std::vector<std::int64_t> parseShape(const PyLiteral& value, const std::filesystem::path& source,
                                     const std::string& what)
{
    std::vector<std::int64_t> shape;
    if (value.kind == PyLiteral::Kind::Int) {
        shape.push_back(value.intValue);
    } else if (value.isSequence()) {
        for (const PyLiteral& item : value.items) {
            if (item.kind != PyLiteral::Kind::Int)
                throw FileError(source, what + " is not a tuple of integers");
            shape.push_back(item.intValue);
        }
    } else {
        throw FileError(source, what + " is not a tuple of integers");
    }
    for (std::int64_t d : shape)
        if (d < 0 || d > (std::int64_t(1) << 40))
            throw FileError(source, what + " has an impossible dimension " + std::to_string(d));
    return shape;
}

NpyField parseFieldTuple(const PyLiteral& item, const std::filesystem::path& source, std::size_t index)
{
    const std::string where = "header 'descr' entry " + std::to_string(index + 1);
    if (!item.isSequence() || item.items.size() < 2 || item.items.size() > 3)
        throw FileError(source, where + " is not a (name, dtype[, shape]) tuple");
    const PyLiteral& name = item.items[0];
    const PyLiteral& dtype = item.items[1];
    if (name.kind != PyLiteral::Kind::String)
        throw FileError(source, where + ": field titles ((title, name) pairs) are not supported");
    if (dtype.kind != PyLiteral::Kind::String)
        throw FileError(source, where + " ('" + name.text + "'): nested structured dtypes are not supported");
    NpyField field;
    field.name = name.text;
    if (!parseNpyDtype(dtype.text, field))
        throw FileError(source, where + " ('" + name.text + "'): unknown or unsupported dtype '" + dtype.text + "'");
    if (item.items.size() == 3)
        field.shape = parseShape(item.items[2], source, where + " ('" + name.text + "') shape");
    return field;
}

} // namespace

std::size_t NpyField::elementCount() const
{
    std::size_t count = 1;
    for (std::int64_t d : shape)
        count *= std::size_t(d);
    return count;
}

bool parseNpyDtype(std::string_view dtype, NpyField& field)
{
    if (dtype.empty())
        return false;
    char order = '=';
    if (dtype.front() == '<' || dtype.front() == '>' || dtype.front() == '|' || dtype.front() == '=') {
        order = dtype.front();
        dtype.remove_prefix(1);
    }
    if (dtype.size() < 2)
        return false;
    const char kind = dtype.front();
    std::size_t size = 0;
    for (char c : dtype.substr(1)) {
        if (c < '0' || c > '9' || size > 100000000)
            return false;
        size = size * 10 + std::size_t(c - '0');
    }
    switch (kind) {
    case 'f': field.type = NpyType::Float; if (size != 2 && size != 4 && size != 8) return false; break;
    case 'i': field.type = NpyType::Int; if (size != 1 && size != 2 && size != 4 && size != 8) return false; break;
    case 'u': field.type = NpyType::UInt; if (size != 1 && size != 2 && size != 4 && size != 8) return false; break;
    case 'b': field.type = NpyType::Bool; if (size != 1) return false; break;
    case 'S': field.type = NpyType::Bytes; break;
    case 'U': field.type = NpyType::Unicode; size *= 4; break;
    case 'V': field.type = NpyType::Void; break;
    default: return false;
    }
    if (size == 0 && field.type != NpyType::Bytes && field.type != NpyType::Unicode)
        return false;
    field.dtype = std::string(1, order) + std::string(dtype);
    field.bigEndian = order == '>';
    field.itemSize = size;
    return true;
}

bool NpyFile::layoutFields()
{
    std::uint64_t offset = 0;
    for (NpyField& field : m_fields) {
        field.offset = offset;
        const auto elements = checkedProductOf(field.shape);
        const auto bytes = elements ? checkedMultiply(*elements, field.itemSize) : std::nullopt;
        const auto end = bytes ? checkedAdd(offset, *bytes) : std::nullopt;
        if (!end)
            return false;
        offset = *end;
    }
    m_recordSize = offset;
    return true;
}

namespace {

struct HeaderSpan {
    std::size_t start = 0, length = 0;   // bytes of the dict text
};

// Checks the magic and version and returns where the header dict lies.
HeaderSpan locateHeader(const std::string& bytes, const std::filesystem::path& source)
{
    if (bytes.size() < 10 || bytes.compare(0, kMagicSize, kMagic, kMagicSize) != 0)
        throw FileError(source, "not a NumPy .npy file (no \\x93NUMPY magic at byte 0)");
    const int major = static_cast<unsigned char>(bytes[6]);
    const int minor = static_cast<unsigned char>(bytes[7]);
    HeaderSpan span;
    if (major == 1) {
        span = {10, load<std::uint16_t>(bytes.data() + 8, false)};
    } else if ((major == 2 || major == 3) && bytes.size() >= 12) {
        span = {12, load<std::uint32_t>(bytes.data() + 8, false)};
    } else {
        throw FileError(source, "unsupported .npy format version " + std::to_string(major) + "." +
                                    std::to_string(minor) + " at byte 6");
    }
    if (span.start + span.length > bytes.size())
        throw FileError(source, "header of " + std::to_string(span.length) + " bytes at byte " +
                                    std::to_string(span.start) + " runs past the end of the file (" +
                                    std::to_string(bytes.size()) + " bytes)");
    return span;
}

std::size_t elementProduct(const std::vector<std::int64_t>& shape, const std::filesystem::path& source)
{
    std::size_t count = 1;
    for (std::int64_t d : shape) {
        if (d != 0 && count > std::numeric_limits<std::size_t>::max() / std::size_t(d))
            throw FileError(source, "header 'shape' " + shapeText(shape) + " is impossibly large");
        count *= std::size_t(d);
    }
    return count;
}

} // namespace

void NpyFile::applyHeader(const PyLiteral& header)
{
    const PyLiteral* descr = header.find("descr");
    const PyLiteral* fortran = header.find("fortran_order");
    const PyLiteral* shape = header.find("shape");
    if (!descr || !fortran || !shape)
        throw FileError(m_path, "header dict lacks 'descr', 'fortran_order' or 'shape'");
    m_shape = parseShape(*shape, m_path, "header 'shape'");
    m_fortranOrder = fortran->kind == PyLiteral::Kind::Bool && fortran->boolValue;
    if (descr->kind == PyLiteral::Kind::String) {
        m_structured = false;
        NpyField field;
        if (!parseNpyDtype(descr->text, field))
            throw FileError(m_path, "unknown or unsupported dtype '" + descr->text + "' in the header");
        if (m_fortranOrder && m_shape.size() > 1)
            throw FileError(m_path, "Fortran-ordered multi-dimensional arrays are not supported");
        if (!m_shape.empty())
            field.shape.assign(m_shape.begin() + 1, m_shape.end());
        elementProduct(field.shape, m_path);
        m_fields.push_back(field);
        m_recordCount = m_shape.empty() ? 1 : std::size_t(m_shape.front());
    } else if (descr->kind == PyLiteral::Kind::List) {
        for (std::size_t i = 0; i < descr->items.size(); ++i)
            m_fields.push_back(parseFieldTuple(descr->items[i], m_path, i));
        if (m_fields.empty())
            throw FileError(m_path, "structured dtype with no fields");
        m_recordCount = elementProduct(m_shape, m_path);
    } else {
        throw FileError(m_path, "header 'descr' is neither a dtype string nor a list of fields");
    }
    if (!layoutFields())
        throw FileError(m_path, "header 'descr' " + descrText() + " describes records larger than 2^64 bytes");
}

NpyFile NpyFile::parse(std::string bytes, const std::filesystem::path& source)
{
    NpyFile file;
    file.m_path = source;
    const HeaderSpan span = locateHeader(bytes, source);
    try {
        file.applyHeader(parsePyLiteral(std::string_view(bytes).substr(span.start, span.length)));
    } catch (const std::invalid_argument& e) {
        throw FileError(source, "malformed header dict at byte " + std::to_string(span.start) + ": " + e.what());
    }
    const std::size_t dataStart = span.start + span.length;
    const std::size_t available = bytes.size() - dataStart;
    if (file.m_recordSize > 0 && file.m_recordCount > available / file.m_recordSize)
        throw FileError(source, "file too short: the header says " + std::to_string(file.m_recordCount) +
                                    " records of " + std::to_string(file.m_recordSize) + " bytes, but only " +
                                    std::to_string(available) + " data bytes follow byte " + std::to_string(dataStart));
    // Records of 0 bytes cost nothing in the file but one entry each for a reader: bound them.
    if (file.m_recordSize == 0 && file.m_recordCount > bytes.size())
        throw FileError(source, "the header says " + std::to_string(file.m_recordCount) +
                                    " records of 0 bytes each, more than the file's " + std::to_string(bytes.size()) +
                                    " bytes (a zero-length field dimension?)");
    bytes.erase(0, dataStart);
    bytes.resize(file.m_recordCount * file.m_recordSize);
    file.m_data = std::move(bytes);
    return file;
}

NpyFile NpyFile::read(const std::filesystem::path& path)
{
    return parse(readWholeFile(path), path);
}

NpyFile NpyFile::create(const std::vector<NpyFieldSpec>& specs, std::size_t records)
{
    NpyFile file;
    for (const NpyFieldSpec& spec : specs) {
        NpyField field;
        if (spec.name.empty())
            throw UsageError("NpyFile::create: a field needs a name");
        if (file.fieldIndex(spec.name) >= 0)
            throw UsageError("NpyFile::create: field '" + spec.name + "' appears twice");
        if (!parseNpyDtype(spec.dtype, field))
            throw UsageError("NpyFile::create: unknown dtype '" + spec.dtype + "' for field '" + spec.name + "'");
        for (std::int64_t d : spec.shape)
            if (d <= 0)
                throw UsageError("NpyFile::create: field '" + spec.name + "' has a non-positive dimension");
        field.name = spec.name;
        field.shape = spec.shape;
        file.m_fields.push_back(field);
    }
    if (file.m_fields.empty())
        throw UsageError("NpyFile::create: no fields");
    if (!file.layoutFields())
        throw UsageError("NpyFile::create: records larger than 2^64 bytes");
    file.m_recordCount = records;
    file.m_shape = {std::int64_t(records)};
    file.m_data.assign(records * file.m_recordSize, '\0');
    return file;
}

std::string NpyFile::descrText() const
{
    if (!m_structured)
        return "'" + m_fields.front().dtype + "'";
    std::string text = "[";
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        const NpyField& f = m_fields[i];
        text += (i ? ", (" : "(") + quotedName(f.name) + ", '" + f.dtype + "'";
        if (!f.shape.empty())
            text += ", " + shapeText(f.shape);
        text += ")";
    }
    return text + "]";
}

std::string NpyFile::serialize() const
{
    std::vector<std::int64_t> shape = m_shape;
    if (m_structured && shape.size() != 1)
        shape = {std::int64_t(m_recordCount)};
    const std::string dict = "{'descr': " + descrText() + ", 'fortran_order': " +
                             (m_fortranOrder ? "True" : "False") + ", 'shape': " + shapeText(shape) + ", }";
    std::size_t preamble = 10;
    std::size_t total = preamble + dict.size() + 1;
    std::size_t padded = (total + 63) / 64 * 64;
    if (padded - preamble > 65535) {
        preamble = 12;
        total = preamble + dict.size() + 1;
        padded = (total + 63) / 64 * 64;
    }
    std::string out(kMagic, kMagicSize);
    out.push_back(char(preamble == 10 ? 1 : 2));
    out.push_back(char(0));
    const std::size_t headerLength = padded - preamble;
    if (preamble == 10) {
        out.resize(10);
        store<std::uint16_t>(out.data() + 8, std::uint16_t(headerLength), false);
    } else {
        out.resize(12);
        store<std::uint32_t>(out.data() + 8, std::uint32_t(headerLength), false);
    }
    out += dict;
    out.append(padded - total, ' ');
    out.push_back('\n');
    out += m_data;
    return out;
}

void NpyFile::write(const std::filesystem::path& path) const
{
    writeFileAtomically(path, serialize());
}

NpyFile NpyFile::subset(const std::vector<std::size_t>& records) const
{
    NpyFile out;
    out.m_path = m_path;
    out.m_fields = m_fields;
    out.m_structured = m_structured;
    out.m_fortranOrder = m_fortranOrder;
    out.m_recordSize = m_recordSize;
    out.m_recordCount = records.size();
    out.m_shape = m_shape;
    if (out.m_shape.empty())
        out.m_shape = {1};
    out.m_shape.front() = std::int64_t(records.size());
    if (m_structured)
        out.m_shape.resize(1);
    out.m_data.reserve(records.size() * m_recordSize);
    for (std::size_t r : records) {
        if (r >= m_recordCount)
            throw UsageError("NpyFile::subset: record " + std::to_string(r) + " out of range (" +
                             std::to_string(m_recordCount) + " records)");
        out.m_data.append(recordData(r), m_recordSize);
    }
    return out;
}

int NpyFile::fieldIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        if (m_fields[i].name == name)
            return int(i);
    return -1;
}

int NpyFile::requireField(std::string_view name) const
{
    const int index = fieldIndex(name);
    if (index >= 0)
        return index;
    std::string names;
    for (std::size_t i = 0; i < m_fields.size() && i < 12; ++i)
        names += (i ? ", " : "") + m_fields[i].name;
    if (m_fields.size() > 12)
        names += ", ...";
    throw FileError(m_path, "no field '" + std::string(name) + "' (fields: " + names + ")");
}

const char* NpyFile::elementPointer(std::size_t record, int fieldIndex, std::size_t element) const
{
    if (record >= m_recordCount)
        throw FileError(m_path, "record " + std::to_string(record) + " requested, the file has " +
                                    std::to_string(m_recordCount) + " records");
    const NpyField& f = field(fieldIndex);
    if (element >= f.elementCount())
        throw FileError(m_path, "record " + std::to_string(record) + ", field '" + f.name + "': element " +
                                    std::to_string(element) + " requested, but the field holds " +
                                    std::to_string(f.elementCount()) + " per record (shape " + shapeText(f.shape) +
                                    ")");
    return recordData(record) + f.offset + element * f.itemSize;
}

} // namespace cryo
