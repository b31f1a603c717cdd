#include "particles/ParticleDataset.h"

#include "formats/AtomicFile.h"
#include "formats/NpyFile.h"
#include "formats/StarFile.h"
#include "io/MrcFile.h"
#include "particles/ParticleMetadataWriter.h"
#include "particles/ParticleTable.h"
#include "particles/StackPathResolver.h"
#include "util/Error.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <functional>
#include <optional>
#include <unordered_map>

namespace cryo {

struct ParticleDataset::Impl {
    std::filesystem::path source;
    ParticleSourceFormat format = ParticleSourceFormat::Mrcs;
    ParticleDatasetOptions options;
    std::vector<ParticleRecord> particles;
    std::vector<OpticsGroup> optics;
    std::vector<ParticlePose> poses;
    std::vector<StackInfo> stacks;
    std::vector<std::unique_ptr<MrcReader>> readers;   // parallel to stacks; null = not opened
    bool hasCtf = false;
    std::vector<std::string> problems;
    int box = 0;
    std::optional<StarFile> star;      // kept to write subsets with every original column
    std::string particleBlock;
    std::optional<NpyFile> cs;
    std::vector<float> images;         // [n][y][x] when in memory
    bool inMemory = false;
    std::size_t missingStacks = 0;     // not found / unreadable (metadata-only mode)
};

namespace {

constexpr std::size_t kListedMissingStacks = 3;   // the rest are counted, not listed
constexpr int kMaxBox = 16384;                     // 1 GB per float image; anything larger is corrupt

using Location = std::function<std::string()>;

// Index of the first NaN/Inf in v, or n. Tests exponent bits without branches per
// value so the scan vectorises; it costs far less than reading the image.
std::size_t findNonFinite(const float* v, std::size_t n)
{
    constexpr std::size_t kBlock = 4096;
    for (std::size_t start = 0; start < n; start += kBlock) {
        const std::size_t end = std::min(n, start + kBlock);
        std::uint32_t any = 0;
        for (std::size_t i = start; i < end; ++i)
            any |= std::uint32_t((std::bit_cast<std::uint32_t>(v[i]) & 0x7f800000u) == 0x7f800000u);
        if (any)
            for (std::size_t i = start; i < end; ++i)
                if ((std::bit_cast<std::uint32_t>(v[i]) & 0x7f800000u) == 0x7f800000u)
                    return i;
    }
    return n;
}

// Opens (or records as missing) one stack; returns its index. Without a resolver the
// reference is the stack itself (a bare .mrcs opened by the user).
int addStack(ParticleDataset::Impl& d, const std::string& reference, const StackPathResolver* resolver,
             const Location& where)
{
    StackInfo info;
    info.reference = reference;
    const ResolvedStack resolved =
        resolver ? resolver->resolve(reference) : ResolvedStack{reference, StackOrigin::OpenedFile, {}};
    info.path = resolved.path;
    info.origin = resolved.origin;
    std::unique_ptr<MrcReader> reader;
    if (info.path.empty()) {
        const std::string problem =
            where() + ": stack '" + reference + "' " +
            (resolved.ambiguity.empty()
                 ? "not found (" + (resolver ? resolver->describeCandidates(reference) : reference) + ")"
                 : resolved.ambiguity + "; name the folder that holds the right one as the data folder (--datadir)");
        if (d.options.requireImages)
            throw FileError(d.source, problem);
        if (d.missingStacks++ < kListedMissingStacks)
            d.problems.push_back(d.source.filename().string() + ", " + problem);
    } else {
        try {
            reader = std::make_unique<MrcReader>(info.path);
            const MrcHeader& h = reader->header();
            info.imageCount = h.nz;
            info.nx = h.nx;
            info.ny = h.ny;
            info.headerPixelSize = h.pixelSize();
            if (h.ispg != 0 && h.nz > 1)   // a map, not a stack; read as images all the same
                d.problems.push_back(info.path.filename().string() + ": the header says this is a volume (ISPG " +
                                     std::to_string(h.ispg) + "); its " + std::to_string(h.nz) +
                                     " sections are read as images");
        } catch (const FileError& e) {
            if (!resolver)
                throw;   // the stack is the file opened: nothing else to summarise
            // Named from the metadata's side too: which row asked for this file.
            const std::string problem = where() + ": stack " + e.what();
            if (d.options.requireImages)
                throw FileError(d.source, problem);
            if (d.missingStacks++ < kListedMissingStacks)
                d.problems.push_back(d.source.filename().string() + ", " + problem);
        }
    }
    d.stacks.push_back(std::move(info));
    d.readers.push_back(std::move(reader));
    return int(d.stacks.size()) - 1;
}

void adoptTable(ParticleDataset::Impl& d, ParticleTable& table, const StackPathResolver& resolver)
{
    d.optics = std::move(table.optics);
    d.poses = std::move(table.poses);
    d.hasCtf = table.hasCtf;
    d.particleBlock = table.particleBlock;
    for (std::string& p : table.problems)
        d.problems.push_back(d.source.filename().string() + ": " + p);
    d.particles = std::move(table.particles);
    std::unordered_map<std::string, int> stackOf;
    for (std::size_t i = 0; i < d.particles.size(); ++i) {
        ParticleRecord& p = d.particles[i];
        const std::string& ref = table.stackRefs[i];
        auto found = stackOf.find(ref);
        if (found == stackOf.end())
            found = stackOf.emplace(ref, addStack(d, ref, &resolver, [&] { return table.rowLocation(i); })).first;
        p.stack = found->second;
        const StackInfo& s = d.stacks[std::size_t(p.stack)];
        if (d.readers[std::size_t(p.stack)] && p.image >= s.imageCount)
            throw FileError(d.source, table.rowLocation(i) + ": image " +
                                          (table.oneBasedIndices ? std::to_string(p.image + 1)
                                                                 : "index " + std::to_string(p.image) + " (0-based)") +
                                          " of " + ref + " requested, but that stack holds " +
                                          std::to_string(s.imageCount) + " images");
    }
}

// .mrcs (resolver null: the file itself) or .txt list: every image of every stack, in
// order; one optics group.
void openStackSources(ParticleDataset::Impl& d, const std::vector<std::pair<std::string, int>>& refs,
                      const StackPathResolver* resolver)
{
    d.optics.push_back(OpticsGroup{});
    d.optics.front().name = "stacks";
    d.problems.push_back(d.source.filename().string() + ": no CTF parameters (image stacks only)");
    for (const auto& [ref, line] : refs) {
        const int s = addStack(d, ref, resolver, [&, line = line] { return "line " + std::to_string(line); });
        for (int i = 0; i < d.stacks[std::size_t(s)].imageCount; ++i) {
            ParticleRecord p;
            p.originalIndex = d.particles.size();
            p.stack = s;
            p.image = i;
            d.particles.push_back(p);
        }
    }
}

std::vector<std::pair<std::string, int>> readStackList(const std::filesystem::path& path)
{
    const std::string text = readWholeFile(path);
    std::vector<std::pair<std::string, int>> refs;
    std::size_t start = 0;
    for (int line = 1; start < text.size(); ++line) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string entry = text.substr(start, end - start);
        start = end + 1;
        while (!entry.empty() && std::isspace(static_cast<unsigned char>(entry.back())))
            entry.pop_back();
        const std::size_t first = entry.find_first_not_of(" \t");
        if (first == std::string::npos || entry[first] == '#')
            continue;
        refs.emplace_back(entry.substr(first), line);
    }
    if (refs.empty())
        throw FileError(path, "lists no image stacks (expected one path per line)");
    return refs;
}

// Same square box everywhere, agreeing with the optics table; a positive pixel size.
void checkGeometry(ParticleDataset::Impl& d)
{
    const StackInfo* first = nullptr;
    for (std::size_t s = 0; s < d.stacks.size(); ++s) {
        if (!d.readers[s])
            continue;
        const StackInfo& info = d.stacks[s];
        if (info.nx != info.ny)
            throw FileError(info.path, "images are " + std::to_string(info.nx) + "x" + std::to_string(info.ny) +
                                           " pixels; particle images must be square");
        if (!first)
            first = &info;
        else if (info.nx != first->nx)
            throw FileError(d.source, "mismatched box sizes: " + first->path.string() + " holds " +
                                          std::to_string(first->nx) + "x" + std::to_string(first->ny) + " images, " +
                                          info.path.string() + " holds " + std::to_string(info.nx) + "x" +
                                          std::to_string(info.ny));
    }
    d.box = first ? first->nx : 0;
    std::string boxSource = first ? first->path.string() : std::string();   // who set the box, for messages
    for (OpticsGroup& g : d.optics) {
        if (g.imageSize < 0 || g.imageSize > kMaxBox)
            throw FileError(d.source, "optics group " + std::to_string(g.id) + " has an impossible image size " +
                                          std::to_string(g.imageSize));
        if (d.box > 0 && g.imageSize > 0 && g.imageSize != d.box)
            throw FileError(d.source, "optics group " + std::to_string(g.id) + " says image size " +
                                          std::to_string(g.imageSize) + ", but " + boxSource + " says " +
                                          std::to_string(d.box) + "x" + std::to_string(d.box));
        if (d.box == 0 && g.imageSize > 0) {
            d.box = g.imageSize;
            boxSource = "optics group " + std::to_string(g.id);
        }
        if (g.imageSize == 0)
            g.imageSize = d.box;
        if (d.options.pixelSize > 0)
            g.pixelSize = d.options.pixelSize;
        else if (g.pixelSize <= 0 && first)
            g.pixelSize = first->headerPixelSize;
        if (!(g.pixelSize > 0)) {
            const std::string problem = "pixel size is 0 for optics group " + std::to_string(g.id) +
                                        " (neither the metadata nor the stack header gives one; pass a pixel size)";
            if (d.options.requireImages)
                throw FileError(d.source, problem);
            d.problems.push_back(d.source.filename().string() + ": " + problem);
        }
    }
}

} // namespace

