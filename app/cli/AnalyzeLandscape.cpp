#include "cli/AnalyzeLandscape.h"

#include "cli/ProgressPrinter.h"

#include "io/MapSeries.h"
#include "io/MrcFile.h"
#include "model/VolumeGenerator.h"
#include "tasks/LandscapeTask.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <string>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

double percentile(std::vector<float> values, double q)
{
    std::sort(values.begin(), values.end());
    const double position = q / 100.0 * double(values.size() - 1);
    const std::size_t below = std::size_t(position);
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (position - double(below)) * (values[above] - values[below]);
}

// Volumes along volume PCs 1..3 between the 5th and 95th percentile of the sketch's coordinates.
void writeVolumePcSeries(const cryo::LandscapeResult& result, const std::filesystem::path& dir,
                         const LandscapeRequest& request)
{
    const int P = result.pca.componentCount();
    constexpr int kPoints = 10;
    for (int pc = 0; pc < std::min(P, 3); ++pc) {
        std::vector<float> coordinates;
        for (std::size_t c = 0; c < std::size_t(result.sketchCount); ++c)
            coordinates.push_back(result.centreVolumePc[c * std::size_t(P) + std::size_t(pc)]);
        const double low = percentile(coordinates, 5), high = percentile(coordinates, 95);
        std::vector<cryo::Volume> volumes;
        for (int i = 0; i < kPoints; ++i)
            volumes.push_back(result.volumeAlongPc(pc, low + (high - low) * i / (kPoints - 1)));
        const auto sub = dir / ("vpc" + std::to_string(pc + 1));
        writeSeriesScript(sub / "series.cxc", cryo::writeMapSeries(sub, "vol_", volumes), volumes, request);
        cryo::writeMrc(dir / ("eigenvolume_" + std::to_string(pc + 1) + ".mrc"), result.eigenvolume(pc));
    }
}

void writeSummary(const cryo::LandscapeResult& r, const LandscapeRequest& request, std::ofstream& summary)
{
    summary << "landscape: sketch of " << r.sketchCount << " volumes (" << (request.fullMaps ? "full" : "preview")
            << " maps, decoded in " << r.decodeSeconds << " s), mask " << r.mask.insideCount() << " of "
            << r.mask.voxelCount() << " voxels"
            << (request.options.maskFile.empty()
                    ? " (> ½ max, grown by " + std::to_string(int(request.options.maskDilationAngstrom)) + " Å), "
                    : " (" + request.options.maskFile.string() + "), ") << r.clusterMeans.size() << " clusters ("
            << cryo::linkageName(request.options.linkage) << " linkage), " << r.pca.componentCount()
            << " volume PCs, z → volume-PC regression leave-one-out R² " << r.regressionR2 << ", total "
            << r.totalSeconds << " s\n";
    summary << "volume PCA explained variance (%):";
    for (float v : r.pca.explainedVariance())
        summary << ' ' << 100.0 * v / std::max(r.pca.totalVariance(), 1e-30);
    summary << "\ncluster  volumes  particles\n";
    for (std::size_t m = 0; m < r.clusterMeans.size(); ++m)
        summary << m << ' ' << r.clusterVolumes[m] << ' ' << r.clusterParticles[m] << '\n';
}

} // namespace

void writeSeriesScript(const std::filesystem::path& script, const std::vector<std::filesystem::path>& maps,
                       const std::vector<cryo::Volume>& volumes, const LandscapeRequest& request)
{
    cryo::ChimeraXSeriesStyle style = request.style;
    if (!request.levelSet)
        style.level = cryo::seriesLevel(volumes);
    cryo::writeChimeraXSeriesScript(script, maps, style);
}

void runLandscape(const LandscapeRequest& request, const std::filesystem::path& runFile,
                  cryo::VolumeGenerator& generator, const cryo::LatentTable& z, const std::filesystem::path& dir,
                  std::ofstream& summary, std::stop_token stop)
{
    ProgressPrinter progress(tr("Landscape"));
    const auto quality = request.fullMaps ? cryo::VolumeGenerator::Quality::Full : cryo::VolumeGenerator::Quality::Preview;
    const cryo::VolumeDecoder decode = [&](std::span<const float> point) { return generator.generate(point, quality); };
    const cryo::AnalysisContext context{stop, [&](double f) { progress.update((long long)(f * 1000), 1000); }};
    const cryo::LandscapeOutcome outcome = cryo::analyseLandscape(z, request.options, request.fullMaps, decode, context);
    const cryo::LandscapeResult& result = *outcome.result;
    progress.finish();

    const auto means = cryo::writeMapSeries(dir, "cluster_mean_", result.clusterMeans, 2);
    writeSeriesScript(dir / "cluster_means.cxc", means, result.clusterMeans, request);
    writeVolumePcSeries(result, dir, request);
    writeSummary(result, request, summary);

    // The GUI's landscape panel reads the cluster means and eigenvolumes from RUN/landscape/.
    cryo::storeLandscape(std::filesystem::absolute(runFile).parent_path(), outcome);
    std::printf("%s\n", qPrintable(tr("Landscape: %1 sketch volumes, %2 clusters, %3 volume PCs (PC1 %4 %); "
                                      "regression R² %5; %6 s")
                                       .arg(result.sketchCount)
                                       .arg(result.clusterMeans.size())
                                       .arg(result.pca.componentCount())
                                       .arg(result.pca.componentCount() > 0
                                                ? 100.0 * result.pca.explainedVariance()[0] / result.pca.totalVariance()
                                                : 0.0,
                                            0, 'f', 1)
                                       .arg(result.regressionR2, 0, 'f', 3)
                                       .arg(result.totalSeconds, 0, 'f', 1)));
}

} // namespace cli
