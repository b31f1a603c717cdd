#include "formats/StarFile.h"

#include "util/Error.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace cryo {

namespace {

std::string_view withoutUnderscore(std::string_view name)
{
    return (!name.empty() && name.front() == '_') ? name.substr(1) : name;
}

bool parseDouble(std::string_view text, double& out)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, out);
    return result.ec == std::errc() && result.ptr == end;
}

} // namespace

int StarBlock::columnIndex(std::string_view column) const
{
    const std::string_view wanted = withoutUnderscore(column);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (withoutUnderscore(columns[i]) == wanted)
            return int(i);
    return -1;
}

int StarBlock::requireColumn(std::string_view column) const
{
    const int index = columnIndex(column);
    if (index < 0)
        throw FileError(source, blockLabel() + " has no column _" + std::string(withoutUnderscore(column)));
    return index;
}

std::string StarBlock::rowLocation(std::size_t row) const
{
    std::string text = blockLabel() + " row " + std::to_string(row + 1);
    if (row < rowLines.size() && rowLines[row] > 0)
        text += " (line " + std::to_string(rowLines[row]) + ")";
    return text;
}

const std::string& StarBlock::value(std::size_t row, int column) const
{
    if (row >= rows.size())
        throw UsageError(blockLabel() + ": row " + std::to_string(row + 1) + " out of range (" +
                         std::to_string(rows.size()) + " rows)");
    if (column < 0 || std::size_t(column) >= rows[row].size())
        throw UsageError(blockLabel() + ": column index " + std::to_string(column) + " out of range");
    return rows[row][std::size_t(column)];
}

const std::string& StarBlock::value(std::size_t row, std::string_view column) const
{
    return value(row, requireColumn(column));
}

double StarBlock::number(std::size_t row, int column) const
{
    const std::string& text = value(row, column);
    double result = 0;
    if (!parseDouble(text, result))
        throw FileError(source, rowLocation(row) + ", " + columns[std::size_t(column)] + ": '" + text +
                                    "' is not a number");
    return result;
}

double StarBlock::number(std::size_t row, std::string_view column) const
{
    return number(row, requireColumn(column));
}

std::int64_t StarBlock::integer(std::size_t row, int column) const
{
    const std::string& text = value(row, column);
    std::int64_t result = 0;
    std::string_view view = text;
    if (!view.empty() && view.front() == '+')
        view.remove_prefix(1);
    const char* end = view.data() + view.size();
    const auto parsed = std::from_chars(view.data(), end, result);
    if (!view.empty() && parsed.ec == std::errc() && parsed.ptr == end)
        return result;
    // RELION sometimes writes integer labels as "1.000000".
    double asDouble = 0;
    if (parseDouble(text, asDouble) && std::isfinite(asDouble) && asDouble == std::floor(asDouble) &&
        std::fabs(asDouble) < 9.0e15)
        return std::int64_t(asDouble);
    throw FileError(source, rowLocation(row) + ", " + columns[std::size_t(column)] + ": '" + text +
                                "' is not an integer");
}

std::int64_t StarBlock::integer(std::size_t row, std::string_view column) const
{
    return integer(row, requireColumn(column));
}

int StarBlock::addColumn(std::string_view column, const std::string& fill)
{
    const int existing = columnIndex(column);
    if (existing >= 0)
        return existing;
    std::string name(column);
    if (name.empty() || name.front() != '_')
        name.insert(name.begin(), '_');
    columns.push_back(name);
    if (!isLoop && rows.empty())
        rows.emplace_back();
    for (auto& row : rows)
        row.push_back(fill);
    return int(columns.size()) - 1;
}

void StarBlock::setValue(std::size_t row, int column, std::string text)
{
    if (row >= rows.size() || column < 0 || std::size_t(column) >= rows[row].size())
        throw UsageError(blockLabel() + ": cell (" + std::to_string(row) + ", " + std::to_string(column) +
                         ") out of range");
    rows[row][std::size_t(column)] = std::move(text);
}

StarBlock StarBlock::subset(const std::vector<std::size_t>& rowIndices) const
{
    StarBlock out;
    out.name = name;
    out.isLoop = isLoop;
    out.columns = columns;
    out.comments = comments;
    out.source = source;
    out.rows.reserve(rowIndices.size());
    out.rowLines.reserve(rowIndices.size());
    for (std::size_t index : rowIndices) {
        if (index >= rows.size())
            throw UsageError(blockLabel() + ": subset row " + std::to_string(index) + " out of range (" +
                             std::to_string(rows.size()) + " rows)");
        out.rows.push_back(rows[index]);
        out.rowLines.push_back(index < rowLines.size() ? rowLines[index] : 0);
    }
    return out;
}

} // namespace cryo
