#pragma once
// Opening runs, sessions and cryoDRGN directories in the window in tests: the window opens
// them in the background (RunLoader); these wait for the open to end, however long a busy
// machine takes.
#include "MainWindow.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

// Waits until the open under way ended; `ended` watched runOpenEnded since before it started.
// True when it completed (the run is shown, or its summary when it has nothing to explore).
inline bool waitUntilOpened(MainWindow& window, QSignalSpy& ended, int timeoutMs = 300000)
{
    QElapsedTimer clock;
    clock.start();
    while (window.isOpeningRun() && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    QCoreApplication::processEvents();
    return !ended.isEmpty() && ended.last().first().toBool();
}

// Opens `path` as File → Open would and waits until the open ended (waitUntilOpened).
inline bool openAndWait(MainWindow& window, const QString& path, int timeoutMs = 300000)
{
    QSignalSpy ended(&window, &MainWindow::runOpenEnded);
    return window.openFile(path) && waitUntilOpened(window, ended, timeoutMs);
}