ParticleSourceFormat ParticleDataset::detectFormat(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".mrcs" || ext == ".mrc" || ext == ".st")
        return ParticleSourceFormat::Mrcs;
    if (ext == ".txt")
        return ParticleSourceFormat::StackList;
    if (ext == ".star")
        return ParticleSourceFormat::RelionStar;
    if (ext == ".cs")
        return ParticleSourceFormat::CryoSparcCs;
    throw FileError(path, "unknown particle file type '" + ext + "' (expected .mrcs, .txt, .star or .cs)");
}

ParticleDataset ParticleDataset::open(const std::filesystem::path& path, const ParticleDatasetOptions& options)
{
    auto d = std::make_unique<Impl>();
    d->source = path;
    d->options = options;
    d->format = detectFormat(path);
    const StackPathResolver resolver(path, options.dataDirectory);
    switch (d->format) {
    case ParticleSourceFormat::Mrcs:
        if (std::error_code ec; !std::filesystem::is_regular_file(path, ec))
            throw FileError(path, "file not found");
        openStackSources(*d, {{path.string(), 0}}, nullptr);
        break;
    case ParticleSourceFormat::StackList:
        openStackSources(*d, readStackList(path), &resolver);
        break;
    case ParticleSourceFormat::RelionStar: {
        d->star = StarFile::read(path);
        ParticleTable table = readStarParticles(*d->star, options);
        adoptTable(*d, table, resolver);
        break;
    }
    case ParticleSourceFormat::CryoSparcCs: {
        d->cs = NpyFile::read(path);
        ParticleTable table = readCsParticles(*d->cs, options);
        adoptTable(*d, table, resolver);
        break;
    }
    }
    if (d->missingStacks > kListedMissingStacks)
        d->problems.push_back(std::to_string(d->missingStacks) + " of " + std::to_string(d->stacks.size()) +
                              " image stacks are missing or unreadable (the first " +
                              std::to_string(kListedMissingStacks) + " are listed)");
    checkGeometry(*d);
    ParticleDataset dataset(std::move(d));
    const std::size_t bytes = dataset.size() * std::size_t(dataset.boxSize()) * std::size_t(dataset.boxSize()) * 4;
    if (options.loadEagerly && dataset.imagesAvailable() && bytes <= options.eagerLimitBytes)
        dataset.loadIntoMemory();
    return dataset;
}

