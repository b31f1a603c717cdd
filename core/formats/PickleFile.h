#pragma once
// A safe, minimal reader for the Python pickles cryoDRGN writes (pose.pkl, ctf.pkl,
// z.pkl, index .pkl), and a writer for cryoDRGN index files.
//
// Only data is ever built: None, bools, ints (int64), floats, str, bytes, tuples, lists,
// dicts, and NumPy arrays recognised by their reconstruction pattern:
//   numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b') + BUILD
//       (1, shape, dtype, is_fortran, raw bytes)            (protocols 2-4)
//   numpy.core.numeric._frombuffer(bytes, dtype, shape, 'C')  (protocol 5, in-band)
//   numpy.dtype('f4', False, True) + BUILD (3, '<', ...)    (the array's dtype)
//   numpy.core.multiarray.scalar(dtype, bytes)              (a NumPy scalar: shape ())
//   _codecs.encode(str, 'latin1')                           (bytes pickled by protocol 2)
// (numpy 2 spells the modules numpy._core.*; both are accepted.) Any other global, and
// any opcode that would create arbitrary objects (INST, OBJ, NEWOBJ, PERSID, EXT*, out-of-band
// buffers), is rejected with a FileError naming the file, the opcode and its byte offset.
// Arrays must be C order; the dtype may be any .npy numeric dtype of either byte order.
#include "formats/NpyFile.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cryo {

// A NumPy array from a pickle: dtype (as NpyFile describes a field), shape, raw C-order bytes.
struct PickledArray {
    NpyField dtype;                     // dtype.dtype is e.g. "<f4", "<i8"; name unused
    std::vector<std::int64_t> shape;    // {} for a scalar
    std::string bytes;                  // elementCount() * dtype.itemSize bytes

    std::size_t elementCount() const;
    bool isInteger() const { return dtype.type == NpyType::Int || dtype.type == NpyType::UInt || dtype.type == NpyType::Bool; }
    bool isFloat() const { return dtype.type == NpyType::Float; }
    // Element i (flat, C order) converted. Throws UsageError for non-numeric dtypes or float16.
    double number(std::size_t i) const;
    std::int64_t integer(std::size_t i) const;   // floats are truncated
    std::vector<float> toFloats() const;
    std::vector<double> toDoubles() const;
    std::vector<std::int64_t> toInt64s() const;
    std::string shapeText() const;   // "(100, 9)"
};

// One node of an unpickled object tree.
struct PickleValue {
    enum class Kind { None, Bool, Int, Float, String, Bytes, Tuple, List, Dict, Array };
    Kind kind = Kind::None;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;                     // String (UTF-8) and Bytes
    std::vector<PickleValue> items;       // Tuple, List; Dict as key, value, key, value, ...
    std::shared_ptr<const PickledArray> array;

    bool isArray() const { return kind == Kind::Array && array; }
    bool isSequence() const { return kind == Kind::Tuple || kind == Kind::List; }
    std::string kindName() const;         // "tuple", "ndarray float32 (100, 9)", ...
};

// Parses the pickle that starts at `offset` in `bytes`; sets *end to the offset after its
// STOP opcode. `source` names the file in errors.
PickleValue parsePickle(std::string_view bytes, const std::filesystem::path& source, std::size_t offset = 0,
                        std::size_t* end = nullptr);
// The first pickle in a file.
PickleValue readPickle(const std::filesystem::path& path);
// Every pickle stored back to back in the file (cryoDRGN's z.pkl holds z_mu, then z_logvar).
std::vector<PickleValue> readPickles(const std::filesystem::path& path);
// The first pickle, which must be one ndarray. Throws FileError otherwise.
PickledArray readPickledArray(const std::filesystem::path& path);

// The bytes of a pickle (protocol 3, laid out as pickle.dump(ndarray, f) writes it) that loads
// as this little-endian numeric array. Throws UsageError for an inconsistent array.
std::string pickledArray(const PickledArray& array);
// pickledArray of a 1-D int64 array: byte for byte the index files cryoDRGN writes with
// pickle.dump(np.array(ind, dtype=np.int64), f).
std::string pickledIndexArray(const std::vector<std::int64_t>& indices);
// Writes pickledIndexArray(indices) atomically (.part + rename).
void writePickledIndexArray(const std::filesystem::path& path, const std::vector<std::int64_t>& indices);

} // namespace cryo
