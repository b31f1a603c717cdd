// Data-parallel training on 127.0.0.1 (issue #21), end to end through `cryoscape train`:
// - 2 processes with a batch of 7 (parts of 3 and 4 images, and a last batch of one image,
//   where one process has nothing to train on) train the model 1 process trains: the same
//   losses, z and decoded map after one epoch, and after a resume that changes the number of
//   processes (1 → 2 and 2 → 1 both give the uninterrupted 2-process model); ab initio too
//   (each process searches its share of the poses);
// - a rank killed in the middle of epoch 2 ends the job with a message naming it, run.h5 keeps
//   epoch 1, and the run resumes with 1 process;
// - ranks joining from RANK/WORLD_SIZE/MASTER_* without a store to reach give a clear message.
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "run/RunFile.h"
#include "support/RunCryoscape.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

struct RunState {
    std::vector<cryo::EpochRecord> history;
    cryo::LatentTable z;
    cryo::Volume map;
};

double largestDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    double d = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        d = std::max(d, double(std::abs(a[i] - b[i])));
    return a.size() == b.size() ? d : INFINITY;
}

// A port nobody listens on: the system's pick for a socket that is closed again at once.
int unusedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    return ok ? ntohs(address.sin_port) : -1;
}

double spread(const std::vector<float>& values)
{
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    return double(*high - *low);
}

} // namespace

