#include "formats/StarFile.h"

#include "formats/AtomicFile.h"
#include "util/Error.h"

#include <sstream>

namespace cryo {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

struct Token {
    std::string text;
    bool quoted = false;
};

struct LineTokens {
    std::vector<Token> tokens;
    std::string comment;    // text from an unquoted '#' to the end of the line
};

// Splits one line into STAR tokens. A quoted token ends at the matching quote followed by
// whitespace or the end of the line (so "it's" inside '...' is fine). RELION 5 writes
// bracketed lists "[0.1,0.2]"; a list is one token even if it holds spaces.
LineTokens tokenize(std::string_view line, const std::filesystem::path& source, int lineNumber)
{
    LineTokens out;
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n) {
        while (i < n && isBlank(line[i]))
            ++i;
        if (i >= n)
            break;
        const char c = line[i];
        if (c == '#') {
            out.comment = std::string(line.substr(i));
            break;
        }
        Token token;
        if (c == '\'' || c == '"') {
            std::size_t j = i + 1;
            while (j < n && !(line[j] == c && (j + 1 == n || isBlank(line[j + 1]))))
                ++j;
            if (j >= n)
                throw FileError(source, "line " + std::to_string(lineNumber) + ": unterminated quoted string " +
                                            std::string(line.substr(i, 40)));
            token.text = std::string(line.substr(i + 1, j - i - 1));
            token.quoted = true;
            i = j + 1;
        } else if (c == '[') {
            std::size_t j = i;
            int depth = 0;
            for (; j < n; ++j) {
                depth += line[j] == '[' ? 1 : (line[j] == ']' ? -1 : 0);
                if (depth == 0)
                    break;
            }
            if (j >= n) {   // not a closed list: an ordinary token
                j = i;
                while (j < n && !isBlank(line[j]))
                    ++j;
                token.text = std::string(line.substr(i, j - i));
                i = j;
            } else {
                token.text = std::string(line.substr(i, j + 1 - i));
                i = j + 1;
            }
        } else {
            std::size_t j = i;
            while (j < n && !isBlank(line[j]))
                ++j;
            token.text = std::string(line.substr(i, j - i));
            i = j;
        }
        out.tokens.push_back(std::move(token));
    }
    return out;
}

class StarParser {
public:
    StarParser(const std::filesystem::path& source, std::vector<StarBlock>& blocks)
        : m_source(source), m_blocks(blocks) {}

    void line(std::string_view text, int lineNumber);
    std::vector<std::string> takePendingComments() { return std::move(m_pendingComments); }

private:
    enum class State { Outside, BlockStart, LoopHeader, LoopRows, Pairs };

    [[noreturn]] void fail(int lineNumber, const std::string& problem) const
    {
        throw FileError(m_source, "line " + std::to_string(lineNumber) + ": " + problem);
    }
    void label(const LineTokens& line, int lineNumber);
    void values(const LineTokens& line, int lineNumber);

    std::filesystem::path m_source;
    std::vector<StarBlock>& m_blocks;
    std::vector<std::string> m_pendingComments;
    State m_state = State::Outside;
};

void StarParser::line(std::string_view text, int lineNumber)
{
    LineTokens tokens = tokenize(text, m_source, lineNumber);
    if (tokens.tokens.empty()) {
        if (!tokens.comment.empty())
            m_pendingComments.push_back(tokens.comment);
        return;
    }
    const Token& first = tokens.tokens.front();
    if (!first.quoted && first.text.rfind("data_", 0) == 0) {
        StarBlock block;
        block.name = first.text.substr(5);
        block.source = m_source;
        block.comments = std::move(m_pendingComments);
        m_pendingComments.clear();
        m_blocks.push_back(std::move(block));
        m_state = State::BlockStart;
    } else if (!first.quoted && first.text == "loop_") {
        if (m_state == State::Outside)
            fail(lineNumber, "loop_ before any data_ block");
        if (m_state != State::BlockStart)
            fail(lineNumber, "a second table in " + m_blocks.back().blockLabel() +
                                 " (one loop_ or one set of key/value pairs per block)");
        m_blocks.back().isLoop = true;
        m_state = State::LoopHeader;
    } else if (!first.quoted && first.text.front() == '_') {
        label(tokens, lineNumber);
    } else {
        values(tokens, lineNumber);
    }
}

void StarParser::label(const LineTokens& line, int lineNumber)
{
    const std::string& name = line.tokens.front().text;
    switch (m_state) {
    case State::Outside:
        fail(lineNumber, "label " + name + " before any data_ block");
    case State::LoopHeader:
        if (line.tokens.size() != 1)
            fail(lineNumber, "loop_ column " + name + " followed by a value");
        m_blocks.back().columns.push_back(name);
        return;
    case State::LoopRows:
        fail(lineNumber, "label " + name + " after the rows of the loop_ in " + m_blocks.back().blockLabel());
    case State::BlockStart:
    case State::Pairs: {
        if (line.tokens.size() != 2)
            fail(lineNumber, "key " + name + " needs exactly one value, found " +
                                 std::to_string(line.tokens.size() - 1));
        StarBlock& block = m_blocks.back();
        if (block.rows.empty()) {
            block.rows.emplace_back();
            block.rowLines.push_back(lineNumber);
        }
        block.columns.push_back(name);
        block.rows.front().push_back(line.tokens[1].text);
        m_state = State::Pairs;
        return;
    }
    }
}

