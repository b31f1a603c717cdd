#include "particles/SubsetExport.h"

#include "formats/AtomicFile.h"
#include "formats/PickleFile.h"
#include "particles/CryosparcGroup.h"
#include "particles/ParticleDataset.h"
#include "particles/ParticleMetadataWriter.h"
#include "util/Error.h"

#include <algorithm>
#include <string>

namespace cryo {

namespace {

void validateSelection(const std::vector<std::size_t>& selection, std::size_t count)
{
    for (std::size_t i = 0; i < selection.size(); ++i) {
        if (selection[i] >= count)
            throw UsageError("selection index " + std::to_string(selection[i]) + " is out of range (" +
                             std::to_string(count) + " particles)");
        if (i > 0 && selection[i] <= selection[i - 1])
            throw UsageError("the selection must be sorted and without duplicates (index " +
                             std::to_string(selection[i]) + " follows " + std::to_string(selection[i - 1]) + ")");
    }
}

// The chosen particles' metadata, for writing in the other program's format, with `poses`
// (one per dataset particle) instead of the source's when given.
ParticleMetadata subsetMetadata(const ParticleDataset& dataset, const std::vector<std::size_t>& indices,
                                const std::vector<ParticlePose>& poses)
{
    ParticleMetadata all = metadataOf(dataset);
    if (!poses.empty())
        all.poses = poses;
    ParticleMetadata m;
    m.optics = all.optics;
    m.stackPaths = all.stackPaths;
    m.hasCtf = all.hasCtf;
    m.particles.reserve(indices.size());
    for (std::size_t i : indices) {
        m.particles.push_back(all.particles[i]);
        if (!all.poses.empty())
            m.poses.push_back(all.poses[i]);
    }
    return m;
}

void writeIndexText(const std::filesystem::path& path, const std::vector<std::int64_t>& indices)
{
    std::string text;
    text.reserve(indices.size() * 7);
    for (std::int64_t i : indices)
        text += std::to_string(i) + '\n';
    writeFileAtomically(path, text);
}

} // namespace

std::vector<std::size_t> complementOf(const std::vector<std::size_t>& selection, std::size_t count)
{
    std::vector<std::size_t> out;
    out.reserve(count > selection.size() ? count - selection.size() : 0);
    std::size_t next = 0;
    for (std::size_t i = 0; i < count; ++i) {
        while (next < selection.size() && selection[next] < i)
            ++next;
        if (next >= selection.size() || selection[next] != i)
            out.push_back(i);
    }
    return out;
}

SubsetExportResult exportSubset(const ParticleDataset& dataset, const SubsetExportRequest& request)
{
    validateSelection(request.selection, dataset.size());
    if (request.star.empty() && request.cs.empty() && request.txt.empty() && request.pkl.empty())
        throw UsageError("nothing to export: give at least one of .star, .cs, .txt, .pkl");
    SubsetExportResult result;
    result.exported = request.invert ? complementOf(request.selection, dataset.size()) : request.selection;
    if (result.exported.empty())
        throw UsageError(request.invert ? "nothing to export: the selection holds every particle"
                                        : "nothing to export: the selection is empty");
    if (!request.poses.empty() && request.poses.size() != dataset.size())
        throw UsageError("export: " + std::to_string(request.poses.size()) + " poses for " +
                         std::to_string(dataset.size()) + " particles");
    const ParticleSourceFormat format = dataset.format();
    if (!request.star.empty()) {
        if (format == ParticleSourceFormat::RelionStar)
            dataset.writeSubset(request.star, result.exported, request.poses);
        else
            writeRelionStar(request.star, subsetMetadata(dataset, result.exported, request.poses));
        result.written.push_back(request.star);
    }
    if (!request.cs.empty()) {
        if (format != ParticleSourceFormat::CryoSparcCs) {
            writeCryosparcCs(request.cs, subsetMetadata(dataset, result.exported, request.poses));
        } else if (!dataset.writeSubset(request.cs, result.exported, request.poses)) {
            writeCryosparcCs(request.cs, subsetMetadata(dataset, result.exported, request.poses));
            result.notes.push_back(dataset.sourcePath().filename().string() +
                                   " has no alignments3D fields for the poses: " + request.cs.filename().string() +
                                   " is a new .cs (new uids, blob, CTF and poses only)");
        }
        result.written.push_back(request.cs);
        const std::filesystem::path csg = std::filesystem::path(request.cs).replace_extension(".csg");
        writeCryosparcGroup(csg, request.cs, format == ParticleSourceFormat::CryoSparcCs ? dataset.sourcePath() : "");
        result.written.push_back(csg);
    }
    // Index files name rows of the particle file (what cryoDRGN's --ind expects), which differ
    // from the run's rows when the run saw a subset (ParticleDataset::selectParticles).
    std::vector<std::int64_t> rows;
    for (std::size_t i : result.exported)
        rows.push_back(std::int64_t(dataset.particles()[i].originalIndex));
    if ((!request.txt.empty() || !request.pkl.empty()) &&
        !std::equal(rows.begin(), rows.end(), result.exported.begin(), [](std::int64_t r, std::size_t i) { return std::size_t(r) == i; }))
        result.notes.push_back("the indices written are rows of " + dataset.sourcePath().filename().string() +
                               " (the run was trained on a subset of it), as cryoDRGN's --ind expects");
    if (!request.txt.empty()) {
        writeIndexText(request.txt, rows);
        result.written.push_back(request.txt);
    }
    if (!request.pkl.empty()) {
        writePickledIndexArray(request.pkl, rows);
        result.written.push_back(request.pkl);
    }
    return result;
}

} // namespace cryo
