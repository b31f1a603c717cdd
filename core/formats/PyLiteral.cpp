#include "formats/PyLiteral.h"

#include <charconv>
#include <stdexcept>

namespace cryo {

namespace {

class LiteralParser {
public:
    explicit LiteralParser(std::string_view text) : m_text(text) {}

    PyLiteral parseAll()
    {
        PyLiteral value = parseValue(0);
        skipBlanks();
        if (m_pos != m_text.size())
            fail("unexpected text after the literal");
        return value;
    }

private:
    static constexpr int kMaxDepth = 32;   // descr nests at most a few levels

    [[noreturn]] void fail(const std::string& problem) const
    {
        throw std::invalid_argument("at character " + std::to_string(m_pos) + ": " + problem);
    }
    void skipBlanks()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool consume(char c)
    {
        skipBlanks();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    PyLiteral parseValue(int depth);
    PyLiteral parseString();
    PyLiteral parseNumber();
    PyLiteral parseWord();
    // Items up to `close`, allowing a trailing comma. For dicts, pairs key: value.
    void parseItems(char close, PyLiteral& out, int depth, bool dict);

    std::string_view m_text;
    std::size_t m_pos = 0;
};

PyLiteral LiteralParser::parseValue(int depth)
{
    if (depth > kMaxDepth)
        fail("nested too deeply");
    skipBlanks();
    if (m_pos >= m_text.size())
        fail("unexpected end of text");
    PyLiteral out;
    const char c = m_text[m_pos];
    if (c == '{' || c == '[' || c == '(') {
        ++m_pos;
        out.kind = c == '{' ? PyLiteral::Kind::Dict : (c == '[' ? PyLiteral::Kind::List : PyLiteral::Kind::Tuple);
        parseItems(c == '{' ? '}' : (c == '[' ? ']' : ')'), out, depth, c == '{');
        return out;
    }
    if (c == '\'' || c == '"')
        return parseString();
    if (c == '-' || c == '+' || (c >= '0' && c <= '9'))
        return parseNumber();
    return parseWord();
}

void LiteralParser::parseItems(char close, PyLiteral& out, int depth, bool dict)
{
    while (true) {
        if (consume(close))
            return;
        PyLiteral item = parseValue(depth + 1);
        if (dict) {
            if (!consume(':'))
                fail("expected ':' after a dict key");
            out.entries.emplace_back(std::move(item), parseValue(depth + 1));
        } else {
            out.items.push_back(std::move(item));
        }
        if (consume(close))
            return;
        if (!consume(','))
            fail(std::string("expected ',' or '") + close + "'");
    }
}

PyLiteral LiteralParser::parseString()
{
    const char quote = m_text[m_pos++];
    PyLiteral out;
    out.kind = PyLiteral::Kind::String;
    while (m_pos < m_text.size() && m_text[m_pos] != quote) {
        char c = m_text[m_pos++];
        if (c == '\\') {
            if (m_pos >= m_text.size())
                fail("unterminated escape");
            const char e = m_text[m_pos++];
            c = e == 'n' ? '\n' : (e == 't' ? '\t' : (e == '0' ? '\0' : e));
        }
        out.text.push_back(c);
    }
    if (m_pos >= m_text.size())
        fail("unterminated string");
    ++m_pos;
    return out;
}

PyLiteral LiteralParser::parseNumber()
{
    std::size_t end = m_pos;
    if (m_text[end] == '+' || m_text[end] == '-')
        ++end;
    while (end < m_text.size() && m_text[end] >= '0' && m_text[end] <= '9')
        ++end;
    if (end < m_text.size() && m_text[end] == 'L')   // Python 2 long: "(7L,)"
        ++end;
    std::string_view digits = m_text.substr(m_pos, end - m_pos);
    if (!digits.empty() && digits.back() == 'L')
        digits.remove_suffix(1);
    if (!digits.empty() && digits.front() == '+')
        digits.remove_prefix(1);
    PyLiteral out;
    out.kind = PyLiteral::Kind::Int;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), out.intValue);
    if (result.ec != std::errc() || result.ptr != digits.data() + digits.size())
        fail("malformed integer '" + std::string(digits) + "'");
    m_pos = end;
    return out;
}

PyLiteral LiteralParser::parseWord()
{
    std::size_t end = m_pos;
    while (end < m_text.size() && ((m_text[end] >= 'A' && m_text[end] <= 'Z') || (m_text[end] >= 'a' && m_text[end] <= 'z')))
        ++end;
    const std::string_view word = m_text.substr(m_pos, end - m_pos);
    PyLiteral out;
    if (word == "True" || word == "False") {
        out.kind = PyLiteral::Kind::Bool;
        out.boolValue = word == "True";
    } else if (word == "None") {
        out.kind = PyLiteral::Kind::None;
    } else {
        fail("unexpected '" + std::string(m_text.substr(m_pos, std::min<std::size_t>(12, m_text.size() - m_pos))) + "'");
    }
    m_pos = end;
    return out;
}

} // namespace

const PyLiteral* PyLiteral::find(std::string_view key) const
{
    if (kind != Kind::Dict)
        return nullptr;
    for (const auto& [k, v] : entries)
        if (k.kind == Kind::String && k.text == key)
            return &v;
    return nullptr;
}

PyLiteral parsePyLiteral(std::string_view text)
{
    return LiteralParser(text).parseAll();
}

} // namespace cryo
