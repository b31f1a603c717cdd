#include "train/DistributedOptions.h"

#include "util/Error.h"

#include <charconv>

namespace cryo {

namespace {

int integerVariable(const char* name, const char* value, int least)
{
    int parsed = 0;
    const char* end = value + std::char_traits<char>::length(value);
    const auto [ptr, error] = std::from_chars(value, end, parsed);
    if (error != std::errc() || ptr != end || parsed < least)
        throw UsageError(std::string("the environment variable ") + name + " is \"" + value +
                         "\", expected a whole number ≥ " + std::to_string(least));
    return parsed;
}

} // namespace

std::string firstSlurmHost(const std::string& nodeList)
{
    // The first entry ends at a comma outside brackets; "prefix[03-05,7]" → prefix + "03".
    std::size_t depth = 0, end = 0;
    for (; end < nodeList.size(); ++end) {
        const char c = nodeList[end];
        if (c == '[')
            ++depth;
        else if (c == ']' && depth > 0)
            --depth;
        else if (c == ',' && depth == 0)
            break;
    }
    const std::string entry = nodeList.substr(0, end);
    const std::size_t open = entry.find('[');
    if (open == std::string::npos)
        return entry;
    const std::size_t stop = entry.find_first_of("-,]", open + 1);
    return entry.substr(0, open) + entry.substr(open + 1, stop - open - 1);
}

std::optional<DistributedOptions> distributedFromEnvironment(const std::function<const char*(const char*)>& getenv)
{
    DistributedOptions options;
    const char* rank = getenv("RANK");
    const char* worldSize = getenv("WORLD_SIZE");
    const char* port = getenv("MASTER_PORT");
    if (rank && worldSize) {
        options.rank = integerVariable("RANK", rank, 0);
        options.worldSize = integerVariable("WORLD_SIZE", worldSize, 1);
        const char* address = getenv("MASTER_ADDR");
        options.storeHost = address && *address ? address : "127.0.0.1";
    } else if (getenv("SLURM_PROCID") && getenv("SLURM_NTASKS")) {
        options.rank = integerVariable("SLURM_PROCID", getenv("SLURM_PROCID"), 0);
        options.worldSize = integerVariable("SLURM_NTASKS", getenv("SLURM_NTASKS"), 1);
        const char* nodes = getenv("SLURM_STEP_NODELIST") ? getenv("SLURM_STEP_NODELIST") : getenv("SLURM_JOB_NODELIST");
        if (!nodes || !*nodes)
            throw UsageError("SLURM_PROCID is set but neither SLURM_STEP_NODELIST nor SLURM_JOB_NODELIST: "
                             "start the ranks with srun");
        options.storeHost = getenv("MASTER_ADDR") ? getenv("MASTER_ADDR") : firstSlurmHost(nodes);
        // One port per job, so two jobs sharing a node do not meet each other's store.
        if (!port && getenv("SLURM_JOB_ID"))
            options.storePort = 29500 + integerVariable("SLURM_JOB_ID", getenv("SLURM_JOB_ID"), 0) % 1000;
    } else {
        return std::nullopt;
    }
    if (port)
        options.storePort = integerVariable("MASTER_PORT", port, 1);
    if (options.storePort > 65535)
        throw UsageError("MASTER_PORT " + std::to_string(options.storePort) + " is not a TCP port");
    if (options.rank >= options.worldSize)
        throw UsageError("rank " + std::to_string(options.rank) + " is not below the world size " +
                         std::to_string(options.worldSize));
    // `cryoscape train --processes N` serves the store itself.
    options.launcherServesStore = getenv("CRYOSCAPE_STORE_SERVED") != nullptr;
    options.hostStore = options.rank == 0 && !options.launcherServesStore;
    if (options.worldSize < 2)
        return std::nullopt;
    return options;
}

} // namespace cryo
