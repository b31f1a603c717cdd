#include "model/Checkpoint.h"

#include "util/Error.h"

#include <cstdio>
#include <regex>

namespace cryo {

std::filesystem::path checkpointPath(const std::filesystem::path& runDir, int epoch)
{
    char name[32];
    std::snprintf(name, sizeof name, "epoch_%04d.pt", epoch);
    return runDir / "checkpoints" / name;
}

std::filesystem::path newestCheckpoint(const std::filesystem::path& runDir)
{
    const auto dir = runDir / "checkpoints";
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error))
        return {};
    static const std::regex pattern(R"(epoch_(\d+)\.pt)");
    std::filesystem::path best;
    int bestEpoch = -1;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        std::smatch match;
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, match, pattern) && std::stoi(match[1]) > bestEpoch) {
            bestEpoch = std::stoi(match[1]);
            best = entry.path();
        }
    }
    return best;
}

void saveCheckpoint(const std::filesystem::path& path, CryoModel& model, torch::optim::Optimizer& optimizer,
                    const at::Generator& generator, int epoch)
{
    torch::serialize::OutputArchive archive, modelArchive, optimizerArchive;
    model->save(modelArchive);
    optimizer.save(optimizerArchive);
    archive.write("model", modelArchive);
    archive.write("optimizer", optimizerArchive);
    archive.write("rng", generator.get_state());
    archive.write("epoch", torch::tensor(std::int64_t(epoch)));
    std::filesystem::create_directories(path.parent_path());
    const auto part = std::filesystem::path(path.string() + ".part");
    try {
        archive.save_to(part.string());
        std::filesystem::rename(part, path);
    } catch (const std::exception& e) {
        std::filesystem::remove(part);
        throw FileError(path, std::string("cannot write the checkpoint: ") + e.what());
    }
}

int loadCheckpoint(const std::filesystem::path& path, CryoModel& model, torch::optim::Optimizer* optimizer,
                   at::Generator* generator)
{
    try {
        torch::serialize::InputArchive archive, modelArchive;
        archive.load_from(path.string());
        archive.read("model", modelArchive);
        model->load(modelArchive);
        if (optimizer) {
            torch::serialize::InputArchive optimizerArchive;
            archive.read("optimizer", optimizerArchive);
            optimizer->load(optimizerArchive);
        }
        if (generator) {
            torch::Tensor state;
            archive.read("rng", state);
            generator->set_state(state);
        }
        torch::Tensor epoch;
        archive.read("epoch", epoch);
        return int(epoch.item<std::int64_t>());
    } catch (const c10::Error& e) {
        throw FileError(path, std::string("cannot read the checkpoint (") + e.what_without_backtrace() + ")");
    }
}

} // namespace cryo
