#pragma once
// YAML as PyYAML's yaml.dump writes it (cryoDRGN's config.yaml), read into the same Python-value
// tree the pickle reader builds (formats/PickleFile.h), so a config.yaml and a config.pkl are
// read by one set of functions. Plain scalars are resolved with PyYAML's YAML 1.1 rules (null,
// ~, true/false/yes/no/on/off, integers, floats with a dot or .inf/.nan, else strings); quoted
// scalars are strings; !!python/tuple sequences become tuples; !!binary becomes bytes. Any other
// tag (a Python object, e.g. !!python/object/apply:…) is refused with a message naming it:
// nothing is ever constructed from a tag. Parsing is yaml-cpp's (depth-guarded); aliases are
// expanded against a budget, so a "billion laughs" file is refused, not expanded.
#include "formats/PickleFile.h"

#include <filesystem>

namespace cryo {

// Throws FileError naming the file (and line/column for syntax errors).
PickleValue readYamlValue(const std::filesystem::path& path);
PickleValue parseYamlValue(const std::string& text, const std::filesystem::path& source);

} // namespace cryo
