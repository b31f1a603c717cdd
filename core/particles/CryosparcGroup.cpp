#include "particles/CryosparcGroup.h"

#include "formats/AtomicFile.h"
#include "formats/NpyFile.h"
#include "formats/TorchCheckpoint.h"
#include "formats/YamlValue.h"
#include "util/Error.h"

#include <chrono>
#include <ctime>
#include <map>
#include <regex>

namespace cryo {

namespace fs = std::filesystem;

namespace {

struct Group {
    std::string description = "Particles exported by Cryoscape", name = "particles", title = "Particles",
                type = "particle", version = "v4.4.1";
    std::map<std::string, std::string> resultTypes;   // result name → type, from the source's .csg
};

// YAML single-quoted scalar: quotes doubled.
std::string yamlQuoted(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string textOf(const PickleValue* v, const std::string& fallback)
{
    return v && v->kind == PickleValue::Kind::String ? v->text : fallback;
}

// The .csg beside the source .cs that lists it as a metafile (a cryoSPARC job's or export's).
Group sourceGroup(const fs::path& sourceCs)
{
    Group group;
    std::error_code ec;
    if (sourceCs.empty())
        return group;
    for (const fs::directory_entry& e : fs::directory_iterator(sourceCs.parent_path(), ec)) {
        if (e.path().extension() != ".csg")
            continue;
        try {
            const PickleValue csg = readYamlValue(e.path());
            const PickleValue* results = dictValue(csg, "results");
            bool names = false;
            for (std::size_t i = 0; results && i + 1 < results->items.size(); i += 2) {
                const std::string metafile = textOf(dictValue(results->items[i + 1], "metafile"), "");
                names = names || fs::path(metafile.substr(metafile.rfind('>') + 1)).filename() == sourceCs.filename();
                if (const PickleValue* type = dictValue(results->items[i + 1], "type"))
                    group.resultTypes[results->items[i].text] = textOf(type, "");
            }
            if (!names) {
                group.resultTypes.clear();
                continue;
            }
            const PickleValue* g = dictValue(csg, "group");
            group.description = textOf(g ? dictValue(*g, "description") : nullptr, group.description);
            group.name = textOf(g ? dictValue(*g, "name") : nullptr, group.name);
            group.title = textOf(g ? dictValue(*g, "title") : nullptr, group.title);
            group.type = textOf(g ? dictValue(*g, "type") : nullptr, group.type);
            group.version = textOf(dictValue(csg, "version"), group.version);
            return group;
        } catch (const FileError&) {
            group.resultTypes.clear();   // not a result group we can read: look on
        }
    }
    return group;
}

std::string resultType(const Group& group, const std::string& result)
{
    if (const auto found = group.resultTypes.find(result); found != group.resultTypes.end() && !found->second.empty())
        return found->second;
    static const std::regex components("components_mode_[0-9]+");
    return group.type + "." + (std::regex_match(result, components) ? std::string("components") : result);
}

std::string now()
{
    const auto time = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    const auto micro = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count() % 1000000;
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%06lld", static_cast<long long>(micro));
    return std::string(text) + fraction;
}

} // namespace

void writeCryosparcGroup(const fs::path& csg, const fs::path& cs, const fs::path& sourceCs)
{
    const NpyFile written = NpyFile::read(cs);
    std::vector<std::string> results;   // column prefixes, in column order ("uid" has none)
    for (const NpyField& f : written.fields()) {
        const std::size_t slash = f.name.find('/');
        if (slash != std::string::npos && std::find(results.begin(), results.end(), f.name.substr(0, slash)) == results.end())
            results.push_back(f.name.substr(0, slash));
    }
    if (results.empty())
        throw FileError(cs, "has no result columns (name/field) for a result group");
    Group group = sourceGroup(sourceCs);
    if (group.resultTypes.empty())
        group.description = "Particles exported by Cryoscape from " + (sourceCs.empty() ? cs.filename().string() : sourceCs.filename().string());
    std::string text = "created: " + now() + "\ngroup:\n";
    text += "  description: " + yamlQuoted(group.description) + "\n  name: " + yamlQuoted(group.name) + "\n";
    text += "  title: " + yamlQuoted(group.title) + "\n  type: " + yamlQuoted(group.type) + "\nresults:\n";
    static const std::regex plain("[A-Za-z0-9_]+");
    const std::string metafile = yamlQuoted(">" + cs.filename().string());
    for (const std::string& r : results) {
        text.append("  ").append(std::regex_match(r, plain) ? r : yamlQuoted(r)).append(":\n    metafile: ").append(metafile);
        text.append("\n    num_items: ").append(std::to_string(written.recordCount()));
        text.append("\n    type: ").append(yamlQuoted(resultType(group, r))).append("\n");
    }
    text += "version: " + yamlQuoted(group.version) + "\n";
    writeFileAtomically(csg, text);
}

} // namespace cryo
