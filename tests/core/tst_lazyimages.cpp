// Training from stacks larger than memory (issue #22): the windowed epoch shuffle visits
// every particle once, the read-ahead returns the right image across stack files, and the
// lazily read batches equal the cached ones.
#include "images/ImageReadAhead.h"
#include "images/TrainingImages.h"
#include "images/WindowedShuffle.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>
#include <set>

using namespace cryo;
namespace fs = std::filesystem;

namespace {

constexpr int kBox = 8;
constexpr std::size_t kPixels = kBox * kBox;

// Two stacks of random images (300 and 217) listed in stacks.txt; returns the list's path.
fs::path writeTwoStacks(const QTemporaryDir& dir)
{
    const fs::path folder = dir.path().toStdString();
    std::mt19937 rng(3);
    std::normal_distribution<float> noise;
    std::ofstream list(folder / "stacks.txt");
    for (const auto& [name, count] : {std::pair{"a.mrcs", 300}, std::pair{"b.mrcs", 217}}) {
        std::vector<float> images(std::size_t(count) * kPixels);
        for (float& v : images)
            v = noise(rng);
        MrcWriter writer(folder / name, kBox, kBox, 2.0f, {MrcMode::Float32, true});
        writer.appendSections(images.data(), count);
        writer.finish();
        list << name << "\n";
    }
    return folder / "stacks.txt";
}

std::vector<float> imageOf(const ParticleDataset& dataset, std::size_t particle)
{
    std::vector<float> image(kPixels);
    dataset.readImages(particle, 1, image.data());
    return image;
}

} // namespace

