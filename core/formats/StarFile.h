#pragma once
// RELION STAR files: `data_<name>` blocks holding either key/value pairs or one `loop_`
// table. Every value is kept as the exact text that was read (quotes removed), so a
// subset of rows can be written back without losing or reformatting any column.
//
// Convention: a key/value block is stored like a one-row table — `columns` are the
// keys ("_rlnFinalResolution") and `rows` holds exactly one row with the values.
// Column names are stored as written, with the leading underscore ("_rlnImageName");
// lookups accept the name with or without it.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cryo {

struct StarBlock {
    std::string name;                              // "particles" for data_particles ("" for data_)
    bool isLoop = false;                           // loop_ table, or key/value pairs
    std::vector<std::string> columns;              // "_rlnImageName", in file order
    std::vector<std::vector<std::string>> rows;    // rows[r][c], unquoted text
    std::vector<std::string> comments;             // "# version 30001" lines met before/in the block
    std::vector<int> rowLines;                     // 1-based line of each row in the source (or 0)
    std::filesystem::path source;                  // the file it was read from, for messages

    std::size_t rowCount() const { return rows.size(); }
    // -1 when absent. Accepts "_rlnDefocusU" or "rlnDefocusU".
    int columnIndex(std::string_view column) const;
    bool hasColumn(std::string_view column) const { return columnIndex(column) >= 0; }
    // Throws FileError "<file>: data_particles has no column _rlnImageName".
    int requireColumn(std::string_view column) const;

    const std::string& value(std::size_t row, int column) const;
    const std::string& value(std::size_t row, std::string_view column) const;
    // Typed access; a field that does not parse throws FileError
    // "<file>: data_particles row 12 (line 57), _rlnDefocusU: 'abc' is not a number".
    double number(std::size_t row, int column) const;
    double number(std::size_t row, std::string_view column) const;
    std::int64_t integer(std::size_t row, int column) const;
    std::int64_t integer(std::size_t row, std::string_view column) const;

    // Appends a column (filled with `fill` in existing rows) and returns its index; if it
    // exists already, returns that index and leaves the values alone.
    int addColumn(std::string_view column, const std::string& fill = "0");
    void setValue(std::size_t row, int column, std::string text);
    // A copy holding only the given rows, in the order given (row indices into this block).
    StarBlock subset(const std::vector<std::size_t>& rowIndices) const;

    // "data_particles row 12 (line 57)" — used as the prefix of messages about a row.
    std::string rowLocation(std::size_t row) const;
    std::string blockLabel() const { return "data_" + name; }
};

class StarFile {
public:
    // Throws FileError for a missing/unreadable file, a row with the wrong number of
    // fields, an unterminated quote, a value without a loop_ header, or no data_ block.
    static StarFile read(const std::filesystem::path& path);
    // Parses text; `source` only names the file in messages.
    static StarFile parse(std::string_view text, const std::filesystem::path& source);

    // Writes atomically (to "<path>.part", then rename). Values that need it are quoted.
    void write(const std::filesystem::path& path) const;
    std::string toString() const;

    const std::vector<StarBlock>& blocks() const { return m_blocks; }
    std::vector<StarBlock>& blocks() { return m_blocks; }
    // Block by name without the "data_" prefix ("optics"); nullptr when absent.
    const StarBlock* block(std::string_view name) const;
    StarBlock* block(std::string_view name);
    StarBlock& addBlock(StarBlock block);
    const std::filesystem::path& path() const { return m_path; }

    // Comments after the last block's content (kept so a round trip keeps them).
    std::vector<std::string> trailingComments;

private:
    std::filesystem::path m_path;
    std::vector<StarBlock> m_blocks;
};

// Quotes a value when STAR syntax needs it (empty, whitespace, leading '_', '#', quote,
// or a reserved word such as "loop_"); otherwise returns it unchanged.
std::string starQuoted(const std::string& value);

} // namespace cryo
