#pragma once
// Runs the cryoscape binary as a user would (headless commands), for the CLI tests.
#include <QProcess>
#include <QString>
#include <QStringList>

struct CliResult {
    int exitCode = -1;
    QString out, err;
    bool crashed = false;   // crashed, or still running after the time limit
};

inline CliResult runCryoscape(const QStringList& arguments,
                              const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                              int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CRYOSCAPE_BIN_DIR "/cryoscape"), arguments);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.crashed = true;
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