class TestLazyImages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void windowedShuffleVisitsEveryParticleOnce()
    {
        const ShuffleWindows windows{16, 64};
        const std::size_t count = 1003;
        const std::vector<std::size_t> order = windowedShuffle(count, windows, 7);
        std::vector<std::size_t> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        std::vector<std::size_t> every(count);
        std::iota(every.begin(), every.end(), std::size_t(0));
        QVERIFY(sorted == every);
        QVERIFY(order != windowedShuffle(count, windows, 8));   // another epoch, another order
        QVERIFY(order == windowedShuffle(count, windows, 7));
        QVERIFY(!std::is_sorted(order.begin(), order.begin() + 64));   // shuffled within a window
    }

    void windowedShuffleReadsFewBlocksPerWindow()
    {
        const ShuffleWindows windows{16, 64};
        const std::vector<std::size_t> order = windowedShuffle(1003, windows, 7);
        std::set<std::size_t> allBlocks;
        for (std::size_t first = 0; first < order.size(); first += 64) {
            std::set<std::size_t> blocks;
            for (std::size_t i = first; i < std::min(order.size(), first + 64); ++i)
                blocks.insert(order[i] / 16);
            QVERIFY2(blocks.size() <= 64 / 16 + 1, qPrintable(QString::number(blocks.size())));
            allBlocks.insert(blocks.begin(), blocks.end());
        }
        QCOMPARE(allBlocks.size(), std::size_t(63));   // ⌈1003 / 16⌉
        // The blocks themselves are shuffled: the first window is not the first 64 particles.
        QVERIFY(*std::max_element(order.begin(), order.begin() + 64) >= 64);
    }

    void plainShuffleWhenEverythingFits()
    {
        std::vector<std::size_t> plain(500);
        std::iota(plain.begin(), plain.end(), std::size_t(0));
        std::mt19937_64 rng(11);
        std::shuffle(plain.begin(), plain.end(), rng);
        QVERIFY(windowedShuffle(500, {16, 500}, 11) == plain);
    }

    void readAheadAcrossStackFiles()
    {
        QTemporaryDir dir;
        const ParticleDataset dataset = ParticleDataset::open(writeTwoStacks(dir));
        QCOMPARE(dataset.size(), std::size_t(517));
        const std::vector<std::size_t> order = windowedShuffle(dataset.size(), {16, 64}, 5);
        ImageReadAhead readAhead(dataset, order, 64);
        QVERIFY(readAhead.image(order[200]) == nullptr);   // three windows ahead: not read yet
        for (const std::size_t particle : order) {
            const float* image = readAhead.image(particle);
            QVERIFY(image);
            QVERIFY(std::equal(image, image + kPixels, imageOf(dataset, particle).begin()));
        }
    }

    void stoppingMidEpochJoinsTheReader()
    {
        QTemporaryDir dir;
        const ParticleDataset dataset = ParticleDataset::open(writeTwoStacks(dir));
        const std::vector<std::size_t> order = windowedShuffle(dataset.size(), {16, 32}, 5);
        ImageReadAhead readAhead(dataset, order, 32);
        QVERIFY(readAhead.image(order[0]));
        QVERIFY(readAhead.image(order[40]));
    }   // destroyed while windows are still to be read

    void lazyBatchesEqualCachedOnes()
    {
        QTemporaryDir dir;
        const ParticleDataset dataset = ParticleDataset::open(writeTwoStacks(dir));
        TrainingImagesOptions options;
        options.normImages = 100;
        std::mt19937 rng(9);
        std::uniform_real_distribution<float> shift(-3.0f, 3.0f);
        options.poses.resize(dataset.size());
        for (ParticlePose& pose : options.poses) {
            pose.shiftX = shift(rng);
            pose.shiftY = shift(rng);
        }
        TrainingImages cached(dataset, options);
        options.residentBytes = [] { return std::size_t(1) << 30; };
        options.memoryLimitBytes = (std::size_t(1) << 30) + (80 << 10);   // 80 KB left: less than the cached images
        TrainingImages lazy(dataset, options);
        QVERIFY(cached.cached() && !lazy.cached());
        const std::vector<std::size_t> order = lazy.epochOrder(3);
        lazy.readAhead(order);
        TrainingBatch a, b;
        for (std::size_t first = 0; first < order.size(); first += 50) {
            const auto batch = std::span(order).subspan(first, std::min<std::size_t>(50, order.size() - first));
            cached.fill(batch, a);
            lazy.fill(batch, b);
            QVERIFY(a.indices == b.indices);
            QVERIFY(a.target == b.target);
        }
    }

    // The bound is on the whole process: the images get the bound minus what the process
    // holds when they are loaded; in that they are cached, or read in windows that fit, or,
    // when not even two small windows fit, training stops with the bound named.
    void theImagesGetTheBoundMinusWhatTheProcessHolds()
    {
        QTemporaryDir dir;
        const ParticleDataset dataset = ParticleDataset::open(writeTwoStacks(dir));
        TrainingImagesOptions options;
        options.normImages = 100;
        options.poses.resize(dataset.size());
        const std::size_t baseline = std::size_t(700) << 20;
        options.residentBytes = [baseline] { return baseline; };
        options.memoryLimitBytes = baseline + (60 << 10);
        const TrainingImages lazy(dataset, options);
        QCOMPARE(lazy.memoryBudget().baselineBytes, baseline);
        QCOMPARE(lazy.memoryBudget().imageBytes(), std::size_t(60 << 10));
        QVERIFY(!lazy.cached());
        // Two windows of raw images and the order's three index lists fit in what is left.
        const ShuffleWindows windows = lazy.shuffleWindows();
        QVERIFY(windows.windowParticles >= 16 && windows.windowParticles < dataset.size());
        QVERIFY(2 * windows.windowParticles * kPixels * sizeof(float) + 3 * sizeof(std::size_t) * dataset.size()
                <= lazy.memoryBudget().imageBytes() * 85 / 100);   // 15 % kept for what grows while training
        QVERIFY(windows.blockParticles >= 1 && windows.blockParticles <= windows.windowParticles / 8);
        // What training allocates per particle later (the latent table at each epoch's end) is
        // kept out of the windows as well.
        TrainingImagesOptions later = options;
        later.laterBytesPerParticle = 8;
        const ShuffleWindows smaller = TrainingImages(dataset, later).shuffleWindows();
        QVERIFY(2 * smaller.windowParticles * kPixels * sizeof(float) + (3 * sizeof(std::size_t) + 8) * dataset.size()
                <= lazy.memoryBudget().imageBytes() * 85 / 100);
        QVERIFY(smaller.windowParticles < windows.windowParticles);
        // Every particle once per epoch.
        for (std::uint64_t epoch : {1, 2}) {
            std::vector<std::size_t> order = lazy.epochOrder(epoch);
            std::sort(order.begin(), order.end());
            std::vector<std::size_t> every(dataset.size());
            std::iota(every.begin(), every.end(), std::size_t(0));
            QVERIFY(order == every);
        }
        // More left than the cached images take: cached.
        options.memoryLimitBytes = baseline + (200 << 10);
        QVERIFY(TrainingImages(dataset, options).cached());
        // Less than two windows of 16 images and the order: the bound is named.
        options.memoryLimitBytes = baseline + (20 << 10);
        try {
            TrainingImages tooLittle(dataset, options);
            QFAIL("a bound leaving 20 KB was accepted");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains("memory bound of 700 MB") && QString(e.what()).contains("raise the bound"),
                     e.what());
        }
        // A process already above its bound leaves nothing.
        QCOMPARE((ImageMemoryBudget{baseline, baseline + 1}.imageBytes()), std::size_t(0));
        QVERIFY(processResidentBytes() > 0);   // read from /proc/self/statm
    }
};

QTEST_GUILESS_MAIN(TestLazyImages)
#include "tst_lazyimages.moc"
