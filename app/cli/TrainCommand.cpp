// cryoscape train PARTICLES --out DIR [...] — trains a heterogeneous (VAE) or homogeneous
// model with the poses and CTF of the input (core/train/TrainingJob.h). Ctrl-C stops after
// the current batch; --resume continues from the newest checkpoint (an ab initio run with the
// poses and schedule recorded in its run.h5).
#include "cli/CliCommand.h"
#include "cli/CliOptions.h"
#include "cli/ProgressPrinter.h"
#include "cli/TrainLauncher.h"
#include "TrainingDefaults.h"

#include "train/AbInitioState.h"
#include "train/TrainingJob.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <thread>

namespace cli {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("cli", text); }

void addTrainOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        tr("Train a cryoDRGN-style model on particles with poses and CTF (.star, .cs): an image encoder to a "
           "latent z and a coordinate decoder in Hartley space. Writes DIR/run.h5 (z per particle, loss history) "
           "and DIR/checkpoints/ after every epoch.") + "\n" + trainingDefaultsNote());
    parser.addHelpOption();
    parser.addPositionalArgument(tr("particles"), tr("Particles: .star, .cs or .mrcs (poses and CTF are read from it)."));
    parser.addOptions({
        {"out", tr("Run directory (created if needed)."), tr("DIR")},
        {"poses", tr("Take the poses from this file instead: cryoDRGN pose.pkl, or a .star/.cs with the same particles."), tr("FILE")},
        {"ctf", tr("Take the CTF from this file instead: cryoDRGN ctf.pkl, or a .star/.cs with the same particles."), tr("FILE")},
        {"zdim", tr("Latent dimension (default 8)."), tr("N")},
        {"epochs", tr("Number of epochs (default 20)."), tr("N")},
        {"enc", tr("Encoder width x hidden layers (default 256x3)."), tr("WxL")},
        {"dec", tr("Decoder width x hidden layers (default 256x3)."), tr("WxL")},
        {"batch", tr("Images per batch (default 8)."), tr("B")},
        {"lr", tr("Adam learning rate (default 4e-4; 1e-3 with --ab-initio)."), tr("RATE")},
        {"beta", tr("Weight of the KL term (default 1/zdim)."), tr("BETA")},
        {"homogeneous", tr("Train the decoder alone: one map, no encoder, no latent.")},
        {"resume", tr("Continue the run in --out from its newest checkpoint.")},
        {"ab-initio", tr("Ab initio (cryoDRGN2): ignore the input poses and search them with the model, every "
                         "--search-every epochs; the found poses go to run.h5. With --homogeneous: the decoder alone.")},
        {"search-every", tr("Ab initio: search the poses every N epochs (default 1)."), tr("N")},
        {"reset-after", tr("Ab initio: restart the model from random weights after epoch N, keeping the poses "
                           "(0: never; default: half of the epochs when there are at least 10)."), tr("N")},
        {"search-chunk", tr("Ab initio: images searched per model update in a searching epoch (default 128)."),
         tr("N")},
        {"latent-volumes", tr("Ab initio with a latent space: volumes per search chunk, decoded at the k-means "
                              "centres of the chunk's z (default 8)."), tr("N")},
        {"base-grid", tr("Ab initio: resolution of the global orientation grid, 0-4 (default 2: 4608 "
                         "orientations, 15° apart)."), tr("R")},
        {"threads", tr("Compute threads (default: all cores)."), tr("T")},
        {"seed", tr("Random seed (default 1)."), tr("K")},
        {"pe", tr("Positional encoding: gaussian (default) or geometric."), tr("KIND")},
        {"encoder-frame", tr("What the encoder sees: canonical (default: each image turned to an in-plane angle set "
                             "by its viewing direction; the latent follows the motion in fewer epochs) or image (as "
                             "recorded, cryoDRGN's). Ab initio always uses image."), tr("FRAME")},
        {"precision", tr("fp32 (default) or bf16 (bfloat16 matrix products)."), tr("P")},
        {QStringList{"datadir", "data-dir"}, tr("Folder to look for the image stacks in."), tr("DIR")},
        {"apix", tr("Override the pixel size (Å)."), tr("Å")},
        {"no-invert", tr("Do not invert the image contrast (for data with dark particles).")},
        {"max-memory", tr("Memory bound in GB on the whole process: the particle images get what the program, model "
                          "and metadata leave of it, held in memory when they fit, else read from the stacks a "
                          "window ahead (default: a quarter of the memory, %1 GB here).")
                           .arg(double(cryo::defaultMemoryBoundBytes()) / double(1 << 30), 0, 'f', 1),
         tr("GB")},
        {"processes", tr("Train with N processes on this machine (data-parallel; --threads is then per process, "
                         "default: the cores shared out). Under SLURM (srun) or with RANK, WORLD_SIZE, MASTER_ADDR "
                         "and MASTER_PORT set, each process joins its job by itself (docs/cluster.md)."), tr("N")},
        {"dist-timeout", tr("Data-parallel: seconds a process waits for the others (rendezvous, gradient sums) "
                            "before the job ends, naming the process that stopped (default 120)."), tr("S")},
        {"gradient-sync", tr("Data-parallel: sum the gradients bucket by bucket during backward (overlap, "
                             "default) or all after it (after)."), tr("MODE")},
        {"lang", tr("User interface language (e.g. de, en)."), tr("code")},
    });
}

