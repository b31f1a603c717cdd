#include "cryodrgn/CryodrgnRun.h"

#include "formats/TorchCheckpoint.h"
#include "util/Error.h"

#include <algorithm>
#include <map>
#include <regex>

namespace cryo {

namespace fs = std::filesystem;

namespace {

fs::path configFile(const fs::path& directory)
{
    for (const char* name : {"config.yaml", "config.yml", "config.pkl"})
        if (fs::is_regular_file(directory / name))
            return directory / name;
    return {};
}

// The "epoch" entry of a checkpoint (an int, or a NumPy integer scalar).
int checkpointEpoch(const fs::path& weights)
{
    const PickleValue checkpoint = readTorchCheckpoint(weights);
    const PickleValue* epoch = dictValue(checkpoint, "epoch");
    if (epoch && epoch->kind == PickleValue::Kind::Int)
        return int(epoch->integer);
    if (epoch && epoch->isArray() && epoch->array->isInteger() && epoch->array->elementCount() == 1)
        return int(epoch->array->integer(0));
    throw FileError(weights, "the checkpoint has no integer 'epoch' entry");
}

} // namespace

bool isCryodrgnRunDirectory(const fs::path& directory)
{
    std::error_code ec;
    if (!fs::is_directory(directory, ec) || configFile(directory).empty())
        return false;
    for (const fs::directory_entry& e : fs::directory_iterator(directory, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("weights", 0) == 0 && e.path().extension() == ".pkl")
            return true;
    }
    return false;
}

const CryodrgnEpoch& CryodrgnRun::epoch(std::optional<int> number) const
{
    if (!number)
        return epochs.back();
    for (const CryodrgnEpoch& e : epochs)
        if (e.number == *number)
            return e;
    std::string there;
    for (const CryodrgnEpoch& e : epochs)
        there += (there.empty() ? "" : ", ") + std::to_string(e.number);
    throw UsageError(directory.string() + ": no epoch " + std::to_string(*number) + " (epochs with weights" +
                     (config.heterogeneous() ? " and z" : "") + ": " + there + ")");
}

fs::path CryodrgnRun::analysisDirectory(const CryodrgnEpoch& e) const
{
    if (const fs::path numbered = directory / ("analyze." + std::to_string(e.number)); fs::is_directory(numbered))
        return numbered;
    // `cryodrgn analyze DIR -1` analyses the final weights.pkl / z.pkl into analyze/.
    if (const fs::path last = directory / "analyze"; e.weights.filename() == "weights.pkl" && fs::is_directory(last))
        return last;
    return {};
}

CryodrgnRun openCryodrgnRun(const fs::path& directory)
{
    std::error_code ec;
    if (!fs::is_directory(directory, ec))
        throw FileError(directory, "not a directory");
    CryodrgnRun run;
    // Absolute, so the import's record of the config and weights opens from any folder.
    run.directory = fs::absolute(directory).lexically_normal();
    const fs::path config = configFile(run.directory);
    if (config.empty())
        throw FileError(directory, "no config.yaml or config.pkl: not a cryoDRGN training directory");
    run.config = readCryodrgnConfig(config);

    // weights.N.pkl / z.N.pkl by N; the final weights.pkl / z.pkl join as the epoch they hold.
    static const std::regex numbered("(weights|z)\\.([0-9]{1,7})\\.pkl");
    std::map<int, CryodrgnEpoch> found;
    for (const fs::directory_entry& e : fs::directory_iterator(run.directory, ec)) {
        std::smatch m;
        const std::string name = e.path().filename().string();
        if (!std::regex_match(name, m, numbered))
            continue;
        CryodrgnEpoch& epoch = found[std::stoi(m[2])];
        epoch.number = std::stoi(m[2]);
        (m[1] == "weights" ? epoch.weights : epoch.latents) = run.directory / name;
    }
    const bool needsLatents = run.config.heterogeneous();
    if (fs::is_regular_file(run.directory / "weights.pkl")
        && (!needsLatents || fs::is_regular_file(run.directory / "z.pkl"))) {
        const int number = checkpointEpoch(run.directory / "weights.pkl");
        CryodrgnEpoch& epoch = found[number];
        if (epoch.weights.empty() || (needsLatents && epoch.latents.empty()))
            epoch = {number, run.directory / "weights.pkl", needsLatents ? run.directory / "z.pkl" : fs::path()};
    }
    for (const auto& [number, epoch] : found)
        if (!epoch.weights.empty() && (!needsLatents || !epoch.latents.empty()))
            run.epochs.push_back(epoch);
    if (run.epochs.empty())
        throw FileError(directory, needsLatents ? "no epoch with both weights.N.pkl and z.N.pkl (has training started?)"
                                                : "no weights.N.pkl (has training started?)");
    return run;
}

} // namespace cryo
