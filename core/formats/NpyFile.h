#pragma once
// NumPy .npy files, in particular the structured arrays cryoSPARC stores as .cs files
// (one record per particle, fields such as ('alignments3D/pose', '<f4', (3,))).
//
// The whole file is held in memory as raw record bytes, so a subset can be written back
// with exactly the same dtype (field names, byte orders, sizes, sub-array shapes) —
// cryoSPARC imports it as its own. Record layout is packed in descr order (what numpy
// and cryoSPARC write; explicit offsets/alignment padding are not produced by them).
//
// A plain (non-structured) array, e.g. '<f4' with shape (N, 3), is represented as one
// field named "" whose sub-array shape is the trailing dimensions (here (3,)), with N
// records; isStructured() tells the two apart.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cryo {

struct PyLiteral;

enum class NpyType { Float, Int, UInt, Bool, Bytes, Unicode, Void };

// How a caller describes a field when building a new array.
struct NpyFieldSpec {
    std::string name;                 // "alignments3D/pose"
    std::string dtype;                // "<f4", "<u8", "|S64", "<U8", "|b1", ...
    std::vector<std::int64_t> shape;  // sub-array shape, {} for a scalar, {3} for (3,)
};

struct NpyField {
    std::string name;
    std::string dtype;                // as written in the header
    NpyType type = NpyType::Float;
    bool bigEndian = false;
    std::size_t itemSize = 0;         // bytes of one element (|S89 -> 89, <U8 -> 32)
    std::vector<std::int64_t> shape;  // sub-array shape ({} = scalar)
    std::size_t offset = 0;           // bytes from the start of the record

    std::size_t elementCount() const;
    std::size_t byteSize() const { return itemSize * elementCount(); }
};

class NpyFile {
public:
    // Throws FileError (naming the file and the byte offset / header problem) for a bad
    // magic, an unsupported version, a malformed header dict, an unknown dtype, or a file
    // shorter than the header promises.
    static NpyFile read(const std::filesystem::path& path);
    static NpyFile parse(std::string bytes, const std::filesystem::path& source);
    // A new structured array of `records` zero-filled records. Throws UsageError on a bad spec.
    static NpyFile create(const std::vector<NpyFieldSpec>& fields, std::size_t records);

    // Writes atomically (.part + rename), format version 1.0 (2.0 if the header is huge).
    void write(const std::filesystem::path& path) const;
    std::string serialize() const;
    // Same dtype, only the given records in the given order.
    NpyFile subset(const std::vector<std::size_t>& records) const;

    bool isStructured() const { return m_structured; }
    std::size_t recordCount() const { return m_recordCount; }
    std::size_t recordSize() const { return m_recordSize; }
    const std::vector<std::int64_t>& shape() const { return m_shape; }   // array shape from the header
    const std::vector<NpyField>& fields() const { return m_fields; }
    const NpyField& field(int index) const { return m_fields.at(std::size_t(index)); }
    int fieldIndex(std::string_view name) const;   // -1 when absent
    // Throws FileError "<file>: no field 'blob/path' (fields: uid, ...)".
    int requireField(std::string_view name) const;
    const std::filesystem::path& path() const { return m_path; }
    // Header dtype text, e.g. "[('uid', '<u8'), ('blob/path', '|S89')]" or "'<f4'".
    std::string descrText() const;

    // Element `element` of a numeric/bool field as double (u8 above 2^53 loses precision).
    double number(std::size_t record, int field, std::size_t element = 0) const;
    std::int64_t integer(std::size_t record, int field, std::size_t element = 0) const;
    std::uint64_t unsignedInteger(std::size_t record, int field, std::size_t element = 0) const;
    // |S: bytes up to the first NUL; <U: UTF-32 decoded to UTF-8.
    std::string text(std::size_t record, int field) const;

    void setNumber(std::size_t record, int field, double value, std::size_t element = 0);
    void setUnsigned(std::size_t record, int field, std::uint64_t value, std::size_t element = 0);
    // Truncated to the field's size (a |S64 field holds at most 64 bytes).
    void setText(std::size_t record, int field, std::string_view value);

    const char* recordData(std::size_t record) const { return m_data.data() + record * m_recordSize; }

private:
    const char* elementPointer(std::size_t record, int field, std::size_t element) const;
    void applyHeader(const PyLiteral& header);   // descr, fortran_order, shape -> fields
    bool layoutFields();   // false when a record would exceed 2^64 bytes

    std::filesystem::path m_path;
    std::vector<NpyField> m_fields;
    std::vector<std::int64_t> m_shape;
    bool m_structured = true;
    bool m_fortranOrder = false;
    std::size_t m_recordSize = 0;
    std::size_t m_recordCount = 0;
    std::string m_data;    // recordCount * recordSize bytes, as stored in the file
};

// Parses a dtype string such as "<f4" into `field` (type, byte order, item size).
// Returns false for an unknown or unsupported dtype.
bool parseNpyDtype(std::string_view dtype, NpyField& field);

} // namespace cryo