// The data-parallel job this process is a rank of, from the environment (docs/cluster.md).
void readDistributedOptions(const QCommandLineParser& parser, cryo::DistributedOptions& distributed)
{
    if (const auto joined = cryo::distributedFromEnvironment([](const char* name) { return std::getenv(name); }))
        distributed = *joined;
    numberOption(parser, "dist-timeout", distributed.timeoutSeconds);
    if (!(distributed.timeoutSeconds > 0))
        throw cryo::UsageError("--dist-timeout must be positive");
    const QString sync = parser.value("gradient-sync");
    if (!sync.isEmpty() && sync != "overlap" && sync != "after")
        throw cryo::UsageError("--gradient-sync must be overlap or after (got " + sync.toStdString() + ")");
    distributed.overlapBackward = sync != "after";
}

// `--processes N` (N > 1) outside a job: the arguments for the N ranks, else nullopt.
std::optional<LocalLaunch> localLaunch(const QCommandLineParser& parser, const QStringList& arguments)
{
    int processes = 1;
    numberOption(parser, "processes", processes);
    if (processes < 1)
        throw cryo::UsageError("--processes must be at least 1");
    if (processes == 1 || std::getenv("RANK") || std::getenv("SLURM_PROCID"))
        return std::nullopt;   // one process, or already a rank of a job
    LocalLaunch launch;
    launch.processes = processes;
    launch.threadsPerRank = std::max(1, int(std::thread::hardware_concurrency()) / processes);
    numberOption(parser, "dist-timeout", launch.timeoutSeconds);
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--processes")
            ++i;   // and its value
        else if (!arguments[i].startsWith("--processes="))
            launch.trainArguments << arguments[i];
    }
    return launch;
}

