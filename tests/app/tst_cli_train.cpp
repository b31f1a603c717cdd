// `cryoscape train` and `cryoscape eval-vol` end to end on a tiny simulated dataset: a run
// directory with run.h5 and checkpoints, maps with the run's pixel size, a resumed run,
// an ab initio run resumed without repeating its settings (and refused when the resume
// contradicts them), its particles exported with the poses it found, and clear messages
// (exit code 2 / 1) for bad options and bad input.
#include "geometry/PoseConventions.h"
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "run/RunFile.h"
#include "train/AbInitioState.h"
#include "support/RunCryoscape.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

class TestCliTrain : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        const CliResult sim = runCryoscape({"simulate", "--out", path("data"), "--particles", "64", "--box", "16",
                                            "--apix", "12", "--snr", "1"});
        QCOMPARE(sim.exitCode, 0);
    }

    void trainsResumesAndDecodes()
    {
        const QStringList common{"train", path("data/particles.star"), "--out", path("run"), "--zdim", "2",
                                 "--enc", "32x1", "--dec", "32x1", "--threads", "1"};
        const CliResult first = runCryoscape(common + QStringList{"--epochs", "1"});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(first.out.contains("epoch 1/1"));
        QVERIFY(QFile::exists(path("run/checkpoints/epoch_0001.pt")));

        const CliResult resumed = runCryoscape(common + QStringList{"--epochs", "2", "--resume"});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY(resumed.out.contains("epoch 2/2"));
        QVERIFY(!resumed.out.contains("epoch 1/2"));   // continued, not restarted
        const cryo::H5File run(path("run/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QCOMPARE(cryo::readHistory(run).size(), std::size_t(2));
        const cryo::LatentTable z = cryo::readLatents(run);
        QCOMPARE(z.count, std::size_t(64));
        QCOMPARE(z.zdim, 2);
        QCOMPARE(cryo::readRunConfig(run).model.encoderFrame, std::string("canonical"));   // the default, recorded

        const CliResult badFrame = runCryoscape({"train", path("data/particles.star"), "--out", path("badframe"),
                                                 "--encoder-frame", "upright", "--epochs", "1", "--threads", "1"});
        QCOMPARE(badFrame.exitCode, 2);
        QVERIFY2(badFrame.err.contains("encoder frame must be canonical or image (got upright)"), qPrintable(badFrame.err));

        QFile zfile(path("z.txt"));
        QVERIFY(zfile.open(QIODevice::WriteOnly));
        zfile.write("# two points\n0 0\n1.5, -1\n");
        zfile.close();
        const CliResult maps = runCryoscape({"eval-vol", path("run"), "--zfile", path("z.txt"), "--out", path("maps")});
        QVERIFY2(maps.exitCode == 0, qPrintable(maps.err));
        const cryo::Volume v = cryo::readMrc(path("maps/vol_001.mrc").toStdString());
        QCOMPARE(v.nx, 16);
        QCOMPARE(v.voxelSize, 12.0f);
        QVERIFY(!QFile::exists(path("maps/vol_002.mrc")));

        const CliResult preview = runCryoscape({"eval-vol", path("run"), "--z", "0.5 0.5", "--preview", "--out",
                                                path("preview")});
        QCOMPARE(preview.exitCode, 0);
        QCOMPARE(cryo::readMrc(path("preview/vol_000.mrc").toStdString()).nx, 8);
    }

    void abInitioRunResumes()
    {
        const QStringList common{"train", path("data/particles.star"), "--out", path("abinitio"), "--homogeneous",
                                 "--dec", "32x1", "--threads", "1"};
        const CliResult first = runCryoscape(common + QStringList{"--epochs", "1", "--ab-initio", "--search-every", "2",
                                                                  "--reset-after", "0", "--base-grid", "0",
                                                                  "--latent-volumes", "3"});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains("(searched)"), qPrintable(first.out));   // truth.h5 is beside the particles
        // --resume alone: the run's own ab initio settings (epoch 2 trains on the poses of epoch 1,
        // epoch 3 searches again: every 2 epochs, as recorded).
        const CliResult resumed = runCryoscape(common + QStringList{"--epochs", "3", "--resume"});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err + resumed.out));
        QVERIFY(resumed.out.contains("epoch 2/3"));
        QVERIFY(!resumed.out.contains("epoch 1/3"));
        const QStringList lines = resumed.out.split('\n');
        int searchedAfter2 = -1, searchedAfter3 = -1;
        for (int i = 0; i + 1 < lines.size(); ++i) {
            if (lines[i].startsWith("epoch 2/3"))
                searchedAfter2 = lines[i + 1].contains("(searched)");
            if (lines[i].startsWith("epoch 3/3"))
                searchedAfter3 = lines[i + 1].contains("(searched)");
        }
        QCOMPARE(searchedAfter2, 0);
        QCOMPARE(searchedAfter3, 1);
        const cryo::H5File run(path("abinitio/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QCOMPARE(cryo::readHistory(run).size(), std::size_t(3));
        QCOMPARE(cryo::readPoses(run).count, std::size_t(64));
        const auto record = cryo::readAbInitioRecord(run);
        QVERIFY(record);
        QCOMPARE(record->options.latentVolumes, 3);   // recorded, for a resume, though one map needs no volumes
        QCOMPARE(cryo::readRunConfig(run).learningRate, cryo::kAbInitioLearningRate);   // no --lr: ab initio's default
        QCOMPARE(cryo::readRunConfig(run).model.encoderFrame, std::string("image"));   // the poses are searched

        const CliResult other = runCryoscape(common + QStringList{"--epochs", "4", "--resume", "--search-every", "3"});
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains("search every N epochs: 2 in the run, 3 given"), qPrintable(other.err));
        const CliResult notAbInitio = runCryoscape({"train", path("data/particles.star"), "--out", path("run"),
                                                    "--zdim", "2", "--enc", "32x1", "--dec", "32x1", "--epochs", "3",
                                                    "--resume", "--ab-initio"});
        QCOMPARE(notAbInitio.exitCode, 2);
        QVERIFY2(notAbInitio.err.contains("not ab initio"), qPrintable(notAbInitio.err));
    }

    // `cryoscape export` of an ab initio run writes the poses it found (rotation and shift in
    // Å), not the particle file's; --input-poses keeps the file's.
    void abInitioExportCarriesTheFoundPoses()
    {
        QFile index(path("first10.txt"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        for (int i = 0; i < 10; ++i)
            index.write(QByteArray::number(i) + "\n");
        index.close();
        const CliResult r = runCryoscape({"export", path("abinitio"), "--index", path("first10.txt"), "--star",
                                          path("found.star"), "--cs", path("found.cs")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("the run's ab initio poses"), qPrintable(r.out));
        const CliResult kept = runCryoscape({"export", path("abinitio"), "--index", path("first10.txt"), "--star",
                                             path("input.star"), "--input-poses"});
        QVERIFY2(kept.exitCode == 0, qPrintable(kept.err));

        const cryo::PoseTable found = cryo::readPoses(cryo::H5File(path("abinitio/run.h5").toStdString(),
                                                                   cryo::H5File::Mode::ReadOnly));
        const auto input = cryo::ParticleDataset::open(path("data/particles.star").toStdString());
        const double pixelSize = input.pixelSize();
        cryo::ParticleDatasetOptions metadataOnly;
        metadataOnly.requireImages = false;   // the exported files lie beside, not with, the stack
        for (const char* file : {"found.star", "found.cs", "input.star"}) {
            const auto back = cryo::ParticleDataset::open(path(file).toStdString(), metadataOnly);
            QCOMPARE(back.size(), std::size_t(10));
            const bool fromRun = QString(file).startsWith("found");
            for (std::size_t i = 0; i < 10; ++i) {
                const cryo::ParticlePose& pose = back.poses()[i];
                std::array<float, 9> foundRotation;
                std::copy_n(found.rotations.begin() + std::ptrdiff_t(9 * i), 9, foundRotation.begin());
                const cryo::Mat3 expected = cryo::matrixFromRowMajor(fromRun ? foundRotation : input.poses()[i].rotation);
                const double shiftX = fromRun ? found.shifts[2 * i] * pixelSize : input.poses()[i].shiftX;
                QVERIFY2((cryo::matrixFromRowMajor(pose.rotation) - expected).cwiseAbs().maxCoeff() < 1e-4, file);
                QVERIFY2(std::abs(pose.shiftX - shiftX) < 1e-3, file);
            }
        }
    }

    void badInputIsReported_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString star = path("data/particles.star");
        QTest::newRow("no out") << QStringList{"train", star} << 2 << "--out";
        QTest::newRow("bad layers") << QStringList{"train", star, "--out", path("x"), "--enc", "12"} << 2 << "WIDTHxLAYERS";
        QTest::newRow("bad number") << QStringList{"train", star, "--out", path("x"), "--epochs", "many"} << 2
                                    << "--epochs needs a number";
        QTest::newRow("no volumes") << QStringList{"train", star, "--out", path("x"), "--ab-initio", "--latent-volumes", "0"}
                                    << 2 << "volumes per chunk must be at least 1";
        QTest::newRow("zero epochs") << QStringList{"train", star, "--out", path("x"), "--epochs", "0"} << 2 << "epochs";
        QTest::newRow("missing file") << QStringList{"train", path("nothing.star"), "--out", path("x")} << 1
                                      << "nothing.star";
        QTest::newRow("bad poses file") << QStringList{"train", star, "--out", path("x"), "--poses", path("data/particles.mrcs")}
                                        << 1 << "poses";
        QTest::newRow("resume nothing") << QStringList{"train", star, "--out", path("empty"), "--resume"} << 2
                                        << "nothing to resume";
        QTest::newRow("eval without z") << QStringList{"eval-vol", path("run"), "--out", path("m")} << 2 << "--z";
        QTest::newRow("eval wrong zdim") << QStringList{"eval-vol", path("run"), "--z", "1 2 3", "--out", path("m")} << 1
                                         << "zdim 2";
        QTest::newRow("eval no run") << QStringList{"eval-vol", path("nowhere"), "--z", "1 2", "--out", path("m")} << 1
                                     << "run.h5";
    }

    void badInputIsReported()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliResult r = runCryoscape(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
