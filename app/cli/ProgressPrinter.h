#pragma once
// A one-line progress bar with rate and ETA for long headless commands, on stderr,
// redrawn at most ~10 times a second.
#include <QElapsedTimer>
#include <QString>

namespace cli {

class ProgressPrinter {
public:
    explicit ProgressPrinter(QString label);
    void update(long long done, long long total);
    void finish();   // ends the line

private:
    QString m_label;
    QElapsedTimer m_clock;
    qint64 m_lastDrawMs = -1000;
    bool m_drawn = false;
};

} // namespace cli