// Fills options from the parsed command line; throws UsageError for a bad value.
void readTrainOptions(const QCommandLineParser& parser, cryo::TrainingOptions& options)
{
    cryo::RunConfig& config = options.config;
    cryo::ModelArchitecture& model = config.model;
    double memoryGb = double(cryo::defaultMemoryBoundBytes()) / double(1 << 30);
    numberOption(parser, "zdim", model.zdim);
    numberOption(parser, "epochs", config.epochs);
    numberOption(parser, "batch", config.batchSize);
    numberOption(parser, "lr", config.learningRate);
    numberOption(parser, "beta", config.beta);
    numberOption(parser, "threads", options.threads);
    numberOption(parser, "seed", config.seed);
    numberOption(parser, "apix", options.dataset.pixelSize);
    numberOption(parser, "max-memory", memoryGb);
    layerOption(parser, "enc", model.encoderWidth, model.encoderLayers);
    layerOption(parser, "dec", model.decoderWidth, model.decoderLayers);
    numberOption(parser, "search-every", options.abInitioOptions.searchEvery);
    numberOption(parser, "reset-after", options.abInitioOptions.resetAfterEpoch);
    numberOption(parser, "base-grid", options.abInitioOptions.baseResolution);
    numberOption(parser, "search-chunk", options.abInitioOptions.searchChunk);
    numberOption(parser, "latent-volumes", options.abInitioOptions.latentVolumes);
    options.memoryLimitBytes = std::size_t(std::max(0.0, memoryGb) * double(1 << 30));
    if (parser.isSet("homogeneous"))
        model.zdim = 0;
    if (parser.isSet("pe"))
        model.positionalEncoding = parser.value("pe").toStdString();
    if (parser.isSet("encoder-frame"))
        model.encoderFrame = parser.value("encoder-frame").toStdString();
    if (parser.isSet("precision"))
        config.precision = parser.value("precision").toStdString();
    config.invertContrast = !parser.isSet("no-invert");
    options.resume = parser.isSet("resume");
    options.abInitio = parser.isSet("ab-initio");
    options.outDir = parser.value("out").toStdString();
    options.dataset.dataDirectory = parser.value("datadir").toStdString();
    options.particles = parser.positionalArguments().value(0).toStdString();
    options.posesFile = parser.value("poses").toStdString();
    options.ctfFile = parser.value("ctf").toStdString();
    readDistributedOptions(parser, options.distributed);
}

// --resume continues a run as it was trained: ab initio with its own settings when run.h5
// records them, except those given on the command line (trainModel rejects a contradiction).
void adoptRecordedAbInitio(const QCommandLineParser& parser, cryo::TrainingOptions& options)
{
    const auto path = options.outDir / cryo::kRunFileName;
    if (!options.resume || !std::filesystem::exists(path))
        return;
    const auto record = cryo::readAbInitioRecord(cryo::H5File(path, cryo::H5File::Mode::ReadOnly));
    if (!record)
        return;
    const cryo::AbInitioOptions given = options.abInitioOptions;
    options.abInitio = true;
    options.abInitioOptions = record->options;
    if (parser.isSet("search-every"))
        options.abInitioOptions.searchEvery = given.searchEvery;
    if (parser.isSet("reset-after"))
        options.abInitioOptions.resetAfterEpoch = given.resetAfterEpoch;
    if (parser.isSet("base-grid"))
        options.abInitioOptions.baseResolution = given.baseResolution;
    if (parser.isSet("search-chunk"))
        options.abInitioOptions.searchChunk = given.searchChunk;
    if (parser.isSet("latent-volumes"))
        options.abInitioOptions.latentVolumes = given.latentVolumes;
}

// settledBelowDeg: the ab initio search's convergence limit (train/AbInitioState.h).
void printEpoch(const cryo::EpochSummary& s, int epochs, double settledBelowDeg)
{
    const cryo::EpochRecord& r = s.record;
    std::printf("%s\n", qPrintable(tr("epoch %1/%2  loss %3  mse %4  kld %5  %6 images/s  %7 s")
                                       .arg(r.epoch)
                                       .arg(epochs)
                                       .arg(r.loss, 0, 'g', 6)
                                       .arg(r.mse, 0, 'g', 6)
                                       .arg(r.kld, 0, 'g', 4)
                                       .arg(r.imagesPerSecond, 0, 'f', 1)
                                       .arg(r.seconds, 0, 'f', 1)));
    if (s.poseErrorDeg >= 0)
        std::printf("%s\n", qPrintable(tr("  poses%1: median rotation error %2°, median shift error %3 px (vs truth.h5)")
                                           .arg(s.posesSearched ? tr(" (searched)") : QString())
                                           .arg(s.poseErrorDeg, 0, 'f', 2)
                                           .arg(s.shiftErrorPx, 0, 'f', 2)));
    if (s.poseChangeDeg >= 0)
        std::printf("%s\n", qPrintable(tr("  pose change since the previous search: %1° rotation, %2 px shift "
                                           "(medians): %3 (settled below %4°)")
                                           .arg(s.poseChangeDeg, 0, 'f', 2)
                                           .arg(s.poseChangePx, 0, 'f', 2)
                                           .arg(s.poseChangeDeg <= settledBelowDeg ? tr("converged") : tr("still moving"))
                                           .arg(settledBelowDeg, 0, 'f', 2)));
    if (s.halfMapResolutionA > 0)
        std::printf("%s\n", qPrintable(tr("  half maps with these poses: %1 Å at FSC 0.143").arg(s.halfMapResolutionA, 0, 'f', 1)));
    std::fflush(stdout);
}