class TestCliDistributed : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // 99 particles in batches of 7: 14 full batches and one of a single image.
    QStringList train(const QString& run, int epochs, int processes) const
    {
        QStringList arguments{"train", path("data/particles.star"), "--out", path(run), "--zdim", "2",
                              "--enc", "32x1", "--dec", "32x1", "--batch", "7", "--lr", "1e-3",
                              "--threads", "1", "--epochs", QString::number(epochs), "--dist-timeout", "60"};
        if (processes > 1)
            arguments << "--processes" << QString::number(processes);
        return arguments;
    }

    void run(const QStringList& arguments)
    {
        const CliResult r = runCryoscape(arguments, QProcessEnvironment::systemEnvironment(), 240000);
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(r.out + r.err));
    }

    RunState state(const QString& run)
    {
        RunState s;
        const cryo::H5File file(path(run + "/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        s.history = cryo::readHistory(file);
        s.z = cryo::readLatents(file);
        const QString maps = path(run + "-maps");
        QDir(maps).removeRecursively();
        const CliResult r = runCryoscape({"eval-vol", path(run), "--zfile", path("z.txt"), "--out", maps});
        if (r.exitCode == 0)
            s.map = cryo::readMrc((maps + "/vol_000.mrc").toStdString());
        return s;
    }

    // The tolerances: the processes add the same float32 terms in another order (two part
    // gradients summed instead of one batch's; the loss means summed from two parts): ~1e-7
    // relative per step, which 15–30 Adam steps carry into the weights. Measured: ≤ 1.4e-7
    // relative on the losses, 1.4e-7 of z's spread, 1e-7 of the map's range; the test allows
    // 1e-5 and 1e-4. Parts weighted 1 instead of by their share of the batch give 6e-4 on the
    // loss, noise drawn per part 1e-2: both fail.
    void compare(const RunState& a, const RunState& b)
    {
        QCOMPARE(a.history.size(), b.history.size());
        for (std::size_t e = 0; e < a.history.size(); ++e) {
            const cryo::EpochRecord &x = a.history[e], &y = b.history[e];
            qInfo("epoch %d loss %.9g vs %.9g, mse %.9g vs %.9g, kld %.9g vs %.9g", x.epoch, x.loss, y.loss, x.mse,
                  y.mse, x.kld, y.kld);
            QVERIFY(std::abs(x.loss - y.loss) <= 1e-5 * std::abs(x.loss));
            QVERIFY(std::abs(x.mse - y.mse) <= 1e-5 * std::abs(x.mse));
            QVERIFY(std::abs(x.kld - y.kld) <= 1e-4 * std::abs(x.kld) + 1e-6);
        }
        const double z = largestDifference(a.z.mu, b.z.mu) / spread(a.z.mu);
        const double map = largestDifference(a.map.data, b.map.data) / spread(a.map.data);
        qInfo("largest difference: z %.3g of its spread, map %.3g of its range", z, map);
        QVERIFY(z < 1e-4);
        QVERIFY(map < 1e-4);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const CliResult sim = runCryoscape({"simulate", "--out", path("data"), "--particles", "99", "--box", "16",
                                            "--apix", "12", "--snr", "1"});
        QCOMPARE(sim.exitCode, 0);
        QFile zfile(path("z.txt"));
        QVERIFY(zfile.open(QIODevice::WriteOnly));
        zfile.write("0.5 -0.5\n");
    }

    void twoProcessesTrainWhatOneTrains()
    {
        run(train("one", 1, 1));
        run(train("two", 1, 2));
        const RunState one = state("one"), two = state("two");
        QCOMPARE(two.z.count, std::size_t(99));
        compare(one, two);
    }

    void resumesWithAnotherNumberOfProcesses()
    {
        run(train("one", 2, 2) << "--resume");   // epoch 1 on one process, epoch 2 on two
        run(train("two", 2, 1) << "--resume");   // epoch 1 on two processes, epoch 2 on one
        compare(state("one"), state("two"));
    }

    // Ab initio: each process searches its rows of every chunk; the poses are gathered.
    void abInitioSearchesItsShareOfThePoses()
    {
        for (const int processes : {1, 2}) {
            QStringList arguments = train("ab" + QString::number(processes), 2, processes);
            arguments << "--ab-initio" << "--search-chunk" << "32" << "--base-grid" << "0";
            run(arguments);
        }
        compare(state("ab1"), state("ab2"));
        const cryo::H5File one(path("ab1/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        const cryo::H5File two(path("ab2/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        const cryo::PoseTable a = cryo::readPoses(one), b = cryo::readPoses(two);
        QCOMPARE(b.count, std::size_t(99));
        QVERIFY(largestDifference(a.rotations, b.rotations) < 1e-4);
        QVERIFY(largestDifference(a.shifts, b.shifts) < 1e-3);
    }

    void aKilledRankEndsTheJobAndTheRunResumes()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("CRYOSCAPE_TEST_FAULT", "1:20:die");   // rank 1 dies in epoch 2's 6th step
        const CliResult killed = runCryoscape(train("killed", 3, 2), env, 240000);
        QVERIFY(!killed.crashed);
        QCOMPARE(killed.exitCode, 1);
        qInfo("%s", qPrintable(killed.err));
        QVERIFY2(killed.err.contains(QRegularExpression("rank 1 \\([^,]+, pid \\d+\\) stopped")), qPrintable(killed.err));
        QVERIFY(killed.err.contains("rank 1 (pid"));   // the launcher's line
        {
            const cryo::H5File file(path("killed/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
            cryo::checkRunFile(file);
            QCOMPARE(cryo::readHistory(file).size(), std::size_t(1));
        }
        run(train("killed", 3, 1) << "--resume");
        const cryo::H5File file(path("killed/run.h5").toStdString(), cryo::H5File::Mode::ReadOnly);
        QCOMPARE(cryo::readHistory(file).size(), std::size_t(3));
    }

    void anUnreachableStoreIsNamed()
    {
        const int port = unusedPort();
        QVERIFY(port > 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("RANK", "1");
        env.insert("WORLD_SIZE", "2");
        env.insert("MASTER_ADDR", "127.0.0.1");
        env.insert("MASTER_PORT", QString::number(port));
        QStringList arguments = train("lonely", 1, 1);
        arguments.replace(arguments.indexOf("60"), "3");
        const CliResult r = runCryoscape(arguments, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot reach the rendezvous store at 127.0.0.1:" + QString::number(port)),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliDistributed)
#include "tst_cli_distributed.moc"
