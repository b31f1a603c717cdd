#pragma once
// A tiny parser for the Python literals found in .npy headers:
//   {'descr': [('uid', '<u8'), ('alignments3D/pose', '<f4', (3,))], 'fortran_order': False, 'shape': (7,), }
// Only dicts, lists, tuples, strings, integers, True/False/None — nothing is evaluated.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cryo {

struct PyLiteral {
    enum class Kind { None, Bool, Int, String, List, Tuple, Dict };
    Kind kind = Kind::None;
    bool boolValue = false;
    std::int64_t intValue = 0;
    std::string text;                                   // String
    std::vector<PyLiteral> items;                       // List, Tuple
    std::vector<std::pair<PyLiteral, PyLiteral>> entries;  // Dict (key, value) in order

    bool isSequence() const { return kind == Kind::List || kind == Kind::Tuple; }
    // Dict lookup by string key; nullptr when absent (or not a dict).
    const PyLiteral* find(std::string_view key) const;
};

// Throws std::invalid_argument "at character 17: expected ..." on malformed input;
// callers wrap it into a FileError naming the file.
PyLiteral parsePyLiteral(std::string_view text);

} // namespace cryo