ParticleDataset::ParticleDataset(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ParticleDataset::ParticleDataset(ParticleDataset&&) noexcept = default;
ParticleDataset& ParticleDataset::operator=(ParticleDataset&&) noexcept = default;
ParticleDataset::~ParticleDataset() = default;

const std::filesystem::path& ParticleDataset::sourcePath() const { return m_impl->source; }
ParticleSourceFormat ParticleDataset::format() const { return m_impl->format; }
std::size_t ParticleDataset::size() const { return m_impl->particles.size(); }
int ParticleDataset::boxSize() const { return m_impl->box; }
double ParticleDataset::pixelSize() const { return m_impl->optics.empty() ? 0.0 : m_impl->optics.front().pixelSize; }
const std::vector<ParticleRecord>& ParticleDataset::particles() const { return m_impl->particles; }
const std::vector<OpticsGroup>& ParticleDataset::opticsGroups() const { return m_impl->optics; }
const std::vector<StackInfo>& ParticleDataset::stacks() const { return m_impl->stacks; }
bool ParticleDataset::hasCtf() const { return m_impl->hasCtf; }
bool ParticleDataset::hasPoses() const { return !m_impl->poses.empty(); }
const std::vector<ParticlePose>& ParticleDataset::poses() const { return m_impl->poses; }
const std::vector<std::string>& ParticleDataset::problems() const { return m_impl->problems; }
bool ParticleDataset::isInMemory() const { return m_impl->inMemory; }

bool ParticleDataset::imagesAvailable() const
{
    return std::all_of(m_impl->readers.begin(), m_impl->readers.end(), [](const auto& r) { return bool(r); });
}

void ParticleDataset::readImages(std::size_t first, std::size_t count, float* out) const
{
    const Impl& d = *m_impl;
    if (first > d.particles.size() || count > d.particles.size() - first)
        throw UsageError("readImages: images " + std::to_string(first) + ".." + std::to_string(first + count) +
                         " out of range (" + std::to_string(d.particles.size()) + " particles)");
    const std::size_t pixels = std::size_t(d.box) * std::size_t(d.box);
    if (d.inMemory) {
        std::memcpy(out, d.images.data() + first * pixels, count * pixels * sizeof(float));
        return;
    }
    // Runs of up to ~256 KB: large enough to amortise a read call, small enough that the
    // conversion and NaN/Inf scan work on data still in cache.
    const std::size_t maxRun = std::max<std::size_t>(1, (std::size_t(256) << 10) / (pixels * sizeof(float)));
    for (std::size_t i = first; i < first + count;) {
        const ParticleRecord& p = d.particles[i];
        std::size_t run = 1;   // consecutive sections of the same stack: one read
        while (i + run < first + count && run < maxRun && d.particles[i + run].stack == p.stack &&
               d.particles[i + run].image == p.image + int(run))
            ++run;
        MrcReader* reader = d.readers[std::size_t(p.stack)].get();
        const StackInfo& stack = d.stacks[std::size_t(p.stack)];
        if (!reader)
            throw FileError(stack.reference, "image stack not available (not found or unreadable)");
        float* target = out + (i - first) * pixels;
        reader->readSections(p.image, int(run), target);
        if (d.options.checkFinite) {
            const std::size_t bad = findNonFinite(target, run * pixels);
            if (bad < run * pixels) {
                const std::size_t k = bad / pixels, pixel = bad % pixels;
                throw FileError(stack.path, "image " + std::to_string(p.image + int(k) + 1) + " (particle " +
                                                std::to_string(i + k) + "): NaN or infinite pixel at x=" +
                                                std::to_string(pixel % std::size_t(d.box)) +
                                                ", y=" + std::to_string(pixel / std::size_t(d.box)));
            }
        }
        i += run;
    }
}

std::vector<float> ParticleDataset::readImage(std::size_t index) const
{
    std::vector<float> image(std::size_t(m_impl->box) * std::size_t(m_impl->box));
    readImages(index, 1, image.data());
    return image;
}

void ParticleDataset::loadIntoMemory()
{
    if (m_impl->inMemory)
        return;
    const std::size_t pixels = std::size_t(m_impl->box) * std::size_t(m_impl->box);
    std::vector<float> images(size() * pixels);
    constexpr std::size_t kChunk = 512;
    for (std::size_t first = 0; first < size(); first += kChunk)
        readImages(first, std::min(kChunk, size() - first), images.data() + first * pixels);
    m_impl->images = std::move(images);
    m_impl->inMemory = true;
}

void ParticleDataset::selectParticles(const std::vector<std::size_t>& rows)
{
    Impl& d = *m_impl;
    const std::size_t pixels = std::size_t(d.box) * std::size_t(d.box);
    std::vector<ParticleRecord> particles;
    std::vector<ParticlePose> poses;
    std::vector<float> images;
    particles.reserve(rows.size());
    for (std::size_t row : rows) {
        if (row >= d.particles.size())
            throw UsageError(d.source.string() + ": particle " + std::to_string(row) + " selected, but it has " +
                             std::to_string(d.particles.size()));
        particles.push_back(d.particles[row]);
        if (!d.poses.empty())
            poses.push_back(d.poses[row]);
        if (d.inMemory)
            images.insert(images.end(), d.images.begin() + std::ptrdiff_t(row * pixels),
                          d.images.begin() + std::ptrdiff_t((row + 1) * pixels));
    }
    d.particles = std::move(particles);
    d.poses = std::move(poses);
    d.images = std::move(images);
}

void ParticleDataset::setPoses(std::vector<ParticlePose> poses)
{
    if (poses.size() != size())
        throw UsageError(std::to_string(poses.size()) + " poses for the " + std::to_string(size()) + " particles of " +
                         m_impl->source.string());
    m_impl->poses = std::move(poses);
}

void ParticleDataset::setCtf(const std::vector<CtfParams>& ctf)
{
    if (ctf.size() != size())
        throw UsageError(std::to_string(ctf.size()) + " CTF rows for the " + std::to_string(size()) + " particles of " +
                         m_impl->source.string());
    for (std::size_t i = 0; i < ctf.size(); ++i)
        m_impl->particles[i].ctf = ctf[i];
    m_impl->hasCtf = true;
}

bool ParticleDataset::writeSubset(const std::filesystem::path& out, const std::vector<std::size_t>& indices,
                                  const std::vector<ParticlePose>& poses) const
{
    if (!poses.empty() && poses.size() != size())
        throw UsageError("writeSubset: " + std::to_string(poses.size()) + " poses for " + std::to_string(size()) +
                         " particles");
    std::vector<std::size_t> rows;
    std::vector<ParticlePose> chosenPoses;
    std::vector<double> pixelSizes;   // Å/px of each chosen particle
    rows.reserve(indices.size());
    for (std::size_t i : indices) {
        if (i >= size())
            throw UsageError("writeSubset: particle " + std::to_string(i) + " out of range (" +
                             std::to_string(size()) + " particles)");
        rows.push_back(m_impl->particles[i].originalIndex);
        if (!poses.empty()) {
            chosenPoses.push_back(poses[i]);
            pixelSizes.push_back(m_impl->optics[std::size_t(m_impl->particles[i].opticsGroup)].pixelSize);
        }
    }
    if (m_impl->star) {
        StarFile copy = *m_impl->star;
        StarBlock* block = copy.block(m_impl->particleBlock);
        *block = block->subset(rows);
        if (!poses.empty())
            setRelionPoses(*block, chosenPoses, pixelSizes);
        copy.write(out);
    } else if (m_impl->cs) {
        NpyFile subset = m_impl->cs->subset(rows);
        if (!poses.empty() && !setCryosparcPoses(subset, chosenPoses, pixelSizes))
            return false;
        subset.write(out);
    } else {
        throw UsageError("writeSubset: " + m_impl->source.string() +
                         " is a bare image stack; subsets can be written for .star and .cs sources");
    }
    return true;
}

std::string formatName(ParticleSourceFormat format)
{
    switch (format) {
    case ParticleSourceFormat::Mrcs: return "mrcs";
    case ParticleSourceFormat::StackList: return "stack list";
    case ParticleSourceFormat::RelionStar: return "RELION star";
    case ParticleSourceFormat::CryoSparcCs: return "cryoSPARC cs";
    }
    return "unknown";
}

} // namespace cryo
