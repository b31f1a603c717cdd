#include "train/AbInitioState.h"

#include "pose/So3Grid.h"
#include "util/Error.h"

#include <cmath>
#include <sstream>

namespace cryo {

namespace {

constexpr const char* kConfig = "/config";
constexpr const char* kRotations = "/particles/rotations";

// One stored setting: its attribute name, the name the user knows, its member, and for
// settings added later the value that runs written before them used (0: required).
struct IntSetting {
    const char* attribute;
    const char* label;
    int AbInitioOptions::*member;
    int before = 0;
};

// Runs written before searching epochs were chunked searched the whole dataset per update.
constexpr int kWholeDataset = 1 << 30;

constexpr IntSetting kIntSettings[] = {
    {"ab_initio_search_every", "search every N epochs", &AbInitioOptions::searchEvery},
    {"ab_initio_reset_after_epoch", "reset after epoch", &AbInitioOptions::resetAfterEpoch},
    {"ab_initio_base_resolution", "base grid resolution", &AbInitioOptions::baseResolution},
    {"ab_initio_refinements", "refinements", &AbInitioOptions::refinements},
    {"ab_initio_kept", "poses kept", &AbInitioOptions::kept},
    {"ab_initio_kept_base", "poses kept from the global search", &AbInitioOptions::keptBase},
    {"ab_initio_l_max_start", "first search's frequency limit", &AbInitioOptions::lMaxStart},
    {"ab_initio_l_max_step", "frequency limit step per search", &AbInitioOptions::lMaxStep},
    {"ab_initio_shift_points", "shift points", &AbInitioOptions::shiftPoints},
    {"ab_initio_l_min", "first frequency radius", &AbInitioOptions::lMin},
    {"ab_initio_l_max", "last frequency radius", &AbInitioOptions::lMax},
    {"ab_initio_search_batch", "search batch", &AbInitioOptions::searchBatch},
    {"ab_initio_search_chunk", "images per model update while searching", &AbInitioOptions::searchChunk,
     kWholeDataset},
    {"ab_initio_latent_volumes", "volumes per chunk (heterogeneous)", &AbInitioOptions::latentVolumes, 8},
};

double requiredNumber(const H5File& file, const char* name)
{
    if (!file.hasAttribute(kConfig, name))
        throw FileError(file.path(), std::string("/config: an ab initio run without the attribute '") + name + "'");
    const double value = file.numberAttribute(kConfig, name);
    if (!std::isfinite(value) || std::abs(value) > 1e9)
        throw FileError(file.path(), std::string("/config: ") + name + " is out of range");
    return value;
}

} // namespace

int resolvedResetEpoch(const AbInitioOptions& options, int epochs)
{
    if (options.resetAfterEpoch >= 0)
        return options.resetAfterEpoch;
    return epochs >= 10 ? epochs / 2 : 0;
}

void writeAbInitioRecord(H5File& file, const AbInitioRecord& record)
{
    file.createGroup(kConfig);
    file.setAttribute(kConfig, "ab_initio", 1.0);
    for (const IntSetting& s : kIntSettings)
        file.setAttribute(kConfig, s.attribute, double(record.options.*s.member));
    file.setAttribute(kConfig, "ab_initio_shift_extent", record.options.shiftExtent);
    file.setAttribute(kConfig, "ab_initio_reset_epoch", double(record.resetEpoch));
}

std::optional<AbInitioRecord> readAbInitioRecord(const H5File& file)
{
    if (!file.hasAttribute(kConfig, "ab_initio") || file.numberAttribute(kConfig, "ab_initio") == 0)
        return std::nullopt;
    AbInitioRecord record;
    for (const IntSetting& s : kIntSettings)
        record.options.*s.member = s.before != 0 && !file.hasAttribute(kConfig, s.attribute)
                                       ? s.before
                                       : int(requiredNumber(file, s.attribute));
    record.options.shiftExtent = requiredNumber(file, "ab_initio_shift_extent");
    record.resetEpoch = int(requiredNumber(file, "ab_initio_reset_epoch"));
    const AbInitioOptions& o = record.options;
    if (o.searchEvery < 1 || o.searchBatch < 1 || o.searchChunk < 1 || o.latentVolumes < 1 || o.resetAfterEpoch < -1 || record.resetEpoch < 0 ||
        o.baseResolution < 0 || o.refinements < 0 || o.kept < 1 || o.shiftPoints < 1 || o.lMin < 1 ||
        o.lMax < o.lMin || !(o.shiftExtent >= 0))
        throw FileError(file.path(), "/config: the ab initio settings are out of range");
    return record;
}

void writeSearchedEpoch(H5File& file, int epoch) { file.setAttribute(kRotations, "searched_epoch", double(epoch)); }

int readSearchedEpoch(const H5File& file)
{
    if (!file.exists(kRotations) || !file.hasAttribute(kRotations, "searched_epoch"))
        return 0;
    return int(file.numberAttribute(kRotations, "searched_epoch"));
}

void writePoseErrorHistory(H5File& file, const std::vector<PoseErrorRecord>& history)
{
    const std::size_t n = history.size();
    std::vector<std::int32_t> searched(n);
    std::vector<double> rotation(n), shift(n), changeDeg(n), changePx(n), resolution(n);
    for (std::size_t i = 0; i < n; ++i) {
        searched[i] = history[i].searched ? 1 : 0;
        rotation[i] = history[i].rotationDeg;
        shift[i] = history[i].shiftPx;
        changeDeg[i] = history[i].changeDeg;
        changePx[i] = history[i].changePx;
        resolution[i] = history[i].halfMapResolutionA;
    }
    file.write("/history/poses_searched", searched, {n});
    file.write("/history/pose_error_deg", rotation, {n});
    file.write("/history/shift_error_px", shift, {n});
    file.write("/history/pose_change_deg", changeDeg, {n});
    file.write("/history/pose_change_px", changePx, {n});
    file.write("/history/half_map_resolution_a", resolution, {n});
}

std::vector<PoseErrorRecord> readPoseErrorHistory(const H5File& file)
{
    if (!file.exists("/history/poses_searched") || !file.exists("/history/epoch"))
        return {};
    const auto epoch = file.read<std::int32_t>("/history/epoch");
    const auto searched = file.read<std::int32_t>("/history/poses_searched");
    const auto rotation = file.read<double>("/history/pose_error_deg");
    const auto shift = file.read<double>("/history/shift_error_px");
    const std::size_t n = epoch.size();
    if (searched.size() != n || rotation.size() != n || shift.size() != n)
        throw FileError(file.path(), "/history: the pose error columns differ in length from /history/epoch");
    std::vector<double> changeDeg(n, -1.0), changePx(n, -1.0);   // older runs: not recorded
    if (file.exists("/history/pose_change_deg") && file.exists("/history/pose_change_px")) {
        changeDeg = file.read<double>("/history/pose_change_deg");
        changePx = file.read<double>("/history/pose_change_px");
        if (changeDeg.size() != n || changePx.size() != n)
            throw FileError(file.path(), "/history: the pose change columns differ in length from /history/epoch");
    }
    std::vector<double> resolution(n, -1.0);   // older runs: not recorded
    if (file.exists("/history/half_map_resolution_a")) {
        resolution = file.read<double>("/history/half_map_resolution_a");
        if (resolution.size() != n)
            throw FileError(file.path(), "/history/half_map_resolution_a differs in length from /history/epoch");
    }
    std::vector<PoseErrorRecord> history(n);
    for (std::size_t i = 0; i < n; ++i)
        history[i] = {epoch[i], searched[i] != 0, rotation[i], shift[i], changeDeg[i], changePx[i], resolution[i]};
    return history;
}

double settledBelowDeg(const AbInitioOptions& options)
{
    return 2.0 * So3Grid::spacingDeg(options.baseResolution + options.refinements);
}

std::string abInitioDifferences(const AbInitioOptions& stored, const AbInitioOptions& given)
{
    std::ostringstream out;
    const char* separator = "";
    for (const IntSetting& s : kIntSettings)
        if (stored.*s.member != given.*s.member) {
            out << separator << s.label << ": " << stored.*s.member << " in the run, " << given.*s.member << " given";
            separator = "; ";
        }
    if (stored.shiftExtent != given.shiftExtent)
        out << separator << "shift extent: " << stored.shiftExtent << " px in the run, " << given.shiftExtent
            << " px given";
    return out.str();
}

void checkAbInitioResume(const std::filesystem::path& runDir, const std::optional<AbInitioRecord>& stored,
                         const TrainingOptions& options)
{
    const std::string run = runDir.string();
    if (stored && !options.abInitio)
        throw UsageError(run + ": this is an ab initio run (poses searched by the model); resume it as one "
                               "(cryoscape train --ab-initio --resume)");
    if (!stored && options.abInitio)
        throw UsageError(run + ": this run was trained on the poses of the particle file, not ab initio; "
                               "resume it without --ab-initio, or start a new ab initio run elsewhere");
    if (!stored)
        return;
    const std::string differences = abInitioDifferences(stored->options, options.abInitioOptions);
    if (!differences.empty())
        throw UsageError(run + ": resuming needs the run's own ab initio settings (" + differences + ")");
}

} // namespace cryo