void printGradientSync(const cryo::TrainingResult& r, const cryo::DistributedOptions& d)
{
    std::printf("%s\n", qPrintable(tr("%1 processes: gradients %2 MB per step (%3 steps); summing them held each step "
                                      "%4 ms (%5)")
                                       .arg(d.worldSize)
                                       .arg(double(r.gradientBytesPerStep) / 1e6, 0, 'f', 2)
                                       .arg(r.gradientSteps)
                                       .arg(1000 * r.gradientSyncSeconds / double(r.gradientSteps), 0, 'f', 2)
                                       .arg(d.overlapBackward ? tr("overlapped with backward") : tr("after backward"))));
}

} // namespace

int runTrain(const QStringList& arguments)
{
    QCommandLineParser parser;
    addTrainOptions(parser);
    parser.process(QStringList{QStringLiteral("cryoscape train")} + arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet("out")) {
        std::fprintf(stderr, "%s\n%s", qPrintable(tr("train: give one particles file and --out DIR.")),
                     qPrintable(parser.helpText()));
        return 2;
    }
    std::optional<LocalLaunch> launch;
    ProgressPrinter launcher(tr("Training"));
    if (const int code = runReportingFailures(QStringLiteral("train"), launcher,
                                              [&] { launch = localLaunch(parser, arguments); }))
        return code;
    if (launch)
        return launchLocalRanks(*launch);
    cryo::TrainingOptions options;
    ProgressPrinter preparing(tr("Reading images"));   // its own line: training's rate starts after it
    ProgressPrinter progress(tr("Training"));
    ProgressPrinter searching(tr("Pose search"));
    bool inSearch = false;
    cryo::TrainingCallbacks callbacks;
    callbacks.progress = [&](const cryo::TrainingProgress& p) {
        if (p.stage == "preparing") {
            preparing.update((long long)(p.imagesDone), (long long)(p.imagesPerEpoch));
            return;
        }
        preparing.finish();
        const bool search = p.stage == "pose search";
        if (inSearch && !search)
            searching.finish();
        inSearch = search;
        (search ? searching : progress).update((long long)(p.imagesDone), (long long)(p.imagesPerEpoch));
    };
    callbacks.epochFinished = [&](const cryo::EpochSummary& s) {
        progress.finish();
        printEpoch(s, options.config.epochs, cryo::settledBelowDeg(options.abInitioOptions));
    };
    InterruptWatcher interrupt;
    return runReportingFailures(QStringLiteral("train"), progress, [&] {
        readTrainOptions(parser, options);
        adoptRecordedAbInitio(parser, options);
        if (options.distributed.rank > 0)
            callbacks = {};   // rank 0 reports for the job
        if (options.abInitio && !parser.isSet("lr"))
            options.config.learningRate = cryo::kAbInitioLearningRate;
        const cryo::TrainingResult result = cryo::trainModel(options, callbacks, interrupt.token());
        progress.finish();
        if (options.distributed.rank > 0)
            return;
        if (result.gradientSteps > 0)
            printGradientSync(result, options.distributed);
        if (result.cancelled)
            std::printf("%s\n", qPrintable(tr("Stopped after %1 complete epochs; continue with --resume.")
                                               .arg(result.epochsCompleted)));
        std::printf("%s\n", qPrintable(tr("Run: %1 (%2 epochs, %3 s)")
                                           .arg(QString::fromStdString(result.runDir.string()))
                                           .arg(result.epochsCompleted)
                                           .arg(result.seconds, 0, 'f', 1)));
    });
}

} // namespace cli
