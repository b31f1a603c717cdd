#include "fourier/DownsampleDataset.h"

#include "formats/StarFile.h"
#include "fourier/Downsample.h"
#include "fourier/DownsampleStar.h"
#include "particles/ParticleDataset.h"
#include "util/Error.h"

#include <map>
#include <set>

namespace cryo {
namespace fs = std::filesystem;

namespace {

// "<stem>_D<newBox><ext>" in outDir, made unique among names already used.
fs::path outputName(const fs::path& outDir, const fs::path& input, int newBox, const std::string& ext,
                    std::set<std::string>& used)
{
    const std::string base = input.stem().string() + "_D" + std::to_string(newBox);
    std::string name = base + ext;
    for (int i = 2; used.count(name); ++i)
        name = base + "_" + std::to_string(i) + ext;
    used.insert(name);
    return outDir / name;
}

// Downsamples one stack; progress counts images over the whole dataset.
DownsampleStackResult downsampleOne(const fs::path& in, const fs::path& out, const DownsampleDatasetOptions& o,
                                    long long doneBefore, long long total)
{
    DownsampleStackOptions stack;
    stack.input = in;
    stack.output = out;
    stack.newBox = o.newBox;
    stack.stop = o.stop;
    if (o.progress)
        stack.progress = [&o, doneBefore, total](int done, int) { o.progress(doneBefore + done, total); };
    return downsampleStack(stack);
}

} // namespace

DownsampleDatasetResult downsampleDataset(const DownsampleDatasetOptions& o)
{
    std::error_code ec;
    fs::create_directories(o.outDir, ec);
    if (ec)
        throw FileError(o.outDir, "cannot create the output folder: " + ec.message());

    ParticleDatasetOptions datasetOptions;
    datasetOptions.dataDirectory = o.dataDirectory;
    datasetOptions.checkFinite = false;   // pixels are only filtered here, not trusted
    const ParticleDataset dataset = ParticleDataset::open(o.input, datasetOptions);
    const bool star = dataset.format() == ParticleSourceFormat::RelionStar;
    if (!star && dataset.format() != ParticleSourceFormat::Mrcs)
        throw UsageError(o.input.string() + ": downsample takes an .mrcs stack or a RELION .star file");

    DownsampleDatasetResult result;
    result.oldBox = dataset.boxSize();
    result.newBox = o.newBox;
    result.oldPixelSize = dataset.pixelSize();
    result.newPixelSize = dataset.pixelSize() * double(result.oldBox) / double(o.newBox);
    long long total = 0;
    for (const StackInfo& s : dataset.stacks())
        total += s.imageCount;

    std::set<std::string> used;
    std::map<std::string, std::string> renamed;   // reference in the .star → new stack name
    for (const StackInfo& s : dataset.stacks()) {
        const fs::path out = outputName(o.outDir, s.path, o.newBox, ".mrcs", used);
        const DownsampleStackResult r = downsampleOne(s.path, out, o, result.images, total);
        if (r.cancelled) {
            result.cancelled = true;
            return result;
        }
        result.images += r.count;
        result.written.push_back(out);
        renamed[s.reference] = out.filename().string();
    }
    if (star) {
        DownsampleStarOptions starOptions;
        starOptions.oldBox = result.oldBox;
        starOptions.newBox = o.newBox;
        starOptions.renameStack = [&renamed](const std::string& reference) {
            const auto it = renamed.find(reference);
            return it != renamed.end() ? it->second : reference;
        };
        const fs::path out = outputName(o.outDir, o.input, o.newBox, ".star", used);
        downsampledStar(StarFile::read(o.input), starOptions).write(out);
        result.written.push_back(out);
    }
    return result;
}

} // namespace cryo
