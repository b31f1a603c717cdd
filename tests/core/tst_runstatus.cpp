// The training status marker RUN/training.status (run/RunStatus.h): written and read back,
// malformed markers refused with the file and line, the writer's life cycle (running with a
// heartbeat, the epoch, the final state; "failed" when dropped without one), and how a reader
// judges running, ended and stopped runs.
#include "run/RunStatus.h"
#include "util/Error.h"
#include "util/HostName.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

class TestRunStatus : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    std::filesystem::path dir(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(path);
        return path.toStdString();
    }

    void writeText(const std::filesystem::path& runDir, const QByteArray& text)
    {
        QFile file(QString::fromStdString(cryo::runStatusPath(runDir).string()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }

private Q_SLOTS:
    void roundTrips()
    {
        const auto run = dir("roundtrip");
        QVERIFY(!cryo::readRunStatus(run));   // no marker: a run from before, or imported
        cryo::RunStatus s;
        s.state = cryo::RunState::Failed;
        s.pid = 4321;
        s.host = "node17";
        s.epoch = 3;
        s.epochs = 20;
        s.heartbeat = 1796640000;
        s.message = "rank 1 stopped\nsecond line";
        cryo::writeRunStatus(run, s);
        const auto back = cryo::readRunStatus(run);
        QVERIFY(back);
        QCOMPARE(back->state, cryo::RunState::Failed);
        QCOMPARE(back->pid, std::int64_t(4321));
        QCOMPARE(back->host, std::string("node17"));
        QCOMPARE(back->epoch, 3);
        QCOMPARE(back->epochs, 20);
        QCOMPARE(back->heartbeat, std::int64_t(1796640000));
        QCOMPARE(back->message, std::string("rank 1 stopped second line"));   // one line
        QVERIFY(!std::filesystem::exists(cryo::runStatusPath(run).string() + ".part"));
    }

    void refusesMalformedMarkers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << "no 'state:' line";
        QTest::newRow("no colon") << QByteArray("state: running\nrubbish\n") << "line 2: expected 'key: value'";
        QTest::newRow("state") << QByteArray("state: sleeping\n") << "line 1: unknown state 'sleeping'";
        QTest::newRow("epoch") << QByteArray("state: running\nepoch: 3x\n") << "line 2: epoch is not an integer";
        QTest::newRow("pid") << QByteArray("state: running\npid: \n") << "line 2: pid is not an integer";
    }

    void refusesMalformedMarkers()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto run = dir("malformed");
        writeText(run, text);
        try {
            cryo::readRunStatus(run);
            QFAIL("a malformed marker was read");
        } catch (const cryo::FileError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QLatin1String(cryo::kRunStatusFileName)), qPrintable(message));
            QVERIFY2(message.contains(expected), qPrintable(message));
        }
    }

    void writerKeepsTheMarker()
    {
        const auto run = dir("writer");
        {
            cryo::RunStatusWriter writer(run, 0, 5);
            auto s = cryo::readRunStatus(run);
            QVERIFY(s);
            QCOMPARE(s->state, cryo::RunState::Running);
            QCOMPARE(s->pid, std::int64_t(::getpid()));
            QCOMPARE(s->host, cryo::thisHostName());
            QCOMPARE(s->epochs, 5);
            QVERIFY(std::abs(s->heartbeat - cryo::unixSecondsNow()) <= 5);
            writer.epochWritten(2);
            QCOMPARE(cryo::readRunStatus(run)->epoch, 2);
            writer.finish(cryo::RunState::Finished);
        }
        QCOMPARE(cryo::readRunStatus(run)->state, cryo::RunState::Finished);   // not overwritten on destruction
        {
            cryo::RunStatusWriter dropped(run, 2, 5);   // an exception unwinds past the engine
        }
        const auto s = cryo::readRunStatus(run);
        QCOMPARE(s->state, cryo::RunState::Failed);
        QVERIFY(!s->message.empty());
    }

    void judgesActivity()
    {
        cryo::RunStatus s;
        s.pid = ::getpid();
        s.host = cryo::thisHostName();
        QCOMPARE(cryo::runActivity(s, 0, false), cryo::RunActivity::Running);
        QCOMPARE(cryo::runActivity(s, cryo::kStoppedAfterSeconds - 1, false), cryo::RunActivity::Running);
        QCOMPARE(cryo::runActivity(s, cryo::kStoppedAfterSeconds + 1, false), cryo::RunActivity::Stopped);
        QCOMPARE(cryo::runActivity(s, 0, true), cryo::RunActivity::Stopped);
        s.state = cryo::RunState::Finished;
        QCOMPARE(cryo::runActivity(s, 1e6, true), cryo::RunActivity::Finished);
        s.state = cryo::RunState::Cancelled;
        QCOMPARE(cryo::runActivity(s, 0, false), cryo::RunActivity::Cancelled);
        s.state = cryo::RunState::Failed;
        QCOMPARE(cryo::runActivity(s, 0, false), cryo::RunActivity::Failed);
    }

    void seesWhetherTheWriterIsGone()
    {
        cryo::RunStatus s;
        s.pid = ::getpid();
        s.host = cryo::thisHostName();
        QVERIFY(!cryo::writerProcessGone(s));   // this process
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        QVERIFY(child > 0);
        int status = 0;
        ::waitpid(child, &status, 0);   // reaped: no such process any more
        s.pid = child;
        QVERIFY(cryo::writerProcessGone(s));
        s.host = "another-host";   // only its heartbeat can tell
        QVERIFY(!cryo::writerProcessGone(s));
    }
};

QTEST_GUILESS_MAIN(TestRunStatus)
#include "tst_runstatus.moc"
