#pragma once
// Qt Test side of the fuzz harness: runs a target's cases and checks the report.
#include "support/FuzzHarness.h"

#include <QString>
#include <QtTest>

namespace fuzz {

// Every case ran, none failed, and the corpus reached both outcomes (one only refused would
// test the readers' first checks and nothing behind them).
inline void verifyTarget(const Target& target, const std::filesystem::path& workFolder, const Limits& limits = {})
{
    const Report report = run(target, workFolder, limits);
    qInfo("%s", summary(target, report).c_str());
    QVERIFY2(report.failures.empty(), failureList(report).c_str());
    QCOMPARE(report.cases(), target.caseCount);
    QVERIFY2(report.accepted > 0 && report.refused > 0, summary(target, report).c_str());
}

} // namespace fuzz
