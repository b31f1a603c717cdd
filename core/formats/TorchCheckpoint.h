#pragma once
// Checkpoints written by torch.save (PyTorch ≥ 1.6, a ZIP archive: <root>/data.pkl and the raw
// storages <root>/data/<key>), read without Python and without executing anything: the pickle
// goes through the same restricted machine as every other pickle (formats/PickleFile.h), which
// here also accepts collections.OrderedDict, torch's tensor and parameter rebuilders, storage
// types and persistent ids. Tensors come back as arrays (PickleValue::Kind::Array), dense and
// C-ordered whatever their strides; float16 and bfloat16 tensors are widened to float32;
// storages tagged for a GPU ("cuda:0") are read like CPU ones. Any archive root name is fine
// (cryoDRGN's weights.7.pkl has "weights.7/").
#include "formats/PickleFile.h"

#include <filesystem>

namespace cryo {

// Throws FileError naming the file: the pre-1.6 (non-zip) torch format that cryoDRGN 0.x
// wrote, plain pickles, compressed or damaged archives, big-endian storages, and any global
// outside the allowed set (named in the message).
PickleValue readTorchCheckpoint(const std::filesystem::path& path);
// The same for a checkpoint held in memory; `source` names it in errors.
PickleValue parseTorchCheckpoint(std::string bytes, const std::filesystem::path& source);

// The value under `key` in a dict (nullptr when absent or when `dict` is not a dict).
const PickleValue* dictValue(const PickleValue& dict, std::string_view key);

} // namespace cryo
