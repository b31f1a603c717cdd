#pragma once
// Qt Test side of the fuzz harness: runs a target's cases and checks the report.
// CRYOSCAPE_FUZZ_SCALE=N runs N times as many cases (a soak run by hand; CTest runs 1×).
#include "support/FuzzHarness.h"

#include <QString>
#include <QtTest>

#include <cstdlib>

namespace fuzz {

// Every case ran, none failed, and the corpus reached both outcomes (one only refused would
// test the readers' first checks and nothing behind them).
inline void verifyTarget(Target target, const std::filesystem::path& workFolder, const Limits& limits = {})
{
    if (const char* scale = std::getenv("CRYOSCAPE_FUZZ_SCALE"))
        target.caseCount *= std::size_t(std::max(1, std::atoi(scale)));
    const Report report = run(target, workFolder, limits);
    qInfo("%s", summary(target, report).c_str());
    QVERIFY2(report.failures.empty(), failureList(report).c_str());
    QCOMPARE(report.cases(), target.caseCount);
    QVERIFY2(report.accepted > 0 && report.refused > 0, summary(target, report).c_str());
}

} // namespace fuzz