void StarParser::values(const LineTokens& line, int lineNumber)
{
    if (m_state != State::LoopHeader && m_state != State::LoopRows)
        fail(lineNumber, "value '" + line.tokens.front().text + "' outside a loop_ table");
    StarBlock& block = m_blocks.back();
    if (block.columns.empty())
        fail(lineNumber, "loop_ in " + block.blockLabel() + " has rows but no column labels");
    if (line.tokens.size() != block.columns.size())
        fail(lineNumber, block.blockLabel() + " row " + std::to_string(block.rows.size() + 1) + " has " +
                             std::to_string(line.tokens.size()) + " fields, expected " +
                             std::to_string(block.columns.size()) + " (one per column)");
    std::vector<std::string> row;
    row.reserve(line.tokens.size());
    for (const Token& token : line.tokens)
        row.push_back(token.text);
    block.rows.push_back(std::move(row));
    block.rowLines.push_back(lineNumber);
    m_state = State::LoopRows;
}

bool isReservedWord(const std::string& value)
{
    return value.rfind("data_", 0) == 0 || value.rfind("loop_", 0) == 0 || value.rfind("save_", 0) == 0 ||
           value.rfind("global_", 0) == 0 || value.rfind("stop_", 0) == 0;
}

} // namespace

std::string starQuoted(const std::string& value)
{
    bool needsQuotes = value.empty() || isReservedWord(value) || value.front() == '_' || value.front() == '#' ||
                       value.front() == '\'' || value.front() == '"';
    const bool bracketList = !value.empty() && value.front() == '[' && value.back() == ']';
    for (char c : value)
        if (isBlank(c) && !bracketList)
            needsQuotes = true;
    if (!needsQuotes)
        return value;
    // A quote followed by a blank would end the string early, so pick the safe quote.
    const char quote = value.find("\" ") == std::string::npos && value.back() != '"' ? '"' : '\'';
    return quote + value + quote;
}

StarFile StarFile::parse(std::string_view text, const std::filesystem::path& source)
{
    StarFile file;
    file.m_path = source;
    StarParser parser(source, file.m_blocks);
    if (text.substr(0, 3) == "\xEF\xBB\xBF")   // UTF-8 byte order mark from Windows editors
        text.remove_prefix(3);
    int lineNumber = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        parser.line(text.substr(start, end - start), ++lineNumber);
        start = end + 1;
    }
    file.trailingComments = parser.takePendingComments();
    if (file.m_blocks.empty())
        throw FileError(source, "no data_ block found (not a STAR file?)");
    return file;
}

StarFile StarFile::read(const std::filesystem::path& path)
{
    const std::string text = readWholeFile(path);
    if (text.find('\0') != std::string::npos)
        throw FileError(path, "binary data at byte " + std::to_string(text.find('\0')) + " (not a STAR file)");
    return parse(text, path);
}

std::string StarFile::toString() const
{
    std::ostringstream out;
    for (const StarBlock& block : m_blocks) {
        out << '\n';
        for (const std::string& comment : block.comments)
            out << comment << '\n';
        out << '\n' << block.blockLabel() << "\n\n";
        if (block.isLoop) {
            out << "loop_ \n";
            for (std::size_t c = 0; c < block.columns.size(); ++c)
                out << block.columns[c] << " #" << (c + 1) << " \n";
            for (const auto& row : block.rows) {
                for (std::size_t c = 0; c < row.size(); ++c)
                    out << (c ? " " : "") << starQuoted(row[c]);
                out << '\n';
            }
        } else {
            for (std::size_t c = 0; c < block.columns.size(); ++c) {
                const std::string value = block.rows.empty() ? std::string() : block.rows.front().at(c);
                out << block.columns[c] << ' ' << starQuoted(value) << '\n';
            }
        }
        out << '\n';
    }
    for (const std::string& comment : trailingComments)
        out << comment << '\n';
    return out.str();
}

void StarFile::write(const std::filesystem::path& path) const
{
    writeFileAtomically(path, toString());
}

const StarBlock* StarFile::block(std::string_view name) const
{
    for (const StarBlock& b : m_blocks)
        if (b.name == name)
            return &b;
    return nullptr;
}

StarBlock* StarFile::block(std::string_view name)
{
    for (StarBlock& b : m_blocks)
        if (b.name == name)
            return &b;
    return nullptr;
}

StarBlock& StarFile::addBlock(StarBlock block)
{
    m_blocks.push_back(std::move(block));
    return m_blocks.back();
}

} // namespace cryo
