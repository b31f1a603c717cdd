#include "cli/ProgressPrinter.h"

#include <cstdio>

namespace cli {

ProgressPrinter::ProgressPrinter(QString label) : m_label(std::move(label)) { m_clock.start(); }

void ProgressPrinter::update(long long done, long long total)
{
    if (!m_drawn) {   // a new line (the first, or after finish()): its rate and ETA start now
        m_clock.restart();
        m_lastDrawMs = -1000;
    }
    const qint64 now = m_clock.elapsed();
    if (now - m_lastDrawMs < 100 && done < total)
        return;
    m_lastDrawMs = now;
    const double fraction = total > 0 ? double(done) / double(total) : 0.0;
    const int width = 30, filled = int(fraction * width);
    const double seconds = now / 1000.0;
    const double eta = done > 0 ? seconds * double(total - done) / double(done) : 0.0;
    const double rate = seconds > 0 ? done / seconds : 0.0;
    std::fprintf(stderr, "\r%s [%s%s] %3d%%  %lld/%lld  %.*f/s  ETA %.0f s   ", qPrintable(m_label),
                 QByteArray(filled, '=').constData(), QByteArray(width - filled, ' ').constData(),
                 int(fraction * 100), done, total, rate < 100 ? 1 : 0, rate, eta);   // slow rates: a decimal
    std::fflush(stderr);
    m_drawn = true;
}

void ProgressPrinter::finish()
{
    if (m_drawn)
        std::fprintf(stderr, "\n");
    m_drawn = false;
}

} // namespace cli
