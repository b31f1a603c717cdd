#include "formats/YamlValue.h"

#include "formats/AtomicFile.h"
#include "util/Error.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <regex>

namespace cryo {

namespace {

constexpr std::size_t kMaxBytes = std::size_t(4) << 20;   // a config is a few kB
constexpr std::size_t kMaxValues = 100000;                // nodes after alias expansion
constexpr int kMaxDepth = 64;

const std::string kPythonTuple = "tag:yaml.org,2002:python/tuple";
const std::string kBinary = "tag:yaml.org,2002:binary";

class Converter {
public:
    explicit Converter(const std::filesystem::path& source) : m_source(source) {}

    PickleValue convert(const YAML::Node& node, int depth)
    {
        if (depth > kMaxDepth)
            fail(node, "nests more than " + std::to_string(kMaxDepth) + " levels deep");
        if (++m_values > kMaxValues)
            fail(node, "expands to more than " + std::to_string(kMaxValues) + " values (aliases repeated too often)");
        const std::string& tag = node.Tag();
        PickleValue v;
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return v;
        case YAML::NodeType::Scalar:
            if (tag == kBinary)
                return bytesOf(node);
            if (tag != "?" && tag != "!" && tag.rfind("tag:yaml.org,2002:", 0) != 0)
                fail(node, "has the tag '" + tag + "', which is not read");
            return scalar(node.Scalar(), tag);
        case YAML::NodeType::Sequence:
            checkCollectionTag(node, tag, true);
            v.kind = tag == kPythonTuple ? PickleValue::Kind::Tuple : PickleValue::Kind::List;
            for (const YAML::Node& item : node)
                v.items.push_back(convert(item, depth + 1));
            return v;
        case YAML::NodeType::Map:
            checkCollectionTag(node, tag, false);
            v.kind = PickleValue::Kind::Dict;
            for (const auto& item : node) {
                v.items.push_back(convert(item.first, depth + 1));
                v.items.push_back(convert(item.second, depth + 1));
            }
            return v;
        }
        return v;
    }

private:
    [[noreturn]] void fail(const YAML::Node& node, const std::string& problem) const
    {
        const YAML::Mark mark = node.Mark();
        throw FileError(m_source, "line " + std::to_string(mark.line + 1) + ": a value " + problem);
    }

    void checkCollectionTag(const YAML::Node& node, const std::string& tag, bool sequence) const
    {
        if (tag == "?" || tag == "!" || tag == "tag:yaml.org,2002:seq" || tag == "tag:yaml.org,2002:map" ||
            (sequence && tag == kPythonTuple))
            return;
        fail(node, "has the tag '" + tag + "' (a Python object), which is not read: nothing is constructed from tags");
    }

    PickleValue bytesOf(const YAML::Node& node) const
    {
        PickleValue v;
        v.kind = PickleValue::Kind::Bytes;
        std::string text = node.Scalar();
        text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
                   text.end());
        const std::vector<unsigned char> decoded = YAML::DecodeBase64(text);
        if (decoded.empty() && !text.empty())
            fail(node, "is not valid base64");
        v.text.assign(decoded.begin(), decoded.end());
        return v;
    }

    // PyYAML's implicit resolvers (YAML 1.1) for plain scalars; explicit core tags likewise.
    static PickleValue scalar(const std::string& s, const std::string& tag)
    {
        PickleValue v;
        const bool plain = tag == "?";
        const std::string core = plain ? "" : tag.substr(std::min(tag.size(), std::string("tag:yaml.org,2002:").size()));
        if (tag == "!" || core == "str") {
            v.kind = PickleValue::Kind::String;
            v.text = s;
            return v;
        }
        static const std::regex null("~|null|Null|NULL|");
        static const std::regex boolTrue("yes|Yes|YES|true|True|TRUE|on|On|ON");
        static const std::regex boolFalse("no|No|NO|false|False|FALSE|off|Off|OFF");
        static const std::regex integer("[-+]?(0|[1-9][0-9_]*)");
        static const std::regex real("[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?");
        static const std::regex inf("[-+]?\\.(inf|Inf|INF)");
        static const std::regex nan("\\.(nan|NaN|NAN)");
        if ((plain || core == "null") && std::regex_match(s, null))
            return v;
        if ((plain || core == "bool") && (std::regex_match(s, boolTrue) || std::regex_match(s, boolFalse))) {
            v.kind = PickleValue::Kind::Bool;
            v.boolean = std::regex_match(s, boolTrue);
            return v;
        }
        std::string digits = s;
        digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
        if ((plain || core == "int") && std::regex_match(s, integer)) {
            try {
                v.integer = std::stoll(digits);
                v.kind = PickleValue::Kind::Int;
                return v;
            } catch (const std::out_of_range&) {   // beyond 64 bits: keep the text
            }
        }
        if ((plain || core == "float") && (std::regex_match(s, real) || std::regex_match(s, inf) || std::regex_match(s, nan))) {
            v.kind = PickleValue::Kind::Float;
            if (std::regex_match(s, nan))
                v.real = std::numeric_limits<double>::quiet_NaN();
            else if (std::regex_match(s, inf))
                v.real = s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
            else
                v.real = std::strtod(digits.c_str(), nullptr);
            return v;
        }
        v.kind = PickleValue::Kind::String;   // timestamps, paths, words
        v.text = s;
        return v;
    }

    const std::filesystem::path& m_source;
    std::size_t m_values = 0;
};

} // namespace

PickleValue parseYamlValue(const std::string& text, const std::filesystem::path& source)
{
    if (text.size() > kMaxBytes)
        throw FileError(source, "is " + std::to_string(text.size()) + " bytes: too large for a configuration file");
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw FileError(source, std::string("not valid YAML: ") + e.what());
    }
    return Converter(source).convert(root, 0);
}

PickleValue readYamlValue(const std::filesystem::path& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxBytes)
        throw FileError(path, "is " + std::to_string(size) + " bytes: too large for a configuration file");
    return parseYamlValue(readWholeFile(path), path);
}

} // namespace cryo
